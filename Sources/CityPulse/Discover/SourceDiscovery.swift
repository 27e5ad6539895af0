import Foundation

/// One file a source's globs matched, inside the input root.
public struct DiscoveredFile: Sendable, Hashable {
    /// Path relative to the input root, with `/` separators.
    public var path: String
    public var url: URL
    public var source: SourceDefinition
    public var size: Int
    /// Modification time in nanoseconds, for stat-based change detection.
    public var modified: Int64
}

/// Expands the pipeline's globs under the input root. Nothing outside the root is read: absolute globs,
/// `..` and symbolic links that resolve outside are refused with a diagnostic.
public struct SourceDiscovery: Sendable {
    public let inputRoot: URL

    public init(inputRoot: URL) {
        self.inputRoot = inputRoot.standardizedFileURL.resolvingSymlinksInPath()
    }

    public func discover(_ pipeline: PipelineDefinition) -> (files: [DiscoveredFile], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let all = listFiles(&diagnostics)
        var files: [DiscoveredFile] = []
        for source in pipeline.sources {
            var globs: [Glob] = []
            for g in source.globs.map(Glob.init) {
                if let problem = g.problem {
                    diagnostics.append(Diagnostic(.error, stage: "discover", file: pipeline.path, problem))
                } else {
                    globs.append(g)
                }
            }
            let matched = all.filter { f in globs.contains { $0.matches(f.path) } }
            if matched.isEmpty {
                diagnostics.append(Diagnostic(.warning, stage: "discover", file: pipeline.path, "source '\(source.id)': \(Diagnostic.Message.noFilesMatched.text)"))
            }
            for var f in matched {
                f.source = source
                files.append(f)
            }
        }
        return (files, diagnostics)
    }

    /// Every regular file under the root (links followed only when they stay inside), sorted by path.
    private func listFiles(_ diagnostics: inout [Diagnostic]) -> [DiscoveredFile] {
        let fm = FileManager.default
        let rootPath = inputRoot.path
        guard let enumerator = fm.enumerator(at: inputRoot, includingPropertiesForKeys: [.isSymbolicLinkKey, .isRegularFileKey],
                                             options: [.skipsHiddenFiles]) else { return [] }
        let placeholder = SourceDefinition(id: "", kind: .html, globs: [], illustrative: false, csv: nil)
        var out: [DiscoveredFile] = []
        for case let url as URL in enumerator {
            let relative = String(url.standardizedFileURL.path.dropFirst(rootPath.count)).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            var st = stat()
            guard lstat(url.path, &st) == 0 else { continue }
            var realURL = url
            if (st.st_mode & S_IFMT) == S_IFLNK {
                let resolved = url.resolvingSymlinksInPath().standardizedFileURL.path
                guard resolved == rootPath || resolved.hasPrefix(rootPath + "/") else {
                    diagnostics.append(Diagnostic(.warning, stage: "discover", file: relative, .symlinkOutside(resolved)))
                    enumerator.skipDescendants()
                    continue
                }
                realURL = URL(fileURLWithPath: resolved)
                guard stat(resolved, &st) == 0 else { continue }
            }
            guard (st.st_mode & S_IFMT) == S_IFREG else { continue }
            let modified = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
            out.append(DiscoveredFile(path: relative, url: realURL, source: placeholder, size: Int(st.st_size), modified: modified))
        }
        return out.sorted { $0.path < $1.path }
    }
}
