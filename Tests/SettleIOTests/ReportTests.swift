// SPDX-License-Identifier: GPL-3.0-or-later

import Foundation
import Testing

@testable import SettleCore
@testable import SettleIO

@Suite struct ReportTests {
    func smallRun(seed: UInt64? = nil) throws -> (Scenario, Outcomes) {
        let scenario = try ScenarioLoader.load(.file(Paths.scenario("small.yaml")), seed: seed)
        let outcomes = OutcomeCollector.collect(scenario: scenario, result: Simulation.run(scenario))
        return (scenario, outcomes)
    }

    @Test func jsonKeysAreStableAndDocumented() throws {
        let (_, outcomes) = try smallRun()
        guard case .object(let pairs) = JSONReport.value(outcomes) else { Issue.record("expected an object"); return }
        #expect(
            pairs.map(\.0) == [
                "scenario", "seed", "households", "persons", "outcomes", "household_outcomes", "waiting_reasons",
                "housing_on_arrival", "offers", "forced_moves", "decline_losses", "wait_days",
                "introduction_programme", "introduction_benefit", "reception", "integration_grant",
                "norwegian_tuition", "school", "expected_employed", "capacity", "matching", "centrality_classes",
                "counties", "municipalities",
            ])
        let readme = try String(contentsOfFile: Paths.root + "/README.md", encoding: .utf8)
        for (key, _) in pairs { #expect(readme.contains("`\(key)`"), "README does not document \(key)") }
    }

    /// Each round above the tolerance is named with its gap, its shortage and where the solver stopped.
    @Test func uncertifiedRoundsAreListedInJSONAndText() throws {
        var (scenario, outcomes) = try smallRun()
        #expect(outcomes.matching.uncertified.isEmpty)
        outcomes.matching.uncertified = [
            UncertifiedRound(
                day: 140, households: 968,
                scarcity: BatchScarcity(
                    persons: 2_574, places: 857,
                    shortDimensions: [.init(name: "large_dwellings", demand: 62, capacity: 40)]),
                objective: 1276.073, bound: 1278.103, gap: 0.0015906, termination: .nodeLimit,
                note: .repairMIPNodeLimit, seconds: 9.5)
        ]
        let json = JSONReport.value(outcomes).serialized()
        #expect(
            json.contains(
                #""uncertified_rounds":[{"day":140,"households":968,"persons":2574,"places":857,"short_dimensions":[{"name":"large_dwellings","demand":62,"capacity":40}],"objective":1276.073,"bound":1278.103,"gap":0.0015906,"termination":"node_limit","note":"repair MIP stopped at its node limit"}]"#
            ))
        #expect(JSONReport.value(outcomes, includeTimings: true).serialized().contains(#""seconds":9.5}]"#))
        let text = TerminalReport.render(outcomes, scenario: scenario, showTimings: false)
        #expect(text.contains("rounds above the gap tolerance (1)"))
        #expect(
            text.contains(
                "day 140: gap 0.1591 % (objective 1276.073, bound 1278.103); 968 households, 2,574 persons for 857 places (places short); large dwellings short (62 needed, 40 left); node limit: repair MIP stopped at its node limit\n"
            ))
    }

    // Seconds differ from run to run, so the text report shows them only when asked, as the JSON.
    @Test func textShowsSecondsOnlyWhenAsked() throws {
        var (scenario, outcomes) = try smallRun()
        outcomes.matching.seconds = 9.5
        #expect(!TerminalReport.render(outcomes, scenario: scenario).contains("9.50 s"))
        #expect(TerminalReport.render(outcomes, scenario: scenario, showTimings: true).contains("9.50 s"))
    }

    @Test func sameSeedSameBytesOtherSeedOtherBytes() throws {
        let a = JSONReport.value(try smallRun().1).serialized(indent: 2)
        let b = JSONReport.value(try smallRun().1).serialized(indent: 2)
        let c = JSONReport.value(try smallRun(seed: 8).1).serialized(indent: 2)
        #expect(a == b)
        #expect(a != c)
        #expect(!a.contains("seconds"))
        let parsed = try JSONSerialization.jsonObject(with: Data(a.utf8)) as? [String: Any]
        #expect((parsed?["households"] as? Int) == 80)
    }

    @Test func jsonNumbersAreFormattedWithoutNoise() {
        #expect(JSONValue.double(0.1 + 0.2).serialized() == "0.3")
        #expect(JSONValue.double(248_056, 0).serialized() == "248056")
        #expect(JSONValue.double(-0.0000001).serialized() == "0")
        #expect(JSONValue.string("a\"b\n").serialized() == #""a\"b\n""#)
        #expect(JSONValue.object([("k", .array([.int(1), .null]))]).serialized() == #"{"k":[1,null]}"#)
    }

    @Test func municipalityCSVHasARowPerMunicipality() throws {
        let (scenario, outcomes) = try smallRun()
        let csv = MunicipalityCSV.render(outcomes)
        let lines = csv.split(separator: "\n")
        #expect(lines.count == scenario.municipalities.count + 1)
        #expect(lines[0] == Substring(MunicipalityCSV.header))
        let used = lines.dropFirst().map { Int($0.split(separator: ",")[7])! }.reduce(0, +)
        #expect(used == outcomes.capacity.used)
    }

    @Test func terminalReportShowsTheHeadlines() throws {
        let (scenario, outcomes) = try smallRun()
        let text = TerminalReport.render(outcomes, scenario: scenario)
        #expect(text.contains("scenario \"small\""))
        #expect(text.contains("Settled by IMDi"))
        #expect(text.contains("gap 0.0000 %"))
        #expect(TerminalReport.n(1_234_567) == "1,234,567")
        #expect(TerminalReport.n(-12) == "-12")
    }

    @Test func outputsAreNotOverwrittenWithoutForce() throws {
        let folder = Paths.temporaryFolder()
        let path = folder + "/r.json"
        try OutputWriter.write("one", to: path, force: false)
        #expect(throws: InputError.self) { try OutputWriter.write("two", to: path, force: false) }
        try OutputWriter.write("three", to: path, force: true)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "three")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["r.json"])
    }
}
