// SPDX-License-Identifier: GPL-3.0-or-later

import Synchronization
import Testing

@testable import SettleCore

/// Two pieces of work at once (`PairedWork`), and the knapsack bound split over two threads.
@Suite struct PairedWorkTests {
    @Test func eachPieceRunsOnceWhicheverThreadTakesIt() {
        let paired = PairedWork()
        defer { paired.stop() }
        var first = 0
        let second = Atomic<Int>(0)
        for _ in 0..<2_000 {
            paired.run({ first += 1 }, { second.add(1, ordering: .relaxed) })
        }
        #expect(first == 2_000)
        #expect(second.load(ordering: .relaxed) == 2_000)
    }

    @Test func aStoppedHelperLeavesTheSecondPieceToTheCaller() {
        let paired = PairedWork()
        paired.stop()
        var first = 0
        let second = Atomic<Int>(0)
        // Stopped at once, the helper may still claim the piece before it sees the stop; either
        // way each piece runs once and `run` returns.
        paired.run({ first += 1 }, { second.add(1, ordering: .relaxed) })
        #expect(first == 1)
        #expect(second.load(ordering: .relaxed) == 1)
    }

    /// The knapsack bound with its municipalities split over two threads: the same bound to the
    /// last bit, the same households taken and the same sets in the same order, at several prices.
    @Test(arguments: [11, 12] as [UInt64])
    func theKnapsackBoundIsTheSameOnTwoThreads(seed: UInt64) {
        let batch = ScarceRoundTests().scarceBatch(households: 400, municipalities: 60, seed: seed)
        let dims = batch.dimensions
        let profit = ColumnGenerationTests().profit(batch)
        let M = batch.municipalityCount
        let mu = (0..<(dims.count * M)).map { Double($0 % 7) * 0.05 }
        let knapsacks = KnapsackBound(batch, dimensions: dims, profit: profit, mu: mu)
        #expect(batch.householdCount * M >= KnapsackBound.pairedFrom)
        let paired = PairedWork()
        defer { paired.stop() }
        var sets = 0
        for scale in [0.0, 0.4, 0.8, 1.2] {
            let u = knapsacks.householdPrices(sinkPrice: [Double](repeating: scale, count: M))
            let serial = knapsacks.evaluate(u, collecting: true)
            let split = knapsacks.evaluate(u, collecting: true, paired: paired)
            #expect(split.bound.bitPattern == serial.bound.bitPattern)
            #expect(split.taken == serial.taken)
            #expect(split.sets == serial.sets)
            sets += serial.sets.count
        }
        #expect(sets > M)
    }
}
