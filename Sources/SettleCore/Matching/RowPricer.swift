// SPDX-License-Identifier: GPL-3.0-or-later

/// Reads household rows for `TransportationNetwork`'s pricing: each row's most violated arc.
///
/// A value of pointers into the network's buffers, so a helper thread can read rows too
/// (see `PairedScan`); it never writes to them.
struct RowPricer: @unchecked Sendable {
    let profit: UnsafePointer<Double>
    /// Sink potentials, indexed by municipality.
    let sinkPotential: UnsafeMutablePointer<Double>
    let potential: UnsafeMutablePointer<Double>
    let parent: UnsafeMutablePointer<Int>
    let parentCost: UnsafeMutablePointer<Double>
    let sinkCount: Int
    let sinkBase: Int
    let root: Int
    let tolerance: Double

    /// Most violated arc out of household h (U included, as raw value 0); the violation
    /// is raw + π_h. A vectorised max pass first; the arg-max pass runs only if violated.
    @inline(__always) func bestArc(household h: Int, potential potentialH: Double) -> (raw: Double, sink: Int) {
        let row = profit + h * sinkCount
        var best0 = SIMD4<Double>(repeating: 0)
        var best1 = SIMD4<Double>(repeating: 0)
        var m = 0
        while m + 8 <= sinkCount {
            let r0 = UnsafeRawPointer(row + m).loadUnaligned(as: SIMD4<Double>.self)
            let s0 = UnsafeRawPointer(sinkPotential + m).loadUnaligned(as: SIMD4<Double>.self)
            let r1 = UnsafeRawPointer(row + m + 4).loadUnaligned(as: SIMD4<Double>.self)
            let s1 = UnsafeRawPointer(sinkPotential + m + 4).loadUnaligned(as: SIMD4<Double>.self)
            let d0 = r0 - s0
            let d1 = r1 - s1
            // `replace(with:where:)` lowers to compare+blend; `pointwiseMax` did not vectorise.
            best0.replace(with: d0, where: d0 .> best0)
            best1.replace(with: d1, where: d1 .> best1)
            m += 8
        }
        best0.replace(with: best1, where: best1 .> best0)
        var best = Swift.max(Swift.max(best0[0], best0[1]), Swift.max(best0[2], best0[3]))
        while m < sinkCount {
            best = Swift.max(best, row[m] - sinkPotential[m])
            m += 1
        }
        guard best + potentialH > tolerance, best > 0 else { return (best, root) }
        m = 0
        while row[m] - sinkPotential[m] != best { m += 1 }
        return (best, sinkBase + m)
    }

    /// Scans `length` rows of `active` from `start` (cyclically) and writes, for each violated
    /// row, its offset from `start`, household and sink to `found` (3 entries each), stopping
    /// after `wanted` rows. Returns how many it wrote.
    func scan(
        _ active: UnsafePointer<Int>, count activeCount: Int, start: Int, length: Int, wanted: Int,
        into found: UnsafeMutablePointer<Int>
    ) -> Int {
        var written = 0
        var i = start
        for offset in 0..<length where written < wanted {
            let h = active[i]
            i += 1
            if i == activeCount { i = 0 }
            let potentialH = parentCost[h] + potential[parent[h]]
            let arc = bestArc(household: h, potential: potentialH)
            if arc.raw + potentialH > tolerance {
                found[3 * written] = offset
                found[3 * written + 1] = h
                found[3 * written + 2] = arc.sink
                written += 1
            }
        }
        return written
    }
}
