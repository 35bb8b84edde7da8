// SPDX-License-Identifier: GPL-3.0-or-later

import Foundation
import SettleCore

/// What a comparison ran: settle's version, the replication plan and every variant's resolved
/// scenario, so `merge` can refuse parts of different experiments.
///
/// The scenario is hashed after every `--set` and variant override, with the tables it read
/// (their rows are in the spec), one digest per top-level key so a mismatch can be named.
public struct RunFingerprint: Sendable, Equatable {
    public struct Variant: Sendable, Equatable {
        public var name: String
        /// Per top-level scenario key (`cohort`, `policy`, ...): the SHA-256 of its resolved value.
        public var sections: [Section]
    }

    public struct Section: Sendable, Equatable {
        public var key: String
        public var digest: String
    }

    public var settleVersion: String
    public var seed: UInt64
    public var replications: Int
    public var variants: [Variant]
    /// The command line's `--set`s as given: not compared (the digests are), but named when parts differ.
    public var overrides: [String]

    public init(plan: ComparisonPlan, overrides: [String], settleVersion: String = SettleVersion.current) {
        self.settleVersion = settleVersion
        seed = plan.baseSeed
        replications = plan.replications
        self.overrides = overrides
        variants = zip(plan.variantNames, plan.specs).map { name, spec in
            Variant(
                name: name,
                sections: Mirror(reflecting: spec).children.map { child in
                    Section(
                        key: Self.snakeCase(child.label ?? "_"), digest: SHA256.hex(CanonicalText.of(child.value)))
                }.sorted { $0.key < $1.key })
        }
    }

    init(settleVersion: String, seed: UInt64, replications: Int, variants: [Variant], overrides: [String]) {
        self.settleVersion = settleVersion
        self.seed = seed
        self.replications = replications
        self.variants = variants
        self.overrides = overrides
    }

    /// What differs from `other`, as a clause ("the resolved scenario's cohort differs (...)"),
    /// or nil when both ran the same; `here` and `there` name this run and the other.
    public func difference(from other: RunFingerprint, here: String = "here", there: String = "there") -> String? {
        func both(_ mine: String, _ theirs: String) -> String { "(\(theirs) in \(there), \(mine) in \(here))" }
        if settleVersion != other.settleVersion {
            return "settle's version differs \(both(settleVersion, other.settleVersion))"
        }
        if replications != other.replications {
            return "--replications differs \(both(String(replications), String(other.replications)))"
        }
        if seed != other.seed { return "the seed differs \(both(String(seed), String(other.seed)))" }
        if variants.map(\.name) != other.variants.map(\.name) {
            let names = { (f: RunFingerprint) in f.variants.map(\.name).joined(separator: ", ") }
            return "the variants differ \(both(names(self), names(other)))"
        }
        var keys: [String] = []
        for (mine, theirs) in zip(variants, other.variants) {
            let theirDigests = Dictionary(theirs.sections.map { ($0.key, $0.digest) }, uniquingKeysWith: { a, _ in a })
            for section in mine.sections
            where theirDigests[section.key] != section.digest && !keys.contains(section.key) {
                keys.append(section.key)
            }
            if mine.sections.count != theirs.sections.count && keys.isEmpty { keys.append("keys") }
        }
        guard !keys.isEmpty else { return nil }
        let sets = { (list: [String]) in list.isEmpty ? "no --set" : list.map { "--set " + $0 }.joined(separator: " ") }
        return
            "the resolved scenario's \(keys.joined(separator: ", ")) \(keys.count > 1 ? "differ" : "differs") (edited in the scenario file or a table it reads, or set on the command line: \(sets(other.overrides)) in \(there), \(sets(overrides)) in \(here))"
    }

    var json: JSONValue {
        .object([
            ("settle", .string(settleVersion)),
            ("seed", .string(String(seed))),
            ("replications", .int(replications)),
            ("overrides", .array(overrides.map { .string($0) })),
            (
                "variants",
                .array(
                    variants.map { variant in
                        .object([
                            ("name", .string(variant.name)),
                            (
                                "scenario",
                                .object(variant.sections.map { ($0.key, .string($0.digest)) })
                            ),
                        ])
                    })
            ),
        ])
    }

    /// From a partial result's `fingerprint` object; nil when a field is missing.
    init?(json object: [String: Any]) {
        guard let version = object["settle"] as? String, let seedText = object["seed"] as? String,
            let seed = UInt64(seedText), let replications = object["replications"] as? Int,
            let overrides = object["overrides"] as? [String], let variants = object["variants"] as? [[String: Any]]
        else { return nil }
        var parsed: [Variant] = []
        for variant in variants {
            guard let name = variant["name"] as? String, let scenario = variant["scenario"] as? [String: String]
            else { return nil }
            // JSON objects come back unordered; sections are compared by key.
            parsed.append(
                Variant(
                    name: name,
                    sections: scenario.sorted { $0.key < $1.key }.map { Section(key: $0.key, digest: $0.value) }))
        }
        self.init(
            settleVersion: version, seed: seed, replications: replications, variants: parsed, overrides: overrides)
    }

    static func snakeCase(_ name: String) -> String {
        var out = ""
        for c in name {
            if c.isUppercase {
                out += "_" + c.lowercased()
            } else {
                out.append(c)
            }
        }
        return out
    }
}
