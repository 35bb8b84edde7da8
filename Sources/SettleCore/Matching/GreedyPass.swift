// SPDX-License-Identifier: GPL-3.0-or-later

/// Places households one at a time on the capacity the others left: the best by reduced value
/// first, each at its best candidate that still fits. When this already brings the batch within
/// the gap tolerance, GLPK is not needed (its branch and cut can take seconds).
struct GreedyPass {
    /// Candidate municipalities per household in the repair, by reduced value.
    static let candidateCount = 25

    /// Per household (in the order given): the municipalities that fit it, best first, at most
    /// `candidateCount`.
    let candidates: [[Int]]
    /// (household, municipality) pairs placed.
    let placement: [(Int, Int)]
    /// Total value of `placement`.
    let value: Double

    init(_ batch: MatchingBatch, households: [Int], room: Room, reduced: ReducedValue) {
        let M = batch.municipalityCount
        var candidates: [[Int]] = []
        for h in households {
            let fitting = (0..<M).filter { m in batch.isAllowed(h, m) && room.fits(h, m) }
            let value = fitting.map { reduced(h, $0) }
            let order = fitting.indices.sorted { value[$0] != value[$1] ? value[$0] > value[$1] : $0 < $1 }
            candidates.append(order.prefix(Self.candidateCount).map { fitting[$0] })
        }
        var left = room
        var greedy: [(Int, Int)] = []
        var unplaced: [Int] = []
        var greedyValue = 0.0
        let order = households.indices.sorted { a, b in
            let x = candidates[a].first.map { reduced(households[a], $0) } ?? -.infinity
            let y = candidates[b].first.map { reduced(households[b], $0) } ?? -.infinity
            return x != y ? x > y : a < b
        }
        for i in order {
            let h = households[i]
            if let m = candidates[i].first(where: { left.fits(h, $0) }) {
                left.use(h, m)
                greedy.append((h, m))
                greedyValue += batch.value(h, m)
            } else {
                unplaced.append(h)
            }
        }
        // Nobody waits while a place that fits is free: past the candidates, any municipality will do.
        for h in unplaced {
            var best = -Double.infinity
            var target: Int? = nil
            for m in 0..<M where batch.isAllowed(h, m) && left.fits(h, m) {
                let value = reduced(h, m)
                if value > best {
                    best = value
                    target = m
                }
            }
            guard let m = target, batch.value(h, m) > 0 else { continue }
            left.use(h, m)
            greedy.append((h, m))
            greedyValue += batch.value(h, m)
        }
        self.candidates = candidates
        placement = greedy
        value = greedyValue
    }
}
