// SPDX-License-Identifier: GPL-3.0-or-later

import Foundation
import Testing

@testable import SettleCore
@testable import SettleIO

@Suite struct ScenarioDecoderTests {
    func decodeError(_ yaml: String, overrides: [String] = []) -> InputError? {
        do {
            let parsed = try overrides.map { text throws(InputError) in try Override(parsing: text) }
            _ = try ScenarioDecoder.decode(yaml, file: "test.yaml", overrides: parsed)
            return nil
        } catch {
            return error
        }
    }

    @Test func embeddedDefaultIsTheFileInScenarios() throws {
        let file = try String(contentsOfFile: Paths.scenario("default.yaml"), encoding: .utf8)
        #expect(DefaultScenario.yaml == file, "run scripts/embed-default-scenario after editing Scenarios/default.yaml")
    }

    @Test func defaultsApplyWhereTheFileIsSilent() throws {
        let spec = try ScenarioDecoder.decode("name: tiny\n", file: "t.yaml")
        #expect(spec.name == "tiny")
        #expect(spec.seed == 2024)
        #expect(spec.capacity.nationalTotal == 35_500)
        #expect(spec.decline.baseRate == 0.05)
        #expect(spec.benefit.basicAmount == 124_028)
    }

    @Test func everyKeyIsRead() throws {
        let yaml = """
            name: full
            seed: 99
            municipalities: {synthetic: {count: 30, counties: 5, population: 1000000}}
            capacity: {national_total: 900, minimum: 3, overrides: {"0301": 50}}
            self_settlement: {municipality_share: 0.5, household_share: 0.2, single_adult_factor: 3, approval_probability: 0.7}
            cohort:
              households: 250
              household_size: {1: 1, 2: 1}
              unaccompanied_minor_share: 0.02
              education: {basic: 1, higher: 1}
              english: {good: 1}
              ties_share: 0.1
            decline: {base_rate: 0.2, remoteness: 0.5, ties_elsewhere: 2, single_adult: 0}
            benefit: {basic_amount_nok: 130160, multiple_of_g: 2, youth_age_limit: 25, youth_factor: 0.5}
            scoring: {intercept: -1, placement_value: 2}
            matching: {method: lp-repair, time_limit_seconds: 5, node_limit: 300, gap_tolerance: 0.01, exact_pair_limit: 10}
            """
        let spec = try ScenarioDecoder.decode(yaml, file: "t.yaml")
        #expect(spec.seed == 99)
        #expect(
            spec.municipalities
                == .synthetic(
                    {
                        var g = GeneratedMunicipalities(); g.count = 30; g.counties = 5; g.population = 1_000_000;
                        return g
                    }()))
        #expect(spec.capacity.overrides == ["0301": 50])
        #expect(spec.selfSettlement.approvalProbability == 0.7)
        guard case .generated(let mix) = spec.cohort else { Issue.record("expected a generated cohort"); return }
        #expect(mix.households == 250)
        #expect(mix.householdSize == [1: 1, 2: 1])
        #expect(mix.education == [.basic: 1, .higher: 1])
        #expect(spec.decline.tiesElsewhere == 2)
        #expect(spec.benefit.basicAmount == 130_160)
        #expect(spec.scoring.placementValue == 2)
        #expect(spec.matching.method == .lpRepair)
        #expect(spec.matching.exactPairLimit == 10)
        #expect(spec.matching.nodeLimit == 300)
        #expect(spec.matching.timeLimitSeconds == 5)
    }

    @Test func jsonIsAcceptedToo() throws {
        let spec = try ScenarioDecoder.decode(
            #"{"name": "j", "seed": 5, "cohort": {"households": 10}}"#, file: "t.json")
        #expect(spec.seed == 5)
    }

    @Test func misspeltKeyNamesFileLineKeyAndSuggestion() throws {
        let error = try #require(decodeError("name: x\ncohort:\n  housholds: 5\n"))
        #expect(
            error.description
                == "test.yaml:3: cohort.housholds: unknown key; did you mean 'households'? valid keys here: households, table, household_size, unaccompanied_minor_share, education, english, ties_share, health_needs_share"
        )
    }

    @Test func wrongTypeAndOutOfRangeAreErrors() throws {
        let text = try #require(decodeError("cohort:\n  households: many\n"))
        #expect(text.line == 2)
        #expect(text.description.contains("expected a whole number, found 'many'"))
        let range = try #require(decodeError("decline:\n  base_rate: 1.5\n"))
        #expect(range.key == "decline.base_rate")
        #expect(range.description.contains("out of range"))
        let nan = try #require(decodeError("decline:\n  base_rate: .nan\n"))
        #expect(nan.description.contains("finite"))
        let mapping = try #require(decodeError("cohort: 12\n"))
        #expect(mapping.description.contains("expected a mapping"))
    }

    @Test func malformedYAMLGivesTheLine() throws {
        let error = try #require(decodeError("name: x\ncohort: {households: 3\nseed: 1\n"))
        #expect(error.line != nil)
        #expect(error.description.hasPrefix("test.yaml:"))
        let duplicate = try #require(decodeError("name: a\nname: b\n"))
        #expect(duplicate.description.contains("appears twice"))
        #expect(decodeError("") != nil)
    }

    @Test func unknownMethodSuggestsTheNearest() throws {
        let error = try #require(decodeError("matching:\n  method: exakt\n"))
        #expect(error.description.contains("did you mean 'exact'?"))
    }

    @Test func overridesChangeKeysAndNameThemInErrors() throws {
        let spec = try ScenarioDecoder.decode(
            "name: x\n", file: "t.yaml",
            overrides: [try Override(parsing: "cohort.households=42"), try Override(parsing: "decline.base_rate=1")])
        guard case .generated(let mix) = spec.cohort else { Issue.record("expected a generated cohort"); return }
        #expect(mix.households == 42)
        #expect(spec.decline.baseRate == 1)
        let error = try #require(decodeError("name: x\n", overrides: ["cohort.housholds=3"]))
        #expect(error.description.hasPrefix("--set cohort.housholds"))
        #expect(error.description.contains("did you mean 'households'?"))
        #expect(throws: InputError.self) { try Override(parsing: "no-equals-sign") }
        #expect(throws: InputError.self) { try Override(parsing: "a..b=1") }
    }

    @Test func unknownMunicipalityIdIsReportedWithItsLine() throws {
        let folder = Paths.temporaryFolder()
        let path = folder + "/s.yaml"
        try "name: x\ncapacity:\n  overrides:\n    \"9999\": 10\n".write(
            toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: InputError.self) { try ScenarioLoader.load(.file(path)) }
        do {
            _ = try ScenarioLoader.load(.file(path))
        } catch {
            #expect(error.line == 4)
            #expect(error.key == "capacity.overrides.9999")
        }
    }

    static let shippedScenarios = [
        "default.yaml", "small.yaml", "from-tables.yaml", "norway-2023.yaml", "spring-surge.yaml",
        "low-self-settlement.yaml", "decisions-below-need.yaml",
        "three-years.yaml", "three-years-strict-residence.yaml", "compare-mechanisms.yaml",
        "compare-self-settlement.yaml", "compare-offers.yaml", "norway-2024.yaml",
    ]

    @Test(arguments: shippedScenarios)
    func everyShippedScenarioValidatesAndAddsUp(_ name: String) throws {
        let scenario = try ScenarioLoader.load(.file(Paths.scenario(name)))
        let result = Simulation.run(scenario)
        let o = OutcomeCollector.collect(scenario: scenario, result: result)
        #expect(o.outcomes.total == scenario.persons)
        #expect(
            o.outcomes.settledByIMDi + o.outcomes.selfSettled + o.outcomes.declined + o.outcomes.waiting
                + o.outcomes.noSettlementAsked == o.persons)
        #expect(o.capacity.overCapacityMunicipalities == 0)
        #expect(o.capacity.used <= o.capacity.decided)
        #expect(result.rounds.allSatisfy { $0.result.termination != .failed })
        #expect(o.offers.made > 0)
    }

    // The figures the README quotes for each shipped scenario: ReadmeFigureTests.

    @Test func aYearWithLongQueuesIsByteIdenticalAcrossRuns() throws {
        // Hard rounds stop the repair MIP by node count, not wall clock, so runs agree.
        func json() throws -> String {
            let scenario = try ScenarioLoader.load(.file(Paths.scenario("decisions-below-need.yaml")))
            let outcomes = OutcomeCollector.collect(scenario: scenario, result: Simulation.run(scenario))
            return JSONReport.value(outcomes).serialized(indent: 2)
        }
        #expect(try json() == json())
    }

    @Test func everyScenarioFileIsCoveredAbove() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Paths.root + "/Scenarios").filter {
            $0.hasSuffix(".yaml") || $0.hasSuffix(".json")
        }
        #expect(Set(files) == Set(Self.shippedScenarios))
    }

    @Test(.enabled(if: Paths.norwayTable != nil, "needs ../shared/data/norway-municipalities-2024.csv"))
    func realNorwayTableLoadsWhenPresent() throws {
        let table = try #require(Paths.norwayTable)
        let records = try MunicipalityTableReader.read(path: table)
        #expect(records.count == 357)
        #expect(records.first?.id == "0301")
        let spec = try ScenarioDecoder.decode(
            "municipalities: {table: \(table)}\ncapacity: {national_total: 7000}\ncohort: {households: 100}\n",
            file: "t.yaml")
        let scenario = try Scenario.resolve(spec)
        #expect(scenario.municipalities.count == 357)
        #expect(scenario.capacity.reduce(0, +) == 7_000)
    }
}
