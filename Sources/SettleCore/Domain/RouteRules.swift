// SPDX-License-Identifier: GPL-3.0-or-later

/// Who may take which route to settlement, one rule per row (UDI's pages and IMDi's practice).
/// The simulation consults the rows, so a variant can drop one to see what it does.
public enum RouteRule: String, Sendable, CaseIterable {
    /// Agreed self-settlement is for households not living in reception: those in reception or
    /// emergency accommodation are settled by IMDi.
    case receptionSettledByIMDi = "reception_settled_by_imdi"
    /// Unaccompanied minors are settled by IMDi into care and cannot decline into living alone.
    case minorsCannotDecline = "minors_cannot_decline"
    /// Help from IMDi is voluntary: a household living privately may ask for nothing and stay.
    case settlementIsVoluntary = "settlement_is_voluntary"
}

public struct RouteRules: Sendable, Equatable {
    public var rules: Set<RouteRule>

    public init(rules: Set<RouteRule>) { self.rules = rules }

    public static let standard = RouteRules(rules: Set(RouteRule.allCases))

    public func holds(_ rule: RouteRule) -> Bool { rules.contains(rule) }
}
