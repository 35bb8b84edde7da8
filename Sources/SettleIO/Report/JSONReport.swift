// SPDX-License-Identifier: GPL-3.0-or-later

import SettleCore

/// The documented JSON form of a run's outcomes (keys listed in the README; their order is fixed).
public enum JSONReport {
    /// `years` adds the years after settlement under the key `years`, only when the lifecycle is on.
    public static func value(
        _ o: Outcomes, includeTimings: Bool = false, years: LifecycleOutcomes? = nil
    ) -> JSONValue {
        var matching: [(String, JSONValue)] = [
            ("method", .string(SolveMethod.label(of: o.matching.methods))),
            ("termination", .string(o.matching.termination.rawValue)),
            ("rounds", .int(o.matching.rounds)),
            ("households", .int(o.matching.households)),
            ("objective", .double(o.matching.objective)),
            ("bound", .double(o.matching.bound)),
            ("gap", .double(o.matching.gap, 8)),
            ("worst_gap", .double(o.matching.worstGap, 8)),
            ("predicted_employment", .double(o.matching.predictedEmployment)),
            ("split_households", .int(o.matching.splitHouseholds)),
            ("repaired_households", .int(o.matching.repairedHouseholds)),
        ]
        if let note = o.matching.note { matching.append(("note", .string(note.text))) }
        if includeTimings { matching.append(("seconds", .double(o.matching.seconds, 3))) }
        matching.append(
            (
                "uncertified_rounds",
                .array(o.matching.uncertified.map { uncertified($0, includeTimings: includeTimings) })
            ))
        var pairs: [(String, JSONValue)] = [
            ("scenario", .string(o.scenario)),
            ("seed", .unsigned(o.seed)),
            ("households", .int(o.households)),
            ("persons", .int(o.persons)),
            ("outcomes", paths(o.outcomes)),
            ("household_outcomes", paths(o.householdOutcomes)),
            ("waiting_reasons", waitingReasons(o.waitingReasons)),
            (
                "housing_on_arrival",
                .object([
                    ("reception", group(o.housing.reception)),
                    ("private", group(o.housing.privately)),
                    ("private_applied_to_imdi", group(o.housing.appliedToIMDi)),
                    ("private_tried_self_settlement", group(o.housing.triedSelfSettlement)),
                ])
            ),
            (
                "offers",
                .object([
                    ("made", .int(o.offers.made)), ("accepted", .int(o.offers.accepted)),
                    ("declined", .int(o.offers.declined)),
                ])
            ),
            ("forced_moves", .int(o.forcedMoves)),
            (
                "decline_losses",
                .object([
                    ("reception_place", .int(o.declineLosses.receptionPlace)),
                    ("introduction_programme", .int(o.declineLosses.introductionProgramme)),
                    ("introduction_benefit", .int(o.declineLosses.introductionBenefit)),
                    ("municipal_support", .int(o.declineLosses.municipalSupport)),
                    ("moving_help", .int(o.declineLosses.movingHelp)),
                ])
            ),
            (
                "wait_days",
                .object([
                    ("mean", .double(o.waitDays.mean, 2)), ("median", .double(o.waitDays.median, 2)),
                    ("p90", .double(o.waitDays.p90, 2)),
                    ("within_target_share", .double(o.waitDays.withinTargetShare, 4)),
                ])
            ),
            (
                "introduction_programme",
                .object([
                    ("participants", .int(o.introductionProgramme.participants)),
                    ("lost_by_decline", .int(o.introductionProgramme.lostByDecline)),
                ])
            ),
            (
                "introduction_benefit",
                .object([
                    ("gross", .bool(true)),
                    ("annual_cost_nok", .double(o.introductionBenefit.annualCostNOK, 0)),
                    ("within_year_nok", .double(o.introductionBenefit.withinYearNOK, 0)),
                    ("forgone_by_decline_nok", .double(o.introductionBenefit.forgoneByDeclineNOK, 0)),
                ])
            ),
            (
                "reception",
                .object([
                    ("persons_at_start", .int(o.reception.personsAtStart)),
                    ("person_days", .int(o.reception.personDays)),
                    ("cost_nok", .double(o.reception.costNOK, 0)),
                ])
            ),
            (
                "integration_grant",
                .object([
                    ("persons", .int(o.grant.persons)),
                    ("first_year_nok", .double(o.grant.firstYearNOK, 0)),
                ])
            ),
            (
                "norwegian_tuition",
                .object([
                    ("entitled", .int(o.norwegianTuition.entitled)),
                    ("kept_by_decliners", .int(o.norwegianTuition.keptByDecliners)),
                ])
            ),
            (
                "school",
                .object([
                    ("children_in_school", .int(o.school.childrenInSchool)),
                    ("youth_upper_secondary_right", .int(o.school.youthUpperSecondaryRight)),
                ])
            ),
            ("expected_employed", .double(o.expectedEmployed, 3)),
            (
                "capacity",
                .object([
                    ("decided", .int(o.capacity.decided)), ("used", .int(o.capacity.used)),
                    ("over_capacity_municipalities", .int(o.capacity.overCapacityMunicipalities)),
                ])
            ),
            ("matching", .object(matching)),
            ("centrality_classes", .array(o.centralityClasses.map(centrality))),
            ("counties", .array(o.counties.map(area))),
            ("municipalities", .array(o.municipalities.map(area))),
        ]
        if let years { pairs.append(("years", LifecycleReport.json(years))) }
        return .object(pairs)
    }

    static func paths(_ counts: Outcomes.PathCounts) -> JSONValue {
        .object([
            ("settled_by_imdi", .int(counts.settledByIMDi)),
            ("self_settled", .int(counts.selfSettled)),
            ("declined", .int(counts.declined)),
            ("waiting", .int(counts.waiting)),
            ("no_settlement_asked", .int(counts.noSettlementAsked)),
        ])
    }

    /// Every reason, in a fixed order, zeros included: the keys do not come and go between runs.
    static func waitingReasons(_ reasons: [WaitingReason: Outcomes.Waiting]) -> JSONValue {
        .object(
            WaitingReason.allCases.map { reason in
                let count = reasons[reason] ?? .init()
                return (
                    reason.rawValue,
                    .object([("households", .int(count.households)), ("persons", .int(count.persons))])
                )
            })
    }

    static func area(_ a: Outcomes.Area) -> JSONValue {
        .object([
            ("id", .string(a.id)),
            ("name", .string(a.name)),
            ("county", .string(a.county)),
            ("population", .int(a.population)),
            ("decided", .int(a.decided)),
            ("settled_by_imdi", .int(a.settledByIMDi)),
            ("self_settled", .int(a.selfSettled)),
            ("used", .int(a.used)),
            ("declined_offers", .int(a.declinedOffers)),
            ("declined_arrivals", .int(a.declinedArrivals)),
            ("unaccompanied_minors", .int(a.unaccompaniedMinors)),
            ("self_settlement", .bool(a.takesPartInSelfSettlement)),
            ("centrality", a.centralityClass.map { .int($0) } ?? .null),
        ])
    }

    static func group(_ g: Outcomes.Group) -> JSONValue {
        .object([("households", .int(g.households)), ("persons", .int(g.persons))])
    }

    static func centrality(_ row: Outcomes.CentralityRow) -> JSONValue {
        .object([
            ("class", .int(row.centralityClass)),
            ("municipalities", .int(row.municipalities)),
            ("decided", .int(row.decided)),
            ("settled_by_imdi", .int(row.settledByIMDi)),
            ("self_settled", .int(row.selfSettled)),
            ("settled_share_of_decided", .double(row.decided > 0 ? Double(row.settled) / Double(row.decided) : 0, 4)),
            (
                "self_settled_share_of_settled",
                .double(row.settled > 0 ? Double(row.selfSettled) / Double(row.settled) : 0, 4)
            ),
        ])
    }

    static func uncertified(_ r: UncertifiedRound, includeTimings: Bool) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("day", .int(r.day)),
            ("households", .int(r.households)),
            ("persons", .int(r.scarcity.persons)),
            ("places", .int(r.scarcity.places)),
            (
                "short_dimensions",
                .array(
                    r.scarcity.shortDimensions.map {
                        .object([
                            ("name", .string($0.name)), ("demand", .int($0.demand)), ("capacity", .int($0.capacity)),
                        ])
                    })
            ),
            ("objective", .double(r.objective)),
            ("bound", .double(r.bound)),
            ("gap", .double(r.gap, 8)),
            ("termination", .string(r.termination.rawValue)),
        ]
        if let note = r.note { pairs.append(("note", .string(note.text))) }
        if includeTimings { pairs.append(("seconds", .double(r.seconds, 3))) }
        return .object(pairs)
    }
}
