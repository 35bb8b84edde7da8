// SPDX-License-Identifier: GPL-3.0-or-later

/// A small, fast, seedable generator (Steele, Lea & Flood 2014).
///
/// Its output is fixed by the algorithm, not by the standard library, so the
/// same seed gives the same draws on every platform and Swift version.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform draw in [0, 1) with 53 random bits.
    public mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// True with probability `p` (clamped to [0, 1]).
    public mutating func bernoulli(_ p: Double) -> Bool {
        if p <= 0 { return false }
        if p >= 1 { return true }
        return uniform() < p
    }

    /// A uniform integer in `range`, without modulo bias worth noticing for our ranges.
    public mutating func integer(in range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next().multipliedFullWidth(by: width).high)
    }

    /// A standard normal draw (Box–Muller; one value per call keeps the stream simple).
    public mutating func normal() -> Double {
        let u1 = max(uniform(), 0x1.0p-53)
        let u2 = uniform()
        return (-2 * _log(u1)).squareRoot() * _cos(2 * Double.pi * u2)
    }

    /// An index drawn with probability proportional to `weights` (non-negative, not all zero).
    public mutating func index(weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        guard total > 0 else { return integer(in: 0...(weights.count - 1)) }
        var target = uniform() * total
        for (i, w) in weights.enumerated() {
            target -= w
            if target < 0 { return i }
        }
        return weights.lastIndex { $0 > 0 } ?? (weights.count - 1)
    }
}

/// Independent, labelled random streams derived from one scenario seed.
///
/// Each part of the model draws from its own stream, so changing the cohort
/// size does not shift, say, which municipalities take part in self-settlement.
public struct SeedSequence: Sendable, Hashable {
    public let seed: UInt64

    public init(seed: UInt64) {
        self.seed = seed
    }

    public func stream(_ label: String, _ index: UInt64 = 0) -> SplitMix64 {
        // FNV-1a over the label: stable across runs, unlike Hasher.
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in label.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3
        }
        var mixer = SplitMix64(seed: seed ^ hash)
        var second = SplitMix64(seed: mixer.next() ^ (index &* 0xD1B5_4A32_D192_ED03))
        return SplitMix64(seed: second.next())
    }
}
