// SPDX-License-Identifier: GPL-3.0-or-later

import Foundation
import Testing

@testable import SettleCore
@testable import SettleIO

@Suite struct TableTests {
    let header = "kommunenummer,name,county_id,county,population,area_km2,lat,lon"

    func municipalityError(_ text: String) -> InputError? {
        do {
            _ = try MunicipalityTableReader.parse(text, file: "m.csv")
            return nil
        } catch {
            return error
        }
    }

    @Test func quotedFieldsCommasAndBlankLines() throws {
        let table = try CSVTable.parse("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\n1,2\n\n", file: "t.csv")
        #expect(table.header == ["a", "b"])
        #expect(table.rows.map(\.fields) == [["x, y", "say \"hi\""], ["1", "2"]])
        #expect(table.rows.map(\.line) == [2, 4])
    }

    @Test func byteOrderMarkAndWindowsLineEndingsAreAccepted() throws {
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
        bytes += Array((header + "\r\n0301,Oslo,03,Oslo,717710,454.12,59.98,10.74\r\n").utf8)
        let text = try TextFile.decode(Data(bytes), name: "m.csv")
        let records = try MunicipalityTableReader.parse(text, file: "m.csv")
        #expect(records.count == 1)
        #expect(records[0].id == "0301")
        #expect(records[0].population == 717_710)
    }

    @Test func nonUTF8IsRefusedWithItsLine() throws {
        let bytes = Array("a,b\n1,2\n".utf8) + [0xC3, 0x28]
        #expect(throws: InputError.self) { try TextFile.decode(Data(bytes), name: "bad.csv") }
        do {
            _ = try TextFile.decode(Data(bytes), name: "bad.csv")
        } catch {
            #expect(error.line == 3)
            #expect(error.description.contains("UTF-8"))
        }
    }

    @Test func semicolonSeparatorIsExplained() throws {
        let error = try #require(municipalityError("kommunenummer;name;county_id\n0301;Oslo;03\n"))
        #expect(error.description.contains("';'"))
        #expect(error.description.contains("commas"))
    }

    @Test func missingColumnsAreListed() throws {
        let error = try #require(municipalityError("kommunenummer,name\n0301,Oslo\n"))
        #expect(error.line == 1)
        #expect(error.description.contains("missing columns county_id, county, population, area_km2, lat, lon"))
    }

    @Test func unknownColumnSuggestsTheNearest() throws {
        let error = try #require(municipalityError(header + ",capasity\n0301,Oslo,03,Oslo,1,1,60,10,5\n"))
        #expect(error.description.contains("did you mean 'capacity'?"))
    }

    @Test func badRowsNameTheLineAndColumn() throws {
        let bad = try #require(municipalityError(header + "\n0301,Oslo,03,Oslo,many,454,59.9,10.7\n"))
        #expect(bad.description == "m.csv:2: population: 'many' is not a whole number; write digits only, like 1200")
        let decimal = try #require(municipalityError(header + "\n0301,Oslo,03,Oslo,5,\"454,1\",59.9,10.7\n"))
        #expect(decimal.description.contains("decimal mark"))
        let short = try #require(municipalityError(header + "\n0301,Oslo,03\n"))
        #expect(short.line == 2)
        let duplicate = try #require(
            municipalityError(header + "\n0301,A,03,Oslo,5,1,59,10\n0301,B,03,Oslo,5,1,59,10\n"))
        #expect(duplicate.description.contains("appears twice (first on line 2)"))
        let latitude = try #require(municipalityError(header + "\n0301,A,03,Oslo,5,1,95,10\n"))
        #expect(latitude.key == "lat")
        #expect(municipalityError(header + "\n") != nil)
    }

    @Test func cohortTableGroupsPersonsIntoHouseholds() throws {
        let text =
            "household,age,education,english,ties\nA,34,higher,good,4601\nA,6,basic,none,\nB,19,secondary,basic,\n"
        let records = try CohortTableReader.parse(text, file: "c.csv")
        #expect(records.count == 2)
        #expect(records[0].members.map(\.age) == [34, 6])
        #expect(records[0].ties == "4601")
        #expect(records[1].ties == nil)
        #expect(throws: InputError.self) {
            try CohortTableReader.parse("household,age,education,english\nA,34,phd,good\n", file: "c.csv")
        }
        #expect(throws: InputError.self) {
            try CohortTableReader.parse(
                "household,age,education,english,ties\nA,34,basic,good,1\nA,3,basic,none,2\n", file: "c.csv")
        }
    }

    @Test func cohortTiesToUnknownMunicipalityFailResolution() throws {
        let folder = Paths.temporaryFolder()
        try "household,age,education,english,ties\nA,34,higher,good,0000\n".write(
            toFile: folder + "/c.csv", atomically: true, encoding: .utf8)
        try "name: t\ncohort:\n  table: c.csv\n".write(toFile: folder + "/s.yaml", atomically: true, encoding: .utf8)
        #expect(throws: InputError.self) { try ScenarioLoader.load(.file(folder + "/s.yaml")) }
    }
}
