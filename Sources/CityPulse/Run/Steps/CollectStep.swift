/// The first reduce step: the per-file results combined into the run's inputs, documents, text
/// facts, observations, rejects and row counts. An input read by two sources is listed once, and a
/// row both reject is rejected once.
struct CollectStep: RunStep {
    static let name = "collect"

    struct Collected: Sendable {
        var inputs: [InputRecord] = []
        var documents: [Document] = []
        var textFacts: [Fact] = []
        var observations: [Fact] = []
        var rejects: [Reject] = []
        var tables: [TableRecord] = []
        var rows = RowCounts()
        var diagnostics: [Diagnostic] = []
    }

    func run(_ partial: PartialResult, in context: inout RunContext) async throws(RunStop) -> Collected {
        var c = Collected(diagnostics: partial.discoveryDiagnostics)
        var seen = Set<String>()
        var rejectKeys = Set<Reject>()
        for item in partial.items {
            let file = item.file
            if seen.insert(file.path).inserted {
                c.inputs.append(InputRecord(file, sha256: item.hash, reused: item.reused))
            }
            c.documents += item.result.documents
            c.textFacts += item.result.facts
            c.diagnostics += item.result.diagnostics
            if let t = item.result.table {
                c.observations += t.facts
                c.rejects += t.rejects.filter { rejectKeys.insert($0).inserted }
                c.rows.read += t.rowsRead
                c.rows.used += t.rowsUsed
                c.rows.rejected += t.rowsRejected
                c.rows.filtered += t.rowsFiltered
                c.tables.append(TableRecord(path: file.path, encoding: t.encoding, rowsRead: t.rowsRead, rowsUsed: t.rowsUsed,
                                            rowsRejected: t.rowsRejected, rowsFiltered: t.rowsFiltered, notes: t.notes,
                                            rejectsTotal: max(t.rejectsTotal, t.rejects.count), rejectsListed: t.rejects.count))
            }
        }
        return c
    }
}
