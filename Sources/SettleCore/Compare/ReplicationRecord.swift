// SPDX-License-Identifier: GPL-3.0-or-later

/// What one replication of one variant produced: everything a comparison report needs,
/// so partial results from shards merge into exactly what one machine would print.
public struct ReplicationRecord: Sendable, Equatable {
    public var variant: Int
    public var replication: Int
    /// In the order of `ComparisonMetric.allCases`.
    public var metrics: [Double]
    /// Persons settled (IMDi and agreement) per municipality.
    public var settledByMunicipality: [Int]
    /// Places used per county, in the order of the comparison's counties.
    public var usedByCounty: [Int]
    /// Households settled by wait, in bins of `waitBinDays` (the last bin holds the rest).
    public var waitHistogram: [Int]

    public static let waitBinDays = 14
    public static let waitBins = 27

    public init(
        variant: Int, replication: Int, metrics: [Double], settledByMunicipality: [Int], usedByCounty: [Int],
        waitHistogram: [Int]
    ) {
        self.variant = variant
        self.replication = replication
        self.metrics = metrics
        self.settledByMunicipality = settledByMunicipality
        self.usedByCounty = usedByCounty
        self.waitHistogram = waitHistogram
    }

    /// Summarises one run; the hindsight metrics stay NaN without its `HindsightShare`.
    public init(
        variant: Int, replication: Int, scenario: Scenario, result: SimulationResult, counties: [String],
        hindsight: HindsightShare? = nil
    ) {
        let outcomes = OutcomeCollector.collect(scenario: scenario, result: result)
        var histogram = [Int](repeating: 0, count: Self.waitBins)
        let process = scenario.spec.process
        for (h, history) in result.histories.enumerated() {
            guard history.path == .selfSettled || history.path == .settledByIMDi else { continue }
            let day = OutcomeCollector.settledDay(history, path: history.path, process: process)
            let wait = max(0, day - scenario.households[h].permitDay)
            histogram[min(Self.waitBins - 1, wait / Self.waitBinDays)] += 1
        }
        let countyIndex = Dictionary(uniqueKeysWithValues: counties.enumerated().map { ($1, $0) })
        var used = [Int](repeating: 0, count: counties.count)
        for area in outcomes.municipalities {
            if let c = countyIndex[area.county] { used[c] += area.used }
        }
        self.init(
            variant: variant, replication: replication,
            metrics: ComparisonMetric.allCases.map { $0.value(outcomes, hindsight: hindsight) },
            settledByMunicipality: outcomes.municipalities.map(\.used), usedByCounty: used, waitHistogram: histogram)
    }

    /// Fills in the hindsight metrics once the replication's hindsight is solved.
    public mutating func setHindsight(_ share: HindsightShare) {
        for (i, metric) in ComparisonMetric.allCases.enumerated() {
            switch metric {
            case .shareOfHindsight: metrics[i] = share.acceptedShare
            case .shareOfHindsightOffers: metrics[i] = share.offeredShare
            case .hindsightGap: metrics[i] = share.gap
            default: continue
            }
        }
    }
}
