// SPDX-License-Identifier: GPL-3.0-or-later

import Benchmark
import Foundation
import SettleCore
import SettleIO

// Batches are the first IMDi round of a generated Norway-like scenario (357 municipalities,
// everyone ready on day 0), built once outside the measurement: the solve is what is timed.
// Capacity is 1.19 × the persons waiting, as in the batches of 2026-11-25 (see Benchmarks/README.md),
// and the scenario's three extra dimensions (unaccompanied minors, large dwellings, health places)
// come with the batch.

/// The synthetic country: since Norway's real municipalities became the default, a spec has to ask
/// for it, or its decisions are the councils' and `nationalTotal` is ignored.
func syntheticSpec() -> ScenarioSpec {
    var spec = ScenarioSpec()
    spec.municipalities = .synthetic(GeneratedMunicipalities())
    return spec
}

/// Everyone in reception, so the whole cohort reaches IMDi's round (with the default half living
/// privately, a 15,000-household cohort gave a batch of 7,639).
func allInReception(_ spec: ScenarioSpec) -> ScenarioSpec {
    var spec = spec
    spec.housing.privateShare = 0
    return spec
}

/// Places per 100 persons waiting in the ample batches.
let ampleFactor = 119

func spec(households: Int) -> ScenarioSpec {
    var spec = allInReception(syntheticSpec())
    spec.name = "benchmark"
    spec.seed = 2024
    var mix = CohortMix()
    mix.households = households
    spec.cohort = .generated(mix)
    // Set from the persons, not the households: a fixed 2.3 places a household gave 1.09 × the
    // persons once everyone waited in reception, a tighter batch than the ample one measured before.
    // At 1k, 1.19 × the persons is below the usual minimum of 10 places in each of the 357
    // municipalities; the minimum then sets the total, as it did in the 1k batch of 2026-11-25.
    spec.capacity.nationalTotal = max(
        try! Scenario.resolve(spec).persons * ampleFactor / 100, spec.capacity.minimum * 357)
    spec.capacity.unaccompaniedMinors = max(10, households / 80)
    spec.process.arrivals = .batch
    spec.process.processingDays = 0
    spec.process.capacityRelease = .upfront
    return spec
}

/// A scarce national batch: capacity `factor` × the persons waiting, and with `shortDimension`
/// large dwellings (households of 5+) short nationally as well.
func scarceBatch(households: Int, factor: Double, shortDimension: Bool, real: Bool = false) -> MatchingBatch {
    var scarce = spec(households: households)
    if real {
        // Norway's municipalities, their decisions replaced by a national total shared by population.
        scarce.municipalities = ScenarioSpec().municipalities
        scarce.capacity.basis = .population
    }
    if shortDimension { scarce.capacity.largeDwellingShare = 0.02 }
    let persons = Simulation.firstBatch(try! Scenario.resolve(scarce)).households.reduce(0) { $0 + $1.size }
    scarce.capacity.nationalTotal = Int(Double(persons) * factor)
    let batch = Simulation.firstBatch(try! Scenario.resolve(scarce))
    precondition(batch.capacity.reduce(0, +) < batch.households.reduce(0) { $0 + $1.size }, "persons not short")
    if shortDimension {
        precondition(
            batch.dimensions.contains { $0.demand.reduce(0, +) > $0.capacity.reduce(0, +) }, "no dimension short")
    }
    return batch
}

final class Batches: @unchecked Sendable {
    private let lock = NSLock()
    private var cache: [String: MatchingBatch] = [:]

    func batch(households: Int, dimensions: Bool) -> MatchingBatch {
        lock.lock()
        defer { lock.unlock() }
        let key = "\(households)-\(dimensions)"
        if let batch = cache[key] { return batch }
        // One batch at a time: the 100k value matrix alone is ~285 MB.
        cache.removeAll()
        var batch = Simulation.firstBatch(try! Scenario.resolve(spec(households: households)))
        if !dimensions { batch.dimensions = [] }
        cache[key] = batch
        return batch
    }
}

let batches = Batches()

/// `Scenarios/` of this checkout, found from this file so the harness runs from any folder.
let scenariosFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Scenarios").path

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .peakMemoryResident], warmupIterations: 0, maxDuration: .seconds(30),
        maxIterations: 3)

    let sizes = [1_000, 5_000, 15_000, 50_000, 100_000]
    for size in sizes {
        Benchmark("batch \(size / 1_000)k × 357, persons + 3 dimensions") { benchmark in
            let batch = batches.batch(households: size, dimensions: true)
            benchmark.startMeasurement()
            let result = BatchMatcher.match(batch, options: MatchingOptions())
            benchmark.stopMeasurement()
            precondition(result.gap <= 0.001, "gap \(result.gap) above 0.1 %")
            blackHole(result)
        }
    }
    Benchmark("batch 15k × 357, persons only") { benchmark in
        let batch = batches.batch(households: 15_000, dimensions: false)
        benchmark.startMeasurement()
        let result = BatchMatcher.match(batch, options: MatchingOptions())
        benchmark.stopMeasurement()
        precondition(result.gap <= 0.001, "gap \(result.gap) above 0.1 %")
        blackHole(result)
    }
    // Scarce batches: persons short (0.97 × the persons waiting), and one dimension short
    // nationally as well. The certified gap is printed, not asserted (see Benchmarks/README.md).
    for short in [false, true] {
        let name = short ? "persons and large dwellings short" : "persons short (0.97)"
        Benchmark("scarce batch 15k × 357, \(name)") { benchmark in
            let batch = scarceBatch(households: 15_000, factor: 0.97, shortDimension: short)
            benchmark.startMeasurement()
            let result = BatchMatcher.match(batch, options: MatchingOptions())
            benchmark.stopMeasurement()
            print("scarce batch \(name): \(batch.householdCount) households, gap \(result.gap), \(result.termination)")
            blackHole(result)
        }
    }
    Benchmark("scarce batch 15k × 357 real municipalities, persons short (0.97)") { benchmark in
        let batch = scarceBatch(households: 15_000, factor: 0.97, shortDimension: false, real: true)
        benchmark.startMeasurement()
        let result = BatchMatcher.match(batch, options: MatchingOptions())
        benchmark.stopMeasurement()
        print("scarce batch, real municipalities: \(batch.householdCount) households, gap \(result.gap)")
        blackHole(result)
    }
    // The shipped scenario years on the real municipalities (issue 14's targets): the steady
    // Norway-2023-like year, the spring surge and decisions below need. The whole year is timed.
    for file in ["norway-2023", "spring-surge", "decisions-below-need"] {
        Benchmark("scenario year \(file).yaml") { benchmark in
            let path = scenariosFolder + "/\(file).yaml"
            let scenario = try! ScenarioLoader.load(.file(path))
            benchmark.startMeasurement()
            let result = Simulation.run(scenario)
            benchmark.stopMeasurement()
            let records = result.rounds
            print("year \(file): worst round gap \(records.map(\.result.gap).max() ?? 0)")
            blackHole(result)
        }
    }
    // A year of the Norway-like scenario: 15,000 households (about 32,000 persons) with permits
    // over 300 days, 35,500 places released through the year, weekly IMDi rounds.
    Benchmark("simulated year, 15k households") { benchmark in
        var spec = syntheticSpec()
        spec.name = "year"
        var mix = CohortMix()
        mix.households = 15_000
        spec.cohort = .generated(mix)
        let scenario = try! Scenario.resolve(spec)
        benchmark.startMeasurement()
        let result = Simulation.run(scenario)
        benchmark.stopMeasurement()
        blackHole(result)
    }
    // The hindsight batch of a simulated year (see `Hindsight`): every household that reached
    // IMDi's matching under `optimal`, against the whole decisions. The year is simulated outside
    // the measurement; building, preparing and solving the batch is timed. Easy: the default
    // 35,500 places for about 32,000 persons. Hard: places for 70 % of the persons, so the batch
    // is scarce in persons and the dimensions bind.
    for scarce in [false, true] {
        let name = scarce ? "places for 70 % of the persons" : "default places"
        Benchmark("hindsight batch, year of 15k households, \(name)") { benchmark in
            var spec = syntheticSpec()
            spec.name = "hindsight"
            var mix = CohortMix()
            mix.households = 15_000
            spec.cohort = .generated(mix)
            if scarce { spec.capacity.nationalTotal = try! Scenario.resolve(spec).persons * 7 / 10 }
            let scenario = try! Scenario.resolve(spec)
            let households = Hindsight.households([Simulation.run(scenario)])
            benchmark.startMeasurement()
            let hindsight = Hindsight(scenario: scenario, households: households)
            benchmark.stopMeasurement()
            let termination = hindsight.result.termination
            print("hindsight \(name): \(households.count) households, gap \(hindsight.gap), \(termination)")
            blackHole(hindsight)
        }
    }
}
