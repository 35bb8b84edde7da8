// SPDX-License-Identifier: GPL-3.0-or-later

import ArgumentParser
import Foundation
import SettleIO

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Combine the partial results of `compare --shard` into the full comparison.",
        discussion: "Prints and writes exactly what one `settle compare` run of all replications would."
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
        var parts: [(path: String, result: PartialResult)] = []
        for file in files { parts.append((file, try PartialResult.read(path: file))) }
        let (context, records) = try PartialResult.merge(parts)
        if let out {
            try OutputWriter.prepareFolder(out)
            if !force {
                for name in ComparisonOutput.fileNames(context.name) {
                    try OutputWriter.refuseExisting((out as NSString).appendingPathComponent(name))
                }
            }
        }
        try ComparisonOutput.emit(context: context, records: records, format: format, out: out)
    }
}
