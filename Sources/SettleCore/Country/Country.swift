// SPDX-License-Identifier: GPL-3.0-or-later

/// A real country as settle ships it: its municipalities with their facts, the settlement
/// requests and decisions of one year, and where people waited in reception.
public struct Country: Sendable, Equatable {
    /// The name a scenario gives it (`municipalities: {country: norway-2024}`).
    public var name: String
    public var municipalities: [CountryMunicipality]
    /// Persons in reception sites the source could not place in a municipality.
    public var unlocatedInReception: Int

    public init(name: String, municipalities: [CountryMunicipality], unlocatedInReception: Int = 0) {
        self.name = name
        self.municipalities = municipalities
        self.unlocatedInReception = unlocatedInReception
    }

    /// The countries settle ships, by the name a scenario uses.
    public static let all: [String: Country] = ["norway-2024": .norway2024]

    /// Each municipality's decision in persons; a pending decision falls back to the request.
    public var decisions: [Int] { municipalities.map { $0.decided ?? $0.requested ?? 0 } }
    public var requests: [Int] { municipalities.map { $0.requested ?? 0 } }
    /// Places for unaccompanied minors decided; a pending decision falls back to the request.
    public var minorDecisions: [Int] { municipalities.map { $0.minorsDecided ?? $0.minorsRequested ?? 0 } }
}

/// One municipality of a `Country`.
public struct CountryMunicipality: Sendable, Equatable {
    /// Id, name, county, population, area, centroid and SSB's centrality class.
    public var record: MunicipalityRecord
    /// Persons IMDi asked the municipality to settle this year.
    public var requested: Int?
    /// Persons the council decided to settle; nil while the decision is pending.
    public var decided: Int?
    public var minorsRequested: Int?
    public var minorsDecided: Int?
    /// Reception or emergency-accommodation sites in the municipality.
    public var receptionCentres: Int
    /// Persons waiting in reception there.
    public var inReception: Int

    public init(
        record: MunicipalityRecord, requested: Int?, decided: Int?, minorsRequested: Int?, minorsDecided: Int?,
        receptionCentres: Int, inReception: Int
    ) {
        self.record = record
        self.requested = requested
        self.decided = decided
        self.minorsRequested = minorsRequested
        self.minorsDecided = minorsDecided
        self.receptionCentres = receptionCentres
        self.inReception = inReception
    }
}
