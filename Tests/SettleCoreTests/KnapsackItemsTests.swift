// SPDX-License-Identifier: GPL-3.0-or-later

import Testing

@testable import SettleCore

@Suite struct KnapsackItemsTests {
    /// The table the repack search and the knapsack bound use (`KnapsackItems.pack`), on every item:
    /// what pruning must not change.
    func table(_ items: [Int], capacity: Int, weight: [Int], worth: [Double]) -> (Double, [Int]) {
        let packed = KnapsackItems.pack(
            items, capacity: capacity, weight: { weight[$0] }, worth: { worth[$0] }, pruned: false)
        return (packed.value, packed.chosen)
    }

    /// Leaving the dominated items out changes neither the value nor the chosen set, ties included
    /// (values on a coarse grid, so many items are worth the same).
    @Test(arguments: 1...6)
    func prunedTableChoosesTheSameSet(capacity: Int) {
        var random = SplitMix64(seed: UInt64(capacity))
        var pruned = 0
        for _ in 0..<200 {
            let count = Int(random.next() % 40)
            let weight = (0..<count).map { _ in 1 + Int(random.next() % 5) }
            let worth = (0..<count).map { _ in Double(Int(random.next() % 7) - 1) }
            let items = Array(0..<count)
            let kept = KnapsackItems.undominated(
                items, capacity: capacity, weight: { weight[$0] }, worth: { worth[$0] })
            pruned += count - kept.count
            let full = table(items, capacity: capacity, weight: weight, worth: worth)
            let small = table(kept, capacity: capacity, weight: weight, worth: worth)
            #expect(full.0 == small.0)
            #expect(full.1 == small.1)
        }
        #expect(pruned > 1_000)
    }

    /// What is left: at most capacity / w items of each weight w that fits, the best ones.
    @Test func keepsTheBestOfEachWeight() {
        let weight = [1, 1, 1, 2, 2, 1, 4, 1, 2]
        let worth = [3.0, 5, 1, 2, 6, 4, 9, 3, 6]
        let kept = KnapsackItems.undominated(
            Array(0..<9), capacity: 3, weight: { weight[$0] }, worth: { worth[$0] })
        // Weight 1: 3, 5, 1 fill the three; 4 beats the lowest (1); the last 3 ties the lowest left.
        // Weight 2: 2, then 6 beats it, and the second 6 only ties. Weight 4 never fits.
        #expect(kept == [0, 1, 2, 3, 4, 5])
        #expect(KnapsackItems.undominated([0, 1], capacity: 0, weight: { _ in 1 }, worth: { _ in 1 }).isEmpty)
    }

    /// The knapsack bound's table with buffers kept from pack to pack: the same value and the same
    /// chosen set as the full table, ties included, whatever the packs before it left behind.
    @Test func reusedTableChoosesTheSameSet() {
        var random = SplitMix64(seed: 14)
        var packer = KnapsackTable()
        var chosen = 0
        for trial in 0..<2_000 {
            let capacity = trial % 3 == 0 ? Int(random.next() % 40) : 1 + Int(random.next() % 6)
            let count = Int(random.next() % 60)
            let weight = (0..<count).map { _ in 1 + Int(random.next() % 5) }
            let worth = (0..<count).map { _ in Double(Int(random.next() % 7) + 1) / 2 }
            let full = table(Array(0..<count), capacity: capacity, weight: weight, worth: worth)
            let value = weight.withUnsafeBufferPointer { weight in
                worth.withUnsafeBufferPointer { packer.pack(weight: weight, worth: $0, capacity: capacity) }
            }
            #expect(value == full.0)
            #expect(packer.chosen == full.1)
            chosen += full.1.count
        }
        #expect(chosen > 5_000)
    }
}
