import ArgumentParser

@main
struct CityPulseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "citypulse",
        abstract: "Turns news releases and statistics exports into city metrics, a JSON feed and a report.",
        subcommands: [])
}
