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
            bound and gap, seconds and repaired households.
            """
    )

    @Argument(help: "Scenario file (YAML or JSON).")
    var file: String

    @OptionGroup var scenario: ScenarioOptions

    @OptionGroup var round: BatchOptions

    @Option(help: "Write the assignment as CSV (household,municipality; empty when unplaced) to this path.")
    var out: String?

    @Flag(help: "Overwrite --out if it exists.")
    var force = false

    func run() throws {
        let s = try ScenarioLoader.load(.file(file), overrides: scenario.parsedOverrides(), seed: scenario.seed)
        if let out, FileManager.default.fileExists(atPath: out), !force {
            throw InputError(file: out, message: "already exists; pass --force to overwrite it or choose another --out")
        }
        let (day, batch) = try round.batch(s, file: file)
        let result = BatchMatcher.match(batch, options: s.spec.matching)
        if result.termination == .failed {
            throw InternalFailure(message: "matching failed: \(result.note ?? "unknown reason")")
        }
        let placed = result.placement.compactMap { $0 }.count
        let dimensions = batch.dimensions.filter { $0.demand.contains { $0 > 0 } }.map(\.name)
        var lines = [
            "settle solve · scenario \"\(s.spec.name)\" · seed \(s.spec.seed) · round of day \(day)",
            "households      \(batch.householdCount) (\(batch.households.reduce(0) { $0 + $1.size }) persons)",
            "municipalities  \(batch.municipalityCount), capacity \(batch.capacity.reduce(0, +)) persons"
                + (dimensions.isEmpty ? "" : "; dimensions: " + dimensions.joined(separator: ", ")),
            "method          \(result.method.rawValue), \(result.termination.rawValue)",
            "objective       \(fixed(result.objective, 3))",
            "bound           \(fixed(result.bound, 3))",
            "gap             \(fixed(result.gap * 100, 4)) %",
            "seconds         \(fixed(result.seconds, 3))",
            "placed          \(placed) households; \(batch.householdCount - placed) unplaced",
            "split           \(result.splitHouseholds) households split by the LP relaxation",
            "repaired        \(result.repairedHouseholds) households placed by LP diving and the repair MIP",
        ]
        if result.lagrangianSteps > 0 { lines.append("lagrangian      \(result.lagrangianSteps) price steps") }
        if let note = result.note { lines.append("note            \(note)") }
        print(lines.joined(separator: "\n"))
        if let out {
            var text = "household,municipality\n"
            for (h, m) in result.placement.enumerated() {
                text += InstanceWriter.quoted(batch.households[h].id) + ","
                text += (m.map { InstanceWriter.quoted(batch.municipalities[$0].id) } ?? "") + "\n"
            }
            try OutputWriter.write(text, to: out, force: true)
        }
    }

    func fixed(_ value: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }
}
