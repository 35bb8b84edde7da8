// SPDX-License-Identifier: GPL-3.0-or-later

/// LP diving from a solved transportation LP (profits priced by `mu`), then the greedy pass or
/// the repair MIP for the households still split.
///
/// Each round fixes the households with a dimension demand (and, while too many are split, the
/// split ones) where the LP sent most of them, and re-solves the warm-started LP around them.
/// Changes `lp`: fixed households get a large bonus, exhausted pairs a large penalty.
struct LPDive {
    /// Dive rounds before the remaining split households go to the repair.
    static let maximumDives = 60
    /// Split households few enough for GLPK to repair at once.
    static let repairSize = 100
    /// Households the LP left unassigned that the repair may also place.
    static let repairFillers = 60

    /// A placement the dive reached, with what the repair reported.
    struct Attempt {
        var placement: [Int?]
        var objective: Double
        /// Households the first LP split.
        var firstSplit: Int
        var repaired: Int
        var limit: MatchTermination?
        var note: MatchNote?
        /// The greedy pass fell short of the tolerance and the repair MIP was not allowed to run.
        var greedyFellShort = false
    }

    /// Where the current LP sends a household.
    enum Share: Equatable {
        case nowhere
        case whole(Int)
        case split

        var municipality: Int? {
            if case .whole(let m) = self { return m }
            return nil
        }
    }

    let batch: MatchingBatch
    let dims: [CapacityDimension]
    let lp: WarmTransportation
    let mu: [Double]
    /// Per-person profits of the unpriced LP (−∞ where a pair is not allowed).
    let profit: [Double]
    /// The bound the attempt is measured against.
    let bound: Double
    let options: MatchingOptions
    /// Whether the split households the greedy pass leaves short go to the repair MIP.
    let repairByMIP: Bool
    let sizes: [Int]
    let isSpecial: [Bool]
    /// Households with a dimension demand, in index order.
    let specials: [Int]
    /// Large enough to dominate any per-person profit difference, small enough for doubles.
    let lock: Double
    private var fixedAt: [Int?]
    private var room: Room
    private var price: [Double]
    private var firstSplit: Int?
    private var share: [Share]

    init(
        _ batch: MatchingBatch, dimensions dims: [CapacityDimension], lp: WarmTransportation, mu: [Double],
        profit: [Double], bound: Double, options: MatchingOptions, repairByMIP: Bool
    ) {
        let H = batch.householdCount
        self.batch = batch
        self.dims = dims
        self.lp = lp
        self.mu = mu
        self.profit = profit
        self.bound = bound
        self.options = options
        self.repairByMIP = repairByMIP
        sizes = batch.households.map(\.size)
        var isSpecial = [Bool](repeating: false, count: H)
        var specials: [Int] = []
        for h in 0..<H where dims.contains(where: { $0.demand[h] > 0 }) {
            isSpecial[h] = true
            specials.append(h)
        }
        self.isSpecial = isSpecial
        self.specials = specials
        fixedAt = Array(repeating: nil, count: H)
        room = Room(batch, dimensions: dims)
        price = lp.sinkPrices()
        let scale = profit.reduce(0.0) { $1.isFinite ? max($0, abs($1)) : $0 }
        lock = 1_000 * (scale + 1)
        share = Array(repeating: .nowhere, count: H)
    }

    private var reduced: ReducedValue { ReducedValue(batch: batch, dims: dims, sizes: sizes, price: price, mu: mu) }

    private mutating func fix(_ h: Int, _ m: Int) {
        fixedAt[h] = m
        room.use(h, m)
        lp.setProfit(h, m, lp.profit(h, m) + lock)
        lp.rowChanged(h)
    }

    /// Prices out pairs whose dimension room is gone (finite, so tree arcs stay finite), or
    /// with `all` every pair of the rows; returns the rows changed.
    private func banExhausted(all: Bool = false, only: Int? = nil) -> Int {
        let M = batch.municipalityCount
        var rows = 0
        for h in only.map({ [$0] }) ?? specials where fixedAt[h] == nil {
            var changed = false
            for m in 0..<M where lp.profit(h, m) > -lock / 2 && lp.profit(h, m) > -.infinity {
                if all || !room.dimensionsHold(h, m) {
                    lp.setProfit(h, m, -lock)
                    changed = true
                }
            }
            if changed {
                lp.rowChanged(h)
                rows += 1
            }
        }
        return rows
    }

    mutating func run() -> Attempt {
        let H = batch.householdCount
        let M = batch.municipalityCount
        var splitFlows: [(h: Int, m: Int, amount: Int)] = []
        for round in 0..<Self.maximumDives {
            for h in 0..<H { share[h] = .nowhere }
            splitFlows.removeAll(keepingCapacity: true)
            var pending: [Int] = []
            lp.forEachFlow { h, m, amount in
                if fixedAt[h] != nil { return }
                if isSpecial[h] && share[h] == .nowhere { pending.append(h) }
                if amount == sizes[h] {
                    share[h] = .whole(m)
                } else {
                    share[h] = .split
                    splitFlows.append((h, m, amount))
                }
            }
            var splitAmounts: [Int: [(m: Int, amount: Int)]] = [:]
            for f in splitFlows { splitAmounts[f.h, default: []].append((f.m, f.amount)) }
            let split = splitAmounts.keys.sorted()
            if firstSplit == nil { firstSplit = split.count }
            if (pending.isEmpty && split.count <= Self.repairSize) || round == Self.maximumDives - 1 { break }
            // Fixing split households splits others (a basic solution splits about one household per
            // full municipality), so the count may hover above repairSize: stop once a greedy repair
            // of what is split already certifies the batch.
            if pending.isEmpty && split.count <= 2 * Self.repairSize {
                let early = assemble(mipAllowed: false)
                if !early.greedyFellShort
                    && MatchResult.gap(objective: early.objective, bound: bound) <= options.gapTolerance
                {
                    return early
                }
            }
            price = lp.sinkPrices()
            var changed = 0
            // Households with a dimension demand first: where most of each went if the dimensions
            // still hold it there, else its best place by reduced value that does.
            for h in pending.sorted() {
                let flows =
                    share[h].municipality.map { [(m: $0, amount: sizes[h])] }
                    ?? (splitAmounts[h] ?? []).sorted { $0.amount != $1.amount ? $0.amount > $1.amount : $0.m < $1.m }
                var target = flows.first(where: { room.fits(h, $0.m) })?.m
                if target == nil {
                    let reduced = reduced
                    var best = -Double.infinity
                    for m in 0..<M where profit[h * M + m] > -.infinity && room.fits(h, m) {
                        let value = reduced(h, m)
                        if value > best {
                            best = value
                            target = m
                        }
                    }
                }
                if let target {
                    fix(h, target)
                } else {
                    _ = banExhausted(all: true, only: h)  // fits nowhere any more: unplaced
                }
                changed += 1
            }
            if !pending.isEmpty { changed += banExhausted() }
            if split.count > Self.repairSize {
                for h in split where fixedAt[h] == nil && !isSpecial[h] {
                    let flows = (splitAmounts[h] ?? []).sorted {
                        $0.amount != $1.amount ? $0.amount > $1.amount : $0.m < $1.m
                    }
                    guard let best = flows.first(where: { room.fits(h, $0.m) }) else { continue }
                    fix(h, best.m)
                    changed += 1
                }
            }
            if changed == 0 { break }
            lp.solve()
        }
        return assemble(mipAllowed: repairByMIP)
    }

    /// Fixed households, then whole LP placements that still fit (households without a demand
    /// first: the LP kept their persons within capacity), the rest to the greedy pass and, if
    /// that falls short of the tolerance and `mipAllowed`, the repair MIP.
    private mutating func assemble(mipAllowed: Bool) -> Attempt {
        let H = batch.householdCount
        let M = batch.municipalityCount
        var room = room
        var placement = [Int?](repeating: nil, count: H)
        var repaired = 0
        for h in 0..<H {
            if let m = fixedAt[h] {
                placement[h] = m
                repaired += 1
            }
        }
        var whole: [(h: Int, m: Int)] = []
        var toRepair: [Int] = []
        var unassigned: [Int] = []
        for h in 0..<H where fixedAt[h] == nil {
            switch share[h] {
            case .whole(let m): whole.append((h, m))
            case .split: toRepair.append(h)
            case .nowhere: if (0..<M).contains(where: { profit[h * M + $0] > 0 }) { unassigned.append(h) }
            }
        }
        whole.sort {
            if isSpecial[$0.h] != isSpecial[$1.h] { return !isSpecial[$0.h] }
            let a = batch.value($0.h, $0.m)
            let b = batch.value($1.h, $1.m)
            return a != b ? a > b : $0.h < $1.h
        }
        for (h, m) in whole {
            if room.fits(h, m) {
                placement[h] = m
                room.use(h, m)
            } else {
                toRepair.append(h)
            }
        }
        price = lp.sinkPrices()
        let reduced = reduced
        var limit: MatchTermination? = nil
        var note: MatchNote? = nil
        var greedyFellShort = false
        if !toRepair.isEmpty {
            // Households the LP left out may fill the places that split households leave.
            var ranked: [(h: Int, value: Double)] = []
            for h in unassigned {
                var best = -Double.infinity
                for m in 0..<M where profit[h * M + m] > -.infinity && room.fits(h, m) {
                    best = max(best, reduced(h, m))
                }
                if best > -.infinity { ranked.append((h, best)) }
            }
            ranked.sort { $0.value != $1.value ? $0.value > $1.value : $0.h < $1.h }
            toRepair += ranked.prefix(Self.repairFillers).map(\.h)
            // The repair may use half the gap budget: stopping there is enough to certify the batch.
            let repairValue = toRepair.reduce(0.0) { total, h in
                total + (0..<M).reduce(0.0) { max($0, profit[h * M + $1] * Double(sizes[h])) }
            }
            let repairGap = max(1e-6, 0.5 * options.gapTolerance * bound / max(1, repairValue))
            var placedValue = 0.0
            for h in 0..<H { if let m = placement[h] { placedValue += batch.value(h, m) } }
            let greedy = GreedyPass(batch, households: toRepair, room: room, reduced: reduced)
            let outcome: RepairMIP.Outcome
            if greedy.value >= (1 - options.gapTolerance) * bound - placedValue {
                outcome = RepairMIP.Outcome(placement: greedy.placement, limit: nil, note: nil)
            } else if mipAllowed {
                outcome = RepairMIP.solve(
                    batch, households: toRepair, room: room, greedy: greedy, options: options, relativeGap: repairGap)
            } else {
                outcome = RepairMIP.Outcome(placement: greedy.placement, limit: nil, note: nil)
                greedyFellShort = true
            }
            for (h, m) in outcome.placement {
                placement[h] = m
                repaired += 1
            }
            limit = outcome.limit
            note = outcome.note
        }
        var objective = 0.0
        for h in 0..<H { if let m = placement[h] { objective += batch.value(h, m) } }
        return Attempt(
            placement: placement, objective: objective, firstSplit: firstSplit ?? 0, repaired: repaired,
            limit: limit, note: note, greedyFellShort: greedyFellShort)
    }
}
