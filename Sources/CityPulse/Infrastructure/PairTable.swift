/// A hash table from a pair of 64-bit words to a small index, for hot paths: every record-log row looks
/// up its region, dimensions and group, and every element and attribute name of a page its tag.
/// Open addressing with a multiplicative mix and a linear probe, kept at most half full; no `Hasher`
/// (SipHash) per lookup.
struct PairTable {
    private var first: [UInt64]
    private var second: [UInt64]
    /// Index + 1 per slot; 0 marks an empty slot.
    private var slots: [Int32]
    private var shift: UInt64
    private(set) var count = 0

    init() {
        first = [UInt64](repeating: 0, count: 16)
        second = first
        slots = [Int32](repeating: 0, count: 16)
        shift = 60
    }

    @inline(__always)
    private func home(_ a: UInt64, _ b: UInt64) -> Int {
        Int(((a ^ (b &* 0xC2B2_AE3D_27D4_EB4F)) &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The index stored for (a, b), or nil.
    @inline(__always)
    func find(_ a: UInt64, _ b: UInt64) -> Int? {
        let mask = slots.count - 1
        var i = home(a, b)
        while true {
            let s = slots[i]
            if s == 0 { return nil }
            if first[i] == a && second[i] == b { return Int(s) - 1 }
            i = (i + 1) & mask
        }
    }

    /// Stores `index` for (a, b), which must not be in the table yet.
    mutating func insert(_ a: UInt64, _ b: UInt64, index: Int) {
        if (count + 1) * 2 > slots.count { grow() }
        place(a, b, Int32(index + 1))
        count += 1
    }

    private mutating func place(_ a: UInt64, _ b: UInt64, _ slot: Int32) {
        let mask = slots.count - 1
        var i = home(a, b)
        while slots[i] != 0 { i = (i + 1) & mask }
        first[i] = a
        second[i] = b
        slots[i] = slot
    }

    private mutating func grow() {
        let (oldFirst, oldSecond, oldSlots) = (first, second, slots)
        let size = slots.count * 2
        first = [UInt64](repeating: 0, count: size)
        second = first
        slots = [Int32](repeating: 0, count: size)
        shift -= 1
        for i in oldSlots.indices where oldSlots[i] != 0 { place(oldFirst[i], oldSecond[i], oldSlots[i]) }
    }
}
