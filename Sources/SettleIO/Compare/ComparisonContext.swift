// SPDX-License-Identifier: GPL-3.0-or-later

import SettleCore

/// What a comparison report needs besides the records: names, the country, the decisions.
public struct ComparisonContext: Sendable, Equatable {
    public struct Place: Sendable, Equatable {
        public var id: String
        public var name: String
        public var county: String
        public var latitude: Double
        public var longitude: Double
        public var population: Int
    }

    public var name: String
    public var baseSeed: UInt64
    public var replications: Int
    public var variantNames: [String]
    public var municipalities: [Place]
    public var counties: [String]
    /// Per variant, per county: places decided.
    public var decidedByCounty: [[Int]]

    public init(plan: ComparisonPlan) throws(ScenarioError) {
        name = plan.name
        baseSeed = plan.baseSeed
        replications = plan.replications
        variantNames = plan.variantNames
        counties = try plan.countyOrder()
        let first = try plan.scenario(variant: 0, replication: 0)
        municipalities = first.municipalities.map {
            Place(
                id: $0.id, name: $0.name, county: $0.county, latitude: $0.latitude, longitude: $0.longitude,
                population: $0.population)
        }
        var decided: [[Int]] = []
        for v in plan.specs.indices {
            let scenario = try plan.scenario(variant: v, replication: 0)
            var row = [Int](repeating: 0, count: counties.count)
            let index = Dictionary(uniqueKeysWithValues: counties.enumerated().map { ($1, $0) })
            for (m, place) in scenario.municipalities.enumerated() {
                if let c = index[place.county] { row[c] += scenario.capacity[m] }
            }
            decided.append(row)
        }
        decidedByCounty = decided
    }

    init(
        name: String, baseSeed: UInt64, replications: Int, variantNames: [String], municipalities: [Place],
        counties: [String], decidedByCounty: [[Int]]
    ) {
        self.name = name
        self.baseSeed = baseSeed
        self.replications = replications
        self.variantNames = variantNames
        self.municipalities = municipalities
        self.counties = counties
        self.decidedByCounty = decidedByCounty
    }
}
