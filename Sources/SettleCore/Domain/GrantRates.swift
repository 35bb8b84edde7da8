// SPDX-License-Identifier: GPL-3.0-or-later

/// The integration grant a municipality receives from the state for each person it settles, first
/// year, in NOK (IMDi's 2024 rates; the unaccompanied-minor rate is the 2023 figure).
public struct GrantRates: Sendable, Equatable {
    public var singleAdult: Double = 241_000
    /// An adult in a household of two or more.
    public var adultInFamily: Double = 187_000
    public var child: Double = 194_400
    /// An unaccompanied minor (the separate grant for them).
    public var unaccompaniedMinor: Double = 1_118_000

    public init() {}

    /// The first-year grant for one member of `household`.
    public func firstYear(_ person: Person, in household: Household) -> Double {
        if household.isUnaccompaniedMinor { return unaccompaniedMinor }
        if !person.isAdult { return child }
        return household.isSingleAdult ? singleAdult : adultInFamily
    }
}
