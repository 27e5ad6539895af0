import ArgumentParser
import CityPulse
import CityPulseQuantities
import Foundation

struct QuantitiesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quantities",
        abstract: "Read lines of text on standard input; print one JSON object per line with the numbers found.",
        discussion: """
        Each output line is {"quantities":[{kind,text,value,lower,upper,qualifier,unit,unit_class,start,end}]}. \
        Offsets count Unicode scalars of the input line, end exclusive. kind is "quantity" for a number the tool \
        stands behind, otherwise why it was set aside: year, date, ordinal, anniversary, name, formula, identifier.
        """)

    func run() async throws {
        let scanner = QuantityScanner()
        while let line = readLine(strippingNewline: true) {
            let items = scanner.scan(line).map { JSONValue.quantity($0) }
            print(JSONValue.object(["quantities": .array(items)]).compact())
        }
    }
}
