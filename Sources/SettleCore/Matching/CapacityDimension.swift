// SPDX-License-Identifier: GPL-3.0-or-later

/// A capacity beyond persons that some households use: places for unaccompanied minors,
/// large dwellings, places with a special health service.
///
/// A household uses `demand[h]` units in the municipality it is placed in; no municipality
/// may get more than `capacity[m]` units. A household with demand 0 does not touch it.
public struct CapacityDimension: Sendable, Equatable {
    public var name: String
    /// Per household of the batch.
    public var demand: [Int]
    /// Per municipality.
    public var capacity: [Int]

    public init(name: String, demand: [Int], capacity: [Int]) {
        self.name = name
        self.demand = demand
        self.capacity = capacity
    }
}
