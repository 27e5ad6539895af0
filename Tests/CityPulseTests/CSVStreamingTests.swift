@testable import CityPulse
import CityPulseQuantities
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Record logs streamed at size: counts add up, sums are exact, memory stays flat.
///
/// Two measurements run only on request, never in CI:
/// - `CITYPULSE_CSV_GB=1` (any number of GiB) writes a record log of that size to a temporary folder and
///   reports throughput and peak memory of reading it;
/// - `CITYPULSE_CSV_BENCH_DIR=/tmp/bench-corpus/csv` reads the three record logs of make_corpus.py and
///   reports throughput and reject counts per reason.
/// Build with `swift build -c release` and run with `swift test -c release -Xswiftc -enable-testing`.
@Suite(.serialized) struct CSVStreamingTests {
    static let districts = ["新城区", "回民区", "玉泉区", "赛罕区", "土默特左旗", "托克托县", "和林格尔县", "清水河县", "武川县"]
    static let education = ["专科", "本科", "硕士研究生", "博士研究生"]
    static let kinds = ["高校毕业生留呼就业", "毕业生落户登记"]

    /// Writes `rows` graduate-log rows, one in `badEvery` malformed (cycling through the generator's four
    /// kinds); returns the expected counts and the sum of the good, kept rows.
    static func writeLog(to url: URL, rows: Int, badEvery: Int = 200) throws -> (bad: [String: Int], kept: Int, filtered: Int, sum: Int) {
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var block = "\u{FEFF}日期,区县,学历,类别,人数\r\n"
        var bad: [String: Int] = [:]
        var kept = 0, filtered = 0, sum = 0, badIndex = 0
        var rng = SplitMix(seed: 42)
        for r in 0..<rows {
            let day = Day(year: 2022, month: 1, day: 1)!.ordinal + r * 1096 / rows
            let date = Self.dayText(day)
            let district = districts[Int(rng.next() % UInt64(districts.count))]
            let edu = education[Int(rng.next() % 4)]
            let kind = kinds[Int(rng.next() % 5 == 0 ? 1 : 0)]
            let count = Int(rng.next() % 30) + 1
            if r % badEvery == badEvery / 2 {
                let k = badIndex % 4
                badIndex += 1
                switch k {
                case 0: block += "\(date),\(district),\(edu),\(kind),\(count),备注\r\n"; bad["field_count", default: 0] += 1
                case 1: block += "\(date),\(district),\(edu),\(kind),十二\r\n"; bad["non_numeric", default: 0] += 1
                case 2: block += "2023-02-29,\(district),\(edu),\(kind),\(count)\r\n"; bad["bad_date", default: 0] += 1
                default: block += "\(date),\"\(district),\(edu),\(kind),\(count)\r\n"; bad["unterminated_quote", default: 0] += 1
                }
                // Filters apply after the row is split and counted, so only the structural kinds are
                // rejects whatever the category; the others are rejects only in kept categories.
                if k == 1 || k == 2, kind != kinds[0] {
                    bad[k == 1 ? "non_numeric" : "bad_date"]! -= 1
                    filtered += 1
                }
            } else {
                block += "\(date),\(district),\(edu),\(kind),\(count)\r\n"
                if kind == kinds[0] {
                    kept += 1
                    sum += count
                } else {
                    filtered += 1
                }
            }
            if block.utf8.count > 1 << 20 {
                handle.write(Data(block.utf8))
                block = ""
            }
        }
        handle.write(Data(block.utf8))
        return (bad, kept, filtered, sum)
    }

    static func dayText(_ ordinal: Int) -> String {
        // Civil date from days since 1970-01-01.
        let z = ordinal + 719_468
        let era = z / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return Day(year: y, month: m, day: d)!.description
    }

    static let mapping = CSVTestSupport.retentionRecords(category: "高校毕业生留呼就业")

    @Test func generatedLogOf200kRowsAddsUp() throws {
        let url = try CSVTestSupport.temporaryFolder().appendingPathComponent("graduates.csv")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let expected = try Self.writeLog(to: url, rows: 200_000)
        let e = try CSVTestSupport.extract(url, csv: Self.mapping)
        #expect(e.rowsRead == 200_000)
        #expect(e.rowsAddUp)
        #expect(e.rowsUsed == expected.kept)
        #expect(e.rowsFiltered == expected.filtered)
        #expect(e.rowsRejected == expected.bad.values.reduce(0, +))
        #expect(e.rejectsTotal == e.rowsRejected)
        #expect(e.rejects.count == min(1000, e.rowsRejected))
        let byReason = Dictionary(grouping: e.rejects.map(\.reason)) { r -> String in
            r.hasPrefix("expected") ? "field_count" : r.hasPrefix("not a number") ? "non_numeric" : r.hasPrefix("impossible") ? "bad_date" : "unterminated_quote"
        }.mapValues(\.count)
        #expect(byReason["unterminated_quote"] == expected.bad["unterminated_quote"])
        // One fact per month × district × 学历, never one per row.
        #expect(e.facts.count <= 36 * 9 * 4)
        #expect(e.rowCounts.reduce(0, +) == expected.kept)
        var total = ExactDecimal.zero
        for f in e.facts { total = total.adding(f.value)! }
        #expect(total == ExactDecimal(expected.sum))
        #expect(e.facts.allSatisfy { $0.sources.count <= 5 })
        let series = SeriesBuilder(pipeline: try CSVTestSupport.pipeline(csv: Self.mapping)).build(e.facts)
        let hohhot = series.filter { $0.region == "hohhot" }
        #expect(hohhot.count == 36)
        var hohhotTotal = ExactDecimal.zero
        for p in hohhot { hohhotTotal = hohhotTotal.adding(p.value)! }
        #expect(hohhotTotal == ExactDecimal(expected.sum))
    }

    @Test func multiMegabyteFileStreamsInSmallChunks() throws {
        let url = try CSVTestSupport.temporaryFolder().appendingPathComponent("big.csv")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let expected = try Self.writeLog(to: url, rows: 150_000, badEvery: 1000)
        let size = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as! Int
        #expect(size > 8 << 20)
        // 64 KiB chunks: the whole file never sits in memory, and every boundary case comes up.
        let e = try CSVTestSupport.extract(url, csv: Self.mapping, limits: CSVReaderLimits(chunkSize: 64 << 10))
        #expect(e.rowsAddUp)
        #expect(e.rowsUsed == expected.kept)
        #expect(e.rowsRejected == expected.bad.values.reduce(0, +))
    }

    // MARK: - Measurements on request

    static func peakRSSMiB() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["CITYPULSE_CSV_GB"] != nil,
                   "opt-in throughput check: set CITYPULSE_CSV_GB to the size of the log to generate"))
    func throughputOnAGigabyteLog() throws {
        let gib = Double(ProcessInfo.processInfo.environment["CITYPULSE_CSV_GB"] ?? "1") ?? 1
        let folder = try CSVTestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("gigabyte.csv")
        // One generated megabyte written again and again (line numbers and sums still add up).
        let one = folder.appendingPathComponent("one.csv")
        let expected = try Self.writeLog(to: one, rows: 20_000)
        let body = try Data(contentsOf: one).dropFirst(Array("\u{FEFF}日期,区县,学历,类别,人数\r\n".utf8).count)
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        handle.write(Data("\u{FEFF}日期,区县,学历,类别,人数\r\n".utf8))
        let copies = Int(gib * Double(1 << 30) / Double(body.count))
        for _ in 0..<copies { handle.write(body) }
        try handle.close()
        let bytes = Double(copies * body.count)
        print("rss before reading: \(Self.peakRSSMiB()) MiB")
        let start = Date()
        let e = try CSVTestSupport.extract(url, csv: Self.mapping)
        let seconds = Date().timeIntervalSince(start)
        print(String(format: "read %.0f MB in %.2f s: %.1f MB/s, peak RSS %.1f MiB, %d rows, %d facts, %d rejected",
                     bytes / 1e6, seconds, bytes / 1e6 / seconds, Self.peakRSSMiB(), e.rowsRead, e.facts.count, e.rowsRejected))
        #expect(e.rowsAddUp)
        #expect(e.rowsUsed == expected.kept * copies)
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["CITYPULSE_CSV_BENCH_DIR"] != nil,
                   "opt-in throughput check: set CITYPULSE_CSV_BENCH_DIR to a benchmark corpus folder"))
    func throughputOnTheBenchmarkLogs() throws {
        let dir = URL(fileURLWithPath: ProcessInfo.processInfo.environment["CITYPULSE_CSV_BENCH_DIR"]!)
        let logs: [(String, String, String?)] = [
            ("hr_graduate_retention_log.csv", "人数", "学历"),
            ("hr_talent_intake_log.csv", "人数", "学历"),
            ("commerce_market_openings_log.csv", "数量", nil),
        ]
        var totalBytes = 0.0, totalSeconds = 0.0
        for (name, value, dimension) in logs {
            let csv = """
            layout: records
            metric: rows
            date: 日期
            region: 区县
            value: \(value)
            dimensions: [类别\(dimension.map { ", \($0)" } ?? "")]
            """
            let url = dir.appendingPathComponent(name)
            let size = Double(try FileManager.default.attributesOfItem(atPath: url.path)[.size] as! Int)
            let start = Date()
            let e = try CSVTestSupport.extract(url, csv: csv, maxRejects: .max)
            let seconds = Date().timeIntervalSince(start)
            totalBytes += size
            totalSeconds += seconds
            let reasons = Dictionary(grouping: e.rejects) { r -> String in
                r.reason.hasPrefix("expected") ? "field_count" : r.reason.hasPrefix("not a number") ? "non_numeric"
                    : r.reason.contains("date") ? "bad_date" : r.reason.hasPrefix("unterminated") ? "unterminated_quote" : r.reason
            }.mapValues(\.count).sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            print(String(format: "%@: %.1f MB in %.3f s = %.1f MB/s; rows %d used %d rejected %d filtered %d; facts %d; %@",
                         name, size / 1e6, seconds, size / 1e6 / seconds, e.rowsRead, e.rowsUsed, e.rowsRejected, e.rowsFiltered, e.facts.count, reasons))
            #expect(e.rowsAddUp)
        }
        print(String(format: "all three: %.1f MB in %.3f s = %.1f MB/s, peak RSS %.1f MiB", totalBytes / 1e6, totalSeconds, totalBytes / 1e6 / totalSeconds, Self.peakRSSMiB()))
    }
}

/// A small deterministic generator for test data.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
