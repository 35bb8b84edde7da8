// SPDX-License-Identifier: GPL-3.0-or-later

import ArgumentParser
import Dispatch
import Foundation
import SettleCore
import SettleIO

enum CompareFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
    case csv
}

/// `k/n`: shard k of n, numbered from 1.
struct Shard: ExpressibleByArgument {
    var index: Int
    var count: Int

    init?(argument: String) {
        let parts = argument.split(separator: "/")
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, (1...n).contains(k) else {
            return nil
        }
        index = k
        count = n
    }
}

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare a scenario's variants over replications with common random numbers.",
        discussion: """
            Replication k of every variant runs on the same seed, so differences are paired. Prints each \
            metric's mean with a 95 % interval and the difference from the first variant with its interval. \
            With --out DIR, also writes <name>-comparison.json, .csv and .html (a self-contained report). \
            With --shard k/n, runs only replications r with r mod n = k-1 and writes a partial result \
            into --out; `settle merge` combines the partials into exactly what one run prints.
            """
    )

    @Argument(help: "Scenario file with variants (a file without variants runs as one variant).")
    var file: String

    @OptionGroup var scenario: ScenarioOptions

    @Option(help: "Replications per variant.")
    var replications = 10

    @Option(help: "Replications run at once (default: the number of cores). The output does not depend on it.")
    var jobs: Int?

    @Option(help: "Run only shard k of n (e.g. 2/8) and write a partial result into --out.")
    var shard: Shard?

    @Option(help: "Output format on stdout: text, json or csv.")
    var format: CompareFormat = .text

    @Option(help: "Folder for the JSON, CSV and HTML reports (or the partial result with --shard).")
    var out: String?

    @Flag(help: "Overwrite existing files in --out.")
    var force = false

    func validate() throws {
        guard (1...10_000).contains(replications) else {
            throw ValidationError("--replications must be from 1 to 10000")
        }
        if let jobs, !(1...256).contains(jobs) { throw ValidationError("--jobs must be from 1 to 256") }
        if shard != nil && out == nil { throw ValidationError("--shard needs --out DIR for the partial result") }
    }

    func run() throws {
        let comparison = try ComparisonLoader.load(path: file, overrides: scenario.parsedOverrides())
        var specs = comparison.specs
        if let seed = scenario.seed { for i in specs.indices { specs[i].seed = seed } }
        let plan = ComparisonPlan(
            name: comparison.name, variantNames: comparison.variants.map(\.name), specs: specs,
            replications: replications, baseSeed: specs[0].seed)
        let context: ComparisonContext
        do {
            context = try ComparisonContext(plan: plan)
        } catch {
            throw InputError(file: file, key: error.key, message: error.message)
        }
        let selected = shard.map { plan.replications(shard: $0.index, of: $0.count) } ?? Array(0..<replications)
        let names = outputNames(context.name)
        if let out {
            try OutputWriter.prepareFolder(out)
            if !force {
                for name in names { try OutputWriter.refuseExisting((out as NSString).appendingPathComponent(name)) }
            }
        }
        let records = try runBlocking(plan, selected: selected)
        if let shard, let out {
            let partial = PartialResult(context: context, shard: shard.index, shards: shard.count, records: records)
            let path = (out as NSString).appendingPathComponent(names[0])
            try OutputWriter.write(partial.serialized(), to: path, force: true)
            FileHandle.standardError.write(Data("settle: wrote shard \(shard.index)/\(shard.count) to \(path)\n".utf8))
            return
        }
        try ComparisonOutput.emit(context: context, records: records, format: format, out: out)
    }

    func outputNames(_ name: String) -> [String] {
        if let shard { return ["\(name).shard-\(shard.index)-of-\(shard.count).json"] }
        return ComparisonOutput.fileNames(name)
    }

    func runBlocking(_ plan: ComparisonPlan, selected: [Int]) throws -> [ReplicationRecord] {
        let jobs = self.jobs ?? ProcessInfo.processInfo.activeProcessorCount
        let progress = ProgressBar(enabled: isatty(STDERR_FILENO) == 1)
        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do {
                let records = try await plan.run(replications: selected, jobs: jobs) { progress.update($0, of: $1) }
                box.set(.success(records))
            } catch let error as ScenarioError {
                box.set(.failure(error))
            } catch {
                box.set(.failure(ScenarioError(key: "", message: "\(error)")))
            }
            done.signal()
        }
        done.wait()
        progress.finish()
        switch box.get() {
        case .success(let records): return records
        case .failure(let error): throw InputError(file: file, key: error.key, message: error.message)
        case nil: throw InternalFailure(message: "comparison ended without a result")
        }
    }
}

/// The result of the detached comparison task, handed back to the blocking caller.
final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Result<[ReplicationRecord], ScenarioError>?

    func set(_ result: Result<[ReplicationRecord], ScenarioError>) { lock.withLock { value = result } }
    func get() -> Result<[ReplicationRecord], ScenarioError>? { lock.withLock { value } }
}

/// A one-line progress bar on stderr, only when stderr is a terminal.
final class ProgressBar: @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()
    private var shown = false

    init(enabled: Bool) { self.enabled = enabled }

    func update(_ done: Int, of total: Int) {
        guard enabled, total > 0 else { return }
        lock.withLock {
            let width = 30
            let filled = width * done / total
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            FileHandle.standardError.write(Data("\r[\(bar)] \(done)/\(total) runs".utf8))
            shown = true
        }
    }

    func finish() {
        lock.withLock { if shown { FileHandle.standardError.write(Data("\n".utf8)) } }
    }
}

/// Printing and writing a comparison: shared by `compare` and `merge`, so both give the same bytes.
enum ComparisonOutput {
    static func fileNames(_ name: String) -> [String] {
        ["\(name)-comparison.json", "\(name)-comparison.csv", "\(name)-comparison.html"]
    }

    static func emit(context: ComparisonContext, records: [ReplicationRecord], format: CompareFormat, out: String?)
        throws
    {
        let summary = ComparisonSummary(variantNames: context.variantNames, records: records)
        let json = ComparisonReport.json(summary, context: context).serialized(indent: 2) + "\n"
        let csv = ComparisonReport.csv(summary)
        switch format {
        case .text: print(ComparisonReport.terminal(summary, context: context), terminator: "")
        case .json: print(json, terminator: "")
        case .csv: print(csv, terminator: "")
        }
        if let out {
            let names = fileNames(context.name)
            let html = HTMLReport.render(summary, context: context)
            // One output: the three files appear together or not at all.
            let files = zip(names, [json, csv, html]).map { name, text in
                (path: (out as NSString).appendingPathComponent(name), text: text)
            }
            try OutputWriter.writeAll(files, force: true)
        }
    }
}
