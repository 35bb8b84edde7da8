// SPDX-License-Identifier: GPL-3.0-or-later

/// A bound tighter than the LP's where places are short: the one-offer-per-household rows and the
/// dimension rows are priced (u_h ≥ 0, μ ≥ 0), and each municipality keeps its persons capacity
/// as an integer knapsack over whole households:
/// L(u, μ) = Σ_h u_h + Σ μ·capacity + Σ_m max{Σ_h (v_hm − u_h − μ_m·d_h)·x_h : Σ_h s_h·x_h ≤ c_m, x ∈ {0,1}}.
///
/// Valid for any u, μ ≥ 0. Started from the LP's duals it is never above the LP bound (each
/// knapsack is at most c_m·λ_m), and below it by what whole households cannot fill: one split
/// household per full municipality, which is most of the gap when the places left are few. A
/// few subgradient steps on u (counted, not timed) then tighten it.
struct KnapsackBound {
    /// Subgradient steps on the household prices at least and at most: small rounds, whose
    /// evaluations are cheap, get more of them (a count, so every machine stops at the same step).
    static let minimumSteps = 30
    static let maximumSteps = 3_000
    /// Steps without a better bound after which the step size halves.
    static let missesBeforeHalving = 10
    /// Steps in a row without a better bound after which the steps stop. Column generation starts
    /// from the steps' best prices and smooths towards them, so it finishes what more steps did
    /// (30 was 100: Benchmarks/README, "Four hundred nodes, thirty steps").
    static let stallSteps = 30
    /// Pairs evaluated over all steps, which sets the steps between the two.
    static let pairBudget = 60_000_000
    /// Steps whose bound is within this share of the best so far give their sets to `SetPacking`.
    /// Wider gives more columns and a slower packing, and not better years (measured when it was
    /// chosen, before the stall stop): 0.01 % left 5 rounds of spring-surge above 0.1 % (worst
    /// 0.36 %) and 13 of decisions-below-need (worst 0.80 %); 0.03 % left 5 (worst 0.69 %) and 15
    /// (worst 3.5 %).
    static let collectWithin = 0.0001

    var stepLimit: Int {
        let pairs = max(1, batch.householdCount * batch.municipalityCount)
        return max(Self.minimumSteps, min(Self.maximumSteps, Self.pairBudget / pairs))
    }
    /// Knapsack table cells (items × capacity) above which a municipality gets the fractional
    /// knapsack bound instead of the integer one (still valid, only weaker).
    static let maximumCells = 4_000_000

    let batch: MatchingBatch
    let dims: [CapacityDimension]
    /// Per-person profits as `LPRepair` built them: −∞ where a pair cannot be used.
    let profit: [Double]
    let sizes: [Int]
    /// v_hm − μ_m·d_h per allowed pair (−∞ elsewhere), row-major.
    private var priced: [Double]
    /// The same, municipality by municipality (m × H), for the knapsacks' column reads.
    private var pricedByMunicipality: [Double]
    /// Σ μ·capacity of the dimensions.
    private var dimensionTerm: Double
    /// Where `evaluate` splits the municipalities between two threads: half of those with places
    /// on each side (every one of them reads H pairs).
    private let split: Int

    init(_ batch: MatchingBatch, dimensions dims: [CapacityDimension], profit: [Double], mu: [Double]) {
        let H = batch.householdCount
        let M = batch.municipalityCount
        self.batch = batch
        self.dims = dims
        self.profit = profit
        sizes = batch.households.map(\.size)
        var priced = [Double](repeating: -.infinity, count: H * M)
        for h in 0..<H {
            for m in 0..<M where profit[h * M + m] > -.infinity {
                priced[h * M + m] = Self.price(batch, dims, h, m, mu: mu)
            }
        }
        self.priced = priced
        var byMunicipality = [Double](repeating: -.infinity, count: H * M)
        for h in 0..<H {
            for m in 0..<M { byMunicipality[m * H + h] = priced[h * M + m] }
        }
        pricedByMunicipality = byMunicipality
        dimensionTerm = Self.dimensionTerm(batch, dims, mu: mu)
        let open = (0..<M).filter { batch.capacity[$0] > 0 }
        split = open.isEmpty ? M : open[open.count / 2]
    }

    private static func price(
        _ batch: MatchingBatch, _ dims: [CapacityDimension], _ h: Int, _ m: Int, mu: [Double]
    ) -> Double {
        var v = batch.value(h, m)
        for k in dims.indices where dims[k].demand[h] > 0 && !mu.isEmpty {
            v -= Double(dims[k].demand[h]) * mu[k * batch.municipalityCount + m]
        }
        return v
    }

    private static func dimensionTerm(_ batch: MatchingBatch, _ dims: [CapacityDimension], mu: [Double]) -> Double {
        var term = 0.0
        for k in dims.indices where !mu.isEmpty {
            for m in 0..<batch.municipalityCount {
                term += mu[k * batch.municipalityCount + m] * Double(dims[k].capacity[m])
            }
        }
        return term
    }

    /// The same bound at other dimension prices μ: only the households with a demand are priced
    /// again, the same way. Column generation prices at new μ after every master solve, where
    /// building every pair again was about 3 % of a hard year.
    func repriced(mu: [Double]) -> KnapsackBound {
        let H = batch.householdCount
        let M = batch.municipalityCount
        var bound = self
        for h in 0..<H where dims.contains(where: { $0.demand[h] > 0 }) {
            for m in 0..<M where profit[h * M + m] > -.infinity {
                let v = Self.price(batch, dims, h, m, mu: mu)
                bound.priced[h * M + m] = v
                bound.pricedByMunicipality[m * H + h] = v
            }
        }
        bound.dimensionTerm = Self.dimensionTerm(batch, dims, mu: mu)
        return bound
    }

    /// Household prices from per-person sink prices λ: u_h = max(0, max_m(v_hm − μ·d_h − s_h·λ_m)).
    func householdPrices(sinkPrice: [Double]) -> [Double] {
        let M = batch.municipalityCount
        return (0..<batch.householdCount).map { h in
            var best = 0.0
            for m in 0..<M where priced[h * M + m] > -.infinity {
                best = max(best, priced[h * M + m] - Double(sizes[h]) * min(sinkPrice[m], 1e300))
            }
            return best
        }
    }

    /// What the knapsacks of a range of municipalities add, in the order they add it.
    private struct Part {
        /// The terms of the bound, in municipality order: summed in this order by `evaluate`, so
        /// a bound does not depend on where the municipalities were split.
        var terms: [Double] = []
        /// The households taken, once per knapsack that took them.
        var taken: [Int] = []
        /// The chosen sets, one after the other as `m, households…`, each ending at its entry of
        /// `ends`.
        var members: [Int] = []
        var ends: [Int] = []

        mutating func addSet(_ m: Int, _ households: some Sequence<Int>) {
            members.append(m)
            members.append(contentsOf: households)
            ends.append(members.count)
        }
    }

    /// A bound with what it took: see `evaluate`.
    struct Evaluation {
        let bound: Double
        let taken: [Int]
        /// The chosen sets, flat: most steps' sets are never looked at (only those of steps within
        /// `collectWithin` of the best are), so no array is made per municipality and step.
        fileprivate let members: [Int]
        fileprivate let ends: [Int]

        /// Each municipality's chosen set as `[m] + households`, in municipality order.
        var sets: [[Int]] {
            var start = 0
            return ends.map { end in
                defer { start = end }
                return Array(members[start..<end])
            }
        }
    }

    /// Household-municipality pairs from which `evaluate` splits the municipalities over two
    /// threads (`PairedWork`): below it a step takes a few microseconds.
    static let pairedFrom = 20_000

    /// Whether `evaluate` should be given a helper thread for this batch.
    var wantsHelper: Bool { batch.householdCount * batch.municipalityCount >= Self.pairedFrom && PricingThreads.paired }

    /// L(u) and, per household, how many knapsacks took it (for the subgradient 1 − count); with
    /// `collecting`, each municipality's chosen set as `[m] + households`. With `paired`, the
    /// second half of the municipalities is packed on its helper thread; the result is the same.
    func evaluate(_ u: [Double], collecting: Bool = false, paired: PairedWork? = nil) -> Evaluation {
        let H = batch.householdCount
        let M = batch.municipalityCount
        var bound = dimensionTerm
        for h in 0..<H { bound += u[h] }
        var first = Part()
        var second = Part()
        if let paired {
            paired.run(
                { pack(0..<split, u, collecting: collecting, into: &first) },
                { pack(split..<M, u, collecting: collecting, into: &second) })
        } else {
            pack(0..<M, u, collecting: collecting, into: &first)
        }
        var taken = [Int](repeating: 0, count: H)
        for part in [first, second] {
            for term in part.terms { bound += term }
            for h in part.taken { taken[h] += 1 }
        }
        let offset = first.members.count
        return Evaluation(
            bound: bound, taken: taken, members: first.members + second.members,
            ends: first.ends + second.ends.map { $0 + offset })
    }

    /// The households whose priced value `row[h]` is above their price `u[h]`, in order, with
    /// their sizes and what they are worth there; returns how many and their persons.
    private func worthTheirPrice(
        _ row: UnsafeBufferPointer<Double>, _ u: UnsafeBufferPointer<Double>,
        into out: (
            households: UnsafeMutableBufferPointer<Int>, weight: UnsafeMutableBufferPointer<Int>,
            worth: UnsafeMutableBufferPointer<Double>
        )
    ) -> (count: Int, persons: Int) {
        let H = row.count
        var n = 0
        var total = 0
        // Four pairs at a time: most are not worth their price, and a block of four such is passed
        // over with one comparison.
        let values = UnsafeRawPointer(row.baseAddress!)
        let prices = UnsafeRawPointer(u.baseAddress!)
        var h = 0
        while h < H {
            if h + 4 <= H {
                let offset = h * MemoryLayout<Double>.stride
                let p =
                    values.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
                    - prices.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
                if !any(p .> 0) {
                    h += 4
                    continue
                }
            }
            for g in h..<min(h + 4, H) {
                let p = row[g] - u[g]
                if p > 0 {
                    out.households[n] = g
                    out.weight[n] = sizes[g]
                    out.worth[n] = p
                    n += 1
                    total += sizes[g]
                }
            }
            h += 4
        }
        return (n, total)
    }

    /// The knapsacks of municipalities `range` at prices `u`.
    private func pack(_ range: Range<Int>, _ u: [Double], collecting: Bool, into part: inout Part) {
        let H = batch.householdCount
        // Reused from municipality to municipality: the households with a positive profit.
        // Raw buffers: written for every pair at every step, where an array's checks cost a quarter
        // of the year's time (decisions-below-need 12.7 s against 16.0 s).
        let households = UnsafeMutableBufferPointer<Int>.allocate(capacity: H)
        let weight = UnsafeMutableBufferPointer<Int>.allocate(capacity: H)
        let worth = UnsafeMutableBufferPointer<Double>.allocate(capacity: H)
        defer {
            households.deallocate()
            weight.deallocate()
            worth.deallocate()
        }
        var table = KnapsackTable()
        for m in range where batch.capacity[m] > 0 {
            let (n, total) = u.withUnsafeBufferPointer { u in
                pricedByMunicipality.withUnsafeBufferPointer { priced in
                    worthTheirPrice(
                        UnsafeBufferPointer(rebasing: priced[(m * H)..<((m + 1) * H)]), u,
                        into: (households, weight, worth))
                }
            }
            if n == 0 { continue }
            let capacity = min(batch.capacity[m], total)
            if capacity == total {
                for i in 0..<n {
                    part.terms.append(worth[i])
                    part.taken.append(households[i])
                }
                if collecting { part.addSet(m, households[0..<n]) }
                continue
            }
            if n * (capacity + 1) > Self.maximumCells {
                // Fractional knapsack: best ratio first, the last item in part.
                let order = (0..<n).sorted { worth[$0] * Double(weight[$1]) > worth[$1] * Double(weight[$0]) }
                var left = capacity
                for i in order {
                    if left == 0 { break }
                    if weight[i] <= left {
                        part.terms.append(worth[i])
                        part.taken.append(households[i])
                        left -= weight[i]
                    } else {
                        part.terms.append(worth[i] * Double(left) / Double(weight[i]))
                        left = 0
                    }
                }
                continue
            }
            let value = table.pack(
                weight: UnsafeBufferPointer(rebasing: weight[0..<n]),
                worth: UnsafeBufferPointer(rebasing: worth[0..<n]),
                capacity: capacity)
            part.terms.append(value)
            for i in table.chosen { part.taken.append(households[i]) }
            if collecting && !table.chosen.isEmpty {
                part.addSet(m, table.chosen.lazy.map { households[$0] })
            }
        }
    }

    /// The best bound from the household prices `start` and up to `stepLimit` Polyak steps
    /// towards `target` (the incumbent's value); stops early once `enough` is reached. With
    /// `collecting`, also the knapsacks' sets from the steps whose bound was within
    /// `collectWithin` of the best so far: the columns `SetPacking` builds a placement from; and the
    /// household prices of the best bound.
    func improve(from start: [Double], target: Double, enough: Double, collecting: Bool = false) -> (
        bound: Double, sets: Set<[Int]>, prices: [Double]
    ) {
        var u = start
        let paired = wantsHelper ? PairedWork() : nil
        defer { paired?.stop() }
        let first = evaluate(u, collecting: collecting, paired: paired)
        var (current, taken) = (first.bound, first.taken)
        var collected = Set(first.sets)
        var bestBound = current
        var bestPrices = u
        var scale = 1.0
        var sinceBest = 0
        var stalled = 0
        var steps = 0
        let limit = stepLimit
        while steps < limit && bestBound > enough && stalled < Self.stallSteps {
            var norm = 0.0
            for h in u.indices {
                let g = 1 - Double(taken[h])
                if g < 0 || u[h] > 0 { norm += g * g }
            }
            if norm == 0 { break }
            let step = scale * (current - target) / norm
            for h in u.indices { u[h] = max(0, u[h] - step * (1 - Double(taken[h]))) }
            steps += 1
            let next = evaluate(u, collecting: collecting, paired: paired)
            if collecting && next.bound <= bestBound + Self.collectWithin * abs(bestBound) {
                collected.formUnion(next.sets)
            }
            taken = next.taken
            current = next.bound
            if next.bound < bestBound - 1e-9 * abs(bestBound) {
                bestBound = next.bound
                bestPrices = u
                sinceBest = 0
                stalled = 0
            } else {
                sinceBest += 1
                stalled += 1
                // Halving after 3 misses stalled the steps early (spring-surge day 245: bound 752.665
                // after 300 steps; 751.071 with 10 misses and up to 840 steps; HiGHS' optimum 746.5).
                if sinceBest >= Self.missesBeforeHalving {
                    scale /= 2
                    sinceBest = 0
                }
            }
        }
        return (bestBound, collected, bestPrices)
    }
}
