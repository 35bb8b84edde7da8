// SPDX-License-Identifier: GPL-3.0-or-later

/// The 0/1 knapsack of the knapsack bound and the repack search: items in order, a cell improved
/// only when strictly better, over buffers kept from pack to pack. The knapsack bound packs every
/// municipality at every subgradient step; allocating a table, a list per weight and closures for
/// each pack took about as long as the packing itself.
///
/// Dominated items are left out first: an item of weight w after capacity / w items of the same
/// weight worth at least as much. Any set using it leaves one of those out, and swapping it in is
/// worth as much, so the table never improves on it and the chosen set is the same without it. In
/// a round with one to three places a municipality, this leaves a handful of the hundreds of
/// waiting households.
struct KnapsackTable {
    private var best: [Double] = []
    private var keep: [Bool] = []
    private var count: [Int] = []
    private var offset: [Int] = []
    private var filled: [Int] = []
    /// Per weight with more items than capacity / weight: the largest values so far, ascending.
    private var top: [Double] = []
    /// The items the last `pack` put in its table, in order (all of them when not `pruned`).
    private(set) var kept: [Int] = []
    /// The items chosen by the last `pack`, last first.
    private(set) var chosen: [Int] = []
    /// The capacity of the last `pack`.
    private var packed = 0

    /// The last `pack`'s best value within each capacity up to its own (the table's last row):
    /// the same with the dominated items left in, which are dominated at every smaller capacity too.
    var bestByCapacity: [Double] { packed > 0 ? Array(best[0...packed]) : [0] }

    /// The best value of items `0..<weight.count` within `capacity`; the items in `chosen`.
    /// `pruned: false` leaves the dominated items in, which changes neither.
    mutating func pack(
        weight: UnsafeBufferPointer<Int>, worth: UnsafeBufferPointer<Double>, capacity: Int, pruned: Bool = true
    ) -> Double {
        chosen.removeAll(keepingCapacity: true)
        kept.removeAll(keepingCapacity: true)
        packed = capacity
        guard capacity > 0 else { return 0 }
        let n = weight.count
        if pruned { prune(weight: weight, worth: worth, capacity: capacity) } else { kept.append(contentsOf: 0..<n) }
        let width = capacity + 1
        Self.reset(&best, to: 0, size: width)
        Self.reset(&keep, to: false, size: kept.count * width)
        best.withUnsafeMutableBufferPointer { best in
            keep.withUnsafeMutableBufferPointer { keep in
                for (row, i) in kept.enumerated() {
                    let w = weight[i]
                    let v = worth[i]
                    let cells = row * width
                    var c = capacity
                    while c >= w {
                        let with = best[c - w] + v
                        if with > best[c] {
                            best[c] = with
                            keep[cells + c] = true
                        }
                        c -= 1
                    }
                }
                var c = capacity
                for row in stride(from: kept.count - 1, through: 0, by: -1) where keep[row * width + c] {
                    chosen.append(kept[row])
                    c -= weight[kept[row]]
                }
            }
        }
        return best[capacity]
    }

    /// Fills `kept` with the items that are not dominated, in order.
    private mutating func prune(weight: UnsafeBufferPointer<Int>, worth: UnsafeBufferPointer<Double>, capacity: Int) {
        let n = weight.count
        Self.reset(&count, to: 0, size: capacity + 1)
        for i in 0..<n where weight[i] > 0 && weight[i] <= capacity { count[weight[i]] += 1 }
        // Only a weight with more items than fit can have a dominated one.
        Self.reset(&offset, to: -1, size: capacity + 1)
        Self.reset(&filled, to: 0, size: capacity + 1)
        var slots = 0
        for w in 1...capacity where count[w] > capacity / w {
            offset[w] = slots
            slots += capacity / w
        }
        if top.count < slots { top = [Double](repeating: 0, count: slots) }
        top.withUnsafeMutableBufferPointer { top in
            for i in 0..<n {
                let w = weight[i]
                if w <= 0 || w > capacity { continue }
                let start = offset[w]
                if start < 0 {
                    kept.append(i)
                    continue
                }
                let v = worth[i]
                let limit = capacity / w
                var size = filled[w]
                if size == limit {
                    if top[start] >= v { continue }
                    for j in 0..<(size - 1) { top[start + j] = top[start + j + 1] }
                    size -= 1
                }
                // After the values equal to v: the earliest of equal values stay.
                var at = size
                while at > 0 && top[start + at - 1] > v {
                    top[start + at] = top[start + at - 1]
                    at -= 1
                }
                top[start + at] = v
                filled[w] = size + 1
                kept.append(i)
            }
        }
    }

    private static func reset<T>(_ buffer: inout [T], to value: T, size: Int) {
        if buffer.count < size {
            buffer = [T](repeating: value, count: size)
        } else {
            for i in 0..<size { buffer[i] = value }
        }
    }
}
