// SPDX-License-Identifier: GPL-3.0-or-later

/// What is left of each municipality's capacity in persons and in every extra dimension, as
/// households are placed: the bookkeeping LP diving, the repair and the local search share.
struct Room {
    private let sizes: [Int]
    let dims: [CapacityDimension]
    /// Persons left, per municipality.
    private(set) var persons: [Int]
    /// Units left, per dimension and municipality.
    private(set) var dimension: [[Int]]

    /// The whole capacity of `batch`, before anyone is placed.
    init(_ batch: MatchingBatch, dimensions dims: [CapacityDimension]) {
        sizes = batch.households.map(\.size)
        self.dims = dims
        persons = batch.capacity
        dimension = dims.map(\.capacity)
    }

    /// Whether every dimension m has left holds h (persons not counted).
    func dimensionsHold(_ h: Int, _ m: Int) -> Bool {
        !dims.indices.contains { dims[$0].demand[h] > dimension[$0][m] }
    }

    /// Whether m holds h, once `leaving` (placed in m now, if given) has gone.
    func fits(_ h: Int, _ m: Int, replacing leaving: Int? = nil) -> Bool {
        guard let leaving else { return persons[m] >= sizes[h] && dimensionsHold(h, m) }
        if persons[m] + sizes[leaving] < sizes[h] { return false }
        return !dims.indices.contains { dimension[$0][m] + dims[$0].demand[leaving] < dims[$0].demand[h] }
    }

    mutating func use(_ h: Int, _ m: Int) {
        persons[m] -= sizes[h]
        for k in dims.indices { dimension[k][m] -= dims[k].demand[h] }
    }

    mutating func release(_ h: Int, _ m: Int) {
        persons[m] += sizes[h]
        for k in dims.indices { dimension[k][m] += dims[k].demand[h] }
    }
}
