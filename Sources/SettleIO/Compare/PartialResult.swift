// SPDX-License-Identifier: GPL-3.0-or-later

import Foundation
import SettleCore

/// A shard's records, written by `compare --shard k/n` and combined by `settle merge`.
///
/// Numbers are stored as Swift's shortest round-trip text, so the merge recomputes
/// exactly what one machine would have printed. The fingerprint says what the shard ran.
public struct PartialResult: Sendable, Equatable {
    /// 2 added the fingerprint.
    public static let formatVersion = 2

    public var context: ComparisonContext
    public var fingerprint: RunFingerprint
    public var shard: Int
    public var shards: Int
    public var records: [ReplicationRecord]

    public init(
        context: ComparisonContext, fingerprint: RunFingerprint, shard: Int, shards: Int, records: [ReplicationRecord]
    ) {
        self.context = context
        self.fingerprint = fingerprint
        self.shard = shard
        self.shards = shards
        self.records = records
    }

    public func serialized() -> String {
        let places: [JSONValue] = context.municipalities.map {
            .object([
                ("id", .string($0.id)), ("name", .string($0.name)), ("county", .string($0.county)),
                ("lat", .string("\($0.latitude)")), ("lon", .string("\($0.longitude)")),
                ("population", .int($0.population)),
            ])
        }
        let records: [JSONValue] = records.map { r in
            .object([
                ("variant", .int(r.variant)), ("replication", .int(r.replication)),
                ("metrics", .array(r.metrics.map { .string("\($0)") })),
                ("settled_by_municipality", .array(r.settledByMunicipality.map { .int($0) })),
                ("used_by_county", .array(r.usedByCounty.map { .int($0) })),
                ("wait_histogram", .array(r.waitHistogram.map { .int($0) })),
            ])
        }
        return JSONValue.object([
            ("settle_partial", .int(Self.formatVersion)),
            ("comparison", .string(context.name)),
            ("seed", .string(String(context.baseSeed))),
            ("replications", .int(context.replications)),
            ("shard", .int(shard)),
            ("shards", .int(shards)),
            ("fingerprint", fingerprint.json),
            ("variants", .array(context.variantNames.map { .string($0) })),
            ("metrics", .array(ComparisonMetric.allCases.map { .string($0.key) })),
            ("counties", .array(context.counties.map { .string($0) })),
            ("decided_by_county", .array(context.decidedByCounty.map { .array($0.map { .int($0) }) })),
            ("municipalities", .array(places)),
            ("records", .array(records)),
        ]).serialized(indent: 1) + "\n"
    }

    public static func read(path: String) throws(InputError) -> PartialResult {
        let text = try TextFile.read(path)
        func bad(_ what: String) -> InputError {
            InputError(
                file: path, message: "is not a settle partial result (\(what)); give files written by compare --shard")
        }
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw bad("not JSON")
        }
        guard let version = object["settle_partial"] as? Int else { throw bad("no settle_partial version") }
        guard version == formatVersion else {
            throw InputError(
                file: path,
                message:
                    "was written by \(version < formatVersion ? "an older" : "a newer") settle (partial format \(version), this one reads \(formatVersion)); rerun that shard with this settle"
            )
        }
        guard let metrics = object["metrics"] as? [String], metrics == ComparisonMetric.allCases.map(\.key) else {
            throw InputError(
                file: path, message: "was written by another version of settle (its metrics differ); rerun that shard")
        }
        guard let name = object["comparison"] as? String, let seedText = object["seed"] as? String,
            let seed = UInt64(seedText), let replications = object["replications"] as? Int,
            let shard = object["shard"] as? Int, let shards = object["shards"] as? Int,
            let variants = object["variants"] as? [String], let counties = object["counties"] as? [String],
            let decided = object["decided_by_county"] as? [[Int]],
            let places = object["municipalities"] as? [[String: Any]],
            let records = object["records"] as? [[String: Any]]
        else { throw bad("a field is missing") }
        guard let fingerprintObject = object["fingerprint"] as? [String: Any],
            let fingerprint = RunFingerprint(json: fingerprintObject)
        else { throw bad("its fingerprint is missing or incomplete") }
        guard shards >= 1, (1...shards).contains(shard) else { throw bad("shard \(shard) of \(shards)") }
        var municipalities: [ComparisonContext.Place] = []
        for place in places {
            guard let id = place["id"] as? String, let name = place["name"] as? String,
                let county = place["county"] as? String, let lat = (place["lat"] as? String).flatMap(Double.init),
                let lon = (place["lon"] as? String).flatMap(Double.init), let population = place["population"] as? Int
            else { throw bad("a municipality is incomplete") }
            municipalities.append(
                .init(id: id, name: name, county: county, latitude: lat, longitude: lon, population: population))
        }
        var parsed: [ReplicationRecord] = []
        for record in records {
            guard let variant = record["variant"] as? Int, let replication = record["replication"] as? Int,
                let metricTexts = record["metrics"] as? [String],
                let settled = record["settled_by_municipality"] as? [Int],
                let used = record["used_by_county"] as? [Int], let waits = record["wait_histogram"] as? [Int],
                variants.indices.contains(variant), (0..<replications).contains(replication)
            else { throw bad("a record is incomplete") }
            guard replication % shards == shard - 1 else {
                throw bad("replication \(replication) does not belong to shard \(shard) of \(shards)")
            }
            let values = metricTexts.compactMap(Double.init)
            guard values.count == metrics.count, settled.count == municipalities.count, used.count == counties.count,
                waits.count == ReplicationRecord.waitBins
            else { throw bad("a record has the wrong length") }
            parsed.append(
                ReplicationRecord(
                    variant: variant, replication: replication, metrics: values, settledByMunicipality: settled,
                    usedByCounty: used, waitHistogram: waits))
        }
        let context = ComparisonContext(
            name: name, baseSeed: seed, replications: replications, variantNames: variants,
            municipalities: municipalities, counties: counties, decidedByCounty: decided)
        return PartialResult(
            context: context, fingerprint: fingerprint, shard: shard, shards: shards, records: parsed)
    }

    /// Reads and combines the partial results at `paths` into the comparison one run would print.
    public static func merge(paths: [String]) throws(InputError) -> ComparisonOutput {
        var parts: [(path: String, result: PartialResult)] = []
        for path in paths { parts.append((path, try read(path: path))) }
        let (context, records) = try merge(parts)
        return ComparisonOutput(context: context, records: records)
    }

    /// Combines every shard of one run. Refuses parts whose fingerprints differ, repeated shards
    /// and missing replications, each with one line that says which files and what to do.
    public static func merge(_ parts: [(path: String, result: PartialResult)]) throws(InputError) -> (
        ComparisonContext, [ReplicationRecord]
    ) {
        guard let first = parts.first else {
            throw InputError(
                file: "merge", message: "no partial results given; pass the files written by compare --shard")
        }
        let reference = first.result
        var seen: [Int: String] = [:]
        for (path, part) in parts {
            if let difference = part.fingerprint.difference(from: reference.fingerprint, here: path, there: first.path)
            {
                throw InputError(
                    file: path,
                    message:
                        "ran another experiment than \(first.path): \(difference); rerun this shard as the others ran")
            }
            if part.shards != reference.shards {
                throw InputError(
                    file: path,
                    message:
                        "is a shard of \(part.shards) but \(first.path) is a shard of \(reference.shards); rerun with the same --shard k/n count"
                )
            }
            guard part.context == reference.context else {
                throw InputError(
                    file: path,
                    message:
                        "belongs to another comparison than \(first.path) (its name, municipalities or decisions differ); rerun this shard with what the others ran"
                )
            }
            if let other = seen[part.shard] {
                throw InputError(
                    file: path, message: "is shard \(part.shard) again (also in \(other)); give each shard once")
            }
            seen[part.shard] = path
        }
        let records = parts.flatMap(\.result.records).sorted {
            ($0.variant, $0.replication) < ($1.variant, $1.replication)
        }
        let variants = reference.context.variantNames.count
        var count = [Int](repeating: 0, count: reference.context.replications)
        for record in records { count[record.replication] += 1 }
        if let repeated = count.indices.first(where: { count[$0] > variants }) {
            throw InputError(
                file: "merge", message: "replication \(repeated) is given more than once; pass each shard's file once")
        }
        let missing = count.indices.filter { count[$0] < variants }
        if !missing.isEmpty {
            let shards = Set(missing.map { $0 % reference.shards + 1 }).sorted()
            let list = { (numbers: [Int]) in numbers.map(String.init).joined(separator: ", ") }
            let rerun =
                shards.count == 1
                ? "rerun compare --shard \(shards[0])/\(reference.shards) as the others ran and pass its file too"
                : "rerun compare --shard k/\(reference.shards) for each as the others ran and pass every file"
            throw InputError(
                file: "merge",
                message:
                    "replication\(missing.count > 1 ? "s" : "") \(list(missing)) of 0-\(reference.context.replications - 1) missing (shard\(shards.count > 1 ? "s" : "") \(list(shards)) of \(reference.shards)); \(rerun)"
            )
        }
        return (reference.context, records)
    }
}
