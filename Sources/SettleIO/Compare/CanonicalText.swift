// SPDX-License-Identifier: GPL-3.0-or-later

/// A value written out field by field, the same in every process: the text a fingerprint hashes.
///
/// Walks any value by reflection, so a key added to the scenario later is covered without a
/// change here. Dictionaries and sets are sorted (their order varies between processes);
/// numbers are written as their shortest round-trip text.
public enum CanonicalText {
    public static func of(_ value: Any) -> String {
        var out = ""
        write(value, into: &out)
        return out
    }

    static func write(_ value: Any, into out: inout String) {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .struct, .class:
            out += "\(mirror.subjectType)("
            for child in mirror.children {
                out += (child.label ?? "_") + ":"
                write(child.value, into: &out)
                out += ","
            }
            out += ")"
        case .enum:
            guard let payload = mirror.children.first else {
                out += "\(mirror.subjectType).\(value)"
                return
            }
            out += "\(mirror.subjectType).\(payload.label ?? "_")("
            write(payload.value, into: &out)
            out += ")"
        case .optional:
            if let wrapped = mirror.children.first { write(wrapped.value, into: &out) } else { out += "nil" }
        case .tuple, .collection:
            out += "["
            for child in mirror.children {
                write(child.value, into: &out)
                out += ","
            }
            out += "]"
        case .dictionary, .set:
            out += "{" + mirror.children.map { of($0.value) }.sorted().joined(separator: ",") + "}"
        default:
            // Strings quoted and escaped, so "a,b" cannot pass for two fields.
            if let text = value as? String { out += String(reflecting: text) } else { out += "\(value)" }
        }
    }
}
