// SPDX-License-Identifier: GPL-3.0-or-later

/// A matching round whose placement was not proven within the gap tolerance: when it ran, how
/// short its places were, how far the placement may be from the optimum, and where the solver stopped.
public struct UncertifiedRound: Sendable, Equatable {
    public var day: Int
    public var households: Int
    public var scarcity: BatchScarcity
    public var objective: Double
    /// Proven upper bound: the placement is within `gap` of the optimum, which may lie anywhere up to it.
    public var bound: Double
    public var gap: Double
    public var termination: MatchTermination
    /// The solver's note, e.g. which stage stopped at its limit.
    public var note: MatchNote?
    public var seconds: Double
}
