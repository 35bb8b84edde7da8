// SPDX-License-Identifier: GPL-3.0-or-later

import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs two pieces of work at once: the caller's thread the first, a helper thread the second.
/// For work of a fraction of a millisecond repeated many times (the knapsack bound's steps),
/// where waking a Dispatch worker each time would cost a good part of what it saves: the helper
/// spins between pieces, as `PairedScan`'s does, and yields its core after a while. The caller
/// takes the second piece back if the helper has not claimed it, so a busy thread pool slows the
/// work down but never blocks it. Either way each piece runs once, so results never depend on
/// which thread ran it.
final class PairedWork: @unchecked Sendable {
    /// 0 idle, 1 posted, 2 claimed, 3 done.
    private let state = Atomic<Int>(0)
    private let stopped = Atomic<Bool>(false)
    // The posted piece: written before `state` becomes 1, read after it is seen as 1.
    private var posted: (() -> Void)?

    static let spinsBeforeYield = 2_000

    init() {
        DispatchQueue.global().async { [self] in helperLoop() }
    }

    /// Ends the helper; call when done (the helper holds on to this object until then).
    func stop() {
        stopped.store(true, ordering: .releasing)
    }

    private func helperLoop() {
        var spins = 0
        while !stopped.load(ordering: .acquiring) {
            if state.load(ordering: .acquiring) == 1
                && state.compareExchange(expected: 1, desired: 2, ordering: .acquiringAndReleasing).exchanged
            {
                posted?()
                state.store(3, ordering: .releasing)
                spins = 0
            } else {
                spins += 1
                if spins > Self.spinsBeforeYield { sched_yield() }
            }
        }
    }

    /// Runs `first` here and `second` on the helper, and returns once both are done.
    func run(_ first: () -> Void, _ second: () -> Void) {
        withoutActuallyEscaping(second) { second in
            posted = second
            state.store(1, ordering: .releasing)
            first()
            if state.compareExchange(expected: 1, desired: 2, ordering: .acquiringAndReleasing).exchanged {
                second()
            } else {
                var spins = 0
                while state.load(ordering: .acquiring) != 3 {
                    spins += 1
                    if spins > Self.spinsBeforeYield { sched_yield() }  // the helper may have been preempted
                }
            }
            posted = nil
            state.store(0, ordering: .releasing)
        }
    }
}
