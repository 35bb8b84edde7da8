// SPDX-License-Identifier: GPL-3.0-or-later

import SettleCore

/// Reads the user's own predictions: `household,municipality,score`, one row per pair.
/// The score replaces the integration model's (expected employed adults) for that pair;
/// a household with rows may only go to the municipalities it lists, one without rows
/// keeps the built-in scores.
public enum ScoresTableReader {
    public static let required = ["household", "municipality", "score"]

    public static func read(path: String, displayName: String? = nil) throws(InputError) -> ScoresTable {
        let text = try TextFile.read(path, displayName: displayName ?? path)
        return try parse(text, file: displayName ?? path)
    }

    public static func parse(_ text: String, file: String) throws(InputError) -> ScoresTable {
        let table = try CSVTable.parse(text, file: file)
        let column = try table.columns(required: required)
        guard !table.rows.isEmpty else {
            throw InputError(file: file, message: "has a header but no scores; add at least one row")
        }
        var scores: [String: [String: Double]] = [:]
        for row in table.rows {
            let cells = CellReader(row: row, column: column, file: file)
            let household = try cells.text("household")
            let municipality = try cells.text("municipality")
            let raw = try cells.text("score")
            guard let score = Double(raw), score.isFinite else {
                throw cells.fail("score", "'\(raw)' is not a number; give a decimal such as 0.42")
            }
            if scores[household]?[municipality] != nil {
                throw cells.fail(
                    "municipality",
                    "household '\(household)' and municipality '\(municipality)' appear twice; keep one row")
            }
            scores[household, default: [:]][municipality] = score
        }
        return ScoresTable(scores: scores)
    }
}
