/// Tells GB (GB2312 ⊂ GBK ⊂ GB18030) from Big5 (and its supersets CP950, Big5-HKSCS) for bytes that
/// are not UTF-8: each candidate decoding is scored by how many of its characters are among the most
/// frequent Chinese characters. Mojibake is made of rare characters, so the right decoding wins by far.
enum ChineseEncodingDetector {
    /// One candidate decoding.
    struct Candidate {
        /// Display name: `GB18030`, `Big5`, `CP950`, `Big5-HKSCS`.
        var name: String
        var utf8: [UInt8]
        var replacements: Int
        var commonHits: Int
        var hanCount: Int

        var score: Int { commonHits * 4 - replacements * 8 - (hanCount - commonHits) / 4 }
    }

    /// Decodes with the GB family.
    static func decodeGB(_ bytes: UnsafeBufferPointer<UInt8>) -> Candidate {
        decode(bytes, iconvName: "GB18030", displayName: "GB18030")
    }

    /// Decodes with the Big5 family: plain Big5 first, then the supersets if plain Big5 leaves gaps.
    static func decodeBig5(_ bytes: UnsafeBufferPointer<UInt8>) -> Candidate {
        var best = decode(bytes, iconvName: "BIG5", displayName: "Big5")
        if best.replacements == 0 { return best }
        for (iconvName, displayName) in [("CP950", "CP950"), ("BIG5-HKSCS", "Big5-HKSCS")] {
            let c = decode(bytes, iconvName: iconvName, displayName: displayName)
            if c.replacements < best.replacements { best = c }
        }
        return best
    }

    /// The better of the GB and Big5 decodings.
    static func detect(_ bytes: UnsafeBufferPointer<UInt8>) -> Candidate {
        let gb = decodeGB(bytes)
        let big5 = decodeBig5(bytes)
        return big5.score > gb.score ? big5 : gb
    }

    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, iconvName: String, displayName: String) -> Candidate {
        guard let converter = IconvConverter(from: iconvName) else {
            return Candidate(name: displayName, utf8: [], replacements: bytes.count, commonHits: 0, hanCount: 0)
        }
        let out = converter.convertAll(bytes)
        var hits = 0
        var han = 0
        for scalar in String(decoding: out, as: UTF8.self).unicodeScalars where scalar.value >= 0x3000 {
            let v = scalar.value
            if v >= 0x4E00 && v <= 0x9FFF {
                han += 1
                if common[Int(v - 0x4E00)] { hits += 1 }
            } else if v == 0x3001 || v == 0x3002 || v == 0xFF0C || v == 0x300C || v == 0x300D || v == 0x201C || v == 0x201D || v == 0xFF1B || v == 0xFF1A {
                hits += 1
            }
        }
        return Candidate(name: displayName, utf8: out, replacements: converter.replacements, commonHits: hits, hanCount: han)
    }

    /// The most frequent characters of Simplified and Traditional news text.
    private static let common: [Bool] = {
        var table = [Bool](repeating: false, count: 0x9FFF - 0x4E00 + 1)
        let simplified = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙"
        let traditional = "這為個國時來們產種後過說學經進著電裡現實兩體機當點從業應開還關與樣間數質氣變條沒結問無軍總長頭資邊級圖統較將組見計別論運農幾區強決幹戰則據處隊給門規熱領導壓爭濟階術極聯認權證轉單風帶場車務萬達積議聲報鬥類離華確張馬節話溫傳許廣記織裝觀眾書複兒須際驗連斷難礦辦習響約歷構稱準號維劃選標寫親專狀廠識適屬圓調滿縣參紅細聽該鐵價嚴龍陳總統舍檢查律師會見對這當來說"
        for s in [simplified, traditional] {
            for scalar in s.unicodeScalars where scalar.value >= 0x4E00 && scalar.value <= 0x9FFF {
                table[Int(scalar.value - 0x4E00)] = true
            }
        }
        return table
    }()
}
