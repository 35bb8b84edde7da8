// SPDX-License-Identifier: GPL-3.0-or-later

import Foundation
import SettleCore

/// The comparison as a terminal table, JSON and CSV.
public enum ComparisonReport {
    public static func json(_ summary: ComparisonSummary, context: ComparisonContext) -> JSONValue {
        func interval(_ i: Interval) -> [(String, JSONValue)] {
            [
                ("mean", .double(i.mean)), ("ci_low", i.low.map { .double($0) } ?? .null),
                ("ci_high", i.high.map { .double($0) } ?? .null),
            ]
        }
        let metrics: [JSONValue] = summary.rows.map { row in
            .object([
                ("key", .string(row.metric.key)),
                ("label", .string(row.metric.label)),
                (
                    "variants",
                    .array(
                        row.values.enumerated().map { v, i in
                            .object([("variant", .string(summary.variantNames[v]))] + interval(i))
                        })
                ),
                (
                    "differences",
                    .array(
                        row.differences.enumerated().compactMap { v, d in
                            d.map {
                                .object(
                                    [("variant", .string(summary.variantNames[v]))] + interval($0) + [
                                        ("excludes_zero", .bool($0.excludesZero))
                                    ])
                            }
                        })
                ),
            ])
        }
        return .object([
            ("comparison", .string(context.name)),
            ("seed", .unsigned(context.baseSeed)),
            ("replications", .int(summary.replications)),
            ("variants", .array(summary.variantNames.map { .string($0) })),
            ("baseline", .string(summary.variantNames.first ?? "")),
            ("metrics", .array(metrics)),
        ])
    }

    public static let csvHeader = "metric,variant,mean,ci_low,ci_high,difference,difference_ci_low,difference_ci_high"

    public static func csv(_ summary: ComparisonSummary) -> String {
        var lines = [csvHeader]
        func number(_ value: Double?) -> String { value.map { JSONValue.format($0, digits: 6) } ?? "" }
        for row in summary.rows {
            for (v, value) in row.values.enumerated() {
                let d = row.differences[v]
                lines.append(
                    [
                        row.metric.key, MunicipalityCSV.escape(summary.variantNames[v]), number(value.mean),
                        number(value.low), number(value.high), number(d?.mean), number(d?.low), number(d?.high),
                    ].joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func terminal(_ summary: ComparisonSummary, context: ComparisonContext) -> String {
        var out: [String] = []
        out.append(
            "settle compare · \"\(context.name)\" · \(summary.variantNames.count) variants × \(summary.replications) replications · seed \(context.baseSeed)"
        )
        out.append(
            "Means with 95 % intervals; differences are paired with \"\(summary.variantNames.first ?? "")\" (common random numbers); * = interval excludes 0."
        )
        out.append("")
        var table = TextTable(
            columns: ["Metric", "Variant", "Mean", "95 % interval", "Difference", "95 % interval"],
            rightAligned: [2, 4])
        for row in summary.rows {
            for (v, value) in row.values.enumerated() {
                let d = row.differences[v]
                table.add([
                    v == 0 ? row.metric.label : "", summary.variantNames[v], show(value.mean, row.metric),
                    range(value, row.metric),
                    d.map { signed($0.mean, row.metric) + ($0.excludesZero ? " *" : "  ") } ?? "",
                    d.map { range($0, row.metric, signed: true) } ?? "",
                ])
            }
        }
        out.append(contentsOf: table.lines())
        return out.joined(separator: "\n") + "\n"
    }

    static func show(_ value: Double, _ metric: ComparisonMetric) -> String {
        guard value.isFinite else { return "-" }
        switch metric {
        case .withinTarget: return String(format: "%.3f", value)
        case .shareOfHindsight, .shareOfHindsightOffers: return String(format: "%.1f %%", 100 * value)
        case .hindsightGap: return String(format: "%.3f %%", 100 * value)
        case .waitMean, .waitP90, .expectedEmployed: return String(format: "%.1f", value)
        case .benefitCost, .benefitForgone: return String(format: "%.1f M", value / 1_000_000)
        default: return TerminalReport.n(Int(value.rounded()))
        }
    }

    static func signed(_ value: Double, _ metric: ComparisonMetric) -> String {
        let text = show(abs(value), metric)
        return (value < 0 ? "-" : "+") + text
    }

    static func range(_ i: Interval, _ metric: ComparisonMetric, signed: Bool = false) -> String {
        guard let low = i.low, let high = i.high else { return "" }
        let f = { (x: Double) in signed ? Self.signed(x, metric) : show(x, metric) }
        return "[\(f(low)); \(f(high))]"
    }
}
