// SPDX-License-Identifier: GPL-3.0-or-later

/// Matches one batch of waiting households to municipalities: picks the method and times it.
///
/// Small batches go to GLPK's branch and cut whole (`ExactMIP`). Large ones use structure
/// (`LPRepair`): with capacities in persons, the LP relaxation is a transportation problem in
/// person-flows, solved exactly by a network simplex; LP diving (`LPDive`) fixes the households
/// it splits, and a greedy pass (`GreedyPass`) or a small GLPK MIP (`RepairMIP`) places the rest.
/// The LP duals, priced for extra dimensions (`DimensionPricing`), certify the gap.
public enum BatchMatcher {
    public static func match(_ batch: MatchingBatch, options: MatchingOptions) -> MatchResult {
        let clock = ContinuousClock()
        let start = clock.now
        let batch = prepare(batch, options: options)
        var result: MatchResult
        if batch.householdCount == 0 || batch.municipalityCount == 0 {
            result = MatchResult(
                placement: Array(repeating: nil, count: batch.householdCount), termination: .optimal,
                method: options.method == .lpRepair ? .lpRepair : .exact, objective: 0, bound: 0, gap: 0,
                splitHouseholds: 0, repairedHouseholds: 0, seconds: 0, note: nil)
        } else {
            let method: MatchingMethod
            switch options.method {
            case .auto: method = batch.allowedPairs <= options.exactPairLimit ? .exact : .lpRepair
            case .exact, .lpRepair: method = options.method
            }
            result =
                method == .exact ? ExactMIP.solve(batch, options: options) : LPRepair.solve(batch, options: options)
        }
        let elapsed = clock.now - start
        result.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return result
    }

    /// The batch as every method sees it: values and allowed pairs with the objective's terms.
    public static func prepare(_ batch: MatchingBatch, options: MatchingOptions) -> MatchingBatch {
        options.objective.apply(to: batch)
    }
}
