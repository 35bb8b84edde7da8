// SPDX-License-Identifier: GPL-3.0-or-later

import ArgumentParser
import Foundation
import SettleCore
import SettleIO

enum CompareFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
    case csv

    var output: ComparisonOutput.Format { ComparisonOutput.Format(rawValue: rawValue)! }
}

/// `k/n`: shard k of n, numbered from 1.
struct Shard: ExpressibleByArgument {
    var shard: ComparisonShard

    init?(argument: String) {
        guard let shard = ComparisonShard(parsing: argument) else { return nil }
        self.shard = shard
    }
}

struct Compare: AsyncParsableCommand {
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

    func run() async throws {
        let run = try ComparisonRun(
            file: file, overrides: scenario.parsedOverrides(), seed: scenario.seed, replications: replications)
        let shard = self.shard?.shard
        if let out {
            let names = shard.map { [$0.fileName(run.context.name)] } ?? ComparisonOutput.fileNames(run.context.name)
            try ComparisonOutput.prepare(folder: out, names: names, force: force)
        }
        let progress = ProgressBar(enabled: isatty(STDERR_FILENO) == 1)
        let records = try await run.records(
            shard: shard, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount
        ) { progress.update($0, of: $1) }
        progress.finish()
        if let shard, let out {
            let path = (out as NSString).appendingPathComponent(shard.fileName(run.context.name))
            try OutputWriter.write(
                run.partialResult(shard: shard, records: records).serialized(), to: path, force: true)
            FileHandle.standardError.write(Data("settle: wrote shard \(shard.index)/\(shard.count) to \(path)\n".utf8))
            return
        }
        let output = run.output(records)
        print(output.rendered(format.output), terminator: "")
        if let out { try output.write(to: out) }
    }
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
