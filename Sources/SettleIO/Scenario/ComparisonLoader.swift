// SPDX-License-Identifier: GPL-3.0-or-later

import Foundation
import SettleCore
import Yams

/// A scenario file with `variants:`, each a name and overrides of any keys:
///
/// ```yaml
/// variants:
///   - name: status quo
///     set: {policy.mechanism: status-quo}
///   - name: optimal
///     set: {policy.mechanism: optimal}
/// ```
///
/// A file without `variants:` compares the scenario with itself alone.
public enum ComparisonLoader {
    public struct Variant: Sendable {
        public var name: String
        public var overrides: [Override]
    }

    public struct Comparison: Sendable {
        public var name: String
        public var file: String
        public var variants: [Variant]
        /// Each variant's scenario spec for `seed` (command-line overrides applied last).
        public var specs: [ScenarioSpec]
    }

    public static func load(path: String, overrides: [Override] = []) throws(InputError) -> Comparison {
        let text = try TextFile.read(path)
        let root = try ScenarioDecoder.parse(text, file: path)
        let variants = try readVariants(root, file: path)
        let folder = OutputWriter.parentFolder(path)
        var specs: [ScenarioSpec] = []
        for variant in variants {
            specs.append(
                try ScenarioDecoder.decode(
                    text, file: path, folder: folder.isEmpty ? "." : folder, overrides: variant.overrides + overrides))
        }
        return Comparison(name: specs.first?.name ?? "comparison", file: path, variants: variants, specs: specs)
    }

    static func readVariants(_ root: Node, file: String) throws(InputError) -> [Variant] {
        guard case .mapping(let mapping) = root,
            let node = mapping.first(where: { $0.key.string == "variants" })?.value, !isNull(node)
        else {
            return [Variant(name: "baseline", overrides: [])]
        }
        let context = DecodeContext(file: file)
        guard case .sequence(let sequence) = node else {
            throw context.error(node, path: "variants", "expected a list of variants, each with a name and set:")
        }
        if sequence.isEmpty {
            throw context.error(
                node, path: "variants", "the list is empty; give at least one variant or leave variants out")
        }
        var variants: [Variant] = []
        var names = Set<String>()
        for (i, item) in sequence.enumerated() {
            let path = "variants[\(i + 1)]"
            let reader = try MappingReader(item, path: path, allowed: ["name", "description", "set"], context: context)
            guard let name = try reader.string("name"), !name.isEmpty else {
                throw context.error(item, path: path + ".name", "every variant needs a name")
            }
            guard names.insert(name).inserted else {
                throw context.error(
                    reader.child("name"), path: path + ".name", "the name '\(name)' is used twice; names must differ")
            }
            var overrides: [Override] = []
            for (key, keyNode, value) in try reader.pairs("set") ?? [] {
                let parts = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
                if parts.contains(where: \.isEmpty) || parts.first == "variants" {
                    throw context.error(keyNode, path: "\(path).set.\(key)", "write a key path like decline.base_rate")
                }
                let yaml: String
                do {
                    yaml = try Yams.serialize(node: value).trimmingCharacters(in: .whitespacesAndNewlines)
                } catch {
                    throw context.error(
                        value, path: "\(path).set.\(key)", "this value cannot be used; write a plain value")
                }
                overrides.append(Override(path: parts, value: yaml, file: file, line: keyNode.mark?.line))
            }
            variants.append(Variant(name: name, overrides: overrides))
        }
        return variants
    }
}
