// SPDX-License-Identifier: GPL-3.0-or-later

import Foundation
import Yams

/// Where a scenario came from, so every error can name the file, the line and the key.
struct DecodeContext {
    var file: String
    /// Key paths set by overrides: errors there point at the override (`--set`, or a variant's line).
    var overridden: [String: (label: String, line: Int?)] = [:]

    func error(_ node: Node?, path: String, _ message: String) -> InputError {
        var prefix = path
        while !prefix.isEmpty {
            if let origin = overridden[prefix] {
                return InputError(file: origin.label, line: origin.line, key: path, message: message)
            }
            prefix = prefix.contains(".") ? String(prefix[..<prefix.lastIndex(of: ".")!]) : ""
        }
        return InputError(file: file, line: node?.mark?.line, key: path.isEmpty ? nil : path, message: message)
    }
}

/// A YAML mapping read key by key: only the listed keys are allowed.
struct MappingReader {
    let context: DecodeContext
    let node: Node
    let path: String
    let entries: [(key: String, keyNode: Node, value: Node)]

    init(_ node: Node, path: String, allowed: [String], context: DecodeContext) throws(InputError) {
        guard case .mapping(let mapping) = node else {
            throw context.error(
                node, path: path,
                "expected a mapping of keys (\(allowed.joined(separator: ", "))), found \(describe(node)); "
                    + "write key: value lines")
        }
        self.context = context
        self.node = node
        self.path = path
        var entries: [(String, Node, Node)] = []
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode else {
                throw context.error(keyNode, path: path, "keys must be plain words")
            }
            let key = scalar.string
            let full = path.isEmpty ? key : "\(path).\(key)"
            if !allowed.contains(key) {
                let hint = Suggestion.nearest(to: key, in: allowed).map { "did you mean '\($0)'? " } ?? ""
                throw context.error(
                    keyNode, path: full, "unknown key; \(hint)valid keys here: \(allowed.joined(separator: ", "))")
            }
            entries.append((key, keyNode, value))
        }
        self.entries = entries
    }

    func child(_ key: String) -> Node? {
        entries.first { $0.key == key }?.value
    }

    func has(_ key: String) -> Bool { child(key).map { !isNull($0) } ?? false }

    func keyPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func mapping(_ key: String, allowed: [String]) throws(InputError) -> MappingReader? {
        guard let node = child(key), !isNull(node) else { return nil }
        return try MappingReader(node, path: keyPath(key), allowed: allowed, context: context)
    }

    func string(_ key: String) throws(InputError) -> String? {
        guard let node = child(key), !isNull(node) else { return nil }
        return try ScalarReader.string(node, path: keyPath(key), context: context)
    }

    func int(_ key: String, in range: ClosedRange<Int>) throws(InputError) -> Int? {
        guard let node = child(key), !isNull(node) else { return nil }
        return try ScalarReader.int(node, path: keyPath(key), in: range, context: context)
    }

    func double(_ key: String, in range: ClosedRange<Double>) throws(InputError) -> Double? {
        guard let node = child(key), !isNull(node) else { return nil }
        return try ScalarReader.double(node, path: keyPath(key), in: range, context: context)
    }

    func bool(_ key: String) throws(InputError) -> Bool? {
        guard let node = child(key), !isNull(node) else { return nil }
        return try ScalarReader.bool(node, path: keyPath(key), context: context)
    }

    /// A mapping from arbitrary keys (ids, categories) to values.
    func pairs(_ key: String) throws(InputError) -> [(key: String, keyNode: Node, value: Node)]? {
        guard let node = child(key), !isNull(node) else { return nil }
        guard case .mapping(let mapping) = node else {
            throw context.error(
                node, path: keyPath(key), "expected a mapping, found \(describe(node)); write key: value pairs")
        }
        var result: [(String, Node, Node)] = []
        for (k, v) in mapping {
            guard case .scalar(let scalar) = k else {
                throw context.error(k, path: keyPath(key), "keys must be plain values")
            }
            result.append((scalar.string, k, v))
        }
        return result
    }

    func list(_ key: String) throws(InputError) -> [Node]? {
        guard let node = child(key), !isNull(node) else { return nil }
        guard case .sequence(let sequence) = node else {
            throw context.error(
                node, path: keyPath(key), "expected a list, found \(describe(node)); write it like [a, b]")
        }
        return Array(sequence)
    }
}

enum ScalarReader {
    static func scalar(_ node: Node, path: String, expected: String, context: DecodeContext) throws(InputError)
        -> Node.Scalar
    {
        guard case .scalar(let scalar) = node else {
            throw context.error(node, path: path, "expected \(expected), found \(describe(node)); give one value here")
        }
        return scalar
    }

    static func string(_ node: Node, path: String, context: DecodeContext) throws(InputError) -> String {
        try scalar(node, path: path, expected: "text", context: context).string
    }

    static func int(_ node: Node, path: String, in range: ClosedRange<Int>, context: DecodeContext) throws(InputError)
        -> Int
    {
        let text = try scalar(node, path: path, expected: "a whole number", context: context).string
        guard let value = Int(text.replacingOccurrences(of: "_", with: "")) else {
            if let d = Double(text), d.isFinite, d == d.rounded(), abs(d) < 9e15 {
                return try checked(Int(d), node: node, path: path, range: range, context: context)
            }
            if text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-" || $0 == "+" || $0 == "_") }) {
                throw context.error(
                    node, path: path,
                    "\(text) is out of range; use a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            throw context.error(
                node, path: path, "expected a whole number, found '\(text)'; write digits only, like 500")
        }
        return try checked(value, node: node, path: path, range: range, context: context)
    }

    static func checked(_ value: Int, node: Node, path: String, range: ClosedRange<Int>, context: DecodeContext)
        throws(InputError) -> Int
    {
        guard range.contains(value) else {
            throw context.error(
                node, path: path,
                "\(value) is out of range; use a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    static func double(_ node: Node, path: String, in range: ClosedRange<Double>, context: DecodeContext)
        throws(InputError) -> Double
    {
        let text = try scalar(node, path: path, expected: "a number", context: context).string
        guard let value = Double(text.replacingOccurrences(of: "_", with: "")), value.isFinite else {
            throw context.error(
                node, path: path,
                "expected a finite number, found '\(text)'; write one like 0.25 (a point as decimal mark)")
        }
        guard range.contains(value) else {
            throw context.error(
                node, path: path,
                "\(text) is out of range; use a number from \(format(range.lowerBound)) to \(format(range.upperBound))")
        }
        return value
    }

    static func bool(_ node: Node, path: String, context: DecodeContext) throws(InputError) -> Bool {
        let text = try scalar(node, path: path, expected: "true or false", context: context).string
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw context.error(node, path: path, "expected true or false, found '\(text)'")
        }
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

func isNull(_ node: Node) -> Bool {
    if case .scalar(let scalar) = node, scalar.style == .plain,
        ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    {
        return true
    }
    return false
}

func describe(_ node: Node) -> String {
    switch node {
    case .scalar(let scalar): return isNull(node) ? "nothing" : "'\(scalar.string)'"
    case .mapping: return "a mapping"
    case .sequence: return "a list"
    case .alias: return "an alias"
    }
}

/// Refuses an alias (`*name`) used as a mapping key before Yams composes the text: Yams hashes every key to
/// find duplicates, so a key aliasing nested aliases ("billion laughs") takes minutes on a 600-byte file
/// (found by Fuzz/run). Scenario keys are plain words, so such a file is never a scenario. A light scan:
/// quoted text and comments are skipped, an alias counts as a key when it or a flow collection holding it is
/// followed by ':', and only aliases of anchors (`&name`) defined in the text count.
enum AliasKeyGuard {
    static func check(_ text: String, file: String) throws(InputError) {
        let bytes = Array(text.utf8)
        let n = bytes.count
        var anchors = Set<[UInt8]>()
        var aliasKeys: [(name: [UInt8], line: Int)] = []
        var explicitKeyLine: Int? = nil
        var aliases = 0
        var line = 1
        var i = 0
        // Aliases inside each open flow collection ([...] or {...}): a collection followed by ':' is a key.
        var flow: [[[UInt8]]] = []
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A }
        func isFlow(_ b: UInt8) -> Bool { b == 0x2C || b == 0x5B || b == 0x5D || b == 0x7B || b == 0x7D }
        /// Spaces, then ':' ending a key (followed by a space, a line end or a flow indicator).
        func isKeyEnd(_ start: Int) -> Bool {
            var k = start
            while k < n && (bytes[k] == 0x20 || bytes[k] == 0x09) { k += 1 }
            return k < n && bytes[k] == 0x3A && (k + 1 == n || isSpace(bytes[k + 1]) || isFlow(bytes[k + 1]))
        }
        func isNameChar(_ b: UInt8) -> Bool {
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2D || b == 0x5F
        }
        // Where a scalar may begin: at a line's start, after ': ', '- ', '? ', a flow indicator, an
        // anchor or a tag. Elsewhere a quote is part of a plain scalar ("it's", "folde 'x"), not a
        // quoted one; treating it as one hid the rest of a file from this scan (found by Fuzz/run).
        var scalarMayStart = true
        var afterProperty = false
        while i < n {
            let b = bytes[i]
            if b == 0x0A { line += 1 }
            let atStart = i == 0 || isSpace(bytes[i - 1]) || isFlow(bytes[i - 1])
            if (b == 0x22 || b == 0x27) && (scalarMayStart || afterProperty) {
                // A quoted scalar: skip to its closing quote (\" escapes in double quotes, '' in single).
                var j = i + 1
                var lines = 0
                while j < n {
                    if bytes[j] == 0x0A { lines += 1 }
                    if b == 0x22 && bytes[j] == 0x5C {
                        j += 2
                        continue
                    }
                    if bytes[j] == b {
                        if b == 0x27 && j + 1 < n && bytes[j + 1] == 0x27 {
                            j += 2
                            continue
                        }
                        break
                    }
                    j += 1
                }
                // Unclosed, it is no quoted scalar YAML would accept: read on rather than skip the rest.
                if j < n {
                    line += lines
                    i = j + 1
                    scalarMayStart = false
                    afterProperty = false
                    continue
                }
            }
            if b == 0x0A {
                scalarMayStart = true
                afterProperty = false
            } else if isFlow(b) || ((b == 0x3A || b == 0x2D || b == 0x3F) && (i + 1 == n || isSpace(bytes[i + 1]))) {
                scalarMayStart = true
                afterProperty = false
            } else if b == 0x21 && atStart {
                // A tag (!name, !!str): like an anchor, a quoted scalar may follow it.
                while i < n && !isSpace(bytes[i]) { i += 1 }
                afterProperty = true
                continue
            } else if b != 0x20 && b != 0x09 && b != 0x0D {
                scalarMayStart = false
                afterProperty = false
            }
            if b == 0x23 && (i == 0 || isSpace(bytes[i - 1])) {
                while i < n && bytes[i] != 0x0A { i += 1 }
                continue
            }
            if atStart && (b == 0x26 || b == 0x2A) {
                var j = i + 1
                while j < n && isNameChar(bytes[j]) { j += 1 }
                let name = Array(bytes[(i + 1)..<j])
                if b == 0x26 {
                    anchors.insert(name)
                    afterProperty = true
                } else if !name.isEmpty {
                    aliases += 1
                    if isKeyEnd(j) { aliasKeys.append((name, line)) }
                    if !flow.isEmpty { flow[flow.count - 1].append(name) }
                }
                i = max(j, i + 1)
                continue
            }
            if (b == 0x5B || b == 0x7B) && (atStart || !flow.isEmpty) {
                flow.append([])
            } else if (b == 0x5D || b == 0x7D) && !flow.isEmpty {
                let names = flow.removeLast()
                if isKeyEnd(i + 1) { aliasKeys += names.map { ($0, line) } }
                if !flow.isEmpty { flow[flow.count - 1] += names }
            }
            if atStart && b == 0x3F && (i + 1 == n || isSpace(bytes[i + 1])) {
                explicitKeyLine = explicitKeyLine ?? line
            }
            i += 1
        }
        if let key = aliasKeys.first(where: { anchors.contains($0.name) }) {
            throw InputError(
                file: file, line: key.line,
                message:
                    "uses the alias *\(String(decoding: key.name, as: UTF8.self)) as a key; "
                    + "keys must be plain words, so write the key out")
        }
        if aliases > 0, !anchors.isEmpty, let explicitKeyLine {
            throw InputError(
                file: file, line: explicitKeyLine,
                message:
                    "has an explicit key (?) in a file with aliases; write each key as a plain word followed by ':'")
        }
    }
}
