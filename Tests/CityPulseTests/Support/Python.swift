import Foundation

/// Runs a Python snippet (for checks with jsonschema, DuckDB and pandas, which readers of the feed use).
enum Python {
    struct Failed: Error, CustomStringConvertible {
        var status: Int32
        var output: String
        var description: String { "python exited \(status): \(output)" }
    }

    @discardableResult
    static func run(_ script: String, arguments: [String] = []) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script] + arguments
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard p.terminationStatus == 0 else { throw Failed(status: p.terminationStatus, output: text) }
        return text
    }
}
