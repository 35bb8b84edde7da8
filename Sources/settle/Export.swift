// SPDX-License-Identifier: GPL-3.0-or-later

import ArgumentParser
import Foundation
import SettleCore
import SettleIO

enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    case mps
    case lp
    /// The batch as CSV files for any solver (see InstanceWriter).
    case instance
}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a scenario's matching model as GLPK writes it (free MPS or CPLEX LP).",
        discussion: """
            The model is the batch IMDi matches after agreed self-settlement: one binary per allowed \
            household-municipality pair, at most one offer per household, persons within each decision. \
            It is a maximisation; MPS carries no sense, so tell the other solver to maximise. With --day, \
            the batch of the first round on or after that day.
            """
    )

    @Argument(help: "Scenario file (YAML or JSON).")
    var file: String

    @OptionGroup var scenario: ScenarioOptions

    @OptionGroup var round: BatchOptions

    @Option(help: "mps (free MPS), lp (CPLEX LP) or instance (CSV files in the folder --out).")
    var format: ExportFormat

    @Option(help: "Path of the file to write.")
    var out: String

    @Flag(help: "Overwrite --out if it exists.")
    var force = false

    func run() throws {
        let s = try ScenarioLoader.load(.file(file), overrides: scenario.parsedOverrides(), seed: scenario.seed)
        let summary: String
        switch format {
        case .instance:
            summary = try SettlePipeline.exportInstance(s, fromDay: round.day, file: file, to: out, force: force)
        case .mps:
            summary = try SettlePipeline.exportModel(
                s, fromDay: round.day, file: file, format: .mps, to: out, force: force)
        case .lp:
            summary = try SettlePipeline.exportModel(
                s, fromDay: round.day, file: file, format: .lp, to: out, force: force)
        }
        print(summary)
    }
}
