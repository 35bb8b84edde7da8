// SPDX-License-Identifier: GPL-3.0-or-later

/// The figures a comparison reports for every variant, in report order. Their keys and labels
/// are presentation and live with the reports (SettleIO).
public enum ComparisonMetric: Sendable, CaseIterable {
    case settledByIMDi
    case selfSettled
    case declined
    case waiting
    case offersMade
    case offersDeclined
    case forcedMoves
    case waitMean
    case waitP90
    case withinTarget
    case programmeParticipants
    case lostByDecline
    case benefitCost
    case benefitForgone
    case expectedEmployed
    case capacityUsed
    /// Value of the accepted placements over the replication's hindsight optimum (`Hindsight`).
    case shareOfHindsight
    /// Value of the first offers, within the decisions, over the hindsight optimum: no loss from declines.
    case shareOfHindsightOffers
    /// The hindsight batch's own gap: its optimum lies at most this share above its objective.
    case hindsightGap

    /// The metric's value for one run; the hindsight metrics need the run's share (NaN without it).
    public func value(_ o: Outcomes, hindsight: HindsightShare? = nil) -> Double {
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
        case .shareOfHindsight: hindsight?.acceptedShare ?? .nan
        case .shareOfHindsightOffers: hindsight?.offeredShare ?? .nan
        case .hindsightGap: hindsight?.gap ?? .nan
        }
    }
}
