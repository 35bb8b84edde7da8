// SPDX-License-Identifier: GPL-3.0-or-later

/// A mean with its 95 % confidence interval (Student's t); the interval is nil with one replication.
public struct Interval: Sendable, Equatable {
    public var mean: Double
    public var low: Double?
    public var high: Double?

    public init(_ values: [Double]) {
        let n = Double(values.count)
        mean = values.isEmpty ? .nan : values.reduce(0, +) / n
        guard values.count > 1 else {
            low = nil
            high = nil
            return
        }
        let m = mean
        let variance = values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / (n - 1)
        let half = Self.t975(degreesOfFreedom: values.count - 1) * (variance / n).squareRoot()
        low = mean - half
        high = mean + half
    }

    /// Does the interval exclude zero (a difference distinguishable from none at 5 %)?
    public var excludesZero: Bool {
        guard let low, let high else { return false }
        return low > 0 || high < 0
    }

    // Two-sided 95 % quantiles of Student's t for 1...30 degrees of freedom.
    static let table: [Double] = [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
        2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    ]

    static func t975(degreesOfFreedom df: Int) -> Double {
        if df <= 30 { return table[max(1, df) - 1] }
        // Beyond 30: interpolate in 1/df between 30 (2.042), 60 (2.000), 120 (1.980) and infinity (1.960).
        let points: [(Double, Double)] = [(1.0 / 30, 2.042), (1.0 / 60, 2.000), (1.0 / 120, 1.980), (0, 1.960)]
        let x = 1 / Double(df)
        for i in 0..<(points.count - 1) where x <= points[i].0 && x >= points[i + 1].0 {
            let (x0, y0) = points[i]
            let (x1, y1) = points[i + 1]
            return y1 + (y0 - y1) * (x - x1) / (x0 - x1)
        }
        return 1.960
    }
}
