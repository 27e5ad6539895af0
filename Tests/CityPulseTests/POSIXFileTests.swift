@testable import CityPulse
import Foundation
import Testing

@Suite struct POSIXFileTests {
    @Test func readsEveryByteOfEmptySmallAndLargeFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("citypulse-filebytes-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var r = FuzzTests.Random(state: 7)
        for size in [0, 1, 4095, 65_536, 3_000_001] {
            let bytes = (0..<size).map { _ in UInt8(truncatingIfNeeded: r.next()) }
            let url = folder.appendingPathComponent("f\(size).html")
            try Data(bytes).write(to: url)
            #expect(try POSIXFile.read(url.path) == bytes)
        }
    }

    @Test func aMissingFileOrAFolderIsAnErrorWithTheReason() {
        let missing = URL(fileURLWithPath: "/nonexistent/citypulse/page.html")
        #expect { try POSIXFile.read(missing.path) } throws: { error in
            (error as? POSIXFileError)?.localizedDescription == "no such file or directory"
        }
        #expect { try POSIXFile.read(FileManager.default.temporaryDirectory.path) } throws: { error in
            (error as? POSIXFileError)?.localizedDescription == "is a directory"
        }
    }
}
