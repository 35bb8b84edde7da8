// SPDX-License-Identifier: GPL-3.0-or-later

/// Everything a scenario file says, validated, before any random draw.
///
/// Defaults are the documented values in the README's scenario reference.
/// Tables (municipalities, cohort) arrive as records: reading files is the IO
/// layer's job, so the core stays pure.
public struct ScenarioSpec: Sendable, Equatable {
    public var name: String = "scenario"
    public var description: String = ""
    public var seed: UInt64 = 2024
    /// Seed of the country's draws (generated municipalities, labour markets, self-settlement
    /// participation) when it should differ from `seed`: replications share one country.
    public var worldSeed: UInt64? = nil
    /// Norway's real municipalities unless the scenario names a synthetic country or a table.
    public var municipalities: MunicipalitySource = .country(.norway2024)
    public var capacity: CapacityRule = CapacityRule()
    public var selfSettlement: SelfSettlementRule = SelfSettlementRule()
    /// Where households live on arrival and what those living privately ask for.
    public var housing: HousingSpec = HousingSpec()
    /// Who may take which route (every rule holds unless a study drops one).
    public var routes: RouteRules = .standard
    public var cohort: CohortSource = .generated(CohortMix())
    public var decline: DeclineModel = DeclineModel()
    public var benefit: BenefitRates = BenefitRates()
    /// The municipal integration grant for the first year, per person settled.
    public var grant: GrantRates = GrantRates()
    public var scoring: IntegrationModel = IntegrationModel()
    public var matching: MatchingOptions = MatchingOptions()
    public var process: ProcessSpec = ProcessSpec()
    public var policy: PolicySpec = PolicySpec()
    public var reception: ReceptionSpec = ReceptionSpec()
    /// The years after settlement (off unless `years` is 2 or more).
    public var lifecycle: LifecycleSpec = LifecycleSpec()

    public init() {}
}

/// The settlement process over time: when permits are granted, how often IMDi matches, how long things take.
public struct ProcessSpec: Sendable, Equatable {
    public enum Arrivals: String, Sendable, CaseIterable {
        /// Permits spread evenly over the arrival window.
        case steady
        /// A share of the permits in a short window (as in spring 2022), the rest steady.
        case surge
        /// Every permit on day 0: one batch, as a single matching round.
        case batch
    }

    public enum CapacityRelease: String, Sendable, CaseIterable {
        /// Municipalities settle through the year: by day t, a share (t + round) / horizon of each decision is open.
        case even
        /// The whole decision is open from day 0.
        case upfront
    }

    public var horizonDays: Int = 365
    public var arrivals: Arrivals = .steady
    /// Permits are granted over days [0, arrivalWindowDays).
    public var arrivalWindowDays: Int = 300
    public var surgeStartDay: Int = 30
    public var surgeDays: Int = 60
    public var surgeShare: Double = 0.5
    /// Days from permit until IMDi can match the household (mapping its needs).
    public var processingDays: Int = 14
    /// IMDi matches every this many days, starting on day 0.
    public var roundEveryDays: Int = 7
    /// Days from the offer to the agreed settlement date.
    public var leadTimeDays: Int = 28
    /// Share of accepting households that do not move on the date and are moved by the police.
    public var noShowShare: Double = 0.01
    public var capacityRelease: CapacityRelease = .even
    /// IMDi's targets: settled within 6 months of the permit, unaccompanied minors within 3.
    public var targetDays: Int = 183
    public var minorTargetDays: Int = 91
    /// Days a household searches for a home under agreed self-settlement.
    public var searchDays: ClosedRange<Int> = 14...90
    /// Matching value per person for each 30 days waited, so that long waits are served first.
    public var waitPriority: Double = 0.2
    /// A round considers the longest-waiting households up to this many times the open places (0: all).
    public var batchLimitFactor: Double = 3
    /// Share of the cohort whose permit came before day 0: they are in reception when the year starts.
    public var backlogShare: Double = 0
    /// Those permits fall on the days [-backlogDays, -1].
    public var backlogDays: Int = 90

    public init() {}
}

/// Where households in reception wait, and what a day there costs.
public struct ReceptionSpec: Sendable, Equatable {
    /// Reception centres in this many municipalities, the largest by population; nil: a real
    /// country's own sites (weighted by the persons waiting there), else 60.
    public var sites: Int? = nil
    /// Cost of one person-day in reception or emergency accommodation, in NOK (about 650 reported
    /// for emergency accommodation in April 2022).
    public var costPerPersonDayNOK: Double = 650

    public init() {}
}

public enum MunicipalitySource: Sendable, Equatable {
    /// A real country settle ships (Norway 2024).
    case country(Country)
    /// A synthetic Norway-like country from the generator, for experiments.
    case synthetic(GeneratedMunicipalities)
    case table([MunicipalityRecord])

    public var count: Int {
        switch self {
        case .country(let country): country.municipalities.count
        case .synthetic(let generated): generated.count
        case .table(let records): records.count
        }
    }
}

/// Parameters of the synthetic Norway-like generator.
public struct GeneratedMunicipalities: Sendable, Equatable {
    public var count: Int = 357
    public var counties: Int = 15
    public var population: Int = 5_550_000

    public init() {}
}

/// One row of a municipality table; optional columns refine the defaults.
public struct MunicipalityRecord: Sendable, Equatable {
    public var id: String
    public var name: String
    public var countyID: String
    public var county: String
    public var population: Int
    public var areaKm2: Double
    public var latitude: Double
    public var longitude: Double
    public var capacity: Int?
    public var selfSettlement: Bool?
    public var labourMarket: Double?
    public var minorCapacity: Int?
    public var largeDwellings: Int?
    public var healthPlaces: Int?
    /// SSB's centrality class, 1 (most central) to 6; otherwise centrality follows population.
    public var centralityClass: Int?

    public init(
        id: String, name: String, countyID: String, county: String, population: Int, areaKm2: Double,
        latitude: Double, longitude: Double, capacity: Int? = nil, selfSettlement: Bool? = nil,
        labourMarket: Double? = nil, minorCapacity: Int? = nil, largeDwellings: Int? = nil, healthPlaces: Int? = nil,
        centralityClass: Int? = nil
    ) {
        self.centralityClass = centralityClass
        self.minorCapacity = minorCapacity
        self.largeDwellings = largeDwellings
        self.healthPlaces = healthPlaces
        self.id = id
        self.name = name
        self.countyID = countyID
        self.county = county
        self.population = population
        self.areaKm2 = areaKm2
        self.latitude = latitude
        self.longitude = longitude
        self.capacity = capacity
        self.selfSettlement = selfSettlement
        self.labourMarket = labourMarket
    }
}

/// Each municipality's settlement decision: how many persons it will settle this year.
public struct CapacityRule: Sendable, Equatable {
    public enum Basis: String, Sendable, CaseIterable {
        /// `nationalTotal` shared by population.
        case population
        /// A real country's council decisions (a pending decision falls back to the request).
        case decided2024 = "decided-2024"
        /// IMDi's requests to a real country's municipalities.
        case requested2024 = "requested-2024"
    }

    /// nil: a real country's decisions, else the population share.
    public var basis: Basis? = nil
    /// Places decided nationally, shared by population unless a municipality's own figure is given.
    public var nationalTotal: Int = 35_500
    /// IMDi normally asks no municipality for fewer than this many persons.
    public var minimum: Int = 10
    /// Decisions fixed per municipality id, in persons.
    public var overrides: [String: Int] = [:]
    /// Every decision multiplied by this (after shares and overrides), for "what if municipalities decided more?".
    public var scale: Double = 1
    /// Places for unaccompanied minors nationally (persons), within the decisions.
    public var unaccompaniedMinors: Int = 600
    /// Share of municipalities that settle unaccompanied minors (larger ones first).
    public var minorsMunicipalityShare: Double = 0.35
    /// Share of decided places that are in large dwellings (five persons or more).
    public var largeDwellingShare: Double = 0.12
    /// Share of municipalities that offer the special health service (larger ones first).
    public var healthServiceShare: Double = 0.5
    /// Places for households with special health needs, as a share of the decision's households.
    public var healthPlaceShare: Double = 0.05

    public init() {}
}

/// Where households live when the permit is granted, and what those living privately do.
public struct HousingSpec: Sendable, Equatable {
    /// Share of households living privately (about half of Ukrainians in May 2022, UDI); the rest
    /// live in reception or emergency accommodation. Unaccompanied minors are always in care.
    public var privateShare: Double = 0.5
    /// Of those living privately who do not look for a home themselves, the share that apply to
    /// IMDi for settlement (assumption); the rest ask for nothing and stay where they are.
    public var applyShare: Double = 0.7
    /// Days from the permit to the application to IMDi (assumption: "as soon as possible").
    public var applicationDays: ClosedRange<Int> = 0...30

    public init() {}
}

public struct SelfSettlementRule: Sendable, Equatable {
    /// Share of municipalities that take part in agreed self-settlement (about 140 of 357, NIBR 2016).
    public var municipalityShare: Double = 0.4
    /// Municipality ids that take part; when given, `municipalityShare` is not used.
    public var participating: [String]? = nil
    /// Share of households living privately that look for a home themselves (agreed self-settlement).
    public var householdShare: Double = 0.2
    /// How much likelier a single adult is to try (the scheme is used mostly by single adults).
    public var singleAdultFactor: Double = 2.0
    /// Chance that the municipality approves the home and the agreement.
    public var approvalProbability: Double = 0.8

    public init() {}
}

public enum CohortSource: Sendable, Equatable {
    case generated(CohortMix)
    case table([HouseholdRecord])

    public var isGenerated: Bool {
        if case .generated = self { return true }
        return false
    }
}

/// One household read from a cohort table.
public struct HouseholdRecord: Sendable, Equatable {
    public var id: String
    public var members: [Person]
    /// Municipality id of family ties, if any.
    public var ties: String?
    /// Municipality id of the reception centre, if known.
    public var reception: String?
    public var permitDay: Int?
    public var healthNeeds: Bool
    /// Where the household lives on arrival; nil: drawn with `housing.private_share`.
    public var housing: ArrivalHousing?

    public init(
        id: String, members: [Person], ties: String? = nil, reception: String? = nil, permitDay: Int? = nil,
        healthNeeds: Bool = false, housing: ArrivalHousing? = nil
    ) {
        self.housing = housing
        self.id = id
        self.members = members
        self.ties = ties
        self.reception = reception
        self.permitDay = permitDay
        self.healthNeeds = healthNeeds
    }
}

/// The mix a generated cohort is drawn from. Shares are normalised to sum to one.
public struct CohortMix: Sendable, Equatable {
    public var households: Int = 3_000
    /// Household size → share (assumption fitted to a mostly Ukrainian cohort: many single adults and mothers with children).
    public var householdSize: [Int: Double] = [1: 0.42, 2: 0.26, 3: 0.17, 4: 0.10, 5: 0.03, 6: 0.02]
    /// Share of households that are one unaccompanied minor.
    public var unaccompaniedMinorShare: Double = 0.01
    public var education: [Education: Double] = [.basic: 0.2, .secondary: 0.4, .higher: 0.4]
    public var english: [LanguageSkill: Double] = [.none: 0.4, .basic: 0.35, .good: 0.25]
    /// Share of households with family or friends in some municipality.
    public var tiesShare: Double = 0.3
    /// Share of households with special health needs.
    public var healthNeedsShare: Double = 0.03

    public init() {}
}

/// Whether a household declines IMDi's single offer: a logistic model.
///
/// No decline rate is published, so every parameter here is an assumption to vary.
public struct DeclineModel: Sendable, Equatable {
    /// Decline probability for a reference household (ties nowhere, offer of average centrality).
    public var baseRate: Double = 0.05
    /// Log-odds added per unit of (0.5 − centrality): remote offers are declined more.
    public var remoteness: Double = 1.5
    /// Log-odds added when the household has ties to another municipality than the offered one.
    public var tiesElsewhere: Double = 1.0
    /// Log-odds added for a single adult, who can more easily arrange housing alone.
    public var singleAdult: Double = 0.3
    /// Log-odds per 100 km between the reception centre and the offered municipality.
    public var distance: Double = 0.15

    public init() {}

    public func probability(household: Household, offered: Int, municipalities: [Municipality]) -> Double {
        if baseRate <= 0 { return 0 }
        if baseRate >= 1 { return 1 }
        let place = municipalities[offered]
        var z = logit(baseRate) + remoteness * (0.5 - place.centrality)
        if let tie = household.tieMunicipality, tie != offered { z += tiesElsewhere }
        if household.isSingleAdult { z += singleAdult }
        if let here = household.receptionMunicipality {
            let from = municipalities[here]
            let km = haversineKilometres(
                lat1: from.latitude, lon1: from.longitude, lat2: place.latitude, lon2: place.longitude)
            z += distance * km / 100
        }
        return logistic(z)
    }
}

public enum MatchingMethod: String, Sendable, CaseIterable {
    /// Exact branch and cut for small batches, LP plus repair for large ones.
    case auto
    /// GLPK branch and cut on the whole batch.
    case exact
    /// Transportation LP in person-flows, then a small GLPK MIP for split households.
    case lpRepair = "lp-repair"
}

public struct MatchingOptions: Sendable, Equatable {
    public var method: MatchingMethod = .auto
    /// Seconds GLPK may spend on one branch and cut: a safety net, since where it stops depends on the machine.
    public var timeLimitSeconds: Double = 60
    /// Branch-and-cut nodes the exact method may use: where it stops is the same on every machine.
    public var nodeLimit: Int = 20_000
    /// Relative gap at which a MIP may stop.
    public var gapTolerance: Double = 0.001
    /// Batches with at most this many household–municipality pairs are solved exactly under `auto`.
    public var exactPairLimit: Int = 2_000
    /// Terms added to predicted integration (ties, distance, fill, balancing, a scores table).
    public var objective: MatchingObjective = MatchingObjective()

    public init() {}
}
