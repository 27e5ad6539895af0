@testable import CityPulse
import CityPulseQuantities
import Foundation

/// A pipeline for CSV tests: the metrics of the corpus files and Hohhot's districts.
enum CSVTestSupport {
    static let regionsYAML = """
    regions:
      default: hohhot
      places:
        - {id: inner-mongolia, name: 内蒙古自治区, aliases: [内蒙古]}
        - {id: hohhot, name: 呼和浩特市, aliases: [呼和浩特, 呼市], parent: inner-mongolia}
        - {id: xincheng, name: 新城区, parent: hohhot}
        - {id: huimin, name: 回民区, parent: hohhot}
        - {id: yuquan, name: 玉泉区, parent: hohhot}
        - {id: saihan, name: 赛罕区, parent: hohhot}
        - {id: tumed-left, name: 土默特左旗, aliases: [土左旗], parent: hohhot}
        - {id: togtoh, name: 托克托县, aliases: [托县], parent: hohhot}
        - {id: horinger, name: 和林格尔县, aliases: [和林县], parent: hohhot}
        - {id: qingshuihe, name: 清水河县, parent: hohhot}
        - {id: wuchuan, name: 武川县, parent: hohhot}
        - {id: hohhot-etdz, name: 呼和浩特经济技术开发区, parent: hohhot}
        - {id: horinger-new-area, name: 和林格尔新区, parent: hohhot}
    """

    static func metric(_ id: String, _ unit: String, _ aggregate: String = "latest") -> String {
        "  - {id: \(id), labels: {zh: \(id)}, unit: \(unit), aggregate: \(aggregate)}"
    }

    static let metricsYAML = """
    metrics:
    \(metric("private_employment", "人"))
    \(metric("urban_employment", "人"))
    \(metric("resident_population", "人"))
    \(metric("average_wage", "元"))
    \(metric("regional_gdp", "元"))
    \(metric("professional_staff", "人"))
    \(metric("national_gdp", "元"))
    \(metric("gdp_per_capita", "元"))
    \(metric("gross_national_income", "元"))
    \(metric("enterprise_units", "个"))
    \(metric("graduate_supply", "人"))
    \(metric("graduate_retention", "人", "sum"))
    \(metric("talent_intake", "人", "sum"))
    \(metric("market_openings", "处", "sum"))
    \(metric("rows", "行", "sum"))
    """

    /// A pipeline with one CSV source whose `csv:` block is `csvYAML` (indented by six spaces).
    static func pipeline(csv csvYAML: String) throws -> PipelineDefinition {
        let indented = csvYAML.split(separator: "\n", omittingEmptySubsequences: false).map { "      " + $0 }.joined(separator: "\n")
        let yaml = """
        version: 1
        name: csv-test
        sources:
          - id: s
            kind: csv
            glob: x.csv
            csv:
        \(indented)
        \(metricsYAML)
        \(regionsYAML)
        """
        return try PipelineLoader().load(data: Data(yaml.utf8), path: "csv-test.yml")
    }

    static func extract(_ url: URL, csv csvYAML: String, maxRejects: Int = 1000, limits: CSVReaderLimits = .init()) throws -> CSVExtraction {
        let p = try pipeline(csv: csvYAML)
        return CSVExtractor(pipeline: p, maxRejects: maxRejects, limits: limits)
            .extract(url: url, path: url.lastPathComponent, contentHash: "test", source: p.sources[0])
    }

    static func corpusFile(_ name: String) -> URL {
        ProjectPaths.corpus.appendingPathComponent("csv").appendingPathComponent(name)
    }

    /// The `csv:` block of a record log of graduates retained (日期,区县,学历,类别,人数), counting the rows
    /// whose 类别 is `category`.
    static func retentionRecords(category: String) -> String {
        """
        layout: records
        metric: graduate_retention
        date: 日期
        region: 区县
        value: 人数
        dimensions: [学历]
        filters:
          类别: [\(category)]
        unit: 人
        """
    }

    /// A fresh temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("citypulse-csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// GB18030 as Foundation names it (kCFStringEncodingGB_18030_2000 as an NSStringEncoding).
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    static func write(_ text: String, named name: String = "t.csv", encoding: String.Encoding = .utf8, bom: [UInt8] = []) throws -> URL {
        let url = try temporaryFolder().appendingPathComponent(name)
        let data = bom + Array(text.data(using: encoding)!)
        try Data(data).write(to: url)
        return url
    }

    static func value(_ e: CSVExtraction, metric: String, region: String?, year: Int) -> ExactDecimal? {
        e.facts.first { $0.metric == metric && $0.region == region && $0.period == .year(year) }?.value
    }
}

extension CSVExtraction {
    /// The accounting every file must satisfy.
    var rowsAddUp: Bool { rowsRead == rowsUsed + rowsRejected + rowsFiltered }
}
