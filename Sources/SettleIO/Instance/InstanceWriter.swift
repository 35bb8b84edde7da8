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

    /// The shortest decimal that reads back as exactly `value` (Swift's `description`, which is
    /// round-trip shortest), written without an exponent: `2.721598`, `-0.5`, `3`, `0.00001`.
    /// Nothing is rounded here; scores have at most 6 decimals because the core keeps every value on
    /// `ObjectiveQuantum`'s grid, not because this format cuts them.
    public static func decimal(_ value: Double) -> String {
        var text = value.description
        if text.contains("e") { text = positional(text) }
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }

    /// `1.5e-07` as `0.00000015`, `9.007199254740992e+15` as `9007199254740992`: the same digits.
    static func positional(_ scientific: String) -> String {
        let parts = scientific.split(separator: "e")
        guard parts.count == 2, let exponent = Int(parts[1]) else { return scientific }
        var mantissa = Substring(parts[0])
        let sign = mantissa.hasPrefix("-") ? "-" : ""
        if !sign.isEmpty { mantissa = mantissa.dropFirst() }
        let pieces = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        var digits = String(pieces[0]) + (pieces.count > 1 ? String(pieces[1]) : "")
        var point = pieces[0].count + exponent
        if point <= 0 {
            digits = String(repeating: "0", count: 1 - point) + digits
            point = 1
        }
        if point >= digits.count { return sign + digits + String(repeating: "0", count: point - digits.count) }
        var fraction = digits.dropFirst(point)
        while fraction.hasSuffix("0") { fraction = fraction.dropLast() }
        return sign + digits.prefix(point) + (fraction.isEmpty ? "" : "." + fraction)
    }

    public static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
