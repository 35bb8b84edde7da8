// SPDX-License-Identifier: GPL-3.0-or-later

import Foundation
import SettleCore

/// One matching batch solved on its own (what `settle solve` prints).
public struct BatchSolution: Sendable {
    public var scenario: Scenario
    /// The day of the round whose batch this is.
    public var day: Int
    public var batch: MatchingBatch
    public var result: MatchResult
    /// The year's hindsight batch (`Hindsight`) rather than one round's.
    public var isHindsight = false

    public init(scenario: Scenario, day: Int, batch: MatchingBatch, result: MatchResult, isHindsight: Bool = false) {
        self.scenario = scenario
        self.day = day
        self.batch = batch
        self.result = result
        self.isHindsight = isHindsight
    }

    public var persons: Int { batch.households.reduce(0) { $0 + $1.size } }
    public var placed: Int { result.placement.compactMap { $0 }.count }
    /// Extra capacity dimensions that some household of the batch needs.
    public var dimensions: [String] { batch.dimensions.filter { $0.demand.contains { $0 > 0 } }.map(\.name) }

    /// The figures as text, one per line.
    public func text() -> String {
        var lines = [
            "settle solve · scenario \"\(scenario.spec.name)\" · seed \(scenario.spec.seed) · "
                + (isHindsight ? "hindsight batch of the year" : "round of day \(day)"),
            "households      \(batch.householdCount) (\(persons) persons)",
            "municipalities  \(batch.municipalityCount), capacity \(batch.capacity.reduce(0, +)) persons"
                + (dimensions.isEmpty ? "" : "; dimensions: " + dimensions.joined(separator: ", ")),
            "method          \(result.method.label), \(result.termination.rawValue)",
            "objective       \(Self.fixed(result.objective, 3))",
            "bound           \(Self.fixed(result.bound, 3))",
            "gap             \(Self.fixed(result.gap * 100, 4)) %",
            "seconds         \(Self.fixed(result.seconds, 3))",
            "placed          \(placed) households; \(batch.householdCount - placed) unplaced",
            "split           \(result.splitHouseholds) households split by the LP relaxation",
            "repaired        \(result.repairedHouseholds) households placed by LP diving and the repair MIP",
        ]
        if result.lagrangianSteps > 0 { lines.append("lagrangian      \(result.lagrangianSteps) price steps") }
        if let note = result.note { lines.append("note            \(note.text)") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The same figures as JSON (keys in the README); `seconds` differs between runs.
    public func json() -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("scenario", .string(scenario.spec.name)),
            ("seed", .unsigned(scenario.spec.seed)),
            ("day", .int(day)),
            ("households", .int(batch.householdCount)),
            ("persons", .int(persons)),
            ("municipalities", .int(batch.municipalityCount)),
            ("capacity", .int(batch.capacity.reduce(0, +))),
            ("dimensions", .array(dimensions.map(JSONValue.string))),
            ("method", .string(result.method.label)),
            ("termination", .string(result.termination.rawValue)),
            ("objective", .double(result.objective)),
            ("bound", .double(result.bound)),
            ("gap", .double(result.gap, 8)),
            ("seconds", .double(result.seconds, 3)),
            ("placed", .int(placed)),
            ("unplaced", .int(batch.householdCount - placed)),
            ("split_households", .int(result.splitHouseholds)),
            ("repaired_households", .int(result.repairedHouseholds)),
            ("lagrangian_steps", .int(result.lagrangianSteps)),
        ]
        if let note = result.note { pairs.append(("note", .string(note.text))) }
        if isHindsight { pairs.insert(("hindsight", .bool(true)), at: 3) }
        return .object(pairs)
    }

    /// The assignment: `household,municipality`, the municipality empty for an unplaced household.
    public func assignmentCSV() -> String {
        var text = "household,municipality\n"
        for (h, m) in result.placement.enumerated() {
            text += InstanceWriter.quoted(batch.households[h].id) + ","
            text += (m.map { InstanceWriter.quoted(batch.municipalities[$0].id) } ?? "") + "\n"
        }
        return text
    }

    static func fixed(_ value: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }
}
