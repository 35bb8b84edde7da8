// SPDX-License-Identifier: GPL-3.0-or-later

import Testing

@testable import SettleCore

@Suite struct RandomTests {
    /// Same seed, same draws; and the draws vary (a constant generator would pass the first check alone).
    @Test func sameSeedSameDrawsAndTheDrawsVary() {
        var a = SplitMix64(seed: 42)
        var b = SplitMix64(seed: 42)
        var seen = Set<UInt64>()
        for _ in 0..<100 {
            let x = a.next()
            #expect(x == b.next())
            seen.insert(x)
        }
        #expect(seen.count == 100)
        var other = SplitMix64(seed: 43)
        var again = SplitMix64(seed: 42)
        #expect(other.next() != again.next())
    }

    @Test func knownSequenceOfSplitMix64() {
        // Reference values of SplitMix64 seeded with 0 (Vigna's splitmix64.c).
        var rng = SplitMix64(seed: 0)
        let reference: [UInt64] = [
            0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F, 0xF88B_B8A8_724C_81EC,
            0x1B39_896A_51A8_749B,
        ]
        #expect((0..<5).map { _ in rng.next() } == reference)
    }

    /// Ten equal bins of 10,000 uniform draws each hold about a tenth (a constant lands in one bin).
    @Test func uniformFillsEveryTenthOfTheInterval() {
        var rng = SplitMix64(seed: 3)
        var bins = [Int](repeating: 0, count: 10)
        for _ in 0..<10_000 { bins[Int(rng.uniform() * 10)] += 1 }
        #expect(bins.allSatisfy { abs($0 - 1_000) < 150 })
    }

    @Test func labelledStreamsAreIndependentAndStable() {
        let seeds = SeedSequence(seed: 7)
        var cohort1 = seeds.stream("cohort")
        var cohort2 = seeds.stream("cohort")
        var other = seeds.stream("decline")
        var indexed = seeds.stream("cohort", 1)
        let x = cohort1.next()
        #expect(x == cohort2.next())
        #expect(x != other.next())
        #expect(x != indexed.next())
    }

    @Test func uniformStaysInUnitInterval() {
        var rng = SplitMix64(seed: 3)
        var sum = 0.0
        for _ in 0..<10_000 {
            let u = rng.uniform()
            #expect(u >= 0 && u < 1)
            sum += u
        }
        #expect(abs(sum / 10_000 - 0.5) < 0.02)
    }

    @Test func weightedIndexFollowsWeights() {
        var rng = SplitMix64(seed: 5)
        var counts = [0, 0, 0]
        for _ in 0..<30_000 { counts[rng.index(weights: [1, 0, 3])] += 1 }
        #expect(counts[1] == 0)
        #expect(abs(Double(counts[2]) / 30_000 - 0.75) < 0.02)
    }

    @Test func integerCoversItsRange() {
        var rng = SplitMix64(seed: 9)
        var seen = Set<Int>()
        for _ in 0..<1_000 { seen.insert(rng.integer(in: 3...7)) }
        #expect(seen == [3, 4, 5, 6, 7])
    }
}
