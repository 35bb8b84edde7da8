// SPDX-License-Identifier: GPL-3.0-or-later

/// What happened to one household over the horizon.
public struct HouseholdHistory: Sendable, Equatable {
    public var path: SettlementPath = .waiting
    /// Where the household lives at the end: its settlement municipality, or where a decliner moved.
    public var municipality: Int?
    /// The municipality IMDi offered, if it made an offer.
    public var offered: Int?
    public var offerDay: Int?
    /// IMDi's first offer: where the household would live had it accepted at once.
    public var firstOffered: Int?
    /// Offers IMDi made (more than one only when the policy allows a second offer).
    public var offersReceived = 0
    public var declinedOffers = 0
    /// The day it moved into its municipality (settled, self-settled) or left reception (declined).
    public var movedDay: Int?
    /// Did not move on the agreed date and was moved by the police.
    public var forcedMove = false
    public var triedSelfSettlement = false
    /// Lived privately and applied to IMDi for help (directly, or after its own search failed).
    public var appliedToIMDi = false
    /// Why the household is still waiting; nil once it has left reception.
    public var reason: WaitingReason?

    public init() {}
}

/// One IMDi matching round.
public struct RoundRecord: Sendable {
    public var day: Int
    /// Households in the batch.
    public var households: Int
    public var offers: Int
    /// Persons against places, and the dimensions short in the batch.
    public var scarcity: BatchScarcity
    public var result: MatchResult
    public var mechanism: PolicySpec.Mechanism
}

public struct SimulationResult: Sendable {
    public var histories: [HouseholdHistory]
    public var rounds: [RoundRecord]
    /// Persons settled against each municipality's decision (IMDi and agreement).
    public var capacityUsed: [Int]
}
