import Foundation

/// What every reader computes on the same file: records handed out (header included), fields, records the
/// reader flagged as broken, and the sum of the last field of each record where that field is a plain
/// integer. Reading the last field's bytes forces each reader to materialize it.
struct Tally {
    var records = 0
    var fields = 0
    var problems = 0
    var sum = 0
    /// Bytes in the longest field: shows a quote that never closed and took the rest of the file along.
    var longest = 0

    /// Adds `field` when it is an optional minus sign followed by ASCII digits (nothing else, no spaces).
    @inline(__always)
    mutating func addInteger(_ field: UnsafeBufferPointer<UInt8>) {
        var i = 0
        let n = field.count
        var negative = false
        if n > 0, field[0] == UInt8(ascii: "-") {
            negative = true
            i = 1
        }
        guard i < n else { return }
        var v = 0
        while i < n {
            let c = field[i]
            guard c >= 0x30, c <= 0x39 else { return }
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int(c - 0x30))
            if o1 || o2 { return }
            v = a
            i += 1
        }
        sum &+= negative ? -v : v
    }

    /// The same for a field the library handed out as a `String`.
    @inline(__always)
    mutating func addInteger(_ field: String) {
        var field = field
        field.withUTF8 { addInteger($0) }
    }

    /// A record the library handed out as an array of strings.
    @inline(__always)
    mutating func add(row: [String]) {
        records += 1
        fields += row.count
        for field in row where field.utf8.count > longest { longest = field.utf8.count }
        if let last = row.last { addInteger(last) }
    }
}
