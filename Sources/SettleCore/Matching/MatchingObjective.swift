// SPDX-License-Identifier: GPL-3.0-or-later

/// How family ties enter the matching.
public enum TiesRule: String, Sendable, CaseIterable {
    /// A household with ties may only be offered its tie municipality.
    case required
    /// Placing a household at its ties adds `MatchingObjective.tiesBonus`.
    case bonus
    /// Ties play no part in the matching (they still affect declines).
    case ignored
}

/// The user's own predictions: household id → municipality id → score, replacing the
/// built-in integration model's score (expected employed adults) for listed households.
public struct ScoresTable: Sendable, Equatable {
    public var scores: [String: [String: Double]]

    public init(scores: [String: [String: Double]]) {
        self.scores = scores
    }
}

/// Weighted terms added to predicted integration. All of them are built into the value
/// matrix and the allowed pairs before any method runs, so exact, lp-repair and exported
/// models see the same objective. Defaults leave the values untouched.
public struct MatchingObjective: Sendable, Equatable {
    public var ties: TiesRule = .ignored
    /// Value of placing a household at its ties (households, same unit as an expected job), under `bonus`.
    public var tiesBonus: Double = 0.5
    /// Value lost per 100 km between a household's tie municipality and the offer; no ties, no penalty.
    public var distancePenalty: Double = 0
    /// Share of each decision that counts as its minimum fill.
    public var minimumFill: Double = 0
    /// Value per person placed in a municipality still below `minimumFill` of its decision.
    public var fillBonus: Double = 0
    /// Allocation balancing (Bansak & Paulson 2024): value per person per unit of how far a
    /// municipality is behind (+) or ahead (−) of the average share of its decision left.
    public var balancing: Double = 0
    /// Scores from the user's own prediction table, if any.
    public var scoresTable: ScoresTable? = nil

    public init() {}

    /// True when the objective changes nothing, so matching can use the batch as it is.
    public var isNeutral: Bool {
        ties == .ignored && distancePenalty == 0 && (minimumFill == 0 || fillBonus == 0) && balancing == 0
            && scoresTable == nil
    }

    /// The batch with this objective's terms in its values and allowed pairs.
    ///
    /// Minimum fill and balancing are per-batch prices, not constraints: a decision is an
    /// upper bound by law, and a hard lower bound would make a week with few waiting
    /// households infeasible. Both need `batch.decision` (the year's decision); without it
    /// they are skipped. `batch.personPrice` is always added (the simulation's own hook).
    public func apply(to batch: MatchingBatch) -> MatchingBatch {
        let M = batch.municipalityCount
        var price = batch.personPrice ?? [Double](repeating: 0, count: M)
        if let decision = batch.decision, decision.count == M {
            let share = (0..<M).map { m in decision[m] > 0 ? Double(batch.capacity[m]) / Double(decision[m]) : 0 }
            if minimumFill > 0 && fillBonus != 0 {
                for m in 0..<M where decision[m] > 0 && 1 - share[m] < minimumFill { price[m] += fillBonus }
            }
            if balancing != 0 {
                let open = (0..<M).filter { decision[$0] > 0 }
                let mean = open.isEmpty ? 0 : open.reduce(0.0) { $0 + share[$1] } / Double(open.count)
                for m in open { price[m] += balancing * (share[m] - mean) }
            }
        }
        let pricing = price.contains { $0 != 0 }
        if isNeutral && !pricing { return batch }
        var result = batch
        let placementValue = batch.scoring?.placementValue ?? 1
        var location: [(Double, Double)] = []
        if distancePenalty != 0 { location = batch.municipalities.map { ($0.latitude, $0.longitude) } }
        result.value.withUnsafeMutableBufferPointer { value in
            for (h, household) in batch.households.enumerated() {
                let row = h * M
                let size = Double(household.size)
                let listed = scoresTable?.scores[household.id]
                let tie = household.tieMunicipality.flatMap { $0 >= 0 && $0 < M ? $0 : nil }
                for m in 0..<M where value[row + m] > -.infinity {
                    var v = value[row + m]
                    if let listed {
                        guard let score = listed[batch.municipalities[m].id], score.isFinite else {
                            value[row + m] = -.infinity
                            continue
                        }
                        v = placementValue * size + score
                    }
                    if let tie {
                        if ties == .required && m != tie {
                            value[row + m] = -.infinity
                            continue
                        }
                        if ties == .bonus && m == tie { v += tiesBonus }
                        if distancePenalty != 0 && m != tie {
                            let km = haversineKilometres(
                                lat1: location[tie].0, lon1: location[tie].1, lat2: location[m].0, lon2: location[m].1)
                            v -= distancePenalty * km / 100
                        }
                    }
                    v += price[m] * size
                    value[row + m] = ObjectiveQuantum.quantized(v)
                }
            }
        }
        return result
    }
}
