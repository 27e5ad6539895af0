import Foundation

/// The tool's version: part of every cache key and of the manifest.
public enum CityPulseVersion {
    public static let string = "0.1.0"

    /// The version plus the size and modification time of the running executable, so a rebuilt tool
    /// never reuses results an earlier build extracted.
    public static let buildIdentity: String = {
        var st = stat()
        guard stat("/proc/self/exe", &st) == 0 else { return string }
        return "\(string)+\(st.st_size)-\(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)"
    }()
}
