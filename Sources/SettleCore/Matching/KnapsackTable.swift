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
    /// Per weight 0...capacity, four runs of capacity + 1: the items of that weight, where its
    /// slots in `top` start (−1 for none), how many slots there are, and how many are filled.
    private var perWeight: [Int] = []
    /// Per weight with more items than capacity / weight: the largest values so far, ascending.
    private var top: [Double] = []
    /// The items the last `pack` put in its table, in order (all of them when not `pruned`): the
    /// first `keptCount`.
    private var keeping: [Int] = []
    private var keptCount = 0
    /// The items the last `pack` put in its table, in order.
    var kept: [Int] { Array(keeping[0..<keptCount]) }
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
        keptCount = 0
        packed = capacity
        guard capacity > 0 else { return 0 }
        let n = weight.count
        if keeping.count < n { keeping = [Int](repeating: 0, count: max(n, 2 * keeping.count)) }
        if pruned {
            prune(weight: weight, worth: worth, capacity: capacity)
        } else {
            keeping.withUnsafeMutableBufferPointer { keeping in
                for i in 0..<n { keeping[i] = i }
            }
            keptCount = n
        }
        let width = capacity + 1
        let rows = keptCount
        Self.reset(&best, to: 0, size: width)
        Self.reset(&keep, to: false, size: rows * width)
        // Raw buffers throughout: this runs for every municipality at every subgradient step, where
        // the arrays' bounds and uniqueness checks cost as much as the packing.
        best.withUnsafeMutableBufferPointer { best in
            keep.withUnsafeMutableBufferPointer { keep in
                keeping.withUnsafeBufferPointer { kept in
                    for row in 0..<rows {
                        let i = kept[row]
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
                    for row in stride(from: rows - 1, through: 0, by: -1) where keep[row * width + c] {
                        chosen.append(kept[row])
                        c -= weight[kept[row]]
                    }
                }
            }
        }
        return best[capacity]
    }

    /// Fills `kept` with the items that are not dominated, in order.
    private mutating func prune(weight: UnsafeBufferPointer<Int>, worth: UnsafeBufferPointer<Double>, capacity: Int) {
        let n = weight.count
        let width = capacity + 1
        Self.reset(&perWeight, to: 0, size: 4 * width)
        var slots = 0
        perWeight.withUnsafeMutableBufferPointer { runs in
            let count = runs.baseAddress!
            let offset = count + width
            let limit = offset + width
            for i in 0..<n where weight[i] > 0 && weight[i] <= capacity { count[weight[i]] += 1 }
            // Only a weight with more items than fit can have a dominated one.
            for w in 1...capacity {
                let fit = capacity / w
                limit[w] = fit
                if count[w] > fit {
                    offset[w] = slots
                    slots += fit
                } else {
                    offset[w] = -1
                }
            }
        }
        if top.count < slots { top = [Double](repeating: 0, count: slots) }
        var length = 0
        perWeight.withUnsafeMutableBufferPointer { runs in
            let offset = runs.baseAddress! + width
            let limits = offset + width
            let filled = limits + width
            top.withUnsafeMutableBufferPointer { top in
                self.keeping.withUnsafeMutableBufferPointer { keeping in
                    for i in 0..<n {
                        let w = weight[i]
                        if w <= 0 || w > capacity { continue }
                        let start = offset[w]
                        if start < 0 {
                            keeping[length] = i
                            length += 1
                            continue
                        }
                        let v = worth[i]
                        let limit = limits[w]
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
                        keeping[length] = i
                        length += 1
                    }
                }
            }
        }
        keptCount = length
    }

    private static func reset<T>(_ buffer: inout [T], to value: T, size: Int) {
        if buffer.count < size {
            buffer = [T](repeating: value, count: size)
        } else {
            buffer.withUnsafeMutableBufferPointer { buffer in
                for i in 0..<size { buffer[i] = value }
            }
        }
    }
}
