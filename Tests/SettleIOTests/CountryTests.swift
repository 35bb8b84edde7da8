// SPDX-License-Identifier: GPL-3.0-or-later

import Foundation
import Testing

@testable import SettleCore
@testable import SettleIO

/// The embedded country is exactly the shipped data files, and scenarios use it by default.
@Suite struct CountryTests {
    static func table(_ name: String) throws -> CSVTable {
        let path = Paths.root + "/Data/norway-2024/" + name
        return try CSVTable.parse(try TextFile.read(path), file: path)
    }

    @Test func embeddedCountryEqualsTheDataFiles() throws {
        let country = Country.norway2024
        let municipalities = try MunicipalityTableReader.read(
            path: Paths.root + "/Data/norway-2024/norway-municipalities-2024.csv")
        #expect(country.municipalities.count == 357)
        for (embedded, row) in zip(country.municipalities, municipalities) {
            var record = embedded.record
            record.centralityClass = nil
            #expect(record == row)
        }
        let settlement = try Self.table("norway-settlement-2024.csv")
        let column = try settlement.columns(
            required: [
                "kommunenummer", "name", "centrality", "requested_2024", "decided_2024", "minors_requested_2024",
                "minors_decided_2024",
            ], optional: [])
        for (embedded, row) in zip(country.municipalities, settlement.rows) {
            #expect(embedded.record.id == row.fields[column["kommunenummer"]!])
            #expect(embedded.record.centralityClass == Int(row.fields[column["centrality"]!]))
            #expect(embedded.record.name == row.fields[column["name"]!])
            #expect(embedded.requested == Int(row.fields[column["requested_2024"]!]))
            #expect(embedded.decided == Int(row.fields[column["decided_2024"]!]))
            #expect(embedded.minorsRequested == Int(row.fields[column["minors_requested_2024"]!]))
            #expect(embedded.minorsDecided == Int(row.fields[column["minors_decided_2024"]!]))
        }
        #expect(country.requests.reduce(0, +) == 36_985)
        #expect(country.municipalities.compactMap(\.decided).reduce(0, +) == 28_327)
        #expect(country.decisions.reduce(0, +) == 28_436)
        #expect(country.municipalities.compactMap(\.minorsDecided).reduce(0, +) == 334)
        #expect(country.municipalities.reduce(0) { $0 + $1.inReception } == 9_148)
        #expect(country.municipalities.filter { $0.inReception > 0 }.count == 72)
    }

    @Test func aScenarioWithoutMunicipalityKeysRunsOnTheRealCountry() throws {
        let spec = try ScenarioDecoder.decode("name: plain\ncohort: {households: 50}\n", file: "plain.yaml")
        #expect(spec.municipalities == .country(.norway2024))
        let scenario = try Scenario.resolve(spec)
        #expect(scenario.municipalities.first?.name == "Oslo")
        #expect(scenario.municipalities.first?.centrality == 1)
        #expect(scenario.capacity.reduce(0, +) == 28_436)
        // Households in reception wait at the real sites of January 2024.
        let sites = Set(
            Country.norway2024.municipalities.indices.filter { Country.norway2024.municipalities[$0].inReception > 0 })
        #expect(
            scenario.households.filter { $0.housing == .reception }.allSatisfy {
                sites.contains($0.receptionMunicipality!)
            })
        // Centrality comes from SSB's class.
        for (m, row) in zip(scenario.municipalities, Country.norway2024.municipalities) {
            #expect(m.centrality == Scenario.centrality(class: row.record.centralityClass!))
        }
    }

    @Test func capacityBasisAndNationalTotalOnTheRealCountry() throws {
        let requested = try Scenario.resolve(
            try ScenarioDecoder.decode("capacity: {basis: requested-2024}\n", file: "r.yaml"))
        #expect(requested.capacity.reduce(0, +) == 36_985)
        // A national total given without a basis is shared by population.
        let shared = try Scenario.resolve(
            try ScenarioDecoder.decode("capacity: {national_total: 20000}\n", file: "s.yaml"))
        #expect(shared.capacity.reduce(0, +) == 20_000)
        #expect(shared.capacity.allSatisfy { $0 >= 10 })
        let quarter = try Scenario.resolve(
            try ScenarioDecoder.decode("capacity: {basis: decided-2024, scale: 0.25}\n", file: "q.yaml"))
        #expect(quarter.capacity.reduce(0, +) == 7_176)
    }

    @Test func badCountryKeysFailWithOneLine() {
        #expect(throws: InputError.self) {
            try ScenarioDecoder.decode("municipalities: {country: norway-2025}\n", file: "c.yaml")
        }
        #expect(throws: InputError.self) {
            try ScenarioDecoder.decode(
                "municipalities: {country: norway-2024, synthetic: {count: 5}}\n", file: "c.yaml")
        }
        #expect(throws: InputError.self) {
            try ScenarioDecoder.decode("municipalities: {count: 5}\n", file: "c.yaml")
        }
    }
}
