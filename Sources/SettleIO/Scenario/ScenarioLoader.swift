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
            folder = (path as NSString).deletingLastPathComponent
        case .embeddedDefault:
            text = DefaultScenario.yaml
            file = "(default scenario)"
            folder = FileManager.default.currentDirectoryPath
        }
        var spec = try ScenarioDecoder.decode(
            text, file: file, folder: folder.isEmpty ? "." : folder, overrides: overrides)
        if let seed { spec.seed = seed }
        do {
            return try Scenario.resolve(spec)
        } catch {
            let overridden = overrides.contains { error.key.hasPrefix($0.key) }
            let line = overridden ? nil : keyLine(error.key, in: text)
            return try fail(
                InputError(
                    file: overridden ? "--set \(error.key)" : file, line: line, key: error.key, message: error.message))
        }
    }

    private static func fail(_ error: InputError) throws(InputError) -> Scenario { throw error }

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
