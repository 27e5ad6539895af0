import Foundation

/// Headless Chromium from Debian's `chromium` package (installed by `scripts/bootstrap --test`).
enum Chromium {
    struct Missing: Error, CustomStringConvertible {
        var description: String { "chromium is not installed; run scripts/bootstrap --test (make test does)" }
    }

    static func executable() throws -> String {
        for path in ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"] where FileManager.default.isExecutableFile(atPath: path) {
            return path
        }
        throw Missing()
    }

    static var baseArguments: [String] {
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-extensions"]
    }

    /// The DOM after the page loaded (and ran whatever scripts it could run).
    static func dumpDOM(_ file: URL) throws -> String {
        try run(baseArguments + ["--virtual-time-budget=3000", "--dump-dom", file.absoluteString])
    }

    /// A PNG screenshot of the page.
    static func screenshot(_ file: URL, to png: URL, width: Int = 1100, height: Int = 2400) throws {
        _ = try run(baseArguments + ["--hide-scrollbars", "--window-size=\(width),\(height)", "--screenshot=\(png.path)", file.absoluteString])
    }

    /// The page printed to PDF, as a browser's print dialog would (the page's own `@page` size).
    static func printToPDF(_ file: URL, to pdf: URL) throws {
        _ = try run(baseArguments + ["--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", file.absoluteString])
    }

    /// Runs one Chromium with a profile folder of its own: tests run side by side, and a second Chromium
    /// on the same profile hands its work to the first and exits with nothing printed.
    private static func run(_ arguments: [String]) throws -> String {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("citypulse-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try executable())
        p.arguments = arguments + ["--user-data-dir=\(profile.path)"]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
