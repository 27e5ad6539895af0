/// The part of an amount written after 元 (or 圆, 块): 整 ("and no cents"), 角/毛 (tenths) and 分
/// (hundredths), as on cheques and receipts: 壹拾壹元壹角壹分, 123元1角1分, 一百三十五块六角七分钱.
enum MoneyTail {
    /// Whether `c` is a yuan unit after which 角 and 分 may follow: 元 圆 圓 块 塊.
    static func isYuan(_ c: UInt32) -> Bool {
        c == 0x5143 || c == 0x5706 || c == 0x5713 || c == 0x5757 || c == 0x584A
    }

    /// Reads the tail starting at `start` (just after the yuan unit). Returns the amount to add and
    /// where the tail ends; `(0, start)` when there is none.
    static func read(_ u: [UInt32], from start: Int) -> (ExactDecimal, Int) {
        let n = u.count
        var i = start
        var added = ExactDecimal.zero
        if i < n, u[i] == 0x6574 || u[i] == 0x6B63 {  // 整 正
            return (added, i + 1)
        }
        func digit(at k: Int) -> Int64? {
            guard k < n else { return nil }
            return NumeralScalar.chineseDigit(u[k]) ?? NumeralScalar.arabicDigit(u[k])
        }
        if let d = digit(at: i), i + 1 < n, u[i + 1] == 0x89D2 || u[i + 1] == 0x6BDB {  // 角 毛
            added = ExactDecimal(significand: d, exponent: -1)
            i += 2
            if i < n, NumeralScalar.chineseDigit(u[i]) == 0, digit(at: i + 1) != nil { i += 1 }  // 零
        }
        if let d = digit(at: i), i + 1 < n, u[i + 1] == 0x5206 {  // 分
            added = added.adding(ExactDecimal(significand: d, exponent: -2)) ?? added
            i += 2
        }
        if i < n, u[i] == 0x94B1 || u[i] == 0x9322 { i += 1 }  // 钱 錢
        return (added, i)
    }
}
