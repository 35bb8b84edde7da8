// SPDX-License-Identifier: GPL-3.0-or-later

/// A scenario with every draw made: the municipalities, their decisions, who
/// takes part in self-settlement and the cohort. Same spec, same scenario.
public struct Scenario: Sendable {
    public var spec: ScenarioSpec
    public var municipalities: [Municipality]
    /// Each municipality's settlement decision for the year, in persons.
    public var capacity: [Int]
    /// Whether each municipality takes part in agreed self-settlement.
    public var selfSettlementParticipation: [Bool]
    /// Places for unaccompanied minors in each decision, in persons.
    public var minorCapacity: [Int]
    /// Large dwellings (five persons or more) in each decision, in households.
    public var largeDwellings: [Int]
    /// Places with the special health service, in households (0 where it is not offered).
    public var healthPlaces: [Int]
    /// Where households in reception wait: municipality indices and their weights.
    public var receptionSites: [(municipality: Int, weight: Double)]
    public var households: [Household]

    public var persons: Int { households.reduce(0) { $0 + $1.size } }

    /// Draws the scenario from its spec; fails only on references to unknown municipality ids.
    public static func resolve(_ spec: ScenarioSpec) throws(ScenarioError) -> Scenario {
        let seeds = SeedSequence(seed: spec.seed)
        // The country (generated municipalities, labour markets, who takes part) stays fixed across replications.
        let world = SeedSequence(seed: spec.worldSeed ?? spec.seed)
        var records: [MunicipalityRecord]
        var country: Country? = nil
        switch spec.municipalities {
        case .country(let real):
            records = real.municipalities.map(\.record)
            country = real
        case .synthetic(let generated):
            var rng = world.stream("municipalities")
            records = MunicipalityGenerator.generate(generated, rng: &rng)
        case .table(let table):
            records = table
        }
        var labourRNG = world.stream("labour-market")
        let municipalities = records.map { record -> Municipality in
            let centrality =
                record.centralityClass.map(Self.centrality(class:)) ?? Self.centrality(population: record.population)
            // The labour market is drawn (an assumption): no published index per municipality is shipped.
            let drawn = 0.5 + 0.12 * labourRNG.normal() + 0.1 * (centrality - 0.5)
            return Municipality(
                id: record.id, name: record.name, countyID: record.countyID, county: record.county,
                population: record.population, areaKm2: record.areaKm2, latitude: record.latitude,
                longitude: record.longitude,
                labourMarket: record.labourMarket ?? min(0.95, max(0.05, drawn)),
                centrality: centrality, centralityClass: record.centralityClass)
        }
        var index: [String: Int] = [:]
        for (i, m) in municipalities.enumerated() { index[m.id] = i }

        for id in spec.capacity.overrides.keys.sorted() where index[id] == nil {
            throw .unknownOverrideMunicipality(id: id)
        }
        var capacity = try Self.decisions(records: records, country: country, rule: spec.capacity)
        if spec.capacity.scale != 1 {
            capacity = capacity.map { Int((Double($0) * spec.capacity.scale).rounded()) }
        }

        var participation: [Bool]
        if let listed = spec.selfSettlement.participating {
            for id in listed where index[id] == nil {
                throw .unknownParticipatingMunicipality(id: id)
            }
            let set = Set(listed)
            participation = municipalities.map { set.contains($0.id) }
        } else {
            var rng = world.stream("self-settlement-municipalities")
            participation = Self.drawParticipation(
                municipalities: municipalities, share: spec.selfSettlement.municipalityShare, rng: &rng)
        }
        for (i, record) in records.enumerated() {
            if let fixed = record.selfSettlement { participation[i] = fixed }
        }

        let byPopulation = largestFirst(municipalities)
        let rule = spec.capacity
        // Minors: the larger municipalities that take them share the national places by population.
        let minorTakers = Array(
            byPopulation.prefix(Int((rule.minorsMunicipalityShare * Double(municipalities.count)).rounded())))
        var minorCapacity = [Int](repeating: 0, count: municipalities.count)
        if let country, rule.basis != .population {
            // The councils' own decisions on unaccompanied minors, within their decisions.
            let decided = country.minorDecisions
            for m in minorCapacity.indices {
                minorCapacity[m] = min(Int((Double(decided[m]) * rule.scale).rounded()), capacity[m])
            }
        } else {
            let minorShares = MunicipalityGenerator.apportion(
                total: rule.unaccompaniedMinors, weights: minorTakers.map { Double(municipalities[$0].population) },
                minimum: 0)
            for (k, m) in minorTakers.enumerated() { minorCapacity[m] = min(minorShares[k], capacity[m]) }
        }
        // Large dwellings: a share of the decided places, at about 5.5 persons a dwelling.
        var largeDwellings = capacity.map { Int((Double($0) * rule.largeDwellingShare / 5.5).rounded(.up)) }
        // Health service: offered by the larger municipalities; places in households (about 2 persons each).
        let healthOffered = Set(
            byPopulation.prefix(Int((rule.healthServiceShare * Double(municipalities.count)).rounded())))
        var healthPlaces = capacity.indices.map { m in
            healthOffered.contains(m) ? max(1, Int((Double(capacity[m]) * rule.healthPlaceShare / 2).rounded())) : 0
        }
        for (i, record) in records.enumerated() {
            if let fixed = record.minorCapacity { minorCapacity[i] = fixed }
            if let fixed = record.largeDwellings { largeDwellings[i] = fixed }
            if let fixed = record.healthPlaces { healthPlaces[i] = fixed }
        }

        var households: [Household]
        switch spec.cohort {
        case .generated(let mix):
            var rng = seeds.stream("cohort")
            households = CohortGenerator.generate(mix, municipalities: municipalities, rng: &rng)
            var healthRNG = seeds.stream("health-needs")
            for h in households.indices { households[h].healthNeeds = healthRNG.uniform() < mix.healthNeedsShare }
            drawHousing(&households, given: nil, share: spec.housing.privateShare, seeds: seeds)
        case .table(let table):
            households = []
            households.reserveCapacity(table.count)
            for record in table {
                func find(_ id: String?, _ role: ScenarioError.HouseholdPlace) throws(ScenarioError) -> Int? {
                    guard let id else { return nil }
                    guard let found = index[id] else {
                        throw .unknownHouseholdMunicipality(household: record.id, place: role, id: id)
                    }
                    return found
                }
                let tie = try find(record.ties, .ties)
                let reception = try find(record.reception, .reception)
                households.append(
                    Household(
                        id: record.id, members: record.members, tieMunicipality: tie, receptionMunicipality: reception,
                        permitDay: record.permitDay ?? Self.unsetPermitDay, healthNeeds: record.healthNeeds,
                        housing: record.housing ?? .reception))
            }
            drawHousing(&households, given: table.map(\.housing), share: spec.housing.privateShare, seeds: seeds)
        }
        let sites = receptionSites(spec: spec, country: country, municipalities: municipalities)
        assignArrivals(&households, spec: spec, municipalities: municipalities, sites: sites, seeds: seeds)
        return Scenario(
            spec: spec, municipalities: municipalities, capacity: capacity,
            selfSettlementParticipation: participation, minorCapacity: minorCapacity, largeDwellings: largeDwellings,
            healthPlaces: healthPlaces, receptionSites: sites, households: households)
    }

    /// Where each household lives on arrival, unless its table row says: privately with `share`.
    /// Unaccompanied minors are always in care, and IMDi settles them.
    static func drawHousing(
        _ households: inout [Household], given: [ArrivalHousing?]?, share: Double, seeds: SeedSequence
    ) {
        var rng = seeds.stream("housing")
        for h in households.indices {
            let draw = rng.uniform()
            if let fixed = given?[h] {
                households[h].housing = households[h].isUnaccompaniedMinor ? .reception : fixed
            } else {
                households[h].housing = !households[h].isUnaccompaniedMinor && draw < share ? .privately : .reception
            }
        }
    }

    /// A cohort-table household without a permit day gets one from the arrival profile.
    static let unsetPermitDay = Int.min

    /// A real country's reception sites, weighted by the persons waiting there; else reception
    /// centres in the largest municipalities, weighted by the square root of population.
    static func receptionSites(spec: ScenarioSpec, country: Country?, municipalities: [Municipality])
        -> [(municipality: Int, weight: Double)]
    {
        if spec.reception.sites == nil, let country, country.municipalities.contains(where: { $0.inReception > 0 }) {
            return country.municipalities.indices.filter { country.municipalities[$0].inReception > 0 }.map {
                ($0, Double(country.municipalities[$0].inReception))
            }
        }
        let sites = Array(largestFirst(municipalities).prefix(max(1, spec.reception.sites ?? 60)))
        return sites.map { ($0, Double(municipalities[$0].population).squareRoot()) }
    }

    /// Permit days from the arrival profile and where each household lives while it waits (a reception
    /// site, or a private home near its ties or by population), where the cohort does not give them.
    static func assignArrivals(
        _ households: inout [Household], spec: ScenarioSpec, municipalities: [Municipality],
        sites: [(municipality: Int, weight: Double)], seeds: SeedSequence
    ) {
        let process = spec.process
        let siteWeights = sites.map(\.weight)
        let populationWeights = municipalities.map { Double($0.population) }
        for h in households.indices {
            // One stream per household: the same household arrives on the same day in every variant.
            var rng = seeds.stream("arrival", UInt64(h))
            let steady = rng.integer(in: 0...max(0, process.arrivalWindowDays - 1))
            let inSurge = rng.uniform() < process.surgeShare
            let surgeDay = process.surgeStartDay + rng.integer(in: 0...max(0, process.surgeDays - 1))
            let site = sites.isEmpty ? 0 : sites[rng.index(weights: siteWeights)].municipality
            var backlog = seeds.stream("backlog", UInt64(h))
            let inBacklog = backlog.uniform() < process.backlogShare && households[h].housing == .reception
            let backlogDay = -backlog.integer(in: 1...max(1, process.backlogDays))
            let home = rng.index(weights: populationWeights)
            if households[h].permitDay == unsetPermitDay || spec.cohort.isGenerated {
                switch process.arrivals {
                case .steady: households[h].permitDay = steady
                case .surge: households[h].permitDay = inSurge ? surgeDay : steady
                case .batch: households[h].permitDay = 0
                }
                if inBacklog { households[h].permitDay = backlogDay }
            }
            if households[h].receptionMunicipality == nil && !municipalities.isEmpty {
                households[h].receptionMunicipality =
                    households[h].housing == .reception ? site : (households[h].tieMunicipality ?? home)
            }
        }
    }

    /// Municipality indices, most populous first; ties by index so the order is fixed.
    static func largestFirst(_ municipalities: [Municipality]) -> [Int] {
        municipalities.indices.sorted {
            municipalities[$0].population != municipalities[$1].population
                ? municipalities[$0].population > municipalities[$1].population : $0 < $1
        }
    }

    /// Centrality from SSB's class: 1 (most central) is 1, 6 (least central) is 0.
    public static func centrality(class value: Int) -> Double {
        Double(6 - min(6, max(1, value))) / 5
    }

    /// Centrality from population on a log scale: about 0.35 at 5,000 inhabitants, 1 at 700,000.
    public static func centrality(population: Int) -> Double {
        let value = (_log10(Double(max(population, 1))) - 2.5) / (_log10(700_000) - 2.5)
        return min(1, max(0, value))
    }

    /// Decisions: a municipality's own figure (override, table column, or a real country's decision or
    /// request), else a population share of what is left. A national total too small for the minimum
    /// of every municipality that shares it is refused rather than silently raised.
    static func decisions(records: [MunicipalityRecord], country: Country?, rule: CapacityRule)
        throws(ScenarioError) -> [Int]
    {
        var own: [Int?] = records.map(\.capacity)
        if let country {
            switch rule.basis {
            case nil, .decided2024?: own = country.decisions.map { $0 }
            case .requested2024?: own = country.requests.map { $0 }
            case .population?: break
            }
        } else if let basis = rule.basis, basis != .population {
            throw .basisNeedsTheRealCountry(basis)
        }
        var fixed: [Int?] = records.indices.map { rule.overrides[records[$0].id] ?? own[$0] }
        let fixedTotal = fixed.reduce(0) { $0 + ($1 ?? 0) }
        let open = records.indices.filter { fixed[$0] == nil }
        let total = max(0, rule.nationalTotal - fixedTotal)
        if !open.isEmpty && total < rule.minimum * open.count {
            throw .nationalTotalBelowMinimum(
                nationalTotal: rule.nationalTotal, left: total, municipalities: open.count, minimum: rule.minimum)
        }
        let shares = MunicipalityGenerator.apportion(
            total: total, weights: open.map { Double(records[$0].population) }, minimum: rule.minimum)
        for (k, i) in open.enumerated() { fixed[i] = shares[k] }
        return fixed.map { $0 ?? 0 }
    }

    /// Picks round(share × count) municipalities, larger ones somewhat likelier (weighted sampling without replacement).
    static func drawParticipation(municipalities: [Municipality], share: Double, rng: inout SplitMix64) -> [Bool] {
        let wanted = Int((share * Double(municipalities.count)).rounded())
        let keys = municipalities.map { m -> Double in
            let weight = 1 + _log10(Double(max(m.population, 1)))
            return _log(max(rng.uniform(), 1e-300)) / weight
        }
        let order = keys.indices.sorted { keys[$0] != keys[$1] ? keys[$0] > keys[$1] : $0 < $1 }
        var result = [Bool](repeating: false, count: municipalities.count)
        for i in order.prefix(wanted) { result[i] = true }
        return result
    }
}
