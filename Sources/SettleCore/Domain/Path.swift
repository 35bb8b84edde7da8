// SPDX-License-Identifier: GPL-3.0-or-later

/// How a household ends up after settlement: the entitlements follow from this.
public enum SettlementPath: String, Sendable, CaseIterable {
    /// Accepted IMDi's single offer.
    case settledByIMDi = "settled_by_imdi"
    /// Found a home that a participating municipality approved (agreed self-settlement).
    case selfSettled = "self_settled"
    /// Declined IMDi's offer and settled on its own terms.
    case declined
    /// Still waiting for an offer: in reception, or living privately after applying to IMDi.
    case waiting
    /// Lived privately and asked for nothing: neither IMDi's help nor an agreed self-settlement
    /// (settlement is voluntary). No programme, no benefit, no grant to a municipality.
    case noSettlementAsked = "no_settlement_asked"
}
