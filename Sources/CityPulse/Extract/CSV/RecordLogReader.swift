import CityPulseQuantities

/// Reads a record log (one row per registration, per person brought in, per market opened) through a
/// `records` mapping, and sums it while it streams: rows are grouped per period, region and dimensions,
/// and each group becomes one observation. A million rows never become a million facts.
///
/// Per row, in order: a row the reader could not split, or with the wrong number of columns, is rejected;
/// a row a filter or the mapping's `regions` leaves out is filtered; then an unknown region, a date that is
/// not a date and a value that is not a number are rejects. The period of a row is its month (a day counts
/// in its month) or its year when the date is a bare year.
struct RecordLogReader {
    let mapping: CSVMapping
    let metric: MetricDefinition?
    let gazetteer: Gazetteer
    /// Lines kept per fact as provenance; the count of rows is kept whole.
    var linesPerFact = 5

    private struct GroupKey: Hashable {
        var period: Int32
        var region: Int32
        var dims: UInt64
        var extra: [Int32]
    }

    private struct Group {
        var value: ExactDecimal
        var rows: Int
        var lines: [Int]
        var overflow: Bool
    }

    func read(_ reader: CSVReader, into b: inout CSVExtractionBuilder) {
        var hasHeader = false
        var ok = true
        // Header and columns live in the state, which each row borrows: a struct captured by the
        // closure would be copied (and its arrays retained) once per row.
        var state = State(mapping: mapping)
        let keptRegions = Set(mapping.regions)
        reader.forEachRecord { record in
            guard hasHeader else {
                if record.problem != nil || record.isBlank { return true }
                let names = (0..<record.count).map { record.trimmed($0) }
                hasHeader = true
                state.header = names
                ok = state.columns.resolve(names, mapping: mapping, into: &b)
                return ok
            }
            if record.problem == nil, record.isBlank { return true }
            b.rowRead(record)
            row(&record, state: &state, keptRegions: keptRegions, into: &b)
            return true
        }
        if !hasHeader { b.diagnose(.error, .csvNoHeader) }
        guard ok, hasHeader else { return }
        emit(state, columns: state.columns, into: &b)
    }

    // MARK: - Columns

    private struct Columns {
        var date = -1
        var region: Int?
        var value: Int?
        var unit: Int?
        var dimensions: [(name: String, index: Int)] = []
        var filters: [(index: Int, allowed: Set<[UInt8]>)] = []
        var names: [String] = []

        mutating func resolve(_ header: [String], mapping: CSVMapping, into b: inout CSVExtractionBuilder) -> Bool {
            names = header
            var ok = true
            func find(_ name: String, role: String) -> Int? {
                if let i = header.firstIndex(of: name) { return i }
                b.diagnose(.error, line: 1, .csvColumnMissing(name, role: role, header: header))
                ok = false
                return nil
            }
            if let d = mapping.dateColumn { date = find(d, role: "date") ?? -1 }
            if let r = mapping.regionColumn { region = find(r, role: "region") }
            if let v = mapping.valueColumn { value = find(v, role: "value") }
            for d in mapping.dimensions { if let i = find(d, role: "dimension") { dimensions.append((d, i)) } }
            for (column, values) in mapping.filters.sorted(by: { $0.key < $1.key }) {
                if let i = find(column, role: "filter") { filters.append((i, Set(values.map { Array($0.utf8) }))) }
            }
            // A unit column states the unit row by row (万人 in one row, 人 in the next): used when the
            // mapping names it as its unit, or names no unit and the file has a `unit` or `单位` column.
            if let u = mapping.unit, let i = header.firstIndex(of: u) {
                unit = i
            } else if mapping.unit == nil {
                unit = header.firstIndex(of: "unit") ?? header.firstIndex(of: "单位")
            }
            return ok
        }
    }

    // MARK: - Rows

    private struct State {
        /// Groups by period, region and up to four dimensions packed in two words; `wideGroups` holds
        /// the keys that do not fit (more dimensions, or a dimension with 65535 values or more).
        var groups = PairTable()
        var wideGroups: [GroupKey: Int] = [:]
        var keys: [GroupKey] = []
        var accumulators: [Group] = []
        var regions = ByteInterner<Void>()
        var regionIDs: [String] = []
        var regionSlots: [String: Int32] = [:]
        /// What each interned region cell says, by the cell's number: the slot of its region when it is
        /// kept (so a row finds it without hashing the id), `leftOut` or `unknownRegion`.
        var slotOfCell: [Int32] = []
        var dims: [ByteInterner<Void>]
        var filterVerdicts: [ByteInterner<Bool>]
        var units = ByteInterner<StatisticsUnit>()
        var unitsSeen: [String: String] = [:]
        var header: [String] = []
        var columns = Columns()

        static let leftOut: Int32 = -1
        static let unknownRegion: Int32 = -2

        init(mapping: CSVMapping) {
            dims = Array(repeating: ByteInterner<Void>(), count: mapping.dimensions.count)
            filterVerdicts = Array(repeating: ByteInterner<Bool>(), count: mapping.filters.count)
        }

        mutating func slot(for id: String) -> Int32 {
            if let s = regionSlots[id] { return s }
            regionIDs.append(id)
            let s = Int32(regionIDs.count - 1)
            regionSlots[id] = s
            return s
        }
    }

    private func row(_ record: inout CSVRecord, state: inout State, keptRegions kept: Set<String>, into b: inout CSVExtractionBuilder) {
        if let problem = record.problem {
            let (reason, column) = RejectReason.message(for: problem)
            b.rejectRow(record, column: column <= state.header.count ? state.header[column - 1] : String(column), reason)
            return
        }
        // Trailing empty columns (a spreadsheet's habit) are tolerated; any other count is a reject.
        if record.count != state.header.count {
            var extraBlank = record.count > state.header.count
            if extraBlank { for i in state.header.count..<record.count where !record.isBlank(i) { extraBlank = false; break } }
            if !extraBlank {
                b.rejectRow(record, column: nil, RejectReason.columnCount(expected: state.header.count, found: record.count))
                return
            }
        }
        for k in 0..<state.columns.filters.count {
            let cell = CSVBytes.trim(record[state.columns.filters[k].index])
            let keep: Bool
            if let v = state.filterVerdicts[k].find(cell) {
                keep = state.filterVerdicts[k].value(v)
            } else {
                keep = state.columns.filters[k].allowed.contains(Array(cell))
                state.filterVerdicts[k].add(cell, keep)
            }
            if !keep {
                b.filtered()
                return
            }
        }
        var regionSlot: Int32 = -1
        if let rc = state.columns.region {
            let cell = CSVBytes.trim(record[rc])
            if cell.isEmpty {
                b.rejectRow(record, column: state.header[rc], RejectReason.emptyRegion)
                return
            }
            if let c = state.regions.find(cell) {
                regionSlot = state.slotOfCell[Int(c)]
            } else {
                // First sight of this cell: what it names, once.
                let name = CSVBytes.string(cell)
                let id = gazetteer.resolve(name)
                if !kept.isEmpty, !kept.contains(name), !(id.map { kept.contains($0) } ?? false) {
                    regionSlot = State.leftOut
                } else {
                    regionSlot = id.map { state.slot(for: $0) } ?? State.unknownRegion
                }
                state.regions.add(cell, ())
                state.slotOfCell.append(regionSlot)
            }
            if regionSlot == State.leftOut {
                b.filtered()
                return
            }
            if regionSlot == State.unknownRegion {
                b.rejectRow(record, column: state.header[rc], RejectReason.unknownRegion(CSVBytes.string(cell)))
                return
            }
        }
        let date: CSVDate
        switch CSVDate.parse(record[state.columns.date]) {
        case let .success(d): date = d
        case let .failure(problem):
            b.rejectRow(record, column: state.header[state.columns.date], RejectReason.message(for: problem, text: record.trimmed(state.columns.date)))
            return
        }
        var value = ExactDecimal(1)
        if let vc = state.columns.value {
            guard let v = CSVBytes.decimal(record[vc]) else {
                let text = record.trimmed(vc)
                b.rejectRow(record, column: state.header[vc], text.isEmpty ? RejectReason.emptyValue : RejectReason.notANumber(text))
                return
            }
            value = v
            if let uc = state.columns.unit {
                let unitNumber = state.units.intern(CSVBytes.trim(record[uc])) { StatisticsUnit(CSVBytes.string($0)) }
                let unit = state.units.value(unitNumber)
                if let expected = metric?.unit, !unit.base.isEmpty, unit.base != expected {
                    b.rejectRow(record, column: state.header[uc], RejectReason.unknownUnit(unit.written))
                    return
                }
                state.unitsSeen[unit.base] = unit.written
                guard let scaled = unit.apply(value) else {
                    b.rejectRow(record, column: state.header[vc], RejectReason.valueTooLarge(record.trimmed(vc)))
                    return
                }
                value = scaled
            }
        }
        var key = GroupKey(period: date.periodCode, region: regionSlot, dims: 0, extra: [])
        for k in 0..<state.columns.dimensions.count {
            let index = state.dims[k].intern(CSVBytes.trim(record[state.columns.dimensions[k].index])) { _ in () }
            if k < 4, index < 0xFFFF {
                key.dims |= UInt64(index + 1) << (16 * UInt64(k))
            } else {
                key.extra.append(Int32(k) << 24 | index)
            }
        }
        b.used()
        let packed = UInt64(UInt32(bitPattern: key.period)) << 32 | UInt64(UInt32(bitPattern: key.region))
        if let g = key.extra.isEmpty ? state.groups.find(packed, key.dims) : state.wideGroups[key] {
            combine(&state.accumulators[g], value, line: record.line)
        } else {
            if key.extra.isEmpty {
                state.groups.insert(packed, key.dims, index: state.accumulators.count)
            } else {
                state.wideGroups[key] = state.accumulators.count
            }
            state.keys.append(key)
            state.accumulators.append(Group(value: value, rows: 1, lines: [record.line], overflow: false))
        }
    }

    @inline(__always)
    private func combine(_ g: inout Group, _ value: ExactDecimal, line: Int) {
        g.rows += 1
        if g.lines.count < linesPerFact { g.lines.append(line) }
        switch metric?.aggregate ?? .sum {
        case .sum:
            if let s = g.value.adding(value) { g.value = s } else { g.overflow = true }
        case .latest:
            g.value = value
        case .max:
            if value > g.value { g.value = value }
        }
    }

    // MARK: - Facts

    private func emit(_ state: State, columns: Columns, into b: inout CSVExtractionBuilder) {
        let metricID = mapping.metric ?? ""
        let unitWritten = mapping.unit ?? state.unitsSeen.values.sorted().first ?? metric?.unit ?? ""
        let unit = metric?.unit ?? mapping.unit ?? state.unitsSeen.keys.sorted().first ?? ""
        let valueColumn = mapping.valueColumn ?? mapping.dateColumn
        // Facts go out ordered by period, region id, then dimension values (as strings compare). Strings
        // are ranked once per distinct value, so the sort compares integers; equal strings share a rank
        // and the sort is stable, so ties keep the order the groups were first met in.
        let dimensionCount = columns.dimensions.count
        let groups = state.keys.count
        var dimIndex = [Int32](repeating: 0, count: groups * dimensionCount)
        for (g, key) in state.keys.enumerated() {
            for k in 0..<dimensionCount {
                var index: Int32 = -1
                if k < 4 {
                    let packed = (key.dims >> (16 * UInt64(k))) & 0xFFFF
                    if packed > 0 { index = Int32(packed) - 1 }
                }
                if index < 0 { index = key.extra.first { $0 >> 24 == Int32(k) }.map { $0 & 0xFF_FFFF } ?? 0 }
                dimIndex[g * dimensionCount + k] = index
            }
        }
        let regionRank = Self.ranks(of: state.regionIDs)
        let dimRank = (0..<dimensionCount).map { k in Self.ranks(of: (0..<state.dims[k].count).map { state.dims[k].string(Int32($0)) }) }
        let order = state.keys.indices.sorted { a, b in
            let ka = state.keys[a], kb = state.keys[b]
            if ka.period != kb.period { return ka.period < kb.period }
            let ra = ka.region >= 0 ? regionRank[Int(ka.region)] : -1, rb = kb.region >= 0 ? regionRank[Int(kb.region)] : -1
            if ra != rb { return ra < rb }
            for k in 0..<dimensionCount {
                let da = dimRank[k][Int(dimIndex[a * dimensionCount + k])], db = dimRank[k][Int(dimIndex[b * dimensionCount + k])]
                if da != db { return da < db }
            }
            return false
        }
        for g in order {
            let key = state.keys[g], group = state.accumulators[g]
            if group.overflow {
                b.diagnose(.warning, line: group.lines.first, .csvSumOverflow(metric: metricID))
                continue
            }
            var dims: [String: String] = [:]
            for k in 0..<dimensionCount {
                dims[columns.dimensions[k].name] = state.dims[k].string(dimIndex[g * dimensionCount + k])
            }
            let sources = group.lines.map {
                Provenance(file: b.file, contentHash: b.contentHash, title: metric?.label, line: $0, column: valueColumn)
            }
            b.extraction.facts.append(Fact(
                metric: metricID, kind: .observation, value: group.value, unit: unit, unitAsWritten: unitWritten,
                period: CSVDate.period(fromCode: key.period), region: key.region >= 0 ? state.regionIDs[Int(key.region)] : nil,
                dimensions: dims, sources: sources))
            b.extraction.rowCounts.append(group.rows)
        }
    }

    /// The rank of each string in the order of `<`, equal strings sharing one.
    private static func ranks(of strings: [String]) -> [Int32] {
        var ranks = [Int32](repeating: 0, count: strings.count)
        var rank: Int32 = -1
        var previous: String?
        for i in strings.indices.sorted(by: { strings[$0] < strings[$1] }) {
            if previous != strings[i] { rank += 1 }
            ranks[i] = rank
            previous = strings[i]
        }
        return ranks
    }
}
