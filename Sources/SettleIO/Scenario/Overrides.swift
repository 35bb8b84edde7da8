// SPDX-License-Identifier: GPL-3.0-or-later

import Foundation
import Yams

/// `--set key.path=value`: a change to one key of a scenario, applied before validation.
public struct Override: Sendable, Equatable {
    public var path: [String]
    public var value: String
    /// Where the override was written, for errors: `--set key` on the command line, or a scenario file.
    public var label: String
    public var line: Int?

    public var key: String { path.joined(separator: ".") }

    /// Parses `key.path=value`; the value is read as YAML (`3`, `0.2`, `true`, `[0301, 1103]`).
    public init(parsing text: String) throws(InputError) {
        guard let equals = text.firstIndex(of: "=") else {
            throw InputError(
                file: "--set \(text)", message: "expected key.path=value, e.g. --set cohort.households=500")
        }
        let key = String(text[..<equals]).trimmingCharacters(in: .whitespaces)
        let parts = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if key.isEmpty || parts.contains(where: \.isEmpty) {
            throw InputError(
                file: "--set \(text)",
                message: "the key path is empty or has an empty part; write it like decline.base_rate")
        }
        path = parts
        value = String(text[text.index(after: equals)...])
        label = "--set \(key)"
        line = nil
    }

    /// An override written in a scenario file (a variant's `set:`), located for errors.
    public init(path: [String], value: String, file: String, line: Int?) {
        self.path = path
        self.value = value
        self.label = file
        self.line = line
    }

    func node() throws(InputError) -> Node {
        // A value is YAML too: the same guard as a file, or `--set 'a={*x: 1}'` could hang Yams.
        try AliasKeyGuard.check(value, file: label)
        do {
            return try Yams.compose(yaml: value) ?? Node("", .implicit, .plain)
        } catch {
            throw InputError(
                file: label, line: line, key: key, message: "the value '\(value)' is not valid YAML; quote text values")
        }
    }

    /// The tree with this override applied; intermediate mappings are created as needed.
    func apply(to root: Node) throws(InputError) -> Node {
        try set(node(), at: path[...], in: root, walked: [])
    }

    private func set(_ value: Node, at path: ArraySlice<String>, in node: Node, walked: [String]) throws(InputError)
        -> Node
    {
        guard let head = path.first else { return value }
        guard case .mapping(let mapping) = node else {
            if isNull(node) {
                return try set(value, at: path, in: Node([(Node, Node)]()), walked: walked)
            }
            let at = walked.isEmpty ? "the scenario" : walked.joined(separator: ".")
            throw InputError(
                file: label, line: line, key: key, message: "\(at) is not a mapping, so it has no key '\(head)'")
        }
        var pairs = mapping.map { ($0.key, $0.value) }
        if let i = pairs.firstIndex(where: { $0.0.string == head }) {
            pairs[i].1 = try set(value, at: path.dropFirst(), in: pairs[i].1, walked: walked + [head])
        } else {
            pairs.append(
                (Node(head), try set(value, at: path.dropFirst(), in: Node([(Node, Node)]()), walked: walked + [head])))
        }
        return Node(pairs, mapping.tag, mapping.style)
    }
}
