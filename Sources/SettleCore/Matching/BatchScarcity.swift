// SPDX-License-Identifier: GPL-3.0-or-later

/// How short a round's places are: persons against places, and each capacity dimension's demand
/// against what is left of it. The reason a round can be hard to certify: where places are short
/// everywhere the optimum is a packing of small places, and where a dimension is short its rows bind.
public struct BatchScarcity: Sendable, Equatable {
    public struct Shortfall: Sendable, Equatable {
        /// The dimension's name, as in `CapacityDimension.name`.
        public var name: String
        public var demand: Int
        public var capacity: Int

        public init(name: String, demand: Int, capacity: Int) {
            self.name = name
            self.demand = demand
            self.capacity = capacity
        }
    }

    /// Persons in the batch's households.
    public var persons: Int
    /// Places left in the batch's municipalities, in persons.
    public var places: Int
    /// The dimensions whose demand in the batch exceeds their capacity left in all municipalities.
    public var shortDimensions: [Shortfall]

    public var placesShort: Bool { places < persons }

    public init(persons: Int, places: Int, shortDimensions: [Shortfall] = []) {
        self.persons = persons
        self.places = places
        self.shortDimensions = shortDimensions
    }

    public init(_ batch: MatchingBatch) {
        persons = Self.persons(batch)
        places = Self.places(batch)
        shortDimensions = batch.dimensions.compactMap { d in
            let demand = d.demand.reduce(0, +)
            let capacity = d.capacity.reduce(0) { $0 + max(0, $1) }
            return demand > capacity ? Shortfall(name: d.name, demand: demand, capacity: capacity) : nil
        }
    }

    /// `placesShort` without summing the dimensions, for the matcher's per-batch choices.
    static func placesShort(_ batch: MatchingBatch) -> Bool { places(batch) < persons(batch) }

    private static func persons(_ batch: MatchingBatch) -> Int { batch.households.reduce(0) { $0 + $1.size } }

    private static func places(_ batch: MatchingBatch) -> Int { batch.capacity.reduce(0) { $0 + max(0, $1) } }
}
