// SPDX-License-Identifier: GPL-3.0-or-later

import Foundation
import SettleCore

/// What `settle compare` does, for a library user: load a scenario with variants, run all its
/// replications or one shard's, and turn the records into reports or a partial result.
///
/// ```swift
/// let run = try ComparisonRun(file: "Scenarios/compare-offers.yaml", replications: 10)
/// let records = try await run.records(jobs: 4)
/// print(run.output(records).text)
/// ```
public struct ComparisonRun: Sendable {
    public var file: String
    public var plan: ComparisonPlan
    public var context: ComparisonContext
    public var fingerprint: RunFingerprint

    /// Loads `file` with `overrides` (as `--set`) applied after each variant's own; `seed` replaces the scenario's.
    public init(file: String, overrides: [Override] = [], seed: UInt64? = nil, replications: Int) throws(InputError) {
        let comparison = try ComparisonLoader.load(path: file, overrides: overrides)
        var specs = comparison.specs
        if let seed { for i in specs.indices { specs[i].seed = seed } }
        let plan = ComparisonPlan(
            name: comparison.name, variantNames: comparison.variants.map(\.name), specs: specs,
            replications: replications, baseSeed: specs[0].seed)
        do {
            context = try ComparisonContext(plan: plan)
        } catch {
            throw InputError(file: file, key: error.key, message: error.message)
        }
        self.file = file
        self.plan = plan
        fingerprint = RunFingerprint(plan: plan, overrides: overrides.map { "\($0.key)=\($0.value)" })
    }

    /// The replications `shard` runs (every one without a shard).
    public func replications(shard: ComparisonShard? = nil) -> [Int] {
        shard.map { plan.replications(shard: $0.index, of: $0.count) } ?? Array(0..<plan.replications)
    }

    /// Runs the replications of `shard` (or all), up to `jobs` at once; the records do not depend on `jobs`.
    public func records(
        shard: ComparisonShard? = nil, jobs: Int, progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }
    ) async throws(InputError) -> [ReplicationRecord] {
        do {
            return try await plan.run(replications: replications(shard: shard), jobs: jobs, progress: progress)
        } catch {
            throw InputError(file: file, key: error.key, message: error.message)
        }
    }

    public func output(_ records: [ReplicationRecord]) -> ComparisonOutput {
        ComparisonOutput(context: context, records: records)
    }

    public func partialResult(shard: ComparisonShard, records: [ReplicationRecord]) -> PartialResult {
        PartialResult(
            context: context, fingerprint: fingerprint, shard: shard.index, shards: shard.count, records: records)
    }
}
