// SPDX-License-Identifier: GPL-3.0-or-later

import ArgumentParser
import Foundation
import SettleCore
import SettleIO

struct Solve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Solve one matching batch of a scenario and print the optimiser's figures.",
        discussion: """
            The batch is the one IMDi matches in its first round (what `export` writes), or with --day the \
            first round on or after that day. Prints the households, municipalities, objective, certified \
            bound and gap, seconds and repaired households, as text or JSON. With --hindsight, the batch is \
            the year's hindsight batch: every household that reached IMDi's matching in the simulated year, \
            against the whole decisions: what `compare` measures shares of hindsight against.
            """
    )

    @Argument(help: "Scenario file (YAML or JSON).")
    var file: String

    @OptionGroup var scenario: ScenarioOptions

    @OptionGroup var round: BatchOptions

    @Flag(help: "Solve the year's hindsight batch instead of one round's (not with --day).")
    var hindsight = false

    @Option(help: "Output format: text or json (the same figures; keys in the README).")
    var format: ReportFormat = .text

    @Option(help: "Write the assignment as CSV (household,municipality; empty when unplaced) to this path.")
    var out: String?

    @Flag(help: "Overwrite --out if it exists.")
    var force = false

    func validate() throws {
        if hindsight && round.day != nil { throw ValidationError("--hindsight solves the whole year; give no --day") }
    }

    func run() throws {
        let s = try ScenarioLoader.load(.file(file), overrides: scenario.parsedOverrides(), seed: scenario.seed)
        if let out, !force { try OutputWriter.refuseExisting(out) }
        let solution =
            try hindsight
            ? SettlePipeline.solveHindsight(s) : try SettlePipeline.solve(s, fromDay: round.day, file: file)
        switch format {
        case .text: print(solution.text(), terminator: "")
        case .json: print(solution.json().serialized(indent: 2))
        }
        if let out { try OutputWriter.write(solution.assignmentCSV(), to: out, force: true) }
    }
}
