import CityPulseQuantities
import Foundation

/// Reads a National Bureau of Statistics export as it is downloaded, without hand-editing:
///
/// ```
/// 数据库：分省年度数据
/// 指标：私营企业和个体就业人员(万人)
/// 时间：最近20年
/// 地区,2025年,2024年,…
/// 北京市,,,…,1187.5,…
/// 注：1.全国就业人员…
/// 　　　2.城镇单位数据不含私营单位。
/// 数据来源：国家统计局
/// ```
///
/// Metadata lines (`数据库：`, `指标：`, `时间：`, `地区：`) are kept as metadata; the unit in brackets at
/// the end of the indicator is a scale (`(万人)` is ×10000 人); each year column (`2024年`) is a
/// `Period.year`; an empty cell is a missing value, never zero; footnotes (`注：` and the lines that
/// continue it) and the source line (`数据来源：`) are notes of the document, not rows. Trailing empty
/// columns are tolerated.
///
/// With orientation `regions` each row is a region (resolved through the gazetteer; a region the gazetteer
/// does not know keeps its name as id) of the one indicator in the metadata. With orientation
/// `indicators` each row is an indicator with its own unit (`国内生产总值(亿元)`), for the region named by
/// `地区：`, or `全国` when there is none.
///
/// A data row counts as used when at least one of its cells is a value or none of them is wrong; a cell
/// that is not a number is a reject of its own (with its year column), so one bad cell does not hide the
/// row's other years.
struct NBSExportReader {
    let mapping: CSVMapping
    let pipeline: PipelineDefinition

    static let metadataKeys = ["数据库", "指标", "时间", "地区"]
    static let nationalRegion = "全国"

    private enum Part { case metadata, table, notes }

    struct PeriodColumn {
        var index: Int
        var title: String
        var period: Period
    }

    func read(_ reader: CSVReader, into b: inout CSVExtractionBuilder) {
        var part = Part.metadata
        var header: [String] = []
        var periods: [PeriodColumn] = []
        var tableIndicator: (text: String, name: String, unit: StatisticsUnit?, metric: String?)?
        var notMapped = Set<String>()
        var unitWarned = Set<String>()
        reader.forEachRecord { record in
            let text = Self.lineText(record)
            if text.isEmpty { return true }
            // Footnotes and the source line end the table wherever they appear.
            if part != .notes || Self.startsNote(text) {
                if Self.startsNote(text) {
                    part = .notes
                    b.extraction.notes.append(text)
                    return true
                }
            } else {
                let continued = text.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\u{3000}")))
                if let last = b.extraction.notes.indices.last { b.extraction.notes[last] += "\n" + continued }
                return true
            }
            switch part {
            case .notes:
                return true
            case .metadata:
                if let (key, value) = Self.metadata(text), record.problem != nil || Self.onlyFirstFieldFilled(record) {
                    b.extraction.metadata[key] = value
                    return true
                }
                guard record.problem == nil else { return true }
                let names = (0..<record.count).map { record.trimmed($0) }
                let cols = Self.periodColumns(names)
                guard !cols.isEmpty else {
                    b.extraction.notes.append(text)
                    return true
                }
                header = names
                periods = cols
                part = .table
                if mapping.orientation == .regionsAsRows {
                    let indicator = b.extraction.metadata["指标"] ?? ""
                    let (name, unit) = StatisticsUnit.split(indicator: indicator)
                    let metric = match(indicator)
                    tableIndicator = (indicator, name, unit, metric)
                    if metric == nil { b.diagnose(.note, line: record.line, .csvIndicatorNotMapped(indicator)) }
                }
                return true
            case .table:
                break
            }
            b.rowRead(record)
            if let problem = record.problem {
                let (reason, column) = RejectReason.message(for: problem)
                b.rejectRow(record, column: column <= header.count ? header[column - 1] : String(column), reason)
                return true
            }
            if record.count > header.count {
                var extraBlank = true
                for i in header.count..<record.count where !record.isBlank(i) { extraBlank = false; break }
                if !extraBlank {
                    b.rejectRow(record, column: nil, RejectReason.columnCount(expected: header.count, found: record.count))
                    return true
                }
            }
            let label = record.trimmed(0)
            let indicator: (text: String, name: String, unit: StatisticsUnit?, metric: String?)
            let regionName: String
            if mapping.orientation == .indicatorsAsRows {
                let (name, unit) = StatisticsUnit.split(indicator: label)
                indicator = (label, name, unit, match(label))
                regionName = b.extraction.metadata["地区"] ?? Self.nationalRegion
                if indicator.metric == nil, notMapped.insert(label).inserted {
                    b.diagnose(.note, line: record.line, .csvIndicatorNotMapped(label))
                }
            } else {
                indicator = tableIndicator ?? ("", "", nil, nil)
                regionName = label
            }
            guard let metricID = indicator.metric else {
                b.filtered()
                return true
            }
            let regionID = pipeline.regions.resolve(regionName) ?? regionName
            if !mapping.regions.isEmpty, !mapping.regions.contains(regionName), !mapping.regions.contains(regionID) {
                b.filtered()
                return true
            }
            let unit = indicator.unit ?? mapping.unit.map { StatisticsUnit($0) } ?? StatisticsUnit("")
            let metric = pipeline.metric(metricID)
            let factUnit = unit.base.isEmpty ? (metric?.unit ?? "") : unit.base
            if let m = metric, !unit.base.isEmpty, unit.base != m.unit, unitWarned.insert(indicator.text).inserted {
                b.diagnose(.warning, line: record.line, .csvUnitMismatch(indicator: indicator.text, unit: unit.base, metric: m.id, expected: m.unit))
            }
            var good = 0
            var bad = 0
            for column in periods where column.index < record.count {
                let cell = record[column.index]
                if CSVBytes.trim(cell).isEmpty { continue }
                guard let raw = CSVBytes.decimal(cell), let value = unit.apply(raw) else {
                    bad += 1
                    let t = record.trimmed(column.index)
                    b.rejectCell(record, column: column.title, CSVBytes.decimal(cell) == nil ? RejectReason.notANumber(t) : RejectReason.valueTooLarge(t))
                    continue
                }
                good += 1
                b.extraction.facts.append(Fact(
                    metric: metricID, kind: .observation, value: value, unit: factUnit, unitAsWritten: unit.written,
                    period: column.period, region: regionID,
                    sources: [Provenance(file: b.file, contentHash: b.contentHash, title: indicator.text, line: record.line, column: column.title)]))
                b.extraction.rowCounts.append(1)
            }
            if good > 0 || bad == 0 {
                b.used()
            } else {
                b.extraction.rowsRejected += 1
            }
            return true
        }
        if part == .metadata { b.diagnose(.error, .csvNoYearColumns) }
    }

    /// The metric of the longest `match` text the indicator contains, so `人均国内生产总值` is not taken
    /// for `国内生产总值`; among equally long ones, the first listed.
    private func match(_ indicator: String) -> String? {
        var best: IndicatorMapping?
        for m in mapping.indicators where indicator.contains(m.match) {
            if best == nil || m.match.count > best!.match.count { best = m }
        }
        return best?.metric
    }

    // MARK: - Lines

    /// The line as text without trailing delimiters (a note saved from a spreadsheet ends in `,,,,`).
    static func lineText(_ record: borrowing CSVRecord) -> String {
        var t = record.rawText
        while let last = t.last, last == "," || last == "\t" || last == ";" || last == " " { t.removeLast() }
        return t
    }

    static func startsNote(_ text: String) -> Bool {
        let t = text.trimmingCharacters(in: CharacterSet(charactersIn: "\"\u{3000} "))
        return t.hasPrefix("注：") || t.hasPrefix("注:") || t.hasPrefix("数据来源") || t.hasPrefix("资料来源")
    }

    static func onlyFirstFieldFilled(_ record: borrowing CSVRecord) -> Bool {
        for i in 1..<max(1, record.count) where !record.isBlank(i) { return false }
        return true
    }

    /// `指标：城镇单位就业人员(万人)` → (指标, 城镇单位就业人员(万人)).
    static func metadata(_ text: String) -> (String, String)? {
        let t = text.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        for key in metadataKeys {
            for colon in ["：", ":"] where t.hasPrefix(key + colon) {
                return (key, String(t.dropFirst(key.count + 1)).trimmingCharacters(in: .whitespaces))
            }
        }
        return nil
    }

    /// Header cells that name a year (`2024年`, `2024`) or a month (`2024年5月`).
    static func periodColumns(_ header: [String]) -> [PeriodColumn] {
        var out: [PeriodColumn] = []
        for (i, title) in header.enumerated() where i > 0 {
            var bytes = Array(title.utf8)
            let parsed = bytes.withUnsafeMutableBufferPointer { CSVDate.parse(UnsafeBufferPointer($0)) }
            switch parsed {
            case let .success(.year(y)): out.append(PeriodColumn(index: i, title: title, period: .year(y)))
            case let .success(.month(y, m)): out.append(PeriodColumn(index: i, title: title, period: .month(y, m)))
            default: break
            }
        }
        return out
    }
}
