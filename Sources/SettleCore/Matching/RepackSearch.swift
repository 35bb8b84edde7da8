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
    private let minimumGain: Double

    init(_ batch: MatchingBatch, dimensions dims: [CapacityDimension], placement: [Int?]) {
        self.batch = batch
        self.dims = dims
        self.placement = placement
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
        let scale = batch.value.reduce(0.0) { $1.isFinite ? max($0, abs($1)) : $0 }
        minimumGain = 1e-9 * max(1, scale)
    }

    var objective: Double {
        placement.enumerated().reduce(0.0) { total, entry in
            total + (entry.element.map { batch.value(entry.offset, $0) } ?? 0)
        }
    }

    private func current(_ m: Int) -> Double { members[m].reduce(0.0) { $0 + batch.value($1, m) } }

    /// The best set for `m` among its households (but `leaving`) and the unplaced ones, with its value.
    private func repack(_ m: Int, without leaving: Int?) -> (value: Double, chosen: [Int]) {
        let capacity = batch.capacity[m]
        var items = members[m].filter { $0 != leaving }
        var plain: [Int] = []
        var demanding: [Int] = []
        for h in 0..<batch.householdCount where placement[h] == nil && h != leaving {
            guard sizes[h] <= capacity, batch.isAllowed(h, m), batch.value(h, m) > 0 else { continue }
            if hasDemand[h] { demanding.append(h) } else { plain.append(h) }
        }
        // Any subset of the current households fits every dimension; unplaced households with a
        // demand join only if all of them together fit too, so the knapsack need not track dimensions.
        if !demanding.isEmpty {
            let fitsAll = dims.indices.allSatisfy { k in
                (items + demanding).reduce(0) { $0 + dims[k].demand[$1] } <= dims[k].capacity[m]
            }
            if fitsAll { plain += demanding }
        }
        let width = capacity + 1
        let slots = max(0, Self.maximumCells / width - items.count)
        if plain.count > slots {
            plain.sort {
                let a = batch.value($0, m) / Double(sizes[$0])
                let b = batch.value($1, m) / Double(sizes[$1])
                return a != b ? a > b : $0 < $1
            }
            plain.removeLast(plain.count - slots)
        }
        items += plain
        var best = [Double](repeating: 0, count: width)
        var keep = [Bool](repeating: false, count: items.count * width)
        for (i, h) in items.enumerated() {
            let weight = sizes[h]
            let value = batch.value(h, m)
            var c = capacity
            while c >= weight {
                let with = best[c - weight] + value
                if with > best[c] {
                    best[c] = with
                    keep[i * width + c] = true
                }
                c -= 1
            }
        }
        var chosen: [Int] = []
        var c = capacity
        for i in stride(from: items.count - 1, through: 0, by: -1) where keep[i * width + c] {
            chosen.append(items[i])
            c -= sizes[items[i]]
        }
        return (best[capacity], chosen)
    }

    /// `m` takes `chosen`; its other households leave (unplaced).
    private mutating func apply(_ m: Int, _ chosen: [Int]) {
        for h in members[m] {
            room.release(h, m)
            placement[h] = nil
        }
        members[m] = chosen
        for h in chosen {
            room.use(h, m)
            placement[h] = m
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
            // A household moves to room left elsewhere and its municipality is repacked.
            for g in 0..<H {
                guard let from = placement[g] else { continue }
                var target: Int? = nil
                var best = -Double.infinity
                for m in 0..<M where m != from && room.persons[m] >= sizes[g] && batch.value(g, m) > best {
                    if batch.isAllowed(g, m) && room.fits(g, m) {
                        best = batch.value(g, m)
                        target = m
                    }
                }
                guard let to = target else { continue }
                let packed = repack(from, without: g)
                if best + packed.value > current(from) + minimumGain {
                    members[from].removeAll { $0 == g }
                    room.release(g, from)
                    placement[g] = nil
                    apply(from, packed.chosen)
                    room.use(g, to)
                    placement[g] = to
                    members[to].append(g)
                    moves += 1
                    improved = true
                }
            }
            if !improved { break }
        }
        return moves
    }
}
