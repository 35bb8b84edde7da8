// SPDX-License-Identifier: GPL-3.0-or-later

import Foundation
import Testing

@testable import SettleCore
@testable import SettleIO

@Suite struct InstanceTests {
    func batch() -> MatchingBatch {
        var spec = ScenarioSpec()
        var generated = GeneratedMunicipalities()
        generated.count = 3
        generated.counties = 1
        spec.municipalities = .synthetic(generated)
        let municipalities = try! Scenario.resolve(spec).municipalities
        let a = Household(id: "A", members: [Person(age: 30, education: .higher, english: .good)])
        let b = Household(
            id: "B,2", members: Array(repeating: Person(age: 40, education: .basic, english: .none), count: 5))
        var batch = MatchingBatch(
            households: [a, b], municipalities: municipalities, capacity: [4, 9, 2], model: IntegrationModel(),
            dimensions: [CapacityDimension(name: "large_dwellings", demand: [0, 1], capacity: [0, 2, 1])])
        batch.value[0] = 1.5
        return batch
    }

    @Test func writesTheThreeDocumentedFiles() throws {
        let folder = Paths.temporaryFolder()
        let b = batch()
        try InstanceWriter.write(b, to: folder, force: false)
        let ids = b.municipalities.map(\.id)
        let households = try String(contentsOfFile: folder + "/households.csv", encoding: .utf8)
        #expect(households == "household,size,large_dwellings\nA,1,0\n\"B,2\",5,1\n")
        let municipalities = try String(contentsOfFile: folder + "/municipalities.csv", encoding: .utf8)
        #expect(
            municipalities == "municipality,capacity,large_dwellings\n\(ids[0]),4,0\n\(ids[1]),9,2\n\(ids[2]),2,1\n")
        let scores = try String(contentsOfFile: folder + "/scores.csv", encoding: .utf8).split(separator: "\n")
        #expect(scores[0] == "household,\(ids.joined(separator: ","))")
        #expect(scores[1].hasPrefix("A,1.5,"))
        // B (5 persons, one dwelling) fits only the second municipality.
        #expect(scores[2] == "\"B,2\",,\(InstanceWriter.decimal(b.value(1, 1))),")
        #expect(throws: InputError.self) { try InstanceWriter.write(b, to: folder, force: false) }
    }

    /// A cell is the shortest decimal that reads back as exactly the stored value; nothing is cut.
    @Test func scoresAreTheShortestDecimalOfTheStoredValue() throws {
        #expect(InstanceWriter.decimal(2.721598) == "2.721598")
        #expect(InstanceWriter.decimal(2.7215979999999997) == "2.7215979999999997")
        #expect(InstanceWriter.decimal(-0.5) == "-0.5")
        #expect(InstanceWriter.decimal(3) == "3")
        #expect(InstanceWriter.decimal(-0.000_000_15) == "-0.00000015")
        #expect(InstanceWriter.decimal(0.000_01) == "0.00001")
        #expect(InstanceWriter.decimal(12.000_05) == "12.00005")
        #expect(InstanceWriter.decimal(9_007_199_254_740_992) == "9007199254740992")
        #expect(InstanceWriter.decimal(1.5e17) == "150000000000000000")
        var rng = SplitMix64(seed: 11)
        for _ in 0..<10_000 {
            let value = (rng.uniform() - 0.5) * pow(10, Double(rng.integer(in: -9...9)))
            let text = InstanceWriter.decimal(value)
            #expect(Double(text) == value && !text.contains("e"), "\(text) for \(value)")
        }
    }

    /// Every exported score reads back as exactly the value settle solves with, and has no float noise:
    /// the core keeps values, and their sums with the wait bonus, on its 1e-6 grid. A round from day 60
    /// has households that waited, so the bonus is in the values.
    @Test(arguments: [nil, "process.wait_priority=0"])
    func exportedScoresReadBackExactly(_ override: String?) throws {
        let overrides = try override.map { [try Override(parsing: $0)] } ?? []
        let scenario = try ScenarioLoader.load(.file(Paths.scenario("default.yaml")), overrides: overrides)
        let round = try #require(Simulation.batch(scenario, fromDay: 60))
        #expect(round.batch.households.contains { $0.permitDay < round.day })
        let batch = BatchMatcher.prepare(round.batch, options: scenario.spec.matching)
        let folder = Paths.temporaryFolder()
        try InstanceWriter.write(batch, to: folder, force: false)
        let rows = try String(contentsOfFile: folder + "/scores.csv", encoding: .utf8).split(separator: "\n")
            .dropFirst()
        var cells = 0
        for (h, row) in rows.enumerated() {
            for (m, cell) in row.split(separator: ",", omittingEmptySubsequences: false).dropFirst().enumerated()
            where !cell.isEmpty {
                cells += 1
                #expect(Double(cell) == batch.value(h, m), "\(cell) for \(batch.value(h, m))")
                #expect((cell.split(separator: ".").dropFirst().first?.count ?? 0) <= 6, "\(cell)")
            }
        }
        #expect(cells == batch.allowedPairs)
    }

    @Test func scoresTableIsReadAndChecked() throws {
        let table = try ScoresTableReader.parse(
            "household,municipality,score\nH1,0301,0.8\nH1,1103,0.25\nH2,0301,1\n", file: "scores.csv")
        #expect(table.scores["H1"] == ["0301": 0.8, "1103": 0.25])
        #expect(table.scores["H2"] == ["0301": 1])
        #expect(throws: InputError.self) {
            try ScoresTableReader.parse("household,municipality,score\nH1,0301,high\n", file: "scores.csv")
        }
        #expect(throws: InputError.self) {
            try ScoresTableReader.parse("household,municipality,score\nH1,0301,1\nH1,0301,2\n", file: "scores.csv")
        }
    }

    @Test func matchingKeysReachTheObjective() throws {
        let spec = try ScenarioDecoder.decode(
            "matching:\n  ties: required\n  ties_bonus: 2\n  distance_penalty: 0.1\n  minimum_fill: 0.5\n  fill_bonus: 0.2\n  balancing: 1\n",
            file: "s.yaml")
        let objective = spec.matching.objective
        #expect(objective.ties == .required)
        #expect(objective.tiesBonus == 2)
        #expect(objective.distancePenalty == 0.1)
        #expect(objective.minimumFill == 0.5)
        #expect(objective.fillBonus == 0.2)
        #expect(objective.balancing == 1)
        #expect(throws: InputError.self) { try ScenarioDecoder.decode("matching:\n  ties: requird\n", file: "s.yaml") }
    }
}
