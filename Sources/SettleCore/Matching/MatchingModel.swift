// SPDX-License-Identifier: GPL-3.0-or-later

import GLPK

/// The batch as a mixed-integer program: one binary per allowed pair,
/// at most one offer per household, persons within each decision.
public enum MatchingModel {
    public static func build(_ batch: MatchingBatch) -> LinearModel {
        var model = LinearModel(name: "settle_matching", sense: .maximize)
        let municipalityNames = batch.municipalities.map { sanitized($0.id) }
        var columns = [[(Int, Double)]](repeating: [], count: batch.municipalityCount)
        // Per dimension and municipality: (variable, demand) for households that use the dimension.
        var dimensionColumns = batch.dimensions.map { _ in
            [[(Int, Double)]](repeating: [], count: batch.municipalityCount)
        }
        var rowVariables: [[Int]] = []
        rowVariables.reserveCapacity(batch.householdCount)
        for h in 0..<batch.householdCount {
            var row: [Int] = []
            for m in 0..<batch.municipalityCount where batch.isAllowed(h, m) {
                let variable = model.addVariable(
                    name: "x_h\(h + 1)_m\(municipalityNames[m])", lower: 0, upper: 1, kind: .binary,
                    objective: batch.value(h, m))
                row.append(variable)
                columns[m].append((variable, Double(batch.households[h].size)))
                for (d, dimension) in batch.dimensions.enumerated() where dimension.demand[h] > 0 {
                    dimensionColumns[d][m].append((variable, Double(dimension.demand[h])))
                }
            }
            rowVariables.append(row)
        }
        for (h, row) in rowVariables.enumerated() where !row.isEmpty {
            model.addConstraint(
                name: "offer_h\(h + 1)", upper: 1, indices: row, coefficients: Array(repeating: 1, count: row.count))
        }
        for (m, column) in columns.enumerated() where !column.isEmpty {
            model.addConstraint(
                name: "decision_m\(municipalityNames[m])", upper: Double(batch.capacity[m]),
                indices: column.map(\.0), coefficients: column.map(\.1))
        }
        for (d, dimension) in batch.dimensions.enumerated() {
            let name = sanitized(dimension.name)
            for (m, column) in dimensionColumns[d].enumerated() where !column.isEmpty {
                model.addConstraint(
                    name: "\(name)_m\(municipalityNames[m])", upper: Double(dimension.capacity[m]),
                    indices: column.map(\.0), coefficients: column.map(\.1))
            }
        }
        return model
    }

    /// Names GLPK can write to MPS: letters, digits and `_.-` only.
    static func sanitized(_ id: String) -> String {
        String(
            id.unicodeScalars.map { scalar -> Character in
                let ok =
                    (scalar.value < 128)
                    && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                        || "_.-".unicodeScalars.contains(scalar))
                return ok ? Character(scalar) : "_"
            })
    }
}
