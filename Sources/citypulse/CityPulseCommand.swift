import ArgumentParser

@main
struct CityPulseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "citypulse",
        abstract: "Turns news releases and statistics exports into city metrics, a JSON feed and a report.",
        discussion: """
        Exit codes: 0 success; 1 failure, nothing published; 64 invalid pipeline or usage; \
        65 published but a data-quality check failed; 75 another run holds the lock.
        """,
        version: CityPulseVersionText.text,
        subcommands: [RunCommand.self, MergeCommand.self, ValidateCommand.self, TestCommand.self, ExtractCommand.self, QuantitiesCommand.self])
}
