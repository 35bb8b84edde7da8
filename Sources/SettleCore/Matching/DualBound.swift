// SPDX-License-Identifier: GPL-3.0-or-later

/// The transportation LP's upper bound for sink prices λ ≥ 0:
/// Σ_m capacity_m·λ_m + Σ_h supply_h · max(0, max_m(profit[h][m] − λ_m)).
///
/// Valid for any such λ however it was found, so a gap certified with it does not trust the
/// solver's tolerances. One implementation for the network's solution, the warm-started LP
/// and the public `dualBound(problem:sinkPrice:)`.
enum DualBound {
    /// u_h = max(0, max_m(row[m] − price[m])): the smallest dual of a supply row that keeps every
    /// pair of that row dual feasible. A vectorised max; the maximum is exact in any order.
    @inline(__always) static func rowSlack(
        _ row: UnsafePointer<Double>, price: UnsafePointer<Double>, count: Int
    ) -> Double {
        var best = SIMD4<Double>(repeating: 0)
        var m = 0
        while m + 4 <= count {
            let r = UnsafeRawPointer(row + m).loadUnaligned(as: SIMD4<Double>.self)
            let p = UnsafeRawPointer(price + m).loadUnaligned(as: SIMD4<Double>.self)
            let d = r - p
            best.replace(with: d, where: d .> best)
            m += 4
        }
        var value = Swift.max(Swift.max(best[0], best[1]), Swift.max(best[2], best[3]))
        while m < count {
            value = Swift.max(value, row[m] - price[m])
            m += 1
        }
        return value
    }

    /// The bound for row-major `profit` (supply.count × capacity.count) and `price` (λ ≥ 0;
    /// a sink without capacity may have λ = ∞). With `slack`, also writes each row's u_h there.
    static func bound(
        profit: UnsafePointer<Double>, supply: [Int], capacity: [Int], price: [Double],
        slack: UnsafeMutablePointer<Double>? = nil
    ) -> Double {
        let sinks = capacity.count
        var bound = 0.0
        for m in 0..<sinks where capacity[m] > 0 { bound += Double(capacity[m]) * price[m] }
        price.withUnsafeBufferPointer { price in
            guard let base = price.baseAddress else { return }
            for h in supply.indices where supply[h] > 0 || slack != nil {
                let u = rowSlack(profit + h * sinks, price: base, count: sinks)
                slack?[h] = u
                if supply[h] > 0 { bound += Double(supply[h]) * u }
            }
        }
        return bound
    }
}
