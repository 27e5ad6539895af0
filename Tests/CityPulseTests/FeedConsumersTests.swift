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

    /// The README's Vega-Lite specs, drawn by the real Vega-Lite engine (vl-convert, offline) on the
    /// sample's feed, the feed's table given inline where the README names its url: the targets spec
    /// draws a bar per target with a progress, the progress spec a point per series and release row
    /// and a pace line per target.
    @Test func theReadmesVegaLiteSpecsDrawTheFeed() async throws {
        let run = await TestRun.run(try TestRun.defaultPipeline())
        defer { run.remove() }
        let out = try Python.run("""
        import gzip, json, re, sys, vl_convert as vlc
        readme = open(sys.argv[1], encoding="utf-8").read()
        feed = json.load(gzip.open(sys.argv[2] + "/metrics.json.gz"))
        specs = [json.loads(b) for b in re.findall(r"```json\\n(.*?)```", readme, re.S) if '"data"' in b]
        for spec in specs:
            table = spec["data"]["format"]["property"]
            spec["data"] = {"values": feed[table]}
            svg = vlc.vegalite_to_svg(spec)
            marks = lambda kind: svg.count(f'aria-roledescription="{kind}"')
            if table == "targets":
                print("targets", marks("bar"), sum(1 for t in feed["targets"] if t["progress"] is not None))
            elif table == "progress":
                rows = [r for r in feed["progress"] if r["source"] != "pace"]
                with_series = len({r["target_id"] for r in rows if r["source"] == "series"})
                print("progress", marks("point"), len(rows), marks("line mark"), len(feed["targets"]) + with_series)
        """, arguments: [ProjectPaths.root.appendingPathComponent("README.md").path, run.directory.path])
        let lines = out.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        let targets = try #require(lines.first { $0.first == "targets" }, "the README has a targets spec: \(out)")
        let progress = try #require(lines.first { $0.first == "progress" }, "the README has a progress spec: \(out)")
        #expect(targets[1] == targets[2] && Int(targets[1]) ?? 0 > 0, "bars: \(out)")
        #expect(progress[1] == progress[2] && progress[3] == progress[4] && Int(progress[1]) ?? 0 > 0, "points and lines: \(out)")
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
