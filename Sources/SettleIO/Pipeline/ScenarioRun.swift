// SPDX-License-Identifier: GPL-3.0-or-later

import SettleCore

/// One simulated scenario with everything its reports need.
public struct ScenarioRun: Sendable {
    public var scenario: Scenario
    public var result: SimulationResult
    public var outcomes: Outcomes
    /// The years after settlement, only when the scenario asks for them.
    public var years: LifecycleOutcomes?

    /// The documented JSON report; `includeTimings` adds solver seconds (they differ between runs).
    public func json(includeTimings: Bool = false) -> JSONValue {
        JSONReport.value(outcomes, includeTimings: includeTimings, years: years)
    }

    /// The terminal report; `includeTimings` adds solver seconds (they differ between runs).
    public func text(includeTimings: Bool = false) -> String {
        TerminalReport.render(outcomes, scenario: scenario, showTimings: includeTimings)
            + (years.map(LifecycleReport.render) ?? "")
    }

    /// The municipality rows as CSV.
    public func municipalityCSV() -> String {
        MunicipalityCSV.render(outcomes)
    }

    /// The names `settle run --out` writes for a scenario: its JSON report and its municipality table.
    public static func fileNames(_ scenario: String) -> [String] {
        ["\(scenario).json", "\(scenario)-municipalities.csv"]
    }

    /// The files of `fileNames`, with their contents.
    public func files(includeTimings: Bool = false) -> [(name: String, text: String)] {
        let names = Self.fileNames(scenario.spec.name)
        return [
            (names[0], json(includeTimings: includeTimings).serialized(indent: 2) + "\n"),
            (names[1], municipalityCSV()),
        ]
    }
}
