// SPDX-License-Identifier: GPL-3.0-or-later

/// The figures a comparison reports for every variant, with their JSON keys.
public enum ComparisonMetric: String, Sendable, CaseIterable {
    case settledByIMDi = "settled_by_imdi"
    case selfSettled = "self_settled"
    case declined
    case waiting
    case offersMade = "offers_made"
    case offersDeclined = "offers_declined"
    case forcedMoves = "forced_moves"
    case waitMean = "wait_days_mean"
    case waitP90 = "wait_days_p90"
    case withinTarget = "within_target_share"
    case programmeParticipants = "programme_participants"
    case lostByDecline = "programme_lost_by_decline"
    case benefitCost = "benefit_annual_cost_nok"
    case benefitForgone = "benefit_forgone_by_decline_nok"
    case expectedEmployed = "expected_employed"
    case capacityUsed = "capacity_used"

    public var label: String {
        switch self {
        case .settledByIMDi: "Settled by IMDi (persons)"
        case .selfSettled: "Self-settled (persons)"
        case .declined: "Declined (persons)"
        case .waiting: "Waiting (persons)"
        case .offersMade: "Offers made"
        case .offersDeclined: "Offers declined"
        case .forcedMoves: "Forced moves (persons)"
        case .waitMean: "Mean wait (days)"
        case .waitP90: "90th percentile wait (days)"
        case .withinTarget: "Within target (share)"
        case .programmeParticipants: "Programme participants"
        case .lostByDecline: "Programme lost by declining"
        case .benefitCost: "Benefit cost (NOK a year)"
        case .benefitForgone: "Benefit forgone (NOK a year)"
        case .expectedEmployed: "Expected employed adults"
        case .capacityUsed: "Places used"
        }
    }

    public func value(_ o: Outcomes) -> Double {
        switch self {
        case .settledByIMDi: Double(o.outcomes.settledByIMDi)
        case .selfSettled: Double(o.outcomes.selfSettled)
        case .declined: Double(o.outcomes.declined)
        case .waiting: Double(o.outcomes.waiting)
        case .offersMade: Double(o.offers.made)
        case .offersDeclined: Double(o.offers.declined)
        case .forcedMoves: Double(o.forcedMoves)
        case .waitMean: o.waitDays.mean
        case .waitP90: o.waitDays.p90
        case .withinTarget: o.waitDays.withinTargetShare
        case .programmeParticipants: Double(o.introductionProgramme.participants)
        case .lostByDecline: Double(o.introductionProgramme.lostByDecline)
        case .benefitCost: o.introductionBenefit.annualCostNOK
        case .benefitForgone: o.introductionBenefit.forgoneByDeclineNOK
        case .expectedEmployed: o.expectedEmployed
        case .capacityUsed: Double(o.capacity.used)
        }
    }
}
