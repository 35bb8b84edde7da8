// SPDX-License-Identifier: GPL-3.0-or-later

/// A pair's value less what its persons and dimension demands cost at the LP's prices:
/// how the dive and the repair rank places for a household.
struct ReducedValue {
    let batch: MatchingBatch
    let dims: [CapacityDimension]
    let sizes: [Int]
    /// Per-person price of each municipality (∞ where it has no capacity).
    let price: [Double]
    /// Dimension prices, row-major dimension × municipality.
    let mu: [Double]

    func callAsFunction(_ h: Int, _ m: Int) -> Double {
        let M = batch.municipalityCount
        var v = batch.value(h, m) - Double(sizes[h]) * min(price[m], 1e300)
        for k in 0..<dims.count where dims[k].demand[h] > 0 { v -= Double(dims[k].demand[h]) * mu[k * M + m] }
        return v
    }
}
