import CityPulse
import Foundation
import FuzzSupport

/// Small odd-sized chunks, so that inputs of a few kilobytes cross chunk boundaries inside fields,
/// quotes and multi-byte characters the way large exports do.
let extractor = CSVExtractor(pipeline: FuzzSupport.pipeline, limits: CSVReaderLimits(chunkSize: 1021))
let sources = FuzzSupport.pipeline.sources.filter { $0.csv != nil }
/// The CSV readers stream from a file; the input is written to one in memory-backed storage when there is one.
let file: URL = {
    let folder = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
    return URL(fileURLWithPath: folder).appendingPathComponent("citypulse-fuzz-\(getpid()).csv")
}()

/// A CSV file through each of the default pipeline's mappings (NBS exports and record logs): every
/// row read is used, rejected or filtered, and every reject is counted.
func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    do {
        try Data(FuzzSupport.bytes(data, size)).write(to: file)
    } catch {
        fatalError("cannot write \(file.path): \(error)")
    }
    for source in sources {
        let t = extractor.extract(url: file, path: "fuzz.csv", contentHash: "", source: source)
        FuzzSupport.require(t.rowsRead == t.rowsUsed + t.rowsRejected + t.rowsFiltered,
                            "\(source.id): rows read \(t.rowsRead) ≠ used \(t.rowsUsed) + rejected \(t.rowsRejected) + filtered \(t.rowsFiltered)")
        FuzzSupport.require(t.rejects.count <= t.rejectsTotal, "\(source.id): \(t.rejects.count) rejects kept of \(t.rejectsTotal)")
        FuzzSupport.require(t.rowCounts.isEmpty || t.rowCounts.count == t.facts.count,
                            "\(source.id): \(t.rowCounts.count) row counts for \(t.facts.count) facts")
    }
    return 0
}

FuzzSupport.run(fuzzCSV)
