// SPDX-License-Identifier: GPL-3.0-or-later

/// How IMDi chooses a municipality for each household, and how many offers a household gets.
public struct PolicySpec: Sendable, Equatable {
    public enum Mechanism: String, Sendable, CaseIterable {
        /// IMDi-like: households in permit order, each to the municipality with the largest
        /// share of its decision still open that fits (less `declineAversion` × the chance the
        /// household declines it).
        case statusQuo = "status-quo"
        /// The batch optimum each round (Annie MOORE, GeoMatch).
        case optimal
        /// The batch optimum with municipality prices from the LP duals of the current pool
        /// plus a sample of future arrivals (Ahani et al., Operations Research 2024).
        case dynamicDualPrice = "dynamic-dual-price"
        /// The batch optimum with a price on municipalities ahead of their pace through the
        /// year (allocation balancing, Bansak & Paulson, Operations Research 2024).
        case balanced
        /// A municipality drawn by population among those with room.
        case proportional
        /// A municipality drawn uniformly among those with room.
        case random
    }

    public var mechanism: Mechanism = .optimal
    /// Offers a household may get: 1 is today's rule; 2 gives a second offer after a decline.
    public var offers: Int = 1
    /// For `balanced`: value per person per unit of (share used − share of the year passed).
    public var balanceWeight: Double = 2.0
    /// For `status-quo`: how much IMDi avoids offers a household is likely to decline, in shares of
    /// a decision per unit of decline probability (0: spread by open share alone).
    public var declineAversion: Double = 0
    /// For `dynamic-dual-price`: at most this many sampled future households per round.
    public var dualSampleSize: Int = 2_000

    public init() {}
}
