// SPDX-License-Identifier: GPL-3.0-or-later

/// One mechanism's year against its replication's hindsight optimum, every value under the
/// hindsight batch's objective (the rounds' terms, no waiting-time priority).
public struct HindsightShare: Sendable, Equatable {
    /// Value of the placements households accepted, and of the places found by agreement by households
    /// of the batch (which reached IMDi's matching in another run of the replication).
    public var accepted: Double
    /// Value of IMDi's first offers had none been declined: the most valuable set of them that the
    /// decisions (persons and every dimension) hold, each household only where it was offered.
    /// Declined places were offered again, so the offers together may exceed a decision.
    public var offered: Double
    /// The hindsight batch's objective and proven bound.
    public var hindsight: Double
    public var bound: Double
    public var gap: Double
    /// Accepted placements or first offers the hindsight batch cannot value (household outside it,
    /// or a pair its objective forbids, such as a rule-based offer away from required ties): counted as 0.
    public var unvalued: Int

    public init(accepted: Double, offered: Double, hindsight: Double, bound: Double, gap: Double, unvalued: Int) {
        self.accepted = accepted
        self.offered = offered
        self.hindsight = hindsight
        self.bound = bound
        self.gap = gap
        self.unvalued = unvalued
    }

    /// Accepted value over the hindsight objective (nil-like NaN when the hindsight is worth nothing).
    public var acceptedShare: Double { hindsight > 0 ? accepted / hindsight : .nan }
    /// Offered value over the hindsight objective: the share without the loss from declines.
    public var offeredShare: Double { hindsight > 0 ? offered / hindsight : .nan }
}
