// SPDX-License-Identifier: GPL-3.0-or-later

/// Items a 0/1 knapsack table (items in order, a cell improved only when strictly better) can leave out.
enum KnapsackItems {
    /// The items, in order, without those the knapsack could never take: an item of weight w
    /// after capacity / w items of the same weight worth at least as much. Any set using it
    /// leaves one of those out, and swapping it in is worth as much, so the table never improves
    /// on it and the chosen set is the same without it. In a round with one to three places a
    /// municipality, this leaves a handful of the hundreds of waiting households.
    static func undominated(
        _ items: [Int], capacity: Int, weight: (Int) -> Int, worth: (Int) -> Double
    ) -> [Int] {
        guard capacity > 0 else { return [] }
        // Per weight, the largest values so far, ascending, at most capacity / weight of them.
        var top = [[Double]](repeating: [], count: capacity + 1)
        var kept: [Int] = []
        kept.reserveCapacity(min(items.count, 64))
        for item in items {
            let w = weight(item)
            if w > capacity || w <= 0 { continue }
            let v = worth(item)
            let limit = capacity / w
            if top[w].count == limit {
                if top[w][0] >= v { continue }
                top[w].removeFirst()
            }
            let at = top[w].firstIndex { $0 > v } ?? top[w].count
            top[w].insert(v, at: at)
            kept.append(item)
        }
        return kept
    }

    /// The 0/1 knapsack over `items` in order (a cell improved only when strictly better): the
    /// best value within `capacity` and the items chosen, last first. `pruned` leaves the
    /// dominated items out first, which changes neither.
    static func pack(
        _ items: [Int], capacity: Int, weight: (Int) -> Int, worth: (Int) -> Double, pruned: Bool = true
    ) -> (value: Double, chosen: [Int]) {
        guard capacity >= 0 else { return (0, []) }
        let items = pruned ? undominated(items, capacity: capacity, weight: weight, worth: worth) : items
        let width = capacity + 1
        var best = [Double](repeating: 0, count: width)
        var keep = [Bool](repeating: false, count: items.count * width)
        for (i, item) in items.enumerated() {
            let w = weight(item)
            let v = worth(item)
            var c = capacity
            while c >= w {
                let with = best[c - w] + v
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
            c -= weight(items[i])
        }
        return (best[capacity], chosen)
    }
}
