// SPDX-License-Identifier: GPL-3.0-or-later

import GLPK

/// A generalized assignment problem from a fixed linear congruential
/// generator: hard enough at 10 × 60 that branch-and-cut runs for seconds.
func randomGAP(agents: Int, jobs: Int, seed: UInt64, sense: LinearModel.Sense) -> LinearModel {
    var state = seed
    func draw(_ range: ClosedRange<Int>) -> Double {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Double(range.lowerBound + Int((state >> 33) % UInt64(range.count)))
    }
    var model = LinearModel(name: "random_gap", sense: sense)
    var weights: [[Double]] = []
    for agent in 0..<agents {
        var row: [Double] = []
        for job in 0..<jobs {
            model.addVariable(name: "x_\(agent)_\(job)", kind: .binary, objective: draw(10...50))
            row.append(draw(5...25))
        }
        weights.append(row)
    }
    for job in 0..<jobs {
        model.addConstraint(
            name: "one_\(job)", lower: 1, upper: 1, indices: (0..<agents).map { $0 * jobs + job },
            coefficients: Array(repeating: 1, count: agents))
    }
    for agent in 0..<agents {
        // 80 % of an even share of the work: tight, so the search is long.
        let capacity = (weights[agent].reduce(0, +) / Double(agents) * 0.8).rounded()
        model.addConstraint(
            name: "lim_\(agent)", upper: capacity, indices: (0..<jobs).map { agent * jobs + $0 },
            coefficients: weights[agent])
    }
    return model
}
