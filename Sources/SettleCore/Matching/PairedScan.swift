// SPDX-License-Identifier: GPL-3.0-or-later

import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Scans two spans of rows at once: the caller's thread takes the first, a helper the second.
///
/// At 100k × 357 the profit matrix is 285 MB and pricing reads it at memory speed: about
/// 25 GB/s on one core here and 50 GB/s on two. A major pass reads a few thousand rows, so
/// the helper must start within microseconds: it spins between spans instead of sleeping
/// (waking a Dispatch worker per span cost about 50 µs, more than half the work it took on).
/// The caller takes the second span back if the helper has not claimed it, so a busy
/// thread pool slows the scan down but never blocks it.
final class PairedScan: @unchecked Sendable {
    private let pricer: RowPricer
    private let active: UnsafePointer<Int>
    private let activeCount: Int
    /// 0 idle, 1 posted, 2 claimed, 3 done.
    private let state = Atomic<Int>(0)
    private let stopped = Atomic<Bool>(false)
    // The posted span: written before `state` becomes 1, read after it is seen as 1.
    private var start = 0
    private var length = 0
    private var wanted = 0
    private var found: UnsafeMutablePointer<Int>
    private var written = 0

    init(pricer: RowPricer, active: UnsafePointer<Int>, count: Int, scratch: UnsafeMutablePointer<Int>) {
        self.pricer = pricer
        self.active = active
        activeCount = count
        found = scratch
        DispatchQueue.global().async { [self] in helperLoop() }
    }

    /// Ends the helper; call before the buffers the pricer points into go away.
    func stop() {
        stopped.store(true, ordering: .releasing)
        // A span the helper claimed is finished before `scan` returned, so nothing is in flight.
    }

    static let spinsBeforeYield = 2_000

    private func helperLoop() {
        var spins = 0
        while !stopped.load(ordering: .acquiring) {
            if state.load(ordering: .acquiring) == 1
                && state.compareExchange(expected: 1, desired: 2, ordering: .acquiringAndReleasing).exchanged
            {
                written = pricer.scan(
                    active, count: activeCount, start: start, length: length, wanted: wanted, into: found)
                state.store(3, ordering: .releasing)
                spins = 0
            } else {
                spins += 1
                // Stay responsive during a solve, but give the core away while others wait for it
                // (e.g. `compare --jobs`): on an idle core sched_yield returns at once.
                if spins > Self.spinsBeforeYield { sched_yield() }
            }
        }
    }

    /// Scans `length` rows from `start` here and `secondLength` rows after them on the helper,
    /// each into its own part of `found` (3 × `length` entries apart). Returns both counts.
    func scan(
        start: Int, length: Int, secondLength: Int, wanted: Int, into found: UnsafeMutablePointer<Int>
    ) -> (Int, Int) {
        self.start = (start + length) % activeCount
        self.length = secondLength
        self.wanted = wanted
        self.found = found + 3 * length
        state.store(1, ordering: .releasing)
        let first = pricer.scan(active, count: activeCount, start: start, length: length, wanted: wanted, into: found)
        if state.compareExchange(expected: 1, desired: 2, ordering: .acquiringAndReleasing).exchanged {
            written = pricer.scan(
                active, count: activeCount, start: self.start, length: secondLength, wanted: wanted,
                into: self.found)
        } else {
            var spins = 0
            while state.load(ordering: .acquiring) != 3 {
                spins += 1
                if spins > Self.spinsBeforeYield { sched_yield() }  // the helper may have been preempted
            }
        }
        state.store(0, ordering: .releasing)
        return (first, written)
    }
}
