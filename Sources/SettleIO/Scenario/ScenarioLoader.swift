// SPDX-License-Identifier: GPL-3.0-or-later

import Foundation
import SettleCore
import Yams

/// From a scenario file (or the embedded default) to a resolved `Scenario`, with every error as an `InputError`.
public enum ScenarioLoader {
    public enum Source: Sendable, Equatable {
        case file(String)
        case embeddedDefault
    }

    public static func load(_ source: Source, overrides: [Override] = [], seed: UInt64? = nil) throws(InputError)
        -> Scenario
    {
        let text: String
        let file: String
        let folder: String
        switch source {
        case .file(let path):
            text = try TextFile.read(path)
            file = path
            folder = OutputWriter.parentFolder(path)
        case .embeddedDefault:
            text = DefaultScenario.yaml
            file = "(default scenario)"
            folder = FileManager.default.currentDirectoryPath
        }
        var spec = try ScenarioDecoder.decode(
            text, file: file, folder: folder.isEmpty ? "." : folder, overrides: overrides)
        if let seed { spec.seed = seed }
        let scenario: Scenario
        do {
            scenario = try Scenario.resolve(spec)
        } catch {
            let overridden = overrides.contains { error.key.hasPrefix($0.key) }
            let line = overridden ? nil : keyLine(error.key, in: text)
            return try fail(
                InputError(
                    file: overridden ? "--set \(error.key)" : file, line: line, key: error.key, message: error.message))
        }
        try requirePlaces(scenario, file: file, text: text, overrides: overrides)
        return scenario
    }

    private static func fail(_ error: InputError) throws(InputError) -> Scenario { throw error }

    /// A scenario without a single place anywhere is refused: nothing could be settled, so it is almost surely
    /// a mistake (an empty capacity column, a wrong unit). Too few places are an outcome: households wait.
    public static func requirePlaces(_ scenario: Scenario, file: String, text: String, overrides: [Override] = [])
        throws(InputError)
    {
        guard scenario.capacity.allSatisfy({ $0 == 0 }), !scenario.households.isEmpty else { return }
        var key = "capacity"
        if keyLine(key, in: text) == nil, case .table = scenario.spec.municipalities { key = "municipalities.table" }
        let overridden = overrides.contains { $0.key.hasPrefix(key) }
        throw InputError(
            file: overridden ? "--set \(key)" : file, line: overridden ? nil : keyLine(key, in: text), key: key,
            message:
                "every municipality's decision is 0 persons, so nobody can be settled; raise capacity.national_total or capacity.minimum, or fill the table's capacity column"
        )
    }

    /// The line of the deepest key of `path` found in the file, for errors found after decoding.
    static func keyLine(_ path: String, in text: String) -> Int? {
        guard var node = try? Yams.compose(yaml: text) else { return nil }
        var line: Int? = nil
        for part in path.split(separator: ".") {
            guard case .mapping(let mapping) = node,
                let entry = mapping.first(where: { $0.key.string == String(part) })
            else { break }
            line = entry.key.mark?.line
            node = entry.value
        }
        return line
    }
}
