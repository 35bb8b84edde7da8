// SPDX-License-Identifier: GPL-3.0-or-later

/// `KnapsackItems.pack` (dominated items left out, items in order, a cell improved only when
/// strictly better: the same value and the same chosen set) over buffers kept from pack to pack.
/// The knapsack bound packs every municipality at every subgradient step; allocating a table, a
/// list per weight and closures for each pack took about as long as the packing itself.
struct KnapsackTable {
    private var best: [Double] = []
    private var keep: [Bool] = []
    private var kept: [Int] = []
    private var count: [Int] = []
    private var offset: [Int] = []
    private var filled: [Int] = []
    /// Per weight with more items than capacity / weight: the largest values so far, ascending.
    private var top: [Double] = []
    /// The items chosen by the last `pack`, last first (as `KnapsackItems.pack` lists them).
    private(set) var chosen: [Int] = []

    /// The best value of items `0..<weight.count` within `capacity`; the items in `chosen`.
    mutating func pack(weight: UnsafeBufferPointer<Int>, worth: UnsafeBufferPointer<Double>, capacity: Int) -> Double {
        chosen.removeAll(keepingCapacity: true)
        kept.removeAll(keepingCapacity: true)
        guard capacity > 0 else { return 0 }
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
                // After the values equal to v, as `KnapsackItems.undominated` inserts.
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

    private static func reset<T>(_ buffer: inout [T], to value: T, size: Int) {
        if buffer.count < size {
            buffer = [T](repeating: value, count: size)
        } else {
            for i in 0..<size { buffer[i] = value }
        }
    }
}
