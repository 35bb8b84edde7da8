// SPDX-License-Identifier: GPL-3.0-or-later

import Testing

@testable import SettleCore

@Suite struct KnapsackTableTests {
    /// One pack of items `0..<weight.count`: its value, chosen set and the items it kept.
    func pack(
        _ table: inout KnapsackTable, weight: [Int], worth: [Double], capacity: Int, pruned: Bool = true
    ) -> (value: Double, chosen: [Int], kept: [Int]) {
        let value = weight.withUnsafeBufferPointer { weight in
            worth.withUnsafeBufferPointer { table.pack(weight: weight, worth: $0, capacity: capacity, pruned: pruned) }
        }
        return (value, table.chosen, table.kept)
    }

    /// The full table, on a table of its own: what pruning and reuse must not change.
    func full(weight: [Int], worth: [Double], capacity: Int) -> (value: Double, chosen: [Int]) {
        var table = KnapsackTable()
        let packed = pack(&table, weight: weight, worth: worth, capacity: capacity, pruned: false)
        return (packed.value, packed.chosen)
    }

    /// Leaving the dominated items out changes neither the value nor the chosen set, ties included
    /// (values on a coarse grid, so many items are worth the same).
    @Test(arguments: 1...6)
    func prunedTableChoosesTheSameSet(capacity: Int) {
        var random = SplitMix64(seed: UInt64(capacity))
        var table = KnapsackTable()
        var pruned = 0
        for _ in 0..<200 {
            let count = Int(random.next() % 40)
            let weight = (0..<count).map { _ in 1 + Int(random.next() % 5) }
            let worth = (0..<count).map { _ in Double(Int(random.next() % 7) - 1) }
            let small = pack(&table, weight: weight, worth: worth, capacity: capacity)
            pruned += count - small.kept.count
            let all = full(weight: weight, worth: worth, capacity: capacity)
            #expect(all.value == small.value)
            #expect(all.chosen == small.chosen)
        }
        #expect(pruned > 1_000)
    }

    /// What is left: at most capacity / w items of each weight w that fits, the best ones.
    @Test func keepsTheBestOfEachWeight() {
        var table = KnapsackTable()
        let weight = [1, 1, 1, 2, 2, 1, 4, 1, 2]
        let worth = [3.0, 5, 1, 2, 6, 4, 9, 3, 6]
        // Weight 1: 3, 5, 1 fill the three; 4 beats the lowest (1); the last 3 ties the lowest left.
        // Weight 2: 2, then 6 beats it, and the second 6 only ties. Weight 4 never fits.
        #expect(pack(&table, weight: weight, worth: worth, capacity: 3).kept == [0, 1, 2, 3, 4, 5])
        #expect(pack(&table, weight: [1, 1], worth: [1, 1], capacity: 0).kept.isEmpty)
    }

    /// With buffers kept from pack to pack: the same value and the same chosen set as the full
    /// table, ties included, whatever the packs before it left behind.
    @Test func reusedTableChoosesTheSameSet() {
        var random = SplitMix64(seed: 14)
        var table = KnapsackTable()
        var chosen = 0
        for trial in 0..<2_000 {
            let capacity = trial % 3 == 0 ? Int(random.next() % 40) : 1 + Int(random.next() % 6)
            let count = Int(random.next() % 60)
            let weight = (0..<count).map { _ in 1 + Int(random.next() % 5) }
            let worth = (0..<count).map { _ in Double(Int(random.next() % 7) + 1) / 2 }
            let all = full(weight: weight, worth: worth, capacity: capacity)
            let reused = pack(&table, weight: weight, worth: worth, capacity: capacity)
            #expect(reused.value == all.value)
            #expect(reused.chosen == all.chosen)
            chosen += all.chosen.count
        }
        #expect(chosen > 5_000)
    }
}
