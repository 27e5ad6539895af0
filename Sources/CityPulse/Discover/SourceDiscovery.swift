import Foundation

/// Expands the pipeline's globs under the input root. Nothing outside the root is read: absolute globs,
/// `..` and symbolic links that resolve outside are refused with a diagnostic. A missing or unreadable
/// input root, and a source (not marked `optional`) whose globs match no file, are errors: the run
/// fails rather than publish less than it should.
public struct SourceDiscovery: Sendable {
    public let inputRoot: URL

    public init(inputRoot: URL) {
        self.inputRoot = inputRoot.standardizedFileURL.resolvingSymlinksInPath()
    }

    public func discover(_ pipeline: PipelineDefinition) -> (files: [DiscoveredFile], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        if let problem = rootProblem() {
            diagnostics.append(Diagnostic(.error, stage: "discover", file: inputRoot.path, problem))
            return ([], diagnostics)
        }
        let reachable = pipeline.sources.flatMap { $0.globs.map(Glob.init) }.filter { $0.problem == nil }
        let all = listFiles(globs: reachable, &diagnostics)
        let components = all.map { Glob.components($0.path) }
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
            let matched = all.indices.filter { i in globs.contains { $0.matches(components: components[i]) } }.map { all[$0] }
            if matched.isEmpty {
                diagnostics.append(Diagnostic(source.optional ? .warning : .error, stage: "discover", file: pipeline.path,
                                              .noFilesMatched(source: source.id, globs: source.globs, root: inputRoot.path, optional: source.optional)))
            }
            for var f in matched {
                f.source = source
                files.append(f)
            }
        }
        return (files, diagnostics)
    }

    /// Why the input root cannot be read, if it cannot.
    private func rootProblem() -> Diagnostic.Message? {
        var st = stat()
        guard stat(inputRoot.path, &st) == 0 else { return .inputRootMissing(inputRoot.path) }
        guard (st.st_mode & S_IFMT) == S_IFDIR else { return .inputRootNotAFolder(inputRoot.path) }
        guard let handle = opendir(inputRoot.path) else { return .inputRootUnreadable(inputRoot.path) }
        closedir(handle)
        return nil
    }

    /// Every regular file under the root (links followed only when they stay inside), sorted by path;
    /// folders that none of `globs` can reach are not entered.
    private func listFiles(globs: [Glob], _ diagnostics: inout [Diagnostic]) -> [DiscoveredFile] {
        var out: [DiscoveredFile] = []
        walk(inputRoot.path, relative: "", globs: globs, into: &out, &diagnostics)
        return out.sorted { $0.path < $1.path }
    }

    /// Regular files under `directory`, with POSIX calls (a `FileManager` enumerator builds and
    /// standardizes a URL per entry, which costs more than the run's own work on small inputs). Hidden
    /// entries are skipped; a symbolic link is followed only to a regular file inside the input root,
    /// and is reported when it points out of it; linked folders are not entered.
    private func walk(_ directory: String, relative: String, globs: [Glob], into out: inout [DiscoveredFile], _ diagnostics: inout [Diagnostic]) {
        guard let handle = opendir(directory) else { return }
        defer { closedir(handle) }
        let rootPath = inputRoot.path
        let placeholder = SourceDefinition(id: "", kind: .html, globs: [], illustrative: false, csv: nil)
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard !name.isEmpty, !name.hasPrefix(".") else { continue }
            let path = directory + "/" + name
            let relativePath = relative.isEmpty ? name : relative + "/" + name
            var st = stat()
            guard lstat(path, &st) == 0 else { continue }
            var realPath = path
            switch st.st_mode & S_IFMT {
            case S_IFDIR:
                let folder = Glob.components(relativePath)
                if globs.contains(where: { $0.couldMatch(inside: folder) }) {
                    walk(path, relative: relativePath, globs: globs, into: &out, &diagnostics)
                }
                continue
            case S_IFLNK:
                let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
                guard resolved == rootPath || resolved.hasPrefix(rootPath + "/") else {
                    diagnostics.append(Diagnostic(.warning, stage: "discover", file: relativePath, .symlinkOutside(resolved)))
                    continue
                }
                realPath = resolved
                guard stat(resolved, &st) == 0 else { continue }
            default:
                break
            }
            guard (st.st_mode & S_IFMT) == S_IFREG else { continue }
            let modified = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
            out.append(DiscoveredFile(path: relativePath, url: URL(fileURLWithPath: realPath), source: placeholder, size: Int(st.st_size), modified: modified))
        }
    }
}
