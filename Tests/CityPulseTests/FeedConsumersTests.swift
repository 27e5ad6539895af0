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
