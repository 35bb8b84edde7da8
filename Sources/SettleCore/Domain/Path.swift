// SPDX-License-Identifier: GPL-3.0-or-later

/// How a household ends up after settlement: the entitlements follow from this.
public enum SettlementPath: String, Sendable, CaseIterable {
    /// Accepted IMDi's single offer.
    case settledByIMDi = "settled_by_imdi"
    /// Found a home that a participating municipality approved (agreed self-settlement).
    case selfSettled = "self_settled"
    /// Declined IMDi's offer and settled on its own terms.
    case declined
    /// Still waiting in reception for an offer.
    case waiting
}
