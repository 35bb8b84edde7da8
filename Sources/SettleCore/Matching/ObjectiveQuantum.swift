// SPDX-License-Identifier: GPL-3.0-or-later

/// The grid the terms of every matching value are put on: a decision of the model, not of any output.
public enum ObjectiveQuantum {
    /// Terms stay on a 1e-6 grid so that every solver (settle's own, GLPK from an exported file, HiGHS)
    /// sees the same numbers and runs reproduce on machines whose libm differs in the last bit.
    public static let perUnit = 1e6

    /// The grid value nearest to `value`: a whole number of millionths, as the nearest double. A sum of
    /// two grid values (a score plus the wait bonus) can land an ulp off the grid, so sums are put back.
    @inline(__always)
    public static func quantized(_ value: Double) -> Double {
        (value * perUnit).rounded() / perUnit
    }
}
