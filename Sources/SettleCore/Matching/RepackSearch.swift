// SPDX-License-Identifier: GPL-3.0-or-later

/// Improves an integer placement by repacking municipalities: a municipality takes the best set
/// of its own households and the unplaced ones that fits (a knapsack over persons), the others
/// leaving it unplaced, either as it stands or after one of its households has moved to room
/// left elsewhere. Each accepted move raises the value and the order is fixed, so the search
/// ends and gives the same result on every run.
///
/// Why: in rounds with places short everywhere most municipalities have one to three places, and
/// whole households leave some of them empty. The value per person hardly depends on the
/// municipality, so the optimum is mostly a packing: the few single persons belong in the
/// one-place municipalities, larger households in the larger ones. Moves of one or two
/// households (`LocalSearch`) cannot reach that; day 140 of spring-surge stayed 4 % below
/// HiGHS' best with 63 single places empty.
struct RepackSearch {
    /// Knapsack table cells (items × capacity) per repack at most; the least valuable unplaced
    /// households per person are left out beyond it.
    static let maximumCells = 250_000

    let batch: MatchingBatch
    let dims: [CapacityDimension]
    private(set) var placement: [Int?]
    private var room: Room
    private let sizes: [Int]
    private let hasDemand: [Bool]
    private var members: [[Int]]
    /// Per household, the municipalities whose pool it joins while unplaced.
    private let eligible: [[Int]]
    /// Per municipality, the unplaced households that may go there, ascending: kept up to date
    /// move by move (rebuilding every pool after each move took 5 % of a spring-surge year).
    private var pools: [[Int]]
    /// Per municipality, bounds on the repacks around a household of each size (`PackBound`).
    private var packBounds: [[PackBound]]
    /// Whether the last `repack` left households out for the dimensions.
    private var leftOutForDimensions = false
    /// Packs every bound afresh after each move instead of keeping them: the tests' reference,
    /// which must reach the same placement.
    var freshBounds = false
    /// For the tests: after each move, packs every kept bound's repack afresh and counts those
    /// it was below.
    var checkingBounds = false
    private(set) var boundsChecked = 0
    private(set) var boundsBelow = 0
    /// Pools that differ from a fresh filter of the waiting households.
    private(set) var poolsWrong = 0

    private mutating func checkBounds() {
        let H = batch.householdCount
        for m in pools.indices {
            let fresh = (0..<H).filter { placement[$0] == nil && sizes[$0] <= batch.capacity[m] && value($0, m) > 0 }
            if pools[m] != fresh { poolsWrong += 1 }
        }
        for m in packBounds.indices {
            for known in packBounds[m] {
                let fresh = repack(m, reserve: known.reserve).value
                let kept = known.fresh ? known.value : known.bound + 1e-9 * max(1, abs(known.bound))
                boundsChecked += 1
                if kept < fresh - minimumGain { boundsBelow += 1 }
            }
        }
    }

    /// An upper bound on `m`'s repacks around a household of size `reserve`, kept valid from move
    /// to move: packing them afresh after every move took a fifth of a spring-surge year (20 % of
    /// its samples; 5 % kept).
    private struct PackBound {
        let reserve: Int
        /// The best repack with room kept for `reserve` persons and no household excluded, when
        /// packed; and the values of the households unplaced since (a knapsack gains at most the
        /// values of its new items).
        var value: Double
        var added: Double
        /// Packed with the pool as it is: no household has joined or left it since.
        var fresh = true
        /// Per capacity up to the one left, the best pack of every candidate, dimensions aside;
        /// a household unplaced since joins it in place.
        var table: [Double]

        /// Valid while `m`'s own households stay and no household with a demand leaves its pool
        /// (that could let the others with a demand in; `place` drops the bounds then).
        var bound: Double { min(value + added, table[table.count - 1]) }

        mutating func add(size: Int, worth: Double) {
            fresh = false
            added += worth
            var c = table.count - 1
            while c >= size {
                table[c] = max(table[c], table[c - size] + worth)
                c -= 1
            }
        }
    }
    private let minimumGain: Double
    /// The values municipality by municipality (m × H): a repack reads one municipality's column,
    /// which in the row-major batch is one cache miss per household.
    private let byMunicipality: [Double]
    /// The knapsack table and its items' weights and values, kept from repack to repack.
    private var table = KnapsackTable()
    private var weights: [Int] = []
    private var worths: [Double] = []
    /// Per dimension, the candidates' demand (with `forced`'s) in a repack: all, and its own only.
    /// Kept from repack to repack so that summing them allocates nothing.
    private var allDemand: [Int]
    private var ownDemand: [Int]

    init(_ batch: MatchingBatch, dimensions dims: [CapacityDimension], placement: [Int?]) {
        self.batch = batch
        self.dims = dims
        self.placement = placement
        allDemand = [Int](repeating: 0, count: dims.count)
        ownDemand = allDemand
        sizes = batch.households.map(\.size)
        hasDemand = (0..<batch.householdCount).map { h in dims.contains { $0.demand[h] > 0 } }
        var room = Room(batch, dimensions: dims)
        var members = [[Int]](repeating: [], count: batch.municipalityCount)
        for (h, m) in placement.enumerated() {
            if let m {
                room.use(h, m)
                members[m].append(h)
            }
        }
        self.room = room
        self.members = members
        packBounds = Array(repeating: [], count: batch.municipalityCount)
        let scale = batch.value.reduce(0.0) { $1.isFinite ? max($0, abs($1)) : $0 }
        minimumGain = 1e-9 * max(1, scale)
        let H = batch.householdCount
        let M = batch.municipalityCount
        var byMunicipality = [Double](repeating: -.infinity, count: H * M)
        for h in 0..<H {
            for m in 0..<M { byMunicipality[m * H + h] = batch.value[h * M + m] }
        }
        self.byMunicipality = byMunicipality
        let sizes = sizes
        eligible = (0..<H).map { h in
            (0..<M).filter { m in sizes[h] <= batch.capacity[m] && byMunicipality[m * H + h] > 0 }
        }
        var pools = [[Int]](repeating: [], count: M)
        for h in 0..<H where placement[h] == nil {
            for m in eligible[h] { pools[m].append(h) }
        }
        self.pools = pools
    }

    @inline(__always) private func value(_ h: Int, _ m: Int) -> Double {
        byMunicipality[m * batch.householdCount + h]
    }

    var objective: Double {
        placement.enumerated().reduce(0.0) { total, entry in
            total + (entry.element.map { batch.value(entry.offset, $0) } ?? 0)
        }
    }

    private func current(_ m: Int) -> Double { members[m].reduce(0.0) { $0 + value($1, m) } }

    /// `h` leaves its municipality unplaced: it joins the pools and their pack bounds.
    private mutating func unplace(_ h: Int) {
        placement[h] = nil
        for m in eligible[h] {
            pools[m].insert(h, at: Self.position(of: h, in: pools[m]))
            let worth = value(h, m)
            for i in packBounds[m].indices { packBounds[m][i].add(size: sizes[h], worth: worth) }
        }
    }

    /// `h` goes to `m`; if it was unplaced it leaves the pools. Their pack bounds stay bounds,
    /// unless `h` had a demand: without it the others with a demand may fit together.
    private mutating func place(_ h: Int, _ m: Int) {
        if placement[h] == nil {
            for other in eligible[h] {
                let at = Self.position(of: h, in: pools[other])
                if at < pools[other].count && pools[other][at] == h { pools[other].remove(at: at) }
                if hasDemand[h] {
                    packBounds[other].removeAll(keepingCapacity: true)
                } else {
                    for i in packBounds[other].indices { packBounds[other][i].fresh = false }
                }
            }
        }
        placement[h] = m
    }

    /// The first index of `list` (ascending) not below `h`.
    private static func position(of h: Int, in list: [Int]) -> Int {
        var (low, high) = (0, list.count)
        while low < high {
            let middle = (low + high) / 2
            if list[middle] < h { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The best set for `m` among its households (but `leaving`) and the unplaced ones (but
    /// `excluded`), with room kept for `forced`; its value without `forced`'s.
    private mutating func repack(
        _ m: Int, without leaving: Int? = nil, forced: Int? = nil, excluded: [Int] = [], reserve: Int = 0
    ) -> (value: Double, chosen: [Int]) {
        let capacity = batch.capacity[m] - (forced.map { sizes[$0] } ?? 0) - reserve
        if capacity < 0 { return (-.infinity, []) }
        // The knapsack tracks persons only, so households with a demand join only as a group
        // that fits every dimension together (with `forced`): any subset of it fits too. All of
        // them if they do, else the current ones, else none. One pass over the candidates (its
        // own households but `leaving`, the unplaced ones but `leaving` and `excluded`) sums them.
        let unplaced = pools[m]
        let K = dims.count
        var forcedFits = true
        for k in 0..<K {
            let forcedDemand = forced.map { dims[k].demand[$0] } ?? 0
            allDemand[k] = forcedDemand
            ownDemand[k] = forcedDemand
            forcedFits = forcedFits && forcedDemand <= dims[k].capacity[m]
        }
        for h in members[m] where h != leaving && hasDemand[h] {
            for k in 0..<K {
                allDemand[k] += dims[k].demand[h]
                ownDemand[k] += dims[k].demand[h]
            }
        }
        for h in unplaced where hasDemand[h] && h != leaving && !excluded.contains(h) {
            for k in 0..<K { allDemand[k] += dims[k].demand[h] }
        }
        func fits(_ demand: [Int]) -> Bool { (0..<K).allSatisfy { demand[$0] <= dims[$0].capacity[m] } }
        let othersWithDemand = fits(allDemand)
        leftOutForDimensions = !othersWithDemand
        let ownWithDemand = othersWithDemand || fits(ownDemand)
        if !ownWithDemand && !forcedFits { return (-.infinity, []) }
        var items = members[m].filter { $0 != leaving && (ownWithDemand || !hasDemand[$0]) }
        var plain = unplaced.filter {
            $0 != leaving && sizes[$0] <= capacity && (othersWithDemand || !hasDemand[$0]) && !excluded.contains($0)
        }
        let width = capacity + 1
        let slots = max(0, Self.maximumCells / width - items.count)
        if plain.count > slots {
            plain.sort {
                let a = value($0, m) / Double(sizes[$0])
                let b = value($1, m) / Double(sizes[$1])
                return a != b ? a > b : $0 < $1
            }
            plain.removeLast(plain.count - slots)
        }
        items += plain
        weights.removeAll(keepingCapacity: true)
        worths.removeAll(keepingCapacity: true)
        for h in items {
            weights.append(sizes[h])
            worths.append(value(h, m))
        }
        let packed = weights.withUnsafeBufferPointer { weight in
            worths.withUnsafeBufferPointer { table.pack(weight: weight, worth: $0, capacity: capacity) }
        }
        return (packed, table.chosen.map { items[$0] })
    }

    /// At least what `repack(m, forced: g, excluded: …)` can be worth for any household g of
    /// size `reserve`: its candidates are a superset (none excluded, no demand of g's to fit).
    /// Only where the candidates fit the table uncut (`repacksAtMost` checks), else it would not be.
    private mutating func packBound(_ m: Int, reserve: Int) -> Double {
        let width = batch.capacity[m] - reserve + 1
        let value = repack(m, reserve: reserve).value
        // The table of every candidate: the repack's own unless it left some out.
        if leftOutForDimensions {
            weights.removeAll(keepingCapacity: true)
            worths.removeAll(keepingCapacity: true)
            for h in members[m] + pools[m] where sizes[h] < width {
                weights.append(sizes[h])
                worths.append(self.value(h, m))
            }
            _ = weights.withUnsafeBufferPointer { weight in
                worths.withUnsafeBufferPointer { table.pack(weight: weight, worth: $0, capacity: width - 1) }
            }
        }
        let entry = PackBound(reserve: reserve, value: value, added: 0, table: table.bestByCapacity)
        if let i = packBounds[m].firstIndex(where: { $0.reserve == reserve }) {
            packBounds[m][i] = entry
        } else {
            packBounds[m].append(entry)
        }
        return value
    }

    /// Whether every repack of `m` around a household of size `reserve` leaves `gain(bound)` at
    /// most `best`, by the bound `packBound` would pack now. A kept bound is at least that one
    /// (a knapsack gains at most the values of its new items) and is tried first; only where it
    /// does not settle the question is the bound packed again. So the answers are those of a
    /// bound packed afresh after every move, at a fraction of the packs.
    private mutating func repacksAtMost(
        _ m: Int, reserve: Int, best: Double, gain: (Double) -> Double
    ) -> Bool {
        // No bound where the candidates might be cut to the table's size, kept or packed.
        let width = batch.capacity[m] - reserve + 1
        guard width > 0, members[m].count + pools[m].count <= Self.maximumCells / width else { return false }
        if let known = packBounds[m].first(where: { $0.reserve == reserve }) {
            if known.fresh { return gain(known.value) <= best }
            // A hair above: sums in another order could round above it.
            let loose = known.bound
            if gain(loose + 1e-9 * max(1, abs(loose))) <= best { return true }
        }
        return gain(packBound(m, reserve: reserve)) <= best
    }

    /// `m` takes `chosen`; its other households leave (unplaced).
    private mutating func apply(_ m: Int, _ chosen: [Int]) {
        packBounds[m].removeAll(keepingCapacity: true)
        let leaving = members[m].filter { !chosen.contains($0) }
        for h in members[m] { room.release(h, m) }
        members[m] = chosen
        for h in chosen {
            room.use(h, m)
            place(h, m)
        }
        for h in leaving { unplace(h) }
        if checkingBounds { checkBounds() }
        if freshBounds {
            for i in packBounds.indices { packBounds[i].removeAll(keepingCapacity: true) }
        }
    }

    /// Runs passes until one finds no improving move or `passes` have run; returns the moves made.
    @discardableResult
    mutating func run(passes: Int) -> Int {
        let H = batch.householdCount
        let M = batch.municipalityCount
        var moves = 0
        for _ in 0..<passes {
            var improved = false
            // A municipality with room left, repacked as it stands.
            for m in 0..<M where room.persons[m] > 0 {
                let packed = repack(m, without: nil)
                if packed.value > current(m) + minimumGain {
                    apply(m, packed.chosen)
                    moves += 1
                    improved = true
                }
            }
            // A household moves to another municipality, which is repacked around it unless it
            // has room already, and the municipality it left is repacked.
            for g in 0..<H {
                guard let from = placement[g] else { continue }
                let left = repack(from, without: g)
                let base = left.value - current(from)
                var chosen: (to: Int, gain: Double, packed: [Int]?)? = nil
                for m in 0..<M where m != from && batch.isAllowed(g, m) && sizes[g] <= batch.capacity[m] {
                    let value = batch.value(g, m)
                    if room.fits(g, m) {
                        let gain = base + value
                        if gain > (chosen?.gain ?? minimumGain) { chosen = (m, gain, nil) }
                        continue
                    }
                    // Making room in m means displacing someone, so a repack is tried only where
                    // g's move alone would beat the best so far (heuristic: saves most knapsacks).
                    if base + value <= (chosen?.gain ?? minimumGain) { continue }
                    let present = current(m)
                    if repacksAtMost(
                        m, reserve: sizes[g], best: chosen?.gain ?? minimumGain,
                        gain: { bound in
                            base + value + bound - present
                        })
                    {
                        continue
                    }
                    let packed = repack(m, forced: g, excluded: left.chosen)
                    let gain = base + value + packed.value - present
                    if gain > (chosen?.gain ?? minimumGain) { chosen = (m, gain, packed.chosen) }
                }
                guard let chosen else { continue }
                // g goes from one to the other directly, never through the pools.
                members[from].removeAll { $0 == g }
                room.release(g, from)
                apply(from, left.chosen)
                if let packed = chosen.packed {
                    apply(chosen.to, packed + [g])
                } else {
                    packBounds[chosen.to].removeAll(keepingCapacity: true)
                    room.use(g, chosen.to)
                    placement[g] = chosen.to
                    members[chosen.to].append(g)
                    if checkingBounds { checkBounds() }
                }
                moves += 1
                improved = true
            }
            if !improved { break }
        }
        return moves
    }
}
