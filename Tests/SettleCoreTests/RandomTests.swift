import Testing

@testable import SettleCore

@Suite struct RandomTests {
    @Test func sameSeedSameDraws() {
        var a = SplitMix64(seed: 42)
        var b = SplitMix64(seed: 42)
        for _ in 0..<100 { #expect(a.next() == b.next()) }
    }

    @Test func knownFirstValueOfSplitMix64() {
        // Reference value of SplitMix64 seeded with 0 (Vigna's splitmix64.c).
        var rng = SplitMix64(seed: 0)
        #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
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
