// SPDX-License-Identifier: GPL-3.0-or-later

import SettleCore

extension WaitingReason {
    /// The terminal report's label for the reason.
    public var explanation: String {
        switch self {
        case .permitAfterHorizon: "residence permit after the horizon"
        case .inProcessing: "IMDi was still mapping the household"
        case .searchingOwnHome: "still looking for a home of its own"
        case .noRoundSinceReady: "ready after the last matching round"
        case .awaitingNextOffer: "declined an offer, waiting for the next"
        case .notReached: "not reached: longer-waiting households went first"
        case .othersMatched: "the places that fit went to others"
        case .noRoomThatFits: "no municipality had room that fits"
        }
    }
}
