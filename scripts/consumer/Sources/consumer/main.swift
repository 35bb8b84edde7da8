import SettleCore
import SettleIO

// Runs a scenario file as `settle run` does and reads its outcomes.
let path = CommandLine.arguments.dropFirst().first ?? "Scenarios/small.yaml"
let scenario = try ScenarioLoader.load(.file(path))
let run = try SettlePipeline.run(scenario)
let o = run.outcomes
print("\(o.scenario): \(o.persons) persons, \(o.outcomes.settledByIMDi) settled by IMDi, \(o.outcomes.waiting) waiting")
print(run.json().serialized(indent: 2))
