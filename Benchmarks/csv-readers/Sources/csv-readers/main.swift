// csv-readers READER FILE
//
// Reads FILE with one reader (citypulse, csvswift, swiftcsv or swiftcsv-rows) and prints one line:
//   reader=… records=… fields=… problems=… sum=… longest=… bytes=… seconds=… mbps=…
// records counts every record the reader hands out, header included; problems counts the records the
// reader flagged as unsplittable (citypulse), or -1 when the library threw and stopped early; longest is
// the byte length of the longest field.
// seconds is measured in process around the read; run.sh measures wall time and peak RSS from outside.
import Foundation

enum BenchError: Error, CustomStringConvertible {
    case cannotOpen(String)
    case library(String)
    var description: String {
        switch self {
        case let .cannotOpen(path): return "cannot open \(path)"
        case let .library(message): return message
        }
    }
}

let readers: [String: (String) throws -> Tally] = [
    "citypulse": readWithCityPulse,
    "csvswift": readWithCSVSwift,
    "swiftcsv": readWithSwiftCSV,
    "swiftcsv-rows": readWithSwiftCSVRows,
]

let args = CommandLine.arguments
guard args.count == 3, let read = readers[args[1]] else {
    FileHandle.standardError.write(Data("usage: csv-readers citypulse|csvswift|swiftcsv|swiftcsv-rows FILE\n".utf8))
    exit(2)
}
let path = args[2]
let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0

let start = DispatchTime.now().uptimeNanoseconds
let tally: Tally
do {
    tally = try read(path)
} catch {
    FileHandle.standardError.write(Data("csv-readers \(args[1]): \(error)\n".utf8))
    exit(1)
}
let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
let mbps = seconds > 0 ? Double(bytes) / 1e6 / seconds : 0
print("reader=\(args[1]) records=\(tally.records) fields=\(tally.fields) problems=\(tally.problems) sum=\(tally.sum) longest=\(tally.longest) "
    + "bytes=\(bytes) seconds=\(String(format: "%.3f", seconds)) mbps=\(String(format: "%.1f", mbps))")
