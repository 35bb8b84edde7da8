// SPDX-License-Identifier: GPL-3.0-or-later

/// A comparison of policy variants over replications with common random numbers:
/// replication k of every variant runs on the same seed, so differences are paired.
public struct ComparisonPlan: Sendable {
    public var name: String
    public var variantNames: [String]
    /// One spec per variant, before the replication seed is set.
    public var specs: [ScenarioSpec]
    public var replications: Int
    public var baseSeed: UInt64

    public init(name: String, variantNames: [String], specs: [ScenarioSpec], replications: Int, baseSeed: UInt64) {
        self.name = name
        self.variantNames = variantNames
        self.specs = specs
        self.replications = replications
        self.baseSeed = baseSeed
    }

    /// The seed of replication `k`, shared by every variant.
    public func seed(replication k: Int) -> UInt64 {
        var rng = SeedSequence(seed: baseSeed).stream("replication", UInt64(k))
        return rng.next()
    }

    /// Variant `v`'s scenario for replication `k`: its own seed, the base seed's country.
    public func scenario(variant v: Int, replication k: Int) throws(ScenarioError) -> Scenario {
        var spec = specs[v]
        spec.worldSeed = specs[v].seed
        spec.seed = seed(replication: k)
        return try Scenario.resolve(spec)
    }

    /// The replications a shard runs: k ≡ shard (mod count), shards numbered from 1.
    public func replications(shard: Int, of count: Int) -> [Int] {
        (0..<replications).filter { $0 % count == shard - 1 }
    }

    /// Runs replications (in parallel, up to `jobs` at a time); the records come back in a
    /// fixed order, so the output does not depend on `jobs`. A replication whose scenario does
    /// not resolve is an error, never a record left out. Once every variant of a replication has
    /// run, its hindsight batch is solved (once per replication; see `Hindsight.shares`) and each
    /// record gets its share of it.
    public func run(
        replications selected: [Int], jobs: Int, progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }
    ) async throws(ScenarioError) -> [ReplicationRecord] {
        let counties = try countyOrder()
        let tasks = selected.flatMap { k in specs.indices.map { v in (v, k) } }
        var records = [ReplicationRecord?](repeating: nil, count: tasks.count)
        // Only the histories: the hindsight needs who reached matching, accepted and was offered what.
        var histories = [SimulationResult?](repeating: nil, count: tasks.count)
        let total = tasks.count + selected.count
        let plan = self
        var failure: (index: Int, error: ScenarioError)?
        // Several runs at once fill the cores: no pricing helper threads on top (same results).
        await PricingThreads.$paired.withValue(min(jobs, tasks.count) <= 1) {
            await withTaskGroup(of: (Int, Result<(ReplicationRecord, SimulationResult), ScenarioError>).self) {
                group in
                var next = 0
                var done = 0
                func add() {
                    let index = next
                    let (v, k) = tasks[index]
                    group.addTask {
                        let scenario: Scenario
                        do throws(ScenarioError) {
                            scenario = try plan.scenario(variant: v, replication: k)
                        } catch {
                            return (index, .failure(error))
                        }
                        let result = Simulation.run(scenario)
                        let record = ReplicationRecord(
                            variant: v, replication: k, scenario: scenario, result: result, counties: counties)
                        let kept = SimulationResult(
                            histories: result.histories, rounds: [], capacityUsed: result.capacityUsed)
                        return (index, .success((record, kept)))
                    }
                    next += 1
                }
                while next < tasks.count && next < max(1, jobs) { add() }
                while let (index, outcome) = await group.next() {
                    switch outcome {
                    case .success(let (record, result)):
                        records[index] = record
                        histories[index] = result
                        done += 1
                        progress(done, total)
                    case .failure(let error):
                        if failure == nil || index < failure!.index { failure = (index, error) }
                    }
                    // After a failure, finish what runs but start nothing new.
                    if failure == nil && next < tasks.count { add() }
                }
            }
        }
        if let failure { throw failure.error }
        // The hindsight of each replication, up to `jobs` at a time; tasks[i] = (i % variants, selected[i / variants]).
        let variants = specs.count
        let runs = histories.map { $0! }
        var shares = [[HindsightShare]?](repeating: nil, count: selected.count)
        await PricingThreads.$paired.withValue(min(jobs, selected.count) <= 1) {
            await withTaskGroup(of: (Int, Result<[HindsightShare], ScenarioError>).self) { group in
                var next = 0
                var done = tasks.count
                func add() {
                    let r = next
                    let k = selected[r]
                    group.addTask {
                        // Resolved again rather than kept: they resolved above, and a year's scenarios are large.
                        var paired: [(scenario: Scenario, result: SimulationResult)] = []
                        for v in 0..<variants {
                            do throws(ScenarioError) {
                                paired.append((try plan.scenario(variant: v, replication: k), runs[r * variants + v]))
                            } catch {
                                return (r, .failure(error))
                            }
                        }
                        return (r, .success(Hindsight.shares(paired)))
                    }
                    next += 1
                }
                while next < selected.count && next < max(1, jobs) { add() }
                while let (r, outcome) = await group.next() {
                    switch outcome {
                    case .success(let share): shares[r] = share
                    case .failure(let error): if failure == nil { failure = (r, error) }
                    }
                    done += 1
                    progress(done, total)
                    if failure == nil && next < selected.count { add() }
                }
            }
        }
        if let failure { throw failure.error }
        var filled = records.map { $0! }
        for i in filled.indices { filled[i].setHindsight(shares[i / variants]![i % variants]) }
        return filled
    }

    /// Counties in the order municipalities first name them.
    public func countyOrder() throws(ScenarioError) -> [String] {
        let scenario = try scenario(variant: 0, replication: 0)
        var seen = Set<String>()
        return scenario.municipalities.compactMap { seen.insert($0.county).inserted ? $0.county : nil }
    }
}

/// Means, intervals and paired differences from the records of every variant and replication.
public struct ComparisonSummary: Sendable {
    public struct MetricRow: Sendable {
        public var metric: ComparisonMetric
        /// Per variant.
        public var values: [Interval]
        /// Per variant: the paired difference from the first variant (nil for the first).
        public var differences: [Interval?]
    }

    public var variantNames: [String]
    public var replications: Int
    public var rows: [MetricRow]
    /// Per variant, per municipality: mean persons settled.
    public var settledByMunicipality: [[Double]]
    /// Per variant, per county: mean places used.
    public var usedByCounty: [[Double]]
    /// Per variant: share of settled households by wait bin, all replications pooled.
    public var waitDistribution: [[Double]]

    public init(variantNames: [String], records: [ReplicationRecord]) {
        self.variantNames = variantNames
        let sorted = records.sorted { ($0.variant, $0.replication) < ($1.variant, $1.replication) }
        let byVariant = variantNames.indices.map { v in sorted.filter { $0.variant == v } }
        replications = byVariant.first?.count ?? 0
        rows = ComparisonMetric.allCases.enumerated().map { i, metric in
            let values = byVariant.map { Interval($0.map { $0.metrics[i] }) }
            let base = byVariant.first ?? []
            let differences: [Interval?] = byVariant.enumerated().map { v, runs in
                guard v > 0 else { return nil }
                // Paired by replication: the same seed on both sides.
                let pairs = zip(runs, base).map { $0.metrics[i] - $1.metrics[i] }
                return Interval(pairs)
            }
            return MetricRow(metric: metric, values: values, differences: differences)
        }
        func mean(_ rows: [[Int]]) -> [Double] {
            guard let width = rows.first?.count else { return [] }
            return (0..<width).map { j in Double(rows.reduce(0) { $0 + $1[j] }) / Double(rows.count) }
        }
        settledByMunicipality = byVariant.map { mean($0.map(\.settledByMunicipality)) }
        usedByCounty = byVariant.map { mean($0.map(\.usedByCounty)) }
        waitDistribution = byVariant.map { runs in
            var total = [Int](repeating: 0, count: ReplicationRecord.waitBins)
            for run in runs { for (b, n) in run.waitHistogram.enumerated() { total[b] += n } }
            let sum = max(1, total.reduce(0, +))
            return total.map { Double($0) / Double(sum) }
        }
    }
}
