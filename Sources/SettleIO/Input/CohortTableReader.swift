// SPDX-License-Identifier: GPL-3.0-or-later

import SettleCore

/// Reads a cohort table, one row per person: `household,age,education,english`, optionally `ties`
/// (the kommunenummer where the household has family or friends). Rows of one household share its id.
public enum CohortTableReader {
    public static let required = ["household", "age", "education", "english"]
    public static let optional = ["ties", "reception", "permit_day", "health_needs", "housing"]
    /// Largest household accepted: bigger ones are almost certainly a data error.
    public static let maximumHouseholdSize = 20

    /// `municipalities`, when given, are the known ids: `ties` and `reception` must be among them.
    public static func read(path: String, displayName: String? = nil, municipalities: Set<String>? = nil)
        throws(InputError) -> [HouseholdRecord]
    {
        let text = try TextFile.read(path, displayName: path)
        return try parse(text, file: path, municipalities: municipalities)
    }

    public static func parse(_ text: String, file: String, municipalities: Set<String>? = nil) throws(InputError)
        -> [HouseholdRecord]
    {
        let table = try CSVTable.parse(text, file: file)
        let column = try table.columns(required: required, optional: optional)
        guard !table.rows.isEmpty else {
            throw InputError(file: file, message: "has a header but no persons; add at least one row")
        }
        var order: [String] = []
        var households: [String: HouseholdRecord] = [:]
        var firstLine: [String: Int] = [:]
        for row in table.rows {
            let cells = CellReader(row: row, column: column, file: file)
            let id = try cells.text("household")
            let age = try cells.int("age", in: 0...120)
            let education = try category(cells, "education", Education.self)
            let english = try category(cells, "english", LanguageSkill.self)
            let ties = cells.raw("ties")
            let reception = cells.raw("reception")
            if let municipalities {
                for (name, id) in [("ties", ties), ("reception", reception)] {
                    if let id, !municipalities.contains(id) {
                        throw cells.fail(
                            name, "no municipality has id '\(id)'; use a kommunenummer from the municipality table")
                    }
                }
            }
            let permitDay = try cells.optionalInt("permit_day", in: 0...3_650)
            let health = try cells.optionalBool("health_needs") ?? false
            let housing = try cells.raw("housing").map { text throws(InputError) -> ArrivalHousing in
                guard let value = ArrivalHousing(rawValue: text.lowercased()) else {
                    let names = ArrivalHousing.allCases.map(\.rawValue)
                    throw cells.fail(
                        "housing", "'\(text)' is not one of \(names.joined(separator: ", ")); or leave it empty")
                }
                return value
            }
            let person = Person(age: age, education: education, english: english)
            if var household = households[id] {
                // Household-level columns may be on any of its rows; the first value given counts.
                household.reception = household.reception ?? reception
                household.permitDay = household.permitDay ?? permitDay
                household.healthNeeds = household.healthNeeds || health
                household.housing = household.housing ?? housing
                if let ties, household.ties != nil, household.ties != ties {
                    throw cells.fail(
                        "ties",
                        "household '\(id)' has ties '\(household.ties!)' on line \(firstLine[id]!) and '\(ties)' here; give one municipality per household"
                    )
                }
                household.ties = household.ties ?? ties
                household.members.append(person)
                if household.members.count > maximumHouseholdSize {
                    throw cells.fail(
                        "household", "household '\(id)' has more than \(maximumHouseholdSize) persons; check the ids")
                }
                households[id] = household
            } else {
                if order.count >= ScenarioDecoder.maximumHouseholds {
                    throw cells.fail(
                        "household", "more than \(ScenarioDecoder.maximumHouseholds) households; split the cohort")
                }
                order.append(id)
                firstLine[id] = row.line
                households[id] = HouseholdRecord(
                    id: id, members: [person], ties: ties, reception: reception, permitDay: permitDay,
                    healthNeeds: health, housing: housing)
            }
        }
        return order.map { households[$0]! }
    }

    static func category<C: RawRepresentable & CaseIterable>(_ cells: CellReader, _ name: String, _: C.Type)
        throws(InputError) -> C where C.RawValue == String
    {
        let text = try cells.text(name).lowercased()
        guard let value = C(rawValue: text) else {
            let names = C.allCases.map(\.rawValue)
            throw cells.fail(name, "'\(text)' is not one of \(names.joined(separator: ", "))")
        }
        return value
    }
}
