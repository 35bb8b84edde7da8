// SPDX-License-Identifier: GPL-3.0-or-later

/// A transportation LP (see `TransportationProblem`) whose profit rows may change between
/// solves. Each solve starts from the previous optimal tree: supplies and capacities never
/// change, so the tree stays primal feasible and only the changed rows' arcs need pivots.
/// Lagrangian price updates and LP diving both change a few rows at a time, which makes a
/// re-solve far cheaper than building the network again (see Benchmarks/README.md).
final class WarmTransportation {
    let sourceCount: Int
    let sinkCount: Int
    let supply: [Int]
    let capacity: [Int]
    /// Row-major per-unit profits, owned here and read by the network in place.
    let profit: UnsafeMutablePointer<Double>
    private var network: TransportationNetwork
    private var changed: [Int] = []
    private(set) var isOptimal = true

    /// Rows from which a re-solve with more than 5 % of rows changed starts afresh.
    static let rebuildRows = 40_000

    init(supply: [Int], capacity: [Int], profit values: [Double]) {
        precondition(values.count == supply.count * capacity.count, "profit shape")
        sourceCount = supply.count
        sinkCount = capacity.count
        self.supply = supply
        self.capacity = capacity
        let buffer = UnsafeMutablePointer<Double>.allocate(capacity: Swift.max(1, values.count))
        values.withUnsafeBufferPointer { buffer.initialize(from: $0.baseAddress!, count: values.count) }
        profit = buffer
        network = TransportationNetwork(supply: supply, capacity: capacity, profit: UnsafePointer(buffer))
    }

    deinit { profit.deallocate() }

    @inline(__always) func profit(_ h: Int, _ m: Int) -> Double { profit[h * sinkCount + m] }

    /// Sets a finite entry; `-infinity` entries (pairs not allowed) must stay as they are.
    @inline(__always) func setProfit(_ h: Int, _ m: Int, _ value: Double) {
        profit[h * sinkCount + m] = value
    }

    /// Marks a row whose entries were changed with `setProfit`.
    func rowChanged(_ h: Int) { changed.append(h) }

    /// Solves from the current tree; false only if the pivot safety limit stopped it.
    @discardableResult
    func solve() -> Bool {
        if sourceCount >= Self.rebuildRows && changed.count * 20 > sourceCount {
            // Many changed rows in a large network: a fresh crash start beats the old tree
            // (100k × 357 with 9 % of rows fixed: 66 M rows priced instead of 99 M; at 30k the
            // warm start still wins).
            // The tolerance stays that of the original profits: the dive's large bonuses would
            // otherwise loosen it a thousandfold.
            let tolerance = network.tolerance
            network = TransportationNetwork(supply: supply, capacity: capacity, profit: UnsafePointer(profit))
            network.tolerance = tolerance
            changed.removeAll(keepingCapacity: true)
        } else if !changed.isEmpty {
            network.profitsChanged(rows: changed)
            changed.removeAll(keepingCapacity: true)
        }
        isOptimal = network.run()
        return isOptimal
    }

    func forEachFlow(_ body: (Int, Int, Int) -> Void) { network.forEachFlow(body) }

    func sinkPrices() -> [Double] { network.sinkPrices() }

    /// Σ_m capacity·λ + Σ_h supply·max(0, max_m(profit − λ)) for the current tree's prices:
    /// a valid upper bound on the LP for any λ ≥ 0, so it certifies without trusting tolerances.
    func dualBound() -> Double {
        DualBound.bound(profit: profit, supply: supply, capacity: capacity, price: sinkPrices())
    }
}
