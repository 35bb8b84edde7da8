// SPDX-License-Identifier: GPL-3.0-or-later

/// One IMDi matching round as data: who waits, where there is room, and what each pairing is worth.
public struct MatchingBatch: Sendable {
    public var households: [Household]
    public var municipalities: [Municipality]
    /// Remaining places in each municipality's decision, in persons.
    public var capacity: [Int]
    /// Row-major households × municipalities; `-infinity` marks a pairing that is not allowed.
    public var value: [Double]
    /// Capacities beyond persons; a pairing where a dimension cannot hold the household is not allowed.
    public var dimensions: [CapacityDimension]
    /// Each municipality's decision for the year, when known: minimum fill and balancing
    /// compare what is left (`capacity`) with it.
    public var decision: [Int]? = nil
    /// Value added per person placed in each municipality: a hook for dynamic prices such
    /// as allocation balancing or dual prices of future arrivals.
    public var personPrice: [Double]? = nil
    /// The integration model the values came from, if any (a scores table keeps its placement value).
    public var scoring: IntegrationModel? = nil

    public var householdCount: Int { households.count }
    public var municipalityCount: Int { municipalities.count }

    public init(
        households: [Household], municipalities: [Municipality], capacity: [Int], value: [Double],
        dimensions: [CapacityDimension] = []
    ) {
        self.households = households
        self.municipalities = municipalities
        self.capacity = capacity
        self.value = value
        self.dimensions = dimensions
    }

    /// Values from the integration model; a household may only go where its whole size fits.
    public init(
        households: [Household], municipalities: [Municipality], capacity: [Int], model: IntegrationModel,
        dimensions: [CapacityDimension] = []
    ) {
        var value = [Double](repeating: -.infinity, count: households.count * municipalities.count)
        for (h, household) in households.enumerated() {
            let row = h * municipalities.count
            for (m, municipality) in municipalities.enumerated() where capacity[m] >= household.size {
                if dimensions.contains(where: { $0.demand[h] > $0.capacity[m] }) { continue }
                value[row + m] = model.matchingValue(household, in: municipality)
            }
        }
        self.init(
            households: households, municipalities: municipalities, capacity: capacity, value: value,
            dimensions: dimensions)
        scoring = model
    }

    @inline(__always) public func value(_ h: Int, _ m: Int) -> Double { value[h * municipalities.count + m] }
    @inline(__always) public func isAllowed(_ h: Int, _ m: Int) -> Bool {
        value[h * municipalities.count + m] > -.infinity
    }

    /// Number of allowed household–municipality pairs: the size of the exact model.
    public var allowedPairs: Int { value.reduce(0) { $0 + ($1 > -.infinity ? 1 : 0) } }
}
