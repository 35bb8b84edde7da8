// SPDX-License-Identifier: GPL-3.0-or-later

/// Primal network simplex state for the balanced network
/// households h (+ slack source E) → municipalities m (+ unassigned sink U):
/// arcs h→m (cost −profit, implicit: priced straight from the profit matrix),
/// h→U, E→m, E→U (cost 0), all uncapacitated. E supplies Σ capacity, U demands Σ supply.
///
/// The basis is a spanning tree rooted at U. Every node has one tree arc to its parent
/// and, the graph being bipartite source→sink, the arc's direction follows from the
/// node's side (a source's parent arc points up, a sink's points down), so `flow[x]`
/// describes the arc above x completely.
///
/// Only sink nodes store a potential and a depth. A source's parent is always a sink,
/// so its values follow in O(1) from the parent (π = cost + π_parent). Thus a pivot
/// never touches the ~100k leaf households of the subtree it moves: it walks only the
/// sinks and the sources that have children ("branching" sources, at most sinks + 1).
/// Child lists: a source lists its sink children; a sink lists only its branching
/// source children. Both use `firstChild`/`nextSibling`/`previousSibling`.
///
/// Anti-cycling: the tree is kept strongly feasible (every zero-flow tree arc points
/// toward the root) by Cunningham's leaving-arc rule, which rules out cycling under
/// degeneracy. A sink's parent arc always points down, so a zero-capacity sink could
/// never sit in a strongly feasible tree: such sinks (and households that can carry no
/// useful flow) are left out and get their duals afterwards.
final class TransportationNetwork {
    let householdCount: Int
    let sinkCount: Int
    let slack: Int  // E
    let sinkBase: Int  // node of municipality m is sinkBase + m
    let root: Int  // U
    let nodeCount: Int
    let profit: UnsafePointer<Double>
    let supply: [Int]
    let capacity: [Int]
    var tolerance = 1e-9
    var activeHouseholds: [Int] = []
    var pivots = 0

    let parent: UnsafeMutablePointer<Int>
    let firstChild: UnsafeMutablePointer<Int>
    let nextSibling: UnsafeMutablePointer<Int>
    let previousSibling: UnsafeMutablePointer<Int>
    /// Sink nodes only.
    let depth: UnsafeMutablePointer<Int>
    let flow: UnsafeMutablePointer<Int>
    /// Sink nodes only: π with reduced cost of arc i→j = cost − π_i + π_j, root π = 0.
    /// Inactive sinks hold +∞ so pricing loops skip them without a branch.
    let potential: UnsafeMutablePointer<Double>
    /// Sources only: cost of the arc to the parent, so π_source needs no matrix access.
    let parentCost: UnsafeMutablePointer<Double>
    /// Scratch stack for subtree walks (holds sinks only). A raw buffer, not an array
    /// property, so the hot loop pays no dynamic exclusivity checks.
    private let stack: UnsafeMutablePointer<Int>

    /// Candidate-list pricing (see `run()`), sized from the household count in `init`.
    var candidateLimit = 64
    var minorLimit = 16

    init(supply: [Int], capacity: [Int], profit: UnsafePointer<Double>) {
        householdCount = supply.count
        sinkCount = capacity.count
        slack = householdCount
        sinkBase = householdCount + 1
        root = householdCount + 1 + sinkCount
        nodeCount = root + 1
        self.profit = profit
        self.supply = supply
        self.capacity = capacity
        let count = nodeCount
        func buffer<T>(_ value: T) -> UnsafeMutablePointer<T> {
            let pointer = UnsafeMutablePointer<T>.allocate(capacity: count)
            pointer.initialize(repeating: value, count: count)
            return pointer
        }
        parent = buffer(-1)
        firstChild = buffer(-1)
        nextSibling = buffer(-1)
        previousSibling = buffer(-1)
        depth = buffer(0)
        flow = buffer(0)
        potential = buffer(0.0)
        parentCost = buffer(0.0)
        stack = .allocate(capacity: sinkCount + 2)
        buildInitialTree()
        // Tuned on 1k–100k × 357 instances: longer lists pay off when rows are many.
        candidateLimit = Swift.min(512, Swift.max(64, activeHouseholds.count / 200))
        minorLimit = Swift.max(16, candidateLimit / 8)
    }

    deinit {
        parent.deallocate()
        firstChild.deallocate()
        nextSibling.deallocate()
        previousSibling.deallocate()
        depth.deallocate()
        flow.deallocate()
        potential.deallocate()
        parentCost.deallocate()
        stack.deallocate()
    }

    /// E → U and E → every municipality; each household under its greedy municipality, or under U.
    private func buildInitialTree() {
        // Raw buffers: at 100k × 357 these row loops are a noticeable share of a solve.
        let open = UnsafeMutablePointer<Bool>.allocate(capacity: Swift.max(1, sinkCount))
        let left = UnsafeMutablePointer<Int>.allocate(capacity: Swift.max(1, sinkCount))
        defer {
            open.deallocate()
            left.deallocate()
        }
        for m in 0..<sinkCount {
            open[m] = capacity[m] > 0
            left[m] = Swift.max(0, capacity[m] - 1)
        }
        var scale = 0.0
        var order: [(h: Int, value: Double)] = []
        for h in 0..<householdCount {
            let row = profit + h * sinkCount
            var best = 0.0
            for m in 0..<sinkCount {
                let p = row[m]
                if p.isFinite {
                    scale = Swift.max(scale, Swift.abs(p))
                    if open[m] && p > best { best = p }
                } else {
                    precondition(p == -.infinity, "profit must be finite or -infinity")
                }
            }
            // Only pairs with positive profit can carry flow at an optimum.
            if best > 0 && supply[h] > 0 {
                activeHouseholds.append(h)
                order.append((h, best))
            }
        }
        tolerance = 1e-9 * Swift.max(1, scale)
        depth[root] = 0
        attach(slack, to: root)
        for m in 0..<sinkCount {
            let node = sinkBase + m
            if capacity[m] > 0 {
                attach(node, to: slack)
                depth[node] = 2
            } else {
                potential[node] = .infinity
            }
        }
        // Crash start: households take their best municipality greedily, most valuable first, so
        // the simplex starts near an optimum instead of from an empty assignment (at 15k × 357 the
        // first solve needs 57k pivots instead of about 4 times as many: Benchmarks/README.md).
        // Each municipality keeps one place free: its arc from E then carries flow, and the tree
        // stays strongly feasible (every zero-flow arc points toward the root).
        order.sort { $0.value != $1.value ? $0.value > $1.value : $0.h < $1.h }
        var assigned = 0
        for (h, _) in order {
            let row = profit + h * sinkCount
            let size = supply[h]
            var best = 0.0
            var target = -1
            for m in 0..<sinkCount where row[m] > best && left[m] >= size {
                best = row[m]
                target = m
            }
            flow[h] = size
            if target >= 0 {
                left[target] -= size
                assigned += size
                attach(h, to: sinkBase + target)
            } else {
                attach(h, to: root)
            }
        }
        // E sends what the households took to U, and the rest of each decision to its municipality.
        flow[slack] = assigned
        for m in 0..<sinkCount where capacity[m] > 0 { flow[sinkBase + m] = left[m] + 1 }
    }

    // MARK: Tree structure

    @inline(__always) private func isSource(_ x: Int) -> Bool { x < sinkBase }

    @inline(__always) private func link(_ x: Int, into p: Int) {
        let first = firstChild[p]
        nextSibling[x] = first
        previousSibling[x] = -1
        if first >= 0 { previousSibling[first] = x }
        firstChild[p] = x
    }

    @inline(__always) private func unlink(_ x: Int, from p: Int) {
        let previous = previousSibling[x]
        let next = nextSibling[x]
        if previous >= 0 { nextSibling[previous] = next } else { firstChild[p] = next }
        if next >= 0 { previousSibling[next] = previous }
    }

    /// Keeps the invariant: a source is in its parent's list iff it has children.
    @inline(__always) private func detach(_ x: Int) {
        let p = parent[x]
        if isSource(x) {
            if firstChild[x] >= 0 { unlink(x, from: p) }
        } else {
            unlink(x, from: p)
            if firstChild[p] < 0 && parent[p] >= 0 { unlink(p, from: parent[p]) }
        }
        parent[x] = -1
    }

    @inline(__always) private func attach(_ x: Int, to p: Int) {
        if isSource(x) {
            if firstChild[x] >= 0 { link(x, into: p) }
            parentCost[x] = cost(x, p)
        } else {
            if firstChild[p] < 0 && parent[p] >= 0 { link(p, into: parent[p]) }
            link(x, into: p)
        }
        parent[x] = p
    }

    // MARK: Costs and potentials

    /// Arc cost of source node i → sink node j.
    @inline(__always) private func cost(_ i: Int, _ j: Int) -> Double {
        i < householdCount && j != root ? -profit[i * sinkCount + j - sinkBase] : 0
    }

    /// π of any tree node; a source derives it from its parent arc (zero reduced cost).
    @inline(__always) private func nodePotential(_ x: Int) -> Double {
        if isSource(x) { return parentCost[x] + potential[parent[x]] }
        return potential[x]
    }

    @inline(__always) private func nodeDepth(_ x: Int) -> Int {
        isSource(x) ? depth[parent[x]] + 1 : depth[x]
    }

    /// −(reduced cost) of i → j: positive means the arc improves the objective.
    @inline(__always) private func violation(_ i: Int, _ j: Int) -> Double {
        -cost(i, j) + nodePotential(i) - potential[j]
    }

    /// Most violated arc out of E.
    private func bestSlackArc() -> (violation: Double, sink: Int) {
        let slackPotential = nodePotential(slack)
        var best = slackPotential
        var bestSink = root
        for m in 0..<sinkCount where capacity[m] > 0 {
            let v = slackPotential - potential[sinkBase + m]
            if v > best {
                best = v
                bestSink = sinkBase + m
            }
        }
        return (best, bestSink)
    }

    // MARK: Simplex

    /// Runs pivots until no arc is violated by more than `tolerance`.
    /// Returns false only if the safety limit on pivots was hit.
    ///
    /// Pricing: a candidate list of at most `candidateLimit` arcs, one per source. A major
    /// pass fills it by scanning household rows cyclically from where the last one stopped
    /// (each row gives its most violated arc); then up to `minorLimit` pivots each take
    /// the most violated candidate, re-priced in O(1). Optimality is declared when a major
    /// pass has read every row and found nothing.
    func run() -> Bool {
        let activeCount = activeHouseholds.count
        guard activeCount > 0 else { return true }
        return activeHouseholds.withUnsafeBufferPointer { run(active: $0.baseAddress!, count: activeCount) }
    }

    /// Rows a major pass reads at most once it has a candidate. Near the optimum violated rows
    /// are sparse, and filling the whole list read hundreds of rows per pivot (100k × 357:
    /// 99 M rows read per solve unbounded, 63 M with this bound).
    static let passRows = 8_192

    /// Households with an active row from which pricing scans two halves at once.
    static let pairedScanRows = 20_000
    /// `pairedScanRows` unless a test asks otherwise: the result must not depend on it.
    var pairedScanFrom = TransportationNetwork.pairedScanRows
    /// `passRows` unless a test asks otherwise (small values cut blocks at odd places).
    var passRowsLimit = TransportationNetwork.passRows

    private func run(active: UnsafePointer<Int>, count activeCount: Int) -> Bool {
        var cursor = 0
        let pricer = RowPricer(
            profit: profit, sinkPotential: potential + sinkBase, potential: potential, parent: parent,
            parentCost: parentCost, sinkCount: sinkCount, sinkBase: sinkBase, root: root, tolerance: tolerance)
        // Two cores pay off once a major pass reads thousands of rows (measured: Benchmarks/README.md).
        let parallel = activeCount >= pairedScanFrom && PricingThreads.paired
        let pairBlock = 512
        let passRows = passRowsLimit
        let serialBlock = 4_096
        let found = UnsafeMutablePointer<Int>.allocate(capacity: 6 * Swift.max(pairBlock, serialBlock))
        let paired = parallel ? PairedScan(pricer: pricer, active: active, count: activeCount, scratch: found) : nil
        defer {
            paired?.stop()
            found.deallocate()
        }
        var candidateSource = [Int](repeating: 0, count: candidateLimit + 1)
        var candidateSink = [Int](repeating: 0, count: candidateLimit + 1)
        var pivotsAtRecompute = 0
        // Counted locally: a stored-property `+=` costs an exclusivity check per pivot.
        var pivotCount = 0
        defer { pivots = pivotCount }
        // Far beyond anything seen in practice; only a guard against float trouble.
        let pivotLimit = 200 * nodeCount + 1_000_000
        while pivotCount < pivotLimit {
            if pivotCount != pivotsAtRecompute {
                recomputePotentials()  // cheap (sinks only); keeps drift from accumulating
                pivotsAtRecompute = pivotCount
            }
            // Major pass: a fresh list (stale candidates make worse pivots, measured).
            var count = 0
            let slackArc = bestSlackArc()
            if slackArc.violation > tolerance {
                candidateSource[0] = slack
                candidateSink[0] = slackArc.sink
                count = 1
            }
            var scanned = 0
            while scanned < activeCount && count < candidateLimit && !(count > 0 && scanned >= passRows) {
                // Rows scanned past the one that filled the list are discarded: the cursor and
                // the list end exactly where a one-row-at-a-time scan would leave them.
                let remaining = activeCount - scanned
                let wanted = candidateLimit - count
                let length = parallel ? Swift.min(pairBlock, (remaining + 1) / 2) : Swift.min(serialBlock, remaining)
                let secondLength = parallel ? Swift.min(length, remaining - length) : 0
                let written: (Int, Int)
                if let paired {
                    written = paired.scan(
                        start: cursor, length: length, secondLength: secondLength, wanted: wanted, into: found)
                } else {
                    written = (
                        pricer.scan(
                            active, count: activeCount, start: cursor, length: length, wanted: wanted, into: found),
                        0
                    )
                }
                // Rows of this block a one-row scan would read: it stops after the row that fills
                // the list, or after the first row at or past `passRows` once it has a candidate.
                var consumed = length + secondLength
                if count > 0 { consumed = Swift.min(consumed, passRows - scanned) }
                merge: for half in 0..<2 {
                    let entries = found + half * 3 * length
                    for e in 0..<(half == 0 ? written.0 : written.1) {
                        let position = half * length + entries[3 * e]
                        if position >= consumed { break merge }
                        candidateSource[count] = entries[3 * e + 1]
                        candidateSink[count] = entries[3 * e + 2]
                        count += 1
                        if count == candidateLimit {
                            consumed = position + 1
                            break merge
                        }
                        if count == 1 { consumed = Swift.min(consumed, Swift.max(position + 1, passRows - scanned)) }
                    }
                }
                scanned += consumed
                cursor = (cursor + consumed) % activeCount
            }
            if count == 0 { return true }  // every row was read: optimal up to tolerance
            // Minor passes: most violated candidate first, dropping those no longer violated.
            var minor = 0
            while minor < minorLimit && count > 0 {
                var bestIndex = -1
                var bestViolation = tolerance
                var i = 0
                while i < count {
                    let v = violation(candidateSource[i], candidateSink[i])
                    if v > bestViolation {
                        bestViolation = v
                        bestIndex = i
                        i += 1
                    } else if v <= tolerance {
                        count -= 1
                        candidateSource[i] = candidateSource[count]
                        candidateSink[i] = candidateSink[count]
                    } else {
                        i += 1
                    }
                }
                guard bestIndex >= 0 else { break }
                if pivot(source: candidateSource[bestIndex], sink: candidateSink[bestIndex]) {
                    pivotCount += 1
                }
                count -= 1
                candidateSource[bestIndex] = candidateSource[count]
                candidateSink[bestIndex] = candidateSink[count]
                minor += 1
            }
        }
        recomputePotentials()
        return false
    }

    /// One simplex pivot with entering arc k → l (k a source node, l a sink node).
    /// Returns false (and does nothing) if k → l is already basic.
    @discardableResult
    func pivot(source k: Int, sink l: Int) -> Bool {
        if parent[k] == l || parent[l] == k { return false }
        // Walk both ends up to the apex. Blocking arcs are those whose flow drops:
        // on the k side source nodes' up arcs, on the l side sink nodes' down arcs.
        // Ties go to the arc met last when walking the cycle from the apex along k→l
        // (nearest k on the k side, nearest the apex on the l side, l side before k side).
        var a = k
        var b = l
        var depthA = nodeDepth(a)
        var depthB = depth[b]
        var deltaK = Int.max
        var leaveK = -1
        var deltaL = Int.max
        var leaveL = -1
        while a != b {
            let stepA = depthA >= depthB
            let stepB = depthB >= depthA
            if stepA {
                if isSource(a) && flow[a] < deltaK {
                    deltaK = flow[a]
                    leaveK = a
                }
                a = parent[a]
                depthA -= 1
            }
            if stepB {
                if !isSource(b) && flow[b] <= deltaL {
                    deltaL = flow[b]
                    leaveL = b
                }
                b = parent[b]
                depthB -= 1
            }
        }
        let apex = a
        let onLSide = deltaL <= deltaK
        let delta = onLSide ? deltaL : deltaK
        let leaving = onLSide ? leaveL : leaveK
        if delta > 0 {
            var x = k
            while x != apex {
                flow[x] += isSource(x) ? -delta : delta
                x = parent[x]
            }
            x = l
            while x != apex {
                flow[x] += isSource(x) ? delta : -delta
                x = parent[x]
            }
        }
        // The subtree below the leaving arc hangs from the entering arc instead;
        // its potentials shift so that the entering arc gets zero reduced cost.
        let newChild = onLSide ? l : k
        let newParent = onLSide ? k : l
        let shift =
            onLSide
            ? nodePotential(k) - cost(k, l) - potential[l]
            : cost(k, l) + potential[l] - nodePotential(k)
        // Reverse the path from the new top (k or l) up to the leaving arc.
        var x = newChild
        var above = newParent
        var carried = delta
        while true {
            let oldParent = parent[x]
            let oldFlow = flow[x]
            detach(x)
            attach(x, to: above)
            flow[x] = carried
            if x == leaving { break }
            above = x
            carried = oldFlow
            x = oldParent
        }
        updateSubtree(of: newChild, shift: shift)
        return true
    }

    /// Shifts potentials and refreshes depths of the sinks below (and at) `top`.
    private func updateSubtree(of top: Int, shift: Double) {
        var size = 0
        if isSource(top) {
            pushSinkChildren(of: top, size: &size)
        } else {
            stack[0] = top
            size = 1
        }
        while size > 0 {
            size -= 1
            let s = stack[size]
            potential[s] += shift
            depth[s] = depth[parent[parent[s]]] + 2
            var x = firstChild[s]
            while x >= 0 {
                pushSinkChildren(of: x, size: &size)
                x = nextSibling[x]
            }
        }
    }

    @inline(__always) private func pushSinkChildren(of source: Int, size: inout Int) {
        var c = firstChild[source]
        while c >= 0 {
            stack[size] = c
            size += 1
            c = nextSibling[c]
        }
    }

    /// Sink potentials from scratch along the tree (removes drift from incremental shifts).
    func recomputePotentials() {
        potential[root] = 0
        depth[root] = 0
        stack[0] = root
        var size = 1
        while size > 0 {
            size -= 1
            let s = stack[size]
            var x = firstChild[s]
            while x >= 0 {
                let sourcePotential = cost(x, s) + potential[s]
                var c = firstChild[x]
                while c >= 0 {
                    potential[c] = sourcePotential - cost(x, c)
                    depth[c] = depth[s] + 2
                    stack[size] = c
                    size += 1
                    c = nextSibling[c]
                }
                x = nextSibling[x]
            }
        }
    }

    // MARK: Warm starts

    /// After the profits of `rows` changed in place: refreshes the cached arc costs and the
    /// potentials. Supplies and capacities are unchanged, so the tree stays primal feasible
    /// and `run()` continues from it (a re-solve after a few changed rows takes few pivots).
    /// A row must keep every tree arc finite, i.e. only change entries that are finite.
    func profitsChanged(rows: [Int]) {
        for h in rows where parent[h] >= 0 { parentCost[h] = cost(h, parent[h]) }
        recomputePotentials()
    }

    /// Calls `body(household, municipality, persons)` for each positive flow of the current tree.
    func forEachFlow(_ body: (Int, Int, Int) -> Void) {
        for h in activeHouseholds {
            let p = parent[h]
            if p != root && flow[h] > 0 { body(h, p - sinkBase, flow[h]) }
        }
        for m in 0..<sinkCount where capacity[m] > 0 {
            let node = sinkBase + m
            let p = parent[node]
            if p < householdCount && flow[node] > 0 { body(p, m, flow[node]) }
        }
    }

    /// Capacity prices λ_m ≥ 0 of the current tree; +infinity for a sink without capacity
    /// (its term in the bound is 0 whatever its price, so the largest price is free).
    func sinkPrices() -> [Double] {
        let slackPotential = nodePotential(slack)
        return (0..<sinkCount).map { m in
            capacity[m] > 0 ? Swift.max(0, potential[sinkBase + m] - slackPotential) : .infinity
        }
    }

    // MARK: Result

    /// Flows from tree arcs; duals mapped back to the original LP and made exactly feasible.
    func solution(isOptimal: Bool) -> TransportationSolution {
        var flows: [TransportationSolution.Flow] = []
        for h in activeHouseholds {
            let p = parent[h]
            if p != root && flow[h] > 0 { flows.append(.init(source: h, sink: p - sinkBase, amount: flow[h])) }
        }
        for m in 0..<sinkCount where capacity[m] > 0 {
            let node = sinkBase + m
            let p = parent[node]
            if p < householdCount && flow[node] > 0 { flows.append(.init(source: p, sink: m, amount: flow[node])) }
        }
        flows.sort { ($0.source, $0.sink) < ($1.source, $1.sink) }
        var objective = 0.0
        for f in flows { objective += profit[f.source * sinkCount + f.sink] * Double(f.amount) }

        // λ_m = reduced cost of E → m; zero-capacity sinks get theirs after u is known.
        let slackPotential = nodePotential(slack)
        var price = [Double](repeating: .infinity, count: sinkCount)
        for m in 0..<sinkCount where capacity[m] > 0 {
            price[m] = Swift.max(0, potential[sinkBase + m] - slackPotential)
        }
        // u_h = smallest value that is dual feasible for these λ (≤ the tree's −π_h).
        var sourcePotential = [Double](repeating: 0, count: householdCount)
        // Sinks without capacity still have λ = ∞ here, so they do not raise u.
        sourcePotential.withUnsafeMutableBufferPointer { u in
            _ = DualBound.bound(profit: profit, supply: supply, capacity: capacity, price: price, slack: u.baseAddress)
        }
        for m in 0..<sinkCount where capacity[m] == 0 {
            var best = 0.0
            for h in 0..<householdCount {
                best = Swift.max(best, profit[h * sinkCount + m] - sourcePotential[h])
            }
            price[m] = best
        }
        let bound = DualBound.bound(profit: profit, supply: supply, capacity: capacity, price: price)
        return TransportationSolution(
            flows: flows, objective: objective, sourcePotential: sourcePotential,
            sinkPrice: price, pivots: pivots, dualBound: bound, isOptimal: isOptimal)
    }
}
