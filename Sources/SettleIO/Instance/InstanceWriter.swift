// SPDX-License-Identifier: GPL-3.0-or-later

import Foundation
import SettleCore

/// Writes one matching batch as plain CSV files that any solver can read:
///
/// - `households.csv`: `household,size`, then one column per capacity dimension (demand);
/// - `municipalities.csv`: `municipality,capacity`, then one column per dimension (capacity);
/// - `scores.csv`: `household,<municipality ids>`, one row per household; each cell is the value
///   of offering that household that municipality (the objective maximises their sum), an empty
///   cell a pair that is not allowed.
///
/// Each household gets at most one municipality, and a municipality's persons (and each
/// dimension's demand) stay within its capacity.
public enum InstanceWriter {
    public static let files = ["households.csv", "municipalities.csv", "scores.csv"]

    public static func write(_ batch: MatchingBatch, to folder: String, force: Bool) throws(InputError) {
        try OutputWriter.prepareFolder(folder)
        if !force {
            for name in files {
                let path = (folder as NSString).appendingPathComponent(name)
                if FileManager.default.fileExists(atPath: path) {
                    throw InputError(
                        file: path, message: "already exists; pass --force to overwrite it or choose another --out")
                }
            }
        }
        let texts = [households(batch), municipalities(batch), scores(batch)]
        for (name, text) in zip(files, texts) {
            try OutputWriter.write(text, to: (folder as NSString).appendingPathComponent(name), force: true)
        }
    }

    static func households(_ batch: MatchingBatch) -> String {
        var text = (["household", "size"] + batch.dimensions.map(\.name)).joined(separator: ",") + "\n"
        for (h, household) in batch.households.enumerated() {
            text +=
                ([quoted(household.id), String(household.size)] + batch.dimensions.map { String($0.demand[h]) })
                .joined(separator: ",") + "\n"
        }
        return text
    }

    static func municipalities(_ batch: MatchingBatch) -> String {
        var text = (["municipality", "capacity"] + batch.dimensions.map(\.name)).joined(separator: ",") + "\n"
        for (m, municipality) in batch.municipalities.enumerated() {
            text +=
                ([quoted(municipality.id), String(batch.capacity[m])] + batch.dimensions.map { String($0.capacity[m]) })
                .joined(separator: ",") + "\n"
        }
        return text
    }

    static func scores(_ batch: MatchingBatch) -> String {
        let M = batch.municipalityCount
        var lines: [String] = []
        lines.reserveCapacity(batch.householdCount + 1)
        lines.append((["household"] + batch.municipalities.map { quoted($0.id) }).joined(separator: ","))
        for (h, household) in batch.households.enumerated() {
            var line = quoted(household.id)
            line.reserveCapacity(M * 10)
            for m in 0..<M {
                line += ","
                if batch.isAllowed(h, m) { line += decimal(batch.value(h, m)) }
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Scores carry at most 6 decimals (the core rounds every term to 1e-6), so 6 fixed decimals hold
    /// all of a value: read back, the text gives the stored value to within its last bit, without the
    /// noise of a sum's shortest form (`2.7215979999999997`).
    public static let decimals = 6

    /// `value` with `decimals` fixed decimals, e.g. `2.721598`, `-0.500000`, `3.000000`.
    public static func decimal(_ value: Double) -> String {
        let scale = 1_000_000.0
        let scaled = (value * scale).rounded()
        // Beyond what an Int holds (never a score in practice): Swift's shortest form.
        guard scaled.isFinite, abs(scaled) < 9e15 else { return String(value) }
        let units = Int(scaled)
        let magnitude = units.magnitude
        let fraction = String(magnitude % 1_000_000)
        return (units < 0 ? "-" : "") + String(magnitude / 1_000_000) + "."
            + String(repeating: "0", count: decimals - fraction.count) + fraction
    }

    public static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
