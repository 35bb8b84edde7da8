import ArgumentParser
import Foundation
import SettleCore
import SettleIO

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run scenarios and print their settlement reports.",
        discussion: "Without FILE, runs the embedded default scenario (a copy of Scenarios/default.yaml)."
    )

    @Argument(help: "Scenario files (YAML or JSON).")
    var files: [String] = []

    @OptionGroup var scenario: ScenarioOptions

    @Option(help: "Report format: text or json.")
    var format: ReportFormat = .text

    @Option(help: "Also write <name>.json and <name>-municipalities.csv for each scenario into this folder.")
    var out: String?

    @Flag(help: "Overwrite files that already exist in --out.")
    var force = false

    @Flag(help: "Include solver seconds in JSON (makes output differ between runs).")
    var timings = false

    func run() throws {
        let overrides = try scenario.parsedOverrides()
        let sources: [ScenarioLoader.Source] = files.isEmpty ? [.embeddedDefault] : files.map { .file($0) }
        // Load everything first: a bad file later in the list must not leave earlier reports half-done.
        var scenarios: [Scenario] = []
        for source in sources {
            scenarios.append(try ScenarioLoader.load(source, overrides: overrides, seed: scenario.seed))
        }
        if let out { try OutputWriter.prepareFolder(out) }
        if let out, !force {
            for s in scenarios {
                for name in outputNames(s.spec.name) {
                    let path = (out as NSString).appendingPathComponent(name)
                    if FileManager.default.fileExists(atPath: path) {
                        throw InputError(
                            file: path, message: "already exists; pass --force to overwrite it or choose another --out")
                    }
                }
            }
        }
        var documents: [JSONValue] = []
        for s in scenarios {
            let result = Simulation.run(s)
            let outcomes = OutcomeCollector.collect(scenario: s, result: result)
            if let failed = result.rounds.first(where: { $0.result.termination == .failed }) {
                throw InternalFailure(
                    message:
                        "matching failed on day \(failed.day) of scenario '\(s.spec.name)': \(failed.result.note ?? "unknown reason")"
                )
            }
            // The years after settlement, only when the scenario asks for them.
            let years = Lifecycle.run(s, result)
            let document = JSONReport.value(outcomes, includeTimings: timings, years: years)
            documents.append(document)
            if format == .text {
                if scenarios.count > 1 && s.spec.name != scenarios.first?.spec.name { print("") }
                print(TerminalReport.render(outcomes, scenario: s), terminator: "")
                if let years { print(LifecycleReport.render(years), terminator: "") }
            }
            if let out {
                let names = outputNames(s.spec.name)
                // Both files or neither, even when interrupted.
                try OutputWriter.writeAll(
                    [
                        ((out as NSString).appendingPathComponent(names[0]), document.serialized(indent: 2) + "\n"),
                        ((out as NSString).appendingPathComponent(names[1]), MunicipalityCSV.render(outcomes)),
                    ], force: true)
            }
        }
        if format == .json {
            let value = documents.count == 1 ? documents[0] : .array(documents)
            print(value.serialized(indent: 2))
        }
    }

    func outputNames(_ scenario: String) -> [String] {
        ["\(scenario).json", "\(scenario)-municipalities.csv"]
    }
}

/// Something went wrong that is not the user's input: exit status 1.
struct InternalFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
