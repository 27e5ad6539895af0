/// Gives each distinct byte string (a region, a category, a unit) a small number, so rows of a record log
/// are classified without making a `String` per field. The first time a string is seen, `make` decides
/// what it stands for; afterwards the answer is looked up by number. The strings are kept one after
/// another in one buffer, so a lookup compares bytes without touching a reference count.
struct ByteInterner<Value> {
    private var table = PairTable()
    /// Every string seen, one after another: string `k` ends at `ends[k]`, the one before it where it starts.
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    private var values: [Value] = []
    /// Strings whose hash collided with another's; rare enough to look up slowly.
    private var collided: [[UInt8]: Int] = [:]

    var count: Int { values.count }

    /// The number of `cell`, computing its value with `make` on first sight. Numbers are given in order
    /// of first sight. (`make` should capture little: a closure's captures are copied on every call
    /// that is not inlined; `find` and `add` do the same without one.)
    @inline(__always)
    mutating func intern(_ cell: UnsafeBufferPointer<UInt8>, make: (UnsafeBufferPointer<UInt8>) -> Value) -> Int32 {
        if let k = find(cell) { return k }
        return add(cell, make(cell))
    }

    /// The number of `cell`, or nil when it has not been seen.
    @inline(__always)
    func find(_ cell: UnsafeBufferPointer<UInt8>) -> Int32? {
        guard let k = table.find(CSVBytes.hash(cell), 0) else { return nil }
        if matches(cell, k) { return Int32(k) }
        return collided[Array(cell)].map(Int32.init)
    }

    /// Numbers `cell` (not seen before) and keeps its value.
    @discardableResult
    mutating func add(_ cell: UnsafeBufferPointer<UInt8>, _ value: Value) -> Int32 {
        bytes.append(contentsOf: cell)
        ends.append(bytes.count)
        values.append(value)
        let k = values.count - 1
        let h = CSVBytes.hash(cell)
        if table.find(h, 0) == nil {
            table.insert(h, 0, index: k)
        } else {
            collided[Array(cell)] = k
        }
        return Int32(k)
    }

    @inline(__always)
    private func matches(_ cell: UnsafeBufferPointer<UInt8>, _ k: Int) -> Bool {
        let start = k == 0 ? 0 : ends[k - 1]
        return bytes.withUnsafeBufferPointer { CSVBytes.equal(cell, UnsafeBufferPointer(rebasing: $0[start..<ends[k]])) }
    }

    /// The text of string number `index`.
    func string(_ index: Int32) -> String {
        let k = Int(index)
        return String(decoding: bytes[(k == 0 ? 0 : ends[k - 1])..<ends[k]], as: UTF8.self)
    }

    /// The value `make` gave string number `index`.
    func value(_ index: Int32) -> Value { values[Int(index)] }
}
