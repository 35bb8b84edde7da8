// SPDX-License-Identifier: GPL-3.0-or-later

/// Improves an integer placement by local moves while persons and every dimension still fit:
/// a household moves to another municipality (or from none to one), an unplaced household
/// takes a placed one's place, which then goes out, or two placed households swap
/// municipalities. Each accepted move raises the value, so the search ends; the order of
/// trials is fixed, so the result is the same on every run.
///
/// Why: where a dimension is scarce (a few large dwellings, minors' places), LP diving and the
/// repair MIP leave batches 0.2–3 % below the optimum (HiGHS on exported Norway-like rounds),
/// and GLPK's branch and cut made no progress on them within a minute. Most of that is a few
/// scarce places held by the wrong households, which these moves fix.
struct LocalSearch {
    let batch: MatchingBatch
    let dims: [CapacityDimension]
    private(set) var placement: [Int?]
    private var room: Room
    private let minimumGain: Double

    init(_ batch: MatchingBatch, dimensions dims: [CapacityDimension], placement: [Int?]) {
        self.batch = batch
        self.dims = dims
        self.placement = placement
        room = Room(batch, dimensions: dims)
        for (h, m) in placement.enumerated() { if let m { room.use(h, m) } }
        let scale = batch.value.reduce(0.0) { $1.isFinite ? max($0, abs($1)) : $0 }
        minimumGain = 1e-9 * max(1, scale)
    }

    /// The batch's values municipality by municipality (entry m × households + h), for the pairs.
    private var byColumn: [Double] {
        let H = batch.householdCount
        let M = batch.municipalityCount
        var column = [Double](repeating: 0, count: H * M)
        for h in 0..<H { for m in 0..<M { column[m * H + h] = batch.value(h, m) } }
        return column
    }

    var objective: Double {
        placement.enumerated().reduce(0.0) { total, entry in
            total + (entry.element.map { batch.value(entry.offset, $0) } ?? 0)
        }
    }

    private func value(_ h: Int, _ m: Int?) -> Double { m.map { batch.value(h, $0) } ?? 0 }

    private func fits(_ h: Int, _ m: Int, replacing leaving: Int? = nil) -> Bool {
        batch.isAllowed(h, m) && room.fits(h, m, replacing: leaving)
    }

    private mutating func take(_ h: Int, _ m: Int?) {
        if let old = placement[h] { room.release(h, old) }
        if let m { room.use(h, m) }
        placement[h] = m
    }

    /// Which households try pair moves after the single moves of a pass.
    enum Pairs {
        case every
        /// Only those without a place: about unplaced × households a pass.
        case unplaced
        case none
    }

    /// Runs passes until one finds no improving move or `passes` have run; returns the moves made.
    /// Single moves cost O(households × municipalities) a pass; pairs for every household about
    /// households² (15 s a pass at 15,000 households before the values were read by column),
    /// hence `pairs`.
    @discardableResult
    mutating func run(passes: Int, pairs: Pairs = .every) -> Int {
        let H = batch.householdCount
        let M = batch.municipalityCount
        var moves = 0
        // g's values by municipality for the pairs: the g of one m are scattered over the batch's
        // rows, and reading them there missed the cache for almost every g (71 % of a 15k pass).
        // Made when first needed: H × M doubles.
        var column: [Double] = []
        for _ in 0..<passes {
            var improved = false
            // Single moves: each household to its best municipality that fits as things stand.
            for h in 0..<H {
                var best = value(h, placement[h]) + minimumGain
                // .some(nil): out of the batch, for a pairing worth less than nothing (a large
                // distance penalty, say).
                var target: Int?? = nil
                if placement[h] != nil && best < 0 {
                    best = 0
                    target = .some(nil)
                }
                for m in 0..<M where m != placement[h] && batch.value(h, m) > best && fits(h, m) {
                    best = batch.value(h, m)
                    target = m
                }
                if let target {
                    take(h, target)
                    moves += 1
                    improved = true
                }
            }
            guard pairs == .every || (pairs == .unplaced && placement.contains(nil)) else {
                if !improved { break }
                continue
            }
            if column.isEmpty { column = byColumn }
            // Pairs: h takes g's place at m, and g moves to h's old municipality if it fits there
            // (or out); covers swaps between two municipalities and ejections of placed households.
            var byMunicipality = placement.householdsByMunicipality(M)
            for h in 0..<H where pairs == .every || placement[h] == nil {
                let from = placement[h]
                let current = value(h, from)
                for m in 0..<M where m != from && batch.value(h, m) > current {
                    var chosen: (g: Int, toFrom: Bool, gain: Double)? = nil
                    for g in byMunicipality[m] where placement[g] == m {
                        // g leaves m for h's old municipality if it fits there, else goes out.
                        let back = from.map { column[$0 * H + g] } ?? -.infinity
                        let base = batch.value(h, m) - current - column[m * H + g]
                        let least = chosen?.gain ?? minimumGain
                        // At most this with g back at h's old municipality: not enough, and the
                        // room need not be asked.
                        if base + max(0, back) <= least { continue }
                        let toFrom = back > -.infinity && room.fits(g, from!, replacing: h)
                        let gain = base + (toFrom ? back : 0)
                        guard gain > least, fits(h, m, replacing: g) else { continue }
                        chosen = (g, toFrom, gain)
                    }
                    if let chosen {
                        take(chosen.g, nil)
                        take(h, m)
                        take(chosen.g, chosen.toFrom ? from : nil)
                        byMunicipality[m].append(h)
                        if chosen.toFrom, let from { byMunicipality[from].append(chosen.g) }
                        moves += 1
                        improved = true
                        break
                    }
                }
            }
            if !improved { break }
        }
        return moves
    }
}
