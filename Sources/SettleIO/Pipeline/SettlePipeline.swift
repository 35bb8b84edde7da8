// SPDX-License-Identifier: GPL-3.0-or-later

import Foundation
import SettleCore

/// What each `settle` command does, as library calls: a command only parses its arguments, calls
/// these and prints what they return.
public enum SettlePipeline {
    /// Simulates a scenario's year, and the years after it when the scenario asks for them.
    /// Throws `MatchingFailure` when a matching round failed.
    public static func run(_ scenario: Scenario) throws(MatchingFailure) -> ScenarioRun {
        let result = Simulation.run(scenario)
        if let failed = result.rounds.first(where: { $0.result.termination == .failed }) {
            throw MatchingFailure(
                message:
                    "matching failed on day \(failed.day) of scenario '\(scenario.spec.name)': \(failed.result.note?.text ?? "unknown reason")"
            )
        }
        let outcomes = OutcomeCollector.collect(scenario: scenario, result: result)
        return ScenarioRun(
            scenario: scenario, result: result, outcomes: outcomes, years: Lifecycle.run(scenario, result))
    }

    /// Refuses to overwrite: fails when a file `settle run --out folder` would write for these scenarios exists.
    public static func refuseExistingRunFiles(_ scenarios: [Scenario], in folder: String) throws(InputError) {
        for s in scenarios {
            for name in ScenarioRun.fileNames(s.spec.name) {
                try OutputWriter.refuseExisting((folder as NSString).appendingPathComponent(name))
            }
        }
    }

    /// Writes a run's JSON report and municipality table into `folder`: both files or neither.
    public static func write(_ run: ScenarioRun, to folder: String, includeTimings: Bool = false) throws(InputError) {
        try OutputWriter.writeAll(
            run.files(includeTimings: includeTimings).map {
                ((folder as NSString).appendingPathComponent($0.name), $0.text)
            },
            force: true)
    }

    /// The batch of IMDi's first round on or after `day` (`nil`: the first round), as the simulated year
    /// reaches it. Throws an input error naming `file` when no round from `day` on has anyone waiting.
    public static func batch(_ scenario: Scenario, fromDay day: Int?, file: String) throws(InputError) -> (
        day: Int, batch: MatchingBatch
    ) {
        if let found = Simulation.batch(scenario, fromDay: day ?? 0) { return found }
        // Without a day, a year in which nobody ever waits still has a (empty) first batch.
        guard let day else { return (0, Simulation.firstBatch(scenario)) }
        throw InputError(
            file: file,
            message:
                "no IMDi round from day \(day) on has households waiting (horizon \(scenario.spec.process.horizonDays) days); choose an earlier --day"
        )
    }

    /// The year's hindsight batch: the scenario's year simulated under its own mechanism, then every
    /// household that reached IMDi's matching placed at once against the whole decisions (`Hindsight`).
    public static func solveHindsight(_ scenario: Scenario) throws -> BatchSolution {
        let year = Simulation.run(scenario)
        let hindsight = Hindsight(scenario: scenario, households: Hindsight.households([year]))
        if hindsight.result.termination == .failed {
            throw MatchingFailure(
                message: "matching the hindsight batch failed: \(hindsight.result.note?.text ?? "unknown reason")")
        }
        return BatchSolution(
            scenario: scenario, day: 0, batch: hindsight.batch, result: hindsight.result, isHindsight: true)
    }

    /// Solves one batch with the scenario's matching options (what `settle solve` prints).
    public static func solve(_ scenario: Scenario, fromDay day: Int? = nil, file: String) throws -> BatchSolution {
        let (round, batch) = try self.batch(scenario, fromDay: day, file: file)
        let result = BatchMatcher.match(batch, options: scenario.spec.matching)
        if result.termination == .failed {
            throw MatchingFailure(message: "matching failed: \(result.note?.text ?? "unknown reason")")
        }
        return BatchSolution(scenario: scenario, day: round, batch: batch, result: result)
    }

    /// Writes a batch's matching model as GLPK writes it; returns a one-line summary.
    public static func exportModel(
        _ scenario: Scenario, fromDay day: Int? = nil, file: String, format: ModelFile.Format, to path: String,
        force: Bool
    ) throws -> String {
        let batch = BatchMatcher.prepare(
            try self.batch(scenario, fromDay: day, file: file).batch, options: scenario.spec.matching)
        let model = MatchingModel.build(batch)
        try ModelFile.write(model, format: format, to: path, force: force)
        return "\(path): \(model.variables.count) variables, \(model.constraints.count) constraints (maximise)"
    }

    /// Writes a batch as the CSV instance any solver can read (see `InstanceWriter`); returns a one-line summary.
    public static func exportInstance(
        _ scenario: Scenario, fromDay day: Int? = nil, file: String, to folder: String, force: Bool
    ) throws -> String {
        let batch = BatchMatcher.prepare(
            try self.batch(scenario, fromDay: day, file: file).batch, options: scenario.spec.matching)
        try InstanceWriter.write(batch, to: folder, force: force)
        return "\(folder): \(batch.householdCount) households, \(batch.municipalityCount) municipalities (maximise)"
    }
}
