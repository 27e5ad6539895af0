/// Whole-string numerals: the value of a string that is nothing but a number.
///
/// Accepts what a reader would accept as one number: Chinese numerals (一千零一, 一百二 = 120,
/// 三万五 = 35000, 两千六), 大写 (壹仟贰佰), digit strings (一七二零 = 1720, 二〇〇二), Arabic numbers
/// with separators and decimals (34,567, １２．５), mixed forms (1.5万, 3万4千, 100万三千, 一百点123),
/// a sign (负, 負, -), the letter multipliers k, w, M, G (100K, 1.2M), and an amount's yuan tail
/// (壹拾壹元整, 壹拾壹元壹角壹分), a count of dozens (五打 = 60). Anything else in the string makes it not a number.
public enum ChineseNumeral {
    /// The exact value of `text`, or nil when `text` is not, as a whole, one numeral.
    public static func parse(_ text: String) -> ExactDecimal? {
        let u = text.unicodeScalars.map(\.value)
        var i = 0
        var negative = false
        if i < u.count, u[i] == 0x8D1F || u[i] == 0x8CA0 || u[i] == 0x2D || u[i] == 0xFF0D {  // 负 負 - －
            negative = true
            i += 1
            while i < u.count, NumeralScalar.isSpace(u[i]) { i += 1 }
        }
        guard let reading = NumeralReader(lenient: true).read(u, from: i) else { return nil }
        var value = reading.value
        var end = reading.end
        if end < u.count, MoneyTail.isYuan(u[end]) {
            let (added, tailEnd) = MoneyTail.read(u, from: end + 1)
            guard let sum = value.adding(added) else { return nil }
            value = sum
            end = tailEnd
        }
        if end + 1 == u.count, u[end] == 0x6253, !reading.hasFraction, let dozens = value.multiplied(by: ExactDecimal(12)) {
            value = dozens  // 五打: five dozen
            end += 1
        }
        guard end == u.count else { return nil }
        return negative ? value.negated : value
    }
}
