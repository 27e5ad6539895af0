import CityPulseQuantities
import FuzzSupport

let scanner = QuantityScanner()

/// The numeral scanner on any text: every quantity lies inside the text, in order of its start.
func fuzzNumerals(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: FuzzSupport.bytes(data, size), as: UTF8.self)
    let length = text.unicodeScalars.count
    var previous = 0
    for q in scanner.scan(text) {
        FuzzSupport.require(q.start >= 0 && q.start <= q.end && q.end <= length, "quantity \(q.start)..<\(q.end) in \(length) scalars")
        FuzzSupport.require(q.start >= previous, "quantity at \(q.start) after one at \(previous)")
        previous = q.start
    }
    return 0
}

FuzzSupport.run(fuzzNumerals)
