// SPDX-License-Identifier: GPL-3.0-or-later

import ArgumentParser
import Foundation
import SettleIO

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Combine the partial results of `compare --shard` into the full comparison.",
        discussion: """
            Prints and writes exactly what one `settle compare` run of all replications would. Refuses \
            parts of different runs (settle's version, scenario, tables, --set, replications or seed) \
            and names missing replications.
            """
    )

    @Argument(help: "Partial result files, one per shard.")
    var files: [String]

    @Option(help: "Output format on stdout: text, json or csv.")
    var format: CompareFormat = .text

    @Option(help: "Folder for the JSON, CSV and HTML reports.")
    var out: String?

    @Flag(help: "Overwrite existing files in --out.")
    var force = false

    func run() throws {
        let output = try PartialResult.merge(paths: files)
        if let out {
            try ComparisonOutput.prepare(
                folder: out, names: ComparisonOutput.fileNames(output.context.name), force: force)
        }
        print(output.rendered(format.output), terminator: "")
        if let out { try output.write(to: out) }
    }
}
