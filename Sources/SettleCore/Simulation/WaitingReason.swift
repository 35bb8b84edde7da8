// SPDX-License-Identifier: GPL-3.0-or-later

/// Why a household is still in reception at the horizon. Over-demand is an outcome, not an error:
/// every waiting household carries one of these, and reports count them.
public enum WaitingReason: String, Sendable, CaseIterable, Comparable {
    /// Its residence permit falls after the horizon (a cohort table may list such households).
    case permitAfterHorizon = "permit_after_horizon"
    /// Its residence permit came, but IMDi had not yet mapped it (processing time).
    case inProcessing = "in_processing"
    /// Looking for a home itself under agreed self-settlement; the search had not ended.
    case searchingOwnHome = "searching_own_home"
    /// Ready for matching after IMDi's last round before the horizon.
    case noRoundSinceReady = "no_round_since_ready"
    /// Declined an offer and waits for the next one the policy allows.
    case awaitingNextOffer = "awaiting_next_offer"
    /// Left out of the last round: IMDi took longer-waiting households first.
    case notReached = "not_reached"
    /// Some municipality could have taken it, but the places went to other households.
    case othersMatched = "others_matched"
    /// No municipality had room that fits: size, unaccompanied-minor places, large dwellings or health service.
    case noRoomThatFits = "no_room_that_fits"

    public static func < (a: WaitingReason, b: WaitingReason) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
