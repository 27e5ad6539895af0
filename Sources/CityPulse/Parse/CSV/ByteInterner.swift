/// Gives each distinct byte string (a region, a category, a unit) a small number, so rows of a record log
/// are classified without making a `String` per field. The first time a string is seen, `make` decides
/// what it stands for; afterwards the answer is looked up.
struct ByteInterner<Value> {
    private struct Entry {
        var bytes: [UInt8]
        var value: Value
    }
    private var table = PairTable()
    private var entries: [Entry] = []
    /// Strings whose hash collided with another's; rare enough to look up slowly.
    private var collided: [[UInt8]: Int] = [:]

    var count: Int { entries.count }

    /// The number and value of `bytes`, computing the value with `make` on first sight.
    @inline(__always)
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>, make: (UnsafeBufferPointer<UInt8>) -> Value) -> (index: Int32, value: Value) {
        let h = CSVBytes.hash(bytes)
        if let k = table.find(h, 0) {
            if CSVBytes.equal(bytes, entries[k].bytes) { return (Int32(k), entries[k].value) }
            let key = Array(bytes)
            if let c = collided[key] { return (Int32(c), entries[c].value) }
            let v = make(bytes)
            entries.append(Entry(bytes: key, value: v))
            collided[key] = entries.count - 1
            return (Int32(entries.count - 1), v)
        }
        let v = make(bytes)
        entries.append(Entry(bytes: Array(bytes), value: v))
        table.insert(h, 0, index: entries.count - 1)
        return (Int32(entries.count - 1), v)
    }

    /// The text of string number `index`.
    func string(_ index: Int32) -> String { String(decoding: entries[Int(index)].bytes, as: UTF8.self) }

    func value(_ index: Int32) -> Value { entries[Int(index)].value }
}
