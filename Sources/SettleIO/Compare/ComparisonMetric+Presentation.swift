// SPDX-License-Identifier: GPL-3.0-or-later

import SettleCore

/// Each comparison metric's key (JSON, CSV, partial results) and English label (terminal, HTML).
extension ComparisonMetric {
    public var key: String {
        switch self {
        case .settledByIMDi: "settled_by_imdi"
        case .selfSettled: "self_settled"
        case .declined: "declined"
        case .waiting: "waiting"
        case .offersMade: "offers_made"
        case .offersDeclined: "offers_declined"
        case .forcedMoves: "forced_moves"
        case .waitMean: "wait_days_mean"
        case .waitP90: "wait_days_p90"
        case .withinTarget: "within_target_share"
        case .programmeParticipants: "programme_participants"
        case .lostByDecline: "programme_lost_by_decline"
        case .benefitCost: "benefit_annual_cost_nok"
        case .benefitForgone: "benefit_forgone_by_decline_nok"
        case .expectedEmployed: "expected_employed"
        case .capacityUsed: "capacity_used"
        case .shareOfHindsight: "share_of_hindsight"
        case .shareOfHindsightOffers: "share_of_hindsight_offers"
        case .hindsightGap: "hindsight_gap"
        }
    }

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
        case .shareOfHindsight: "Share of hindsight (accepted)"
        case .shareOfHindsightOffers: "Share of hindsight (offers)"
        case .hindsightGap: "Hindsight gap"
        }
    }
}
