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
            if options.method == .auto, method == .lpRepair, result.termination != .optimal,
                result.termination != .failed, batch.allowedPairs <= exactFallbackPairLimit,
                !BatchScarcity.placesShort(batch)
            {
                result = exactFallback(batch, lpRepair: result, options: options)
            }
        }
        // A certified round carries no note, whatever a step stopped at: a year's report points
        // only at rounds that are off.
        if result.termination == .optimal { result.note = nil }
        let elapsed = clock.now - start
        result.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return result
    }

    /// Pairs up to which `auto` hands a batch that lp-repair left above the tolerance to branch and cut.
    static let exactFallbackPairLimit = 30_000
    /// Nodes for that second try: it runs only after lp-repair failed to certify, so it is kept short.
    static let exactFallbackNodeLimit = 2_000

    /// Where places are ample, a small batch that lp-repair left above the tolerance has a loose LP
    /// bound, not a hard packing (three-years, day 168: 55 households, 0.152 %), and branch and cut
    /// closes it in a fraction of a second. Where places are short it is the other way round
    /// (decisions-below-need: 36 s to 521 s, no round improved), so those batches never come here.
    /// Keeps the better placement and the tighter bound.
    static func exactFallback(_ batch: MatchingBatch, lpRepair: MatchResult, options: MatchingOptions) -> MatchResult {
        var exactOptions = options
        exactOptions.nodeLimit = min(options.nodeLimit, exactFallbackNodeLimit)
        let exact = ExactMIP.solve(batch, options: exactOptions)
        guard exact.termination != .failed else { return lpRepair }
        var result = exact.objective > lpRepair.objective ? exact : lpRepair
        result.splitHouseholds = lpRepair.splitHouseholds
        result.repairedHouseholds = lpRepair.repairedHouseholds
        result.lagrangianSteps = lpRepair.lagrangianSteps
        result.bound = max(result.objective, min(exact.bound, lpRepair.bound))
        result.gap = MatchResult.gap(objective: result.objective, bound: result.bound)
        if result.gap <= options.gapTolerance { result.termination = .optimal }
        return result
    }

    /// The batch as every method sees it: values and allowed pairs with the objective's terms.
    public static func prepare(_ batch: MatchingBatch, options: MatchingOptions) -> MatchingBatch {
        options.objective.apply(to: batch)
    }
}
