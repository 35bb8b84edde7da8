// SPDX-License-Identifier: GPL-3.0-or-later

import SettleCore

/// Reads a municipality table: `kommunenummer,name,county_id,county,population,area_km2,lat,lon`,
/// optionally `capacity`, `self_settlement` (yes/no) and `labour_market` (0-1).
public enum MunicipalityTableReader {
    public static let required = [
        "kommunenummer", "name", "county_id", "county", "population", "area_km2", "lat", "lon",
    ]
    public static let optional = [
        "capacity", "self_settlement", "labour_market", "unaccompanied_minor_capacity", "large_dwellings",
        "health_places", "centrality",
    ]

    public static func read(path: String, displayName: String? = nil) throws(InputError) -> [MunicipalityRecord] {
        let text = try TextFile.read(path, displayName: path)
        return try parse(text, file: path)
    }

    public static func parse(_ text: String, file: String) throws(InputError) -> [MunicipalityRecord] {
        let table = try CSVTable.parse(text, file: file)
        let column = try table.columns(required: required, optional: optional)
        guard !table.rows.isEmpty else {
            throw InputError(file: file, message: "has a header but no municipalities; add at least one row")
        }
        if table.rows.count > ScenarioDecoder.maximumMunicipalities {
            throw InputError(
                file: file,
                message:
                    "has \(table.rows.count) municipalities, above the limit of \(ScenarioDecoder.maximumMunicipalities)"
            )
        }
        var seen: [String: Int] = [:]
        var records: [MunicipalityRecord] = []
        for row in table.rows {
            let cells = CellReader(row: row, column: column, file: file)
            let id = try cells.text("kommunenummer")
            if let first = seen[id] {
                throw InputError(
                    file: file, line: row.line, key: "kommunenummer",
                    message: "'\(id)' appears twice (first on line \(first)); each municipality needs its own id")
            }
            seen[id] = row.line
            records.append(
                MunicipalityRecord(
                    id: id, name: try cells.text("name"), countyID: try cells.text("county_id"),
                    county: try cells.text("county"), population: try cells.int("population", in: 0...100_000_000),
                    areaKm2: try cells.double("area_km2", in: 0...10_000_000),
                    latitude: try cells.double("lat", in: -90...90),
                    longitude: try cells.double("lon", in: -180...180),
                    capacity: try cells.optionalInt("capacity", in: 0...100_000_000),
                    selfSettlement: try cells.optionalBool("self_settlement"),
                    labourMarket: try cells.optionalDouble("labour_market", in: 0...1),
                    minorCapacity: try cells.optionalInt("unaccompanied_minor_capacity", in: 0...100_000_000),
                    largeDwellings: try cells.optionalInt("large_dwellings", in: 0...100_000_000),
                    healthPlaces: try cells.optionalInt("health_places", in: 0...100_000_000),
                    centralityClass: try cells.optionalInt("centrality", in: 1...6)))
        }
        return records
    }
}

/// Typed access to one CSV row, with errors that name the file, line and column.
struct CellReader {
    let row: CSVTable.Row
    let column: [String: Int]
    let file: String

    func raw(_ name: String) -> String? {
        guard let i = column[name] else { return nil }
        let value = row.fields[i]
        return value.isEmpty ? nil : value
    }

    func fail(_ name: String, _ message: String) -> InputError {
        InputError(file: file, line: row.line, key: name, message: message)
    }

    func text(_ name: String) throws(InputError) -> String {
        guard let value = raw(name) else { throw fail(name, "is empty; fill it in") }
        return value
    }

    func int(_ name: String, in range: ClosedRange<Int>) throws(InputError) -> Int {
        guard let value = try optionalInt(name, in: range) else { throw fail(name, "is empty; give a whole number") }
        return value
    }

    func optionalInt(_ name: String, in range: ClosedRange<Int>) throws(InputError) -> Int? {
        guard let text = raw(name) else { return nil }
        guard let value = Int(text) else {
            if text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-" || $0 == "+") }) {
                throw fail(name, "\(text) is out of range; use \(range.lowerBound) to \(range.upperBound)")
            }
            throw fail(name, "'\(text)' is not a whole number; write digits only, like 1200")
        }
        guard range.contains(value) else {
            throw fail(name, "\(value) is out of range; use \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    func double(_ name: String, in range: ClosedRange<Double>) throws(InputError) -> Double {
        guard let value = try optionalDouble(name, in: range) else { throw fail(name, "is empty; give a number") }
        return value
    }

    func optionalDouble(_ name: String, in range: ClosedRange<Double>) throws(InputError) -> Double? {
        guard let text = raw(name) else { return nil }
        guard let value = Double(text), value.isFinite else {
            let hint = text.contains(",") ? "; use a point as the decimal mark" : "; write a number like 12.5"
            throw fail(name, "'\(text)' is not a finite number\(hint)")
        }
        guard range.contains(value) else {
            throw fail(
                name,
                "\(text) is out of range; use \(ScalarReader.format(range.lowerBound)) to \(ScalarReader.format(range.upperBound))"
            )
        }
        return value
    }

    func optionalBool(_ name: String) throws(InputError) -> Bool? {
        guard let text = raw(name) else { return nil }
        switch text.lowercased() {
        case "yes", "true", "1", "ja": return true
        case "no", "false", "0", "nei": return false
        default: throw fail(name, "'\(text)' is not yes or no; write yes or no, or leave it empty")
        }
    }
}
