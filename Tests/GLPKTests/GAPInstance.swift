// SPDX-License-Identifier: GPL-3.0-or-later

import GLPK

/// The generalized assignment instance c515-1 (5 agents, 15 jobs), as shipped
/// in GLPK's examples/gap.mod, from the OR-Library (Osman 1995; Cattrysse,
/// Salomon & Van Wassenhove 1994). Optimum 336 maximised, 261 minimised.
enum GAPInstance {
    static let agents = 5
    static let jobs = 15

    /// Resource consumed when agent i does job j.
    static let resource: [[Double]] = [
        [8, 15, 14, 23, 8, 16, 8, 25, 9, 17, 25, 15, 10, 8, 24],
        [15, 7, 23, 22, 11, 11, 12, 10, 17, 16, 7, 16, 10, 18, 22],
        [21, 20, 6, 22, 24, 10, 24, 9, 21, 14, 11, 14, 11, 19, 16],
        [20, 11, 8, 14, 9, 5, 6, 19, 19, 7, 6, 6, 13, 9, 18],
        [8, 13, 13, 13, 10, 20, 25, 16, 16, 17, 10, 10, 5, 12, 23],
    ]

    /// Resource capacity of agent i.
    static let capacity: [Double] = [36, 34, 38, 27, 33]

    /// Cost (or profit) when agent i does job j.
    static let cost: [[Double]] = [
        [17, 21, 22, 18, 24, 15, 20, 18, 19, 18, 16, 22, 24, 24, 16],
        [23, 16, 21, 16, 17, 16, 19, 25, 18, 21, 17, 15, 25, 17, 24],
        [16, 20, 16, 25, 24, 16, 17, 19, 19, 18, 20, 16, 17, 21, 24],
        [19, 19, 22, 22, 20, 16, 19, 17, 21, 19, 25, 23, 25, 25, 25],
        [18, 19, 15, 15, 21, 25, 16, 16, 23, 15, 22, 17, 19, 22, 24],
    ]

    static func variable(agent: Int, job: Int) -> Int { agent * jobs + job }

    /// gap.mod as a `LinearModel`: x[i,j] binary, one agent per job, capacity per agent.
    static func model(sense: LinearModel.Sense) -> LinearModel {
        var model = LinearModel(name: "gap_c515_1", sense: sense)
        for agent in 0..<agents {
            for job in 0..<jobs {
                model.addVariable(
                    name: "x_\(agent + 1)_\(job + 1)", kind: .binary,
                    objective: cost[agent][job])
            }
        }
        for job in 0..<jobs {
            model.addConstraint(
                name: "one_\(job + 1)", lower: 1, upper: 1,
                indices: (0..<agents).map { variable(agent: $0, job: job) },
                coefficients: Array(repeating: 1, count: agents))
        }
        for agent in 0..<agents {
            model.addConstraint(
                name: "lim_\(agent + 1)", upper: capacity[agent],
                indices: (0..<jobs).map { variable(agent: agent, job: $0) },
                coefficients: resource[agent])
        }
        return model
    }

    /// The agent of each job in a 0/1 solution, or nil if some job has not exactly one.
    static func assignment(_ values: [Double]) -> [Int]? {
        var result: [Int] = []
        for job in 0..<jobs {
            let chosen = (0..<agents).filter { values[variable(agent: $0, job: job)] > 0.5 }
            guard chosen.count == 1 else { return nil }
            result.append(chosen[0])
        }
        return result
    }
}
