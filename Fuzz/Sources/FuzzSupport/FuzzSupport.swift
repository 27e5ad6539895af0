import CityPulse
import CLibFuzzer
import Foundation

/// What every harness shares: the project's folders, its default pipeline, and handing control to libFuzzer.
public enum FuzzSupport {
    /// The repository root, found from this file's place (`Fuzz/Sources/FuzzSupport/`).
    public static let projectRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The default pipeline; a harness that cannot load it stops at once rather than fuzz nothing.
    public static let pipeline: PipelineDefinition = {
        let url = projectRoot.appendingPathComponent("Pipelines/hohhot-youth.yml")
        do {
            return try PipelineLoader().load(data: Data(contentsOf: url), path: url.path)
        } catch {
            fatalError("cannot load \(url.path): \(error)")
        }
    }()

    /// Runs libFuzzer with the process's arguments, calling `body` with each input; exits with its status.
    public static func run(_ body: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, body))
    }

    /// The input as a buffer (libFuzzer passes a null pointer for the empty input).
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: size == 0 ? nil : data, count: size)
    }

    /// Stops the fuzzer with `message` when an invariant of the readers does not hold: libFuzzer
    /// records the input that broke it as a crash.
    public static func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
        if !condition() { fatalError("invariant broken: \(message())") }
    }
}
