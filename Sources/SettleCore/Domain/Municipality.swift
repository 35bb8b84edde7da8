// SPDX-License-Identifier: GPL-3.0-or-later

/// A Norwegian municipality (kommune) as the matching sees it.
public struct Municipality: Sendable, Equatable {
    /// The four-digit kommunenummer; its first two digits are the county.
    public var id: String
    public var name: String
    public var countyID: String
    public var county: String
    public var population: Int
    public var areaKm2: Double
    public var latitude: Double
    public var longitude: Double
    /// Local labour demand on a 0–1 scale (an assumption unless the table supplies it).
    public var labourMarket: Double
    /// Centrality on a 0–1 scale: from SSB's class where known (class 1 = 1, class 6 = 0), else
    /// from population size (0 = smallest, 1 = the capital).
    public var centrality: Double
    /// SSB's centrality class (1 = most central ... 6 = least), where known.
    public var centralityClass: Int?

    public init(
        id: String, name: String, countyID: String, county: String, population: Int, areaKm2: Double,
        latitude: Double, longitude: Double, labourMarket: Double, centrality: Double, centralityClass: Int? = nil
    ) {
        self.centralityClass = centralityClass
        self.id = id
        self.name = name
        self.countyID = countyID
        self.county = county
        self.population = population
        self.areaKm2 = areaKm2
        self.latitude = latitude
        self.longitude = longitude
        self.labourMarket = labourMarket
        self.centrality = centrality
    }
}
