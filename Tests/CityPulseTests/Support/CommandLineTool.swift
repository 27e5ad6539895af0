import Foundation

/// The built `citypulse` executable, for tests that run it as users and cron do.
enum CommandLineTool {
    struct Missing: Error, CustomStringConvertible {
        var description: String { "citypulse is not built; swift build (or swift test) builds it into .build/debug" }
    }

    static func path() throws -> String {
        for config in ["debug", "release"] {
            let p = ProjectPaths.root.appendingPathComponent(".build/\(config)/citypulse").path
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        throw Missing()
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the tool (the built one unless `executable` names another copy) to completion.
    static func run(_ arguments: [String], stdin: String? = nil, cwd: URL? = nil, executable: URL? = nil) throws -> Result {
        let p = Process()
        p.executableURL = try executable ?? URL(fileURLWithPath: path())
        p.arguments = arguments
        if let cwd { p.currentDirectoryURL = cwd }
        let out = Pipe(), err = Pipe(), input = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = input
        try p.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    /// Starts the tool and returns the running process (output discarded).
    static func start(_ arguments: [String]) throws -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try path())
        p.arguments = arguments
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        return p
    }
}
