import CityPulse
import Foundation

/// CityPulse's own reader: streams the file in 1 MiB chunks and hands out byte views into its buffer.
func readWithCityPulse(path: String) throws -> Tally {
    let reader = try CSVReader(url: URL(fileURLWithPath: path), encoding: nil, delimiter: UInt8(ascii: ","), limits: .init())
    var tally = Tally()
    reader.forEachRecord { record in
        tally.records += 1
        if record.problem != nil {
            // A row the reader could not split (unterminated quote): handed out with no fields.
            tally.problems += 1
            return true
        }
        let n = record.count
        tally.fields += n
        for i in 0..<n where record[i].count > tally.longest { tally.longest = record[i].count }
        if n > 0 { tally.addInteger(record[n - 1]) }
        return true
    }
    return tally
}
