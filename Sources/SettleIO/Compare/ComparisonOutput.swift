// SPDX-License-Identifier: GPL-3.0-or-later

import Foundation
import SettleCore

/// A comparison's reports: the terminal table, JSON, CSV and HTML, from the records of every
/// variant and replication. `compare` and `merge` both print through it, so both give the same bytes.
public struct ComparisonOutput: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case text
        case json
        case csv
    }

    public var context: ComparisonContext
    public var summary: ComparisonSummary

    public init(context: ComparisonContext, records: [ReplicationRecord]) {
        self.context = context
        summary = ComparisonSummary(variantNames: context.variantNames, records: records)
    }

    /// `<name>-comparison.json`, `.csv` and `.html`.
    public static func fileNames(_ name: String) -> [String] {
        ["\(name)-comparison.json", "\(name)-comparison.csv", "\(name)-comparison.html"]
    }

    public var json: String { ComparisonReport.json(summary, context: context).serialized(indent: 2) + "\n" }
    public var csv: String { ComparisonReport.csv(summary) }
    public var text: String { ComparisonReport.terminal(summary, context: context) }
    public var html: String { HTMLReport.render(summary, context: context) }

    public func rendered(_ format: Format) -> String {
        switch format {
        case .text: text
        case .json: json
        case .csv: csv
        }
    }

    /// Creates `folder` and, unless `force`, refuses files already there: call before the work starts.
    public static func prepare(folder: String, names: [String], force: Bool) throws(InputError) {
        try OutputWriter.prepareFolder(folder)
        if !force {
            for name in names { try OutputWriter.refuseExisting((folder as NSString).appendingPathComponent(name)) }
        }
    }

    /// Writes the JSON, CSV and HTML reports into `folder`: all three or none.
    public func write(to folder: String) throws(InputError) {
        let files = zip(Self.fileNames(context.name), [json, csv, html]).map { name, text in
            (path: (folder as NSString).appendingPathComponent(name), text: text)
        }
        try OutputWriter.writeAll(files, force: true)
    }
}
