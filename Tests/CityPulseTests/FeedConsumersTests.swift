@testable import CityPulse
import Foundation
import Testing

/// The feed as its readers see it: the JSON Schema in the repository, DuckDB and pandas.
@Suite(.serialized) struct FeedConsumersTests {
    @Test func feedValidatesAgainstItsSchema() async throws {
        let run = await TestRun.run(try TestRun.defaultPipeline())
        defer { run.remove() }
        let out = try Python.run("""
        import gzip, json, sys, jsonschema
        schema = json.load(open(sys.argv[1]))
        feed = json.load(gzip.open(sys.argv[2]))
        jsonschema.Draft202012Validator.check_schema(schema)
        jsonschema.validate(feed, schema, cls=jsonschema.Draft202012Validator)
        print("valid", len(feed["facts"]), len(feed["series"]), len(feed["targets"]))
        """, arguments: [ProjectPaths.root.appendingPathComponent("Schemas/metrics.schema.json").path,
                         run.directory.appendingPathComponent(OutputFiles.metrics).path])
        #expect(out.hasPrefix("valid"))
    }

    /// The progress table as it is: DuckDB and pandas read it without reshaping, dates as dates,
    /// numbers as numbers, and every target with a period has its pace line's two ends.
    @Test func duckDBAndPandasReadTheProgressTableAsItIs() async throws {
        let run = await TestRun.run(try TestRun.defaultPipeline())
        defer { run.remove() }
        let out = try Python.run("""
        import gzip, json, sys, duckdb, pandas as pd
        d = sys.argv[1]
        con = duckdb.connect()
        rows = con.execute(f"SELECT p.target_id, p.date, p.actual, p.expected, p.source FROM (SELECT unnest(progress) AS p FROM read_json('{d}/metrics.json.gz'))").fetchall()
        feed = json.load(gzip.open(f"{d}/metrics.json.gz"))
        progress = pd.DataFrame(feed["progress"])
        assert set(progress.columns) == set(feed["dimensions"]["progress"]), progress.columns
        progress["date"] = pd.to_datetime(progress["date"])
        assert progress["expected"].dtype.kind in "if"
        periodic = [t["id"] for t in feed["targets"] if t["period_start"]]
        pace = progress[progress.source == "pace"].groupby("target_id").size()
        assert all(pace.get(t, 0) == 2 for t in periodic), pace
        series = progress[progress.source == "series"]
        assert (series.groupby("target_id")["date"].apply(lambda s: s.is_monotonic_increasing)).all()
        print(len(rows), len(progress), len(series), len(periodic))
        """, arguments: [run.directory.path])
        let numbers = out.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        try #require(numbers.count == 4, "\(out)")
        #expect(numbers[0] == numbers[1] && numbers[2] > 0 && numbers[3] > 0, "DuckDB and pandas see the same progress rows: \(out)")
    }

    @Test func schemaRejectsAFeedWithAMissingField() throws {
        let out = try Python.run("""
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1]))
        try:
            jsonschema.validate({"schema": "citypulse.metrics/1"}, schema)
            print("accepted")
        except jsonschema.ValidationError:
            print("rejected")
        """, arguments: [ProjectPaths.root.appendingPathComponent("Schemas/metrics.schema.json").path])
        #expect(out.contains("rejected"))
    }

    @Test func duckDBAndPandasReadTheFeedWithoutReshaping() async throws {
        let run = await TestRun.run(try TestRun.defaultPipeline())
        defer { run.remove() }
        let out = try Python.run("""
        import gzip, json, sys, duckdb, pandas as pd
        d = sys.argv[1]
        con = duckdb.connect()
        n = con.execute(f"SELECT count(*) FROM (SELECT unnest(series, recursive := true) FROM read_json('{d}/metrics.json.gz'))").fetchone()[0]
        facts = con.execute(f"SELECT count(*) FROM read_json('{d}/facts.ndjson.gz', format='newline_delimited')").fetchone()[0]
        feed = json.load(gzip.open(f"{d}/metrics.json.gz"))
        series = pd.DataFrame(feed["series"])
        assert set(series.columns) == set(feed["dimensions"]["series"]), series.columns
        assert series["value"].dtype.kind in "if"
        print(n, facts, len(series), len(feed["facts"]))
        """, arguments: [run.directory.path])
        let numbers = out.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        try #require(numbers.count == 4, "\(out)")
        #expect(numbers[0] == numbers[2] && numbers[0] > 0, "DuckDB and pandas see the same series rows")
        #expect(numbers[1] == numbers[3], "facts.ndjson has one line per fact")
    }
}
