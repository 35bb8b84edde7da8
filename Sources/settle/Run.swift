// SPDX-License-Identifier: GPL-3.0-or-later

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

    @Flag(help: "Include solver seconds in the reports, text and JSON (makes output differ between runs).")
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
        if let out, !force { try SettlePipeline.refuseExistingRunFiles(scenarios, in: out) }
        var documents: [JSONValue] = []
        for s in scenarios {
            let run = try SettlePipeline.run(s)
            documents.append(run.json(includeTimings: timings))
            if format == .text {
                if scenarios.count > 1 && s.spec.name != scenarios.first?.spec.name { print("") }
                print(run.text(includeTimings: timings), terminator: "")
            }
            if let out { try SettlePipeline.write(run, to: out, includeTimings: timings) }
        }
        if format == .json {
            let value = documents.count == 1 ? documents[0] : .array(documents)
            print(value.serialized(indent: 2))
        }
    }
}

/// Something went wrong that is not the user's input: exit status 1.
struct InternalFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
