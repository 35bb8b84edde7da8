// SPDX-License-Identifier: GPL-3.0-or-later

import Foundation
import SettleCore
import Yams

/// Reads a scenario file (YAML, or JSON, which YAML reads too) into a validated `ScenarioSpec`.
///
/// Every key is checked: unknown keys are errors with the nearest valid key,
/// numbers must be finite and in range, and tables named by the scenario are
/// read relative to the scenario file's folder.
public enum ScenarioDecoder {
    /// Largest cohort and municipality counts accepted; beyond them memory runs out before anything useful happens.
    public static let maximumHouseholds = 1_000_000
    public static let maximumMunicipalities = 5_000
    /// Largest households × municipalities: every pair gets a score (8 bytes each, in several arrays).
    public static let maximumPairs = 200_000_000

    static let cohortKeys = [
        "households", "table", "household_size", "unaccompanied_minor_share", "education", "english", "ties_share",
        "health_needs_share",
    ]

    static let topKeys = [
        "name", "description", "seed", "municipalities", "capacity", "self_settlement", "housing", "cohort",
        "decline", "benefit", "grant", "scoring", "matching", "process", "reception", "policy", "variants",
        "lifecycle",
    ]

    /// Loads `path`, applying `overrides` before validation.
    public static func load(path: String, overrides: [Override] = []) throws(InputError) -> ScenarioSpec {
        let text = try TextFile.read(path)
        let folder = OutputWriter.parentFolder(path)
        return try decode(text, file: path, folder: folder, overrides: overrides)
    }

    public static func decode(
        _ text: String, file: String, folder: String = ".", overrides: [Override] = []
    ) throws(InputError) -> ScenarioSpec {
        var root = try parse(text, file: file)
        var context = DecodeContext(file: file)
        for override in overrides {
            root = try override.apply(to: root)
            context.overridden[override.key] = (override.label, override.line)
        }
        return try decode(root: root, context: context, folder: folder)
    }

    static func parse(_ text: String, file: String) throws(InputError) -> Node {
        try AliasKeyGuard.check(text, file: file)
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw describe(error, file: file)
        } catch {
            throw InputError(file: file, message: "cannot be read as YAML or JSON: \(error)")
        }
        guard let node, !isNull(node) else {
            throw InputError(
                file: file, message: "is empty; a scenario needs at least a name (see Scenarios/default.yaml)")
        }
        return node
    }

    static func describe(_ error: YamlError, file: String) -> InputError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            if problem.contains("nesting level") {
                return InputError(
                    file: file, line: mark.line,
                    message: "is nested too deeply to be a scenario; a scenario needs only a few levels of keys")
            }
            return InputError(
                file: file, line: mark.line,
                message: "not valid YAML or JSON: \(problem); check indentation, colons and brackets near here")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return InputError(
                file: file, line: context.mark.line, key: duplicates.first,
                message: "the key appears twice in one mapping; keep one")
        case .reader(let problem, _, _, _):
            return InputError(file: file, message: "cannot be read: \(problem); save it as UTF-8 text")
        default:
            return InputError(file: file, message: "cannot be read as YAML or JSON: \(error)")
        }
    }

    static func decode(root: Node, context: DecodeContext, folder: String) throws(InputError) -> ScenarioSpec {
        let top = try MappingReader(root, path: "", allowed: topKeys, context: context)
        var spec = ScenarioSpec()
        if let name = try top.string("name") {
            guard !name.isEmpty, name.count <= 100, !name.contains("/"), !name.contains(where: \.isNewline) else {
                throw context.error(
                    top.child("name"), path: "name",
                    "use a short name of 1-100 characters without '/' (it names output files)")
            }
            spec.name = name
        }
        spec.description = try top.string("description") ?? ""
        if let node = top.child("seed"), !isNull(node) {
            let text = try ScalarReader.string(node, path: "seed", context: context)
            guard let seed = UInt64(text) else {
                throw context.error(
                    node, path: "seed",
                    "expected a whole number from 0 to \(UInt64.max), found '\(text)'; write digits only")
            }
            spec.seed = seed
        }
        if let reader = try top.mapping("municipalities", allowed: ["country", "synthetic", "table"]) {
            spec.municipalities = try municipalities(reader, folder: folder)
        }
        if let reader = try top.mapping(
            "capacity",
            allowed: [
                "basis", "national_total", "minimum", "overrides", "scale", "unaccompanied_minors",
                "minors_municipality_share", "large_dwelling_share", "health_service_share", "health_place_share",
            ])
        {
            spec.capacity = try capacity(reader)
        }
        if let reader = try top.mapping(
            "self_settlement",
            allowed: [
                "municipality_share", "participating", "household_share", "single_adult_factor", "approval_probability",
            ])
        {
            spec.selfSettlement = try selfSettlement(reader)
        }
        if let reader = try top.mapping("housing", allowed: ["private_share", "apply_share", "application_days"]) {
            var housing = HousingSpec()
            housing.privateShare = try reader.double("private_share", in: 0...1) ?? housing.privateShare
            housing.applyShare = try reader.double("apply_share", in: 0...1) ?? housing.applyShare
            if let days = try dayRange(reader, "application_days", path: "housing.application_days") {
                housing.applicationDays = days
            }
            spec.housing = housing
        }
        if let reader = try top.mapping("cohort", allowed: cohortKeys) {
            var known: Set<String>? = nil
            switch spec.municipalities {
            case .table(let records): known = Set(records.map(\.id))
            case .country(let country): known = Set(country.municipalities.map(\.record.id))
            case .synthetic: break
            }
            spec.cohort = try cohort(reader, folder: folder, municipalities: known)
        }
        if let reader = try top.mapping(
            "decline", allowed: ["base_rate", "remoteness", "ties_elsewhere", "single_adult", "distance"])
        {
            var model = DeclineModel()
            model.baseRate = try reader.double("base_rate", in: 0...1) ?? model.baseRate
            model.remoteness = try reader.double("remoteness", in: -20...20) ?? model.remoteness
            model.tiesElsewhere = try reader.double("ties_elsewhere", in: -20...20) ?? model.tiesElsewhere
            model.singleAdult = try reader.double("single_adult", in: -20...20) ?? model.singleAdult
            model.distance = try reader.double("distance", in: -20...20) ?? model.distance
            spec.decline = model
        }
        if let reader = try top.mapping(
            "benefit",
            allowed: [
                "basic_amount_nok", "multiple_of_g", "youth_age_limit", "youth_factor", "youth_with_parent_factor",
            ])
        {
            var rates = BenefitRates()
            rates.basicAmount = try reader.double("basic_amount_nok", in: 0...10_000_000) ?? rates.basicAmount
            rates.multipleOfG = try reader.double("multiple_of_g", in: 0...100) ?? rates.multipleOfG
            rates.youthAgeLimit = try reader.int("youth_age_limit", in: 0...120) ?? rates.youthAgeLimit
            rates.youthFactor = try reader.double("youth_factor", in: 0...10) ?? rates.youthFactor
            rates.youthWithParentFactor =
                try reader.double("youth_with_parent_factor", in: 0...10) ?? rates.youthWithParentFactor
            spec.benefit = rates
        }
        if let reader = try top.mapping(
            "grant", allowed: ["single_adult_nok", "adult_in_family_nok", "child_nok", "unaccompanied_minor_nok"])
        {
            var rates = GrantRates()
            rates.singleAdult = try reader.double("single_adult_nok", in: 0...100_000_000) ?? rates.singleAdult
            rates.adultInFamily = try reader.double("adult_in_family_nok", in: 0...100_000_000) ?? rates.adultInFamily
            rates.child = try reader.double("child_nok", in: 0...100_000_000) ?? rates.child
            rates.unaccompaniedMinor =
                try reader.double("unaccompanied_minor_nok", in: 0...100_000_000) ?? rates.unaccompaniedMinor
            spec.grant = rates
        }
        if let reader = try top.mapping("scoring", allowed: ScoringKeys.all) {
            spec.scoring = try scoring(reader)
        }
        if let reader = try top.mapping(
            "matching",
            allowed: [
                "method", "time_limit_seconds", "node_limit", "gap_tolerance", "exact_pair_limit", "ties", "ties_bonus",
                "distance_penalty", "minimum_fill", "fill_bonus", "balancing", "scores_table",
            ])
        {
            var options = MatchingOptions()
            if let text = try reader.string("method") {
                guard let method = MatchingMethod(rawValue: text) else {
                    let names = MatchingMethod.allCases.map(\.rawValue)
                    let hint = Suggestion.nearest(to: text, in: names).map { "did you mean '\($0)'? " } ?? ""
                    throw context.error(
                        reader.child("method"), path: "matching.method",
                        "unknown method '\(text)'; \(hint)use one of \(names.joined(separator: ", "))")
                }
                options.method = method
            }
            options.timeLimitSeconds =
                try reader.double("time_limit_seconds", in: 0.001...86_400) ?? options.timeLimitSeconds
            options.nodeLimit = try reader.int("node_limit", in: 1...100_000_000) ?? options.nodeLimit
            options.gapTolerance = try reader.double("gap_tolerance", in: 0...1) ?? options.gapTolerance
            options.exactPairLimit = try reader.int("exact_pair_limit", in: 0...100_000_000) ?? options.exactPairLimit
            var objective = MatchingObjective()
            if let text = try reader.string("ties") {
                guard let rule = TiesRule(rawValue: text) else {
                    let names = TiesRule.allCases.map(\.rawValue)
                    let hint = Suggestion.nearest(to: text, in: names).map { "did you mean '\($0)'? " } ?? ""
                    throw context.error(
                        reader.child("ties"), path: "matching.ties",
                        "unknown rule '\(text)'; \(hint)use one of \(names.joined(separator: ", "))")
                }
                objective.ties = rule
            }
            objective.tiesBonus = try reader.double("ties_bonus", in: -1_000...1_000) ?? objective.tiesBonus
            objective.distancePenalty =
                try reader.double("distance_penalty", in: -1_000...1_000) ?? objective.distancePenalty
            objective.minimumFill = try reader.double("minimum_fill", in: 0...1) ?? objective.minimumFill
            objective.fillBonus = try reader.double("fill_bonus", in: -1_000...1_000) ?? objective.fillBonus
            objective.balancing = try reader.double("balancing", in: -1_000...1_000) ?? objective.balancing
            if let table = try reader.string("scores_table") {
                objective.scoresTable = try ScoresTableReader.read(
                    path: resolve(table, folder: folder), displayName: table)
            }
            options.objective = objective
            spec.matching = options
        }
        if let reader = try top.mapping("process", allowed: ProcessKeys.all) {
            spec.process = try process(reader)
        }
        if let reader = try top.mapping(
            "policy", allowed: ["mechanism", "offers", "balance_weight", "dual_sample_size", "decline_aversion"])
        {
            var policy = PolicySpec()
            if let mechanism = try choice(reader, "mechanism", PolicySpec.Mechanism.self) {
                policy.mechanism = mechanism
            }
            policy.offers = try reader.int("offers", in: 1...5) ?? policy.offers
            policy.balanceWeight = try reader.double("balance_weight", in: 0...1_000) ?? policy.balanceWeight
            policy.declineAversion = try reader.double("decline_aversion", in: 0...1_000) ?? policy.declineAversion
            policy.dualSampleSize = try reader.int("dual_sample_size", in: 1...1_000_000) ?? policy.dualSampleSize
            spec.policy = policy
        }
        if let reader = try top.mapping("lifecycle", allowed: LifecycleKeys.all) {
            spec.lifecycle = try lifecycle(reader)
        }
        if let reader = try top.mapping("reception", allowed: ["sites", "cost_per_person_day_nok"]) {
            spec.reception.sites = try reader.int("sites", in: 1...maximumMunicipalities) ?? spec.reception.sites
            spec.reception.costPerPersonDayNOK =
                try reader.double("cost_per_person_day_nok", in: 0...1_000_000) ?? spec.reception.costPerPersonDayNOK
        }
        try checkSize(spec, top: top)
        return spec
    }

    /// Refuses cohorts whose households × municipalities would exhaust memory, before anything is drawn.
    static func checkSize(_ spec: ScenarioSpec, top: MappingReader) throws(InputError) {
        let municipalities = spec.municipalities.count
        let households: Int
        let key: String
        switch spec.cohort {
        case .generated(let mix): (households, key) = (mix.households, "households")
        case .table(let records): (households, key) = (records.count, "table")
        }
        guard households * municipalities > maximumPairs else { return }
        let cohort = try top.mapping("cohort", allowed: cohortKeys)
        throw top.context.error(
            cohort?.child(key) ?? top.child("cohort"), path: "cohort.\(key)",
            "\(households) households × \(municipalities) municipalities is above the limit of \(maximumPairs) pairs (memory); use fewer households or municipalities"
        )
    }

    enum ProcessKeys {
        static let all = [
            "horizon_days", "arrivals", "arrival_window_days", "surge", "processing_days", "round_every_days",
            "lead_time_days", "no_show_share", "capacity_release", "target_days", "minor_target_days", "search_days",
            "wait_priority", "batch_limit_factor", "backlog",
        ]
    }

    static func process(_ reader: MappingReader) throws(InputError) -> ProcessSpec {
        var p = ProcessSpec()
        p.horizonDays = try reader.int("horizon_days", in: 1...3_650) ?? p.horizonDays
        if let arrivals = try choice(reader, "arrivals", ProcessSpec.Arrivals.self) { p.arrivals = arrivals }
        p.arrivalWindowDays = try reader.int("arrival_window_days", in: 1...3_650) ?? p.arrivalWindowDays
        if let surge = try reader.mapping("surge", allowed: ["start_day", "days", "share"]) {
            p.surgeStartDay = try surge.int("start_day", in: 0...3_650) ?? p.surgeStartDay
            p.surgeDays = try surge.int("days", in: 1...3_650) ?? p.surgeDays
            p.surgeShare = try surge.double("share", in: 0...1) ?? p.surgeShare
        }
        p.processingDays = try reader.int("processing_days", in: 0...3_650) ?? p.processingDays
        p.roundEveryDays = try reader.int("round_every_days", in: 1...365) ?? p.roundEveryDays
        p.leadTimeDays = try reader.int("lead_time_days", in: 0...365) ?? p.leadTimeDays
        p.noShowShare = try reader.double("no_show_share", in: 0...1) ?? p.noShowShare
        if let release = try choice(reader, "capacity_release", ProcessSpec.CapacityRelease.self) {
            p.capacityRelease = release
        }
        p.targetDays = try reader.int("target_days", in: 1...3_650) ?? p.targetDays
        p.minorTargetDays = try reader.int("minor_target_days", in: 1...3_650) ?? p.minorTargetDays
        if let days = try dayRange(reader, "search_days", path: "process.search_days", default: p.searchDays) {
            p.searchDays = days
        }
        if let backlog = try reader.mapping("backlog", allowed: ["share", "days"]) {
            p.backlogShare = try backlog.double("share", in: 0...1) ?? p.backlogShare
            p.backlogDays = try backlog.int("days", in: 1...3_650) ?? p.backlogDays
        }
        p.waitPriority = try reader.double("wait_priority", in: 0...1_000) ?? p.waitPriority
        p.batchLimitFactor = try reader.double("batch_limit_factor", in: 0...1_000) ?? p.batchLimitFactor
        return p
    }

    /// `{min, max}` in days; a missing bound keeps the default's.
    static func dayRange(
        _ reader: MappingReader, _ key: String, path: String, default fallback: ClosedRange<Int> = 0...30
    ) throws(InputError) -> ClosedRange<Int>? {
        guard let range = try reader.mapping(key, allowed: ["min", "max"]) else { return nil }
        let low = try range.int("min", in: 0...3_650) ?? fallback.lowerBound
        let high = try range.int("max", in: 0...3_650) ?? fallback.upperBound
        guard low <= high else {
            throw reader.context.error(range.node, path: path, "min (\(low)) is above max (\(high)); swap them")
        }
        return low...high
    }

    /// A value from a fixed set of names, with the nearest name suggested on a typo.
    static func choice<C: RawRepresentable & CaseIterable>(
        _ reader: MappingReader, _ key: String, _: C.Type
    ) throws(InputError) -> C? where C.RawValue == String {
        guard let text = try reader.string(key) else { return nil }
        if let value = C(rawValue: text) { return value }
        let names = C.allCases.map(\.rawValue)
        let hint = Suggestion.nearest(to: text, in: names).map { "did you mean '\($0)'? " } ?? ""
        throw reader.context.error(
            reader.child(key), path: reader.keyPath(key),
            "unknown value '\(text)'; \(hint)use one of \(names.joined(separator: ", "))")
    }

    static func municipalities(_ reader: MappingReader, folder: String) throws(InputError) -> MunicipalitySource {
        let given = ["country", "synthetic", "table"].filter(reader.has)
        if given.count > 1 {
            throw reader.context.error(
                reader.child(given[1]), path: reader.keyPath(given[1]),
                "give one of country, synthetic or table, not \(given.joined(separator: " and "))")
        }
        if let table = try reader.string("table") {
            let path = resolve(table, folder: folder)
            return .table(try MunicipalityTableReader.read(path: path, displayName: table))
        }
        if let name = try reader.string("country") {
            guard let country = Country.all[name] else {
                let names = Country.all.keys.sorted()
                let hint = Suggestion.nearest(to: name, in: names).map { "did you mean '\($0)'? " } ?? ""
                throw reader.context.error(
                    reader.child("country"), path: reader.keyPath("country"),
                    "unknown country '\(name)'; \(hint)use one of \(names.joined(separator: ", "))")
            }
            return .country(country)
        }
        guard let synthetic = try reader.mapping("synthetic", allowed: ["count", "counties", "population"]) else {
            return .country(.norway2024)
        }
        var generated = GeneratedMunicipalities()
        generated.count = try synthetic.int("count", in: 1...maximumMunicipalities) ?? generated.count
        generated.counties =
            try synthetic.int("counties", in: 1...MunicipalityGenerator.maximumCounties) ?? generated.counties
        generated.population = try synthetic.int("population", in: 1...2_000_000_000) ?? generated.population
        if generated.counties > generated.count {
            throw synthetic.context.error(
                synthetic.child("counties"), path: synthetic.keyPath("counties"),
                "\(generated.counties) counties need at least as many municipalities (count is \(generated.count)); "
                    + "lower counties or raise count")
        }
        return .synthetic(generated)
    }

    static func capacity(_ reader: MappingReader) throws(InputError) -> CapacityRule {
        var rule = CapacityRule()
        rule.basis = try choice(reader, "basis", CapacityRule.Basis.self)
        // A national total given without a basis is shared by population, on a real country too.
        if rule.basis == nil && reader.has("national_total") { rule.basis = .population }
        rule.nationalTotal = try reader.int("national_total", in: 0...100_000_000) ?? rule.nationalTotal
        rule.minimum = try reader.int("minimum", in: 0...1_000_000) ?? rule.minimum
        rule.scale = try reader.double("scale", in: 0...100) ?? rule.scale
        rule.unaccompaniedMinors =
            try reader.int("unaccompanied_minors", in: 0...10_000_000) ?? rule.unaccompaniedMinors
        rule.minorsMunicipalityShare =
            try reader.double("minors_municipality_share", in: 0...1) ?? rule.minorsMunicipalityShare
        rule.largeDwellingShare = try reader.double("large_dwelling_share", in: 0...1) ?? rule.largeDwellingShare
        rule.healthServiceShare = try reader.double("health_service_share", in: 0...1) ?? rule.healthServiceShare
        rule.healthPlaceShare = try reader.double("health_place_share", in: 0...1) ?? rule.healthPlaceShare
        if let pairs = try reader.pairs("overrides") {
            for (id, _, value) in pairs {
                rule.overrides[id] = try ScalarReader.int(
                    value, path: "capacity.overrides.\(id)", in: 0...100_000_000, context: reader.context)
            }
        }
        return rule
    }

    static func selfSettlement(_ reader: MappingReader) throws(InputError) -> SelfSettlementRule {
        var rule = SelfSettlementRule()
        rule.municipalityShare = try reader.double("municipality_share", in: 0...1) ?? rule.municipalityShare
        rule.householdShare = try reader.double("household_share", in: 0...1) ?? rule.householdShare
        rule.singleAdultFactor = try reader.double("single_adult_factor", in: 0...100) ?? rule.singleAdultFactor
        rule.approvalProbability = try reader.double("approval_probability", in: 0...1) ?? rule.approvalProbability
        if let list = try reader.list("participating") {
            var ids: [String] = []
            for node in list {
                ids.append(
                    try ScalarReader.string(node, path: "self_settlement.participating", context: reader.context))
            }
            rule.participating = ids
        }
        return rule
    }

    /// `municipalities`: the ids of the municipality table, when there is one, to check ties and reception against.
    static func cohort(_ reader: MappingReader, folder: String, municipalities: Set<String>? = nil) throws(InputError)
        -> CohortSource
    {
        if let table = try reader.string("table") {
            let generatorKeys = [
                "health_needs_share",
                "households", "household_size", "unaccompanied_minor_share", "education", "english", "ties_share",
            ]
            if let clash = generatorKeys.first(where: reader.has) {
                throw reader.context.error(
                    reader.child(clash), path: reader.keyPath(clash),
                    "give either a table or generator settings, not both")
            }
            return .table(
                try CohortTableReader.read(
                    path: resolve(table, folder: folder), displayName: table, municipalities: municipalities))
        }
        var mix = CohortMix()
        mix.households = try reader.int("households", in: 1...maximumHouseholds) ?? mix.households
        mix.unaccompaniedMinorShare =
            try reader.double("unaccompanied_minor_share", in: 0...1) ?? mix.unaccompaniedMinorShare
        mix.tiesShare = try reader.double("ties_share", in: 0...1) ?? mix.tiesShare
        mix.healthNeedsShare = try reader.double("health_needs_share", in: 0...1) ?? mix.healthNeedsShare
        if let pairs = try reader.pairs("household_size") {
            var shares: [Int: Double] = [:]
            for (key, keyNode, value) in pairs {
                let path = "cohort.household_size.\(key)"
                guard let size = Int(key), (1...20).contains(size) else {
                    throw reader.context.error(
                        keyNode, path: path, "household sizes are whole numbers from 1 to 20; write keys like 1: 0.42")
                }
                shares[size] = try ScalarReader.double(value, path: path, in: 0...1_000_000, context: reader.context)
            }
            try requirePositive(shares.values, reader: reader, key: "household_size")
            mix.householdSize = shares
        }
        if let shares = try categoryShares(reader, key: "education", as: Education.self) { mix.education = shares }
        if let shares = try categoryShares(reader, key: "english", as: LanguageSkill.self) { mix.english = shares }
        return .generated(mix)
    }

    static func categoryShares<C: RawRepresentable & CaseIterable & Hashable>(
        _ reader: MappingReader, key: String, as: C.Type
    ) throws(InputError) -> [C: Double]? where C.RawValue == String {
        guard let pairs = try reader.pairs(key) else { return nil }
        var shares: [C: Double] = [:]
        let names = C.allCases.map(\.rawValue)
        for (name, keyNode, value) in pairs {
            let path = "cohort.\(key).\(name)"
            guard let category = C(rawValue: name) else {
                let hint = Suggestion.nearest(to: name, in: names).map { "did you mean '\($0)'? " } ?? ""
                throw reader.context.error(
                    keyNode, path: path, "unknown category; \(hint)use \(names.joined(separator: ", "))")
            }
            shares[category] = try ScalarReader.double(value, path: path, in: 0...1_000_000, context: reader.context)
        }
        try requirePositive(shares.values, reader: reader, key: key)
        return shares
    }

    static func requirePositive<S: Sequence>(_ values: S, reader: MappingReader, key: String) throws(InputError)
    where S.Element == Double {
        if values.reduce(0, +) <= 0 {
            throw reader.context.error(
                reader.child(key), path: reader.keyPath(key),
                "the shares add up to zero; give at least one positive share")
        }
    }

    enum ScoringKeys {
        static let all = [
            "intercept", "secondary_education", "higher_education", "basic_english", "good_english", "age_penalty",
            "labour_market", "centrality", "higher_education_in_central", "basic_education_in_rural", "placement_value",
            "programme_uplift",
        ]
    }

    static func scoring(_ reader: MappingReader) throws(InputError) -> IntegrationModel {
        var model = IntegrationModel()
        let range = -50.0...50.0
        func read(_ key: String, _ value: inout Double) throws(InputError) {
            if let v = try reader.double(key, in: range) { value = v }
        }
        try read("intercept", &model.intercept)
        try read("secondary_education", &model.secondaryEducation)
        try read("higher_education", &model.higherEducation)
        try read("basic_english", &model.basicEnglish)
        try read("good_english", &model.goodEnglish)
        try read("age_penalty", &model.agePenalty)
        try read("labour_market", &model.labourMarket)
        try read("centrality", &model.centrality)
        try read("higher_education_in_central", &model.higherEducationInCentral)
        try read("basic_education_in_rural", &model.basicEducationInRural)
        if let v = try reader.double("placement_value", in: 0...1000) { model.placementValue = v }
        try read("programme_uplift", &model.programmeUplift)
        return model
    }

    static func resolve(_ path: String, folder: String) -> String {
        path.hasPrefix("/") || folder.isEmpty ? path : (folder as NSString).appendingPathComponent(path)
    }
}
