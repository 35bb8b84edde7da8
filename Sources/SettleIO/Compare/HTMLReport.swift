// SPDX-License-Identifier: GPL-3.0-or-later

import Foundation
import SettleCore

/// A self-contained HTML report: inline CSS and SVG, no scripts, nothing fetched from a network.
public enum HTMLReport {
    static let palette = ["#1b6ca8", "#d1495b", "#e09f3e", "#00798c", "#66a182", "#8d6a9f", "#5c5c5c", "#b5651d"]

    public static func render(_ summary: ComparisonSummary, context: ComparisonContext) -> String {
        var body = ""
        body += "<h1>\(escape(context.name))</h1>\n"
        body +=
            "<p class=\"lead\">\(summary.variantNames.count) variants × \(summary.replications) replications with common random numbers (seed \(context.baseSeed)). Means with 95 % confidence intervals; differences are paired with the first variant, <b>\(escape(summary.variantNames.first ?? ""))</b>.</p>\n"
        body += legend(summary.variantNames)
        body += section(
            "Where people were settled",
            "Persons settled (by IMDi or by agreement) per 1,000 inhabitants, by municipality; mean over replications.",
            maps(summary, context))
        body += section(
            "How long people waited",
            "Share of settled households by days from permit to settlement, in two-week bins.", waitChart(summary))
        body += section(
            "Capacity use by county", "Places used as a share of the places decided, mean over replications.",
            countyChart(summary, context))
        if let chart = hindsightChart(summary) {
            body += section(
                "Share of the hindsight optimum",
                "Value of the accepted placements (solid) and of the first offers within the decisions, as if none were declined (light), over the best placement of the year's households against the year's decisions known on day 0; mean with 95 % interval. \(hindsightGapNote(summary))",
                chart)
        }
        if summary.variantNames.count > 1 {
            body += section(
                "Differences from \(escape(summary.variantNames[0]))",
                "Paired difference as a percentage of the baseline mean, with its 95 % interval.",
                differenceChart(summary))
        }
        body += section("All figures", "", table(summary))
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>settle compare: \(escape(context.name))</title>
            <style>
            body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2em auto; max-width: 1100px; color: #222; padding: 0 1em; }
            h1 { font-size: 1.6em; margin-bottom: 0.2em; } h2 { font-size: 1.2em; margin-top: 2em; border-bottom: 1px solid #ddd; }
            .lead, .note { color: #555; } svg { display: block; margin: 0.5em 0; } svg text { font-size: 11px; fill: #333; }
            .maps { display: flex; flex-wrap: wrap; gap: 1em; } .legend span { display: inline-block; margin-right: 1.2em; }
            .swatch { display: inline-block; width: 12px; height: 12px; margin-right: 4px; vertical-align: middle; }
            table { border-collapse: collapse; font-size: 0.85em; } th, td { padding: 3px 8px; border-bottom: 1px solid #eee; text-align: right; }
            th:first-child, td:first-child, th:nth-child(2), td:nth-child(2) { text-align: left; }
            </style>
            </head>
            <body>
            \(body)<p class="note">Made by settle. Figures come from the scenario's model and its assumptions; see the README.</p>
            </body>
            </html>

            """
    }

    static func section(_ title: String, _ note: String, _ content: String) -> String {
        "<h2>\(title)</h2>\n" + (note.isEmpty ? "" : "<p class=\"note\">\(note)</p>\n") + content + "\n"
    }

    static func color(_ v: Int) -> String { palette[v % palette.count] }

    static func legend(_ names: [String]) -> String {
        "<p class=\"legend\">"
            + names.enumerated().map { v, name in
                "<span><span class=\"swatch\" style=\"background:\(color(v))\"></span>\(escape(name))</span>"
            }.joined() + "</p>\n"
    }

    static func f(_ x: Double) -> String { String(format: "%.1f", x) }

    /// One small map per variant: points at municipality centroids, area ∝ persons per 1,000 inhabitants.
    static func maps(_ summary: ComparisonSummary, _ context: ComparisonContext) -> String {
        let places = context.municipalities
        guard !places.isEmpty else { return "" }
        let lats = places.map(\.latitude)
        let lons = places.map(\.longitude)
        let (minLat, maxLat) = (lats.min()! - 0.3, lats.max()! + 0.3)
        let (minLon, maxLon) = (lons.min()! - 0.5, lons.max()! + 0.5)
        let squeeze = cos((minLat + maxLat) / 2 * Double.pi / 180)
        let width = 320.0
        let spanX = max(0.1, (maxLon - minLon) * squeeze)
        let spanY = max(0.1, maxLat - minLat)
        let scale = width / spanX
        let height = min(520, spanY * scale)
        let yScale = height / spanY
        let rates = summary.settledByMunicipality.map { row in
            row.enumerated().map { m, persons in
                places[m].population > 0 ? 1000 * persons / Double(places[m].population) : 0
            }
        }
        let top = max(0.001, rates.flatMap { $0 }.max() ?? 1)
        var out = "<div class=\"maps\">"
        for (v, row) in rates.enumerated() {
            out +=
                "<svg width=\"\(Int(width))\" height=\"\(Int(height + 24))\" role=\"img\" aria-label=\"map of \(escape(summary.variantNames[v]))\">"
            out += "<rect x=\"0\" y=\"0\" width=\"\(Int(width))\" height=\"\(Int(height + 24))\" fill=\"#f7f9fb\"/>"
            out += "<text x=\"6\" y=\"16\" font-weight=\"bold\">\(escape(summary.variantNames[v]))</text>"
            // Draw small values last so large circles do not hide them.
            for m in row.indices.sorted(by: { row[$0] != row[$1] ? row[$0] > row[$1] : $0 < $1 }) {
                let x = (places[m].longitude - minLon) * squeeze * scale
                let y = 24 + (maxLat - places[m].latitude) * yScale
                let r = 1.2 + 9 * (row[m] / top).squareRoot()
                out +=
                    "<circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"\(f(r))\" fill=\"\(color(v))\" fill-opacity=\"0.55\" stroke=\"\(color(v))\" stroke-width=\"0.4\"><title>\(escape(places[m].name)): \(f(row[m])) per 1,000</title></circle>"
            }
            out += "</svg>"
        }
        out += "</div>\n<p class=\"note\">Largest circle: \(f(top)) settled per 1,000 inhabitants.</p>"
        return out
    }

    static func waitChart(_ summary: ComparisonSummary) -> String {
        let width = 760.0
        let height = 260.0
        let left = 50.0
        let bottom = 30.0
        let bins = ReplicationRecord.waitBins
        let top = max(0.01, summary.waitDistribution.flatMap { $0 }.max() ?? 0.01)
        let x = { (b: Int) in left + (width - left - 10) * Double(b) / Double(bins - 1) }
        let y = { (share: Double) in (height - bottom) * (1 - share / top) + 5 }
        var out =
            "<svg width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\" aria-label=\"waiting time distribution\">"
        out +=
            "<line x1=\"\(left)\" y1=\"\(height - bottom + 5)\" x2=\"\(width - 10)\" y2=\"\(height - bottom + 5)\" stroke=\"#999\"/>"
        out += "<line x1=\"\(left)\" y1=\"5\" x2=\"\(left)\" y2=\"\(height - bottom + 5)\" stroke=\"#999\"/>"
        for b in stride(from: 0, to: bins, by: 4) {
            out +=
                "<text x=\"\(f(x(b)))\" y=\"\(f(height - 8))\" text-anchor=\"middle\">\(b * ReplicationRecord.waitBinDays)\(b == bins - 1 ? "+" : "")</text>"
        }
        out += "<text x=\"\(f(width - 10))\" y=\"\(f(height - 8))\" text-anchor=\"end\">days</text>"
        for k in 0...4 {
            let share = top * Double(k) / 4
            out +=
                "<text x=\"\(f(left - 6))\" y=\"\(f(y(share) + 4))\" text-anchor=\"end\">\(Int((100 * share).rounded())) %</text>"
        }
        for (v, shares) in summary.waitDistribution.enumerated() {
            let points = shares.enumerated().map { "\(f(x($0))),\(f(y($1)))" }.joined(separator: " ")
            out += "<polyline points=\"\(points)\" fill=\"none\" stroke=\"\(color(v))\" stroke-width=\"2\"/>"
        }
        return out + "</svg>"
    }

    static func countyChart(_ summary: ComparisonSummary, _ context: ComparisonContext) -> String {
        let variants = summary.variantNames.count
        let barHeight = 7.0
        let groupHeight = Double(variants) * barHeight + 8
        let left = 130.0
        let width = 760.0
        let height = Double(context.counties.count) * groupHeight + 30
        let scale = (width - left - 60) / 100
        var out =
            "<svg width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\" aria-label=\"capacity use by county\">"
        for (c, county) in context.counties.enumerated() {
            let y0 = Double(c) * groupHeight + 5
            out +=
                "<text x=\"\(f(left - 6))\" y=\"\(f(y0 + groupHeight / 2))\" text-anchor=\"end\">\(escape(county))</text>"
            for v in 0..<variants {
                let decided = context.decidedByCounty[v][c]
                let share = decided > 0 ? 100 * summary.usedByCounty[v][c] / Double(decided) : 0
                let y = y0 + Double(v) * barHeight
                out +=
                    "<rect x=\"\(left)\" y=\"\(f(y))\" width=\"\(f(max(0, share) * scale))\" height=\"\(f(barHeight - 1))\" fill=\"\(color(v))\"><title>\(escape(summary.variantNames[v])): \(f(share)) %</title></rect>"
            }
        }
        return out + percentAxis(left: left, scale: scale, height: height) + "</svg>"
    }

    /// The 0-100 % axis under a bar chart.
    static func percentAxis(left: Double, scale: Double, height: Double) -> String {
        let axis = height - 20
        var out =
            "<line x1=\"\(left)\" y1=\"\(f(axis))\" x2=\"\(f(left + 100 * scale))\" y2=\"\(f(axis))\" stroke=\"#999\"/>"
        for p in stride(from: 0, through: 100, by: 25) {
            out +=
                "<text x=\"\(f(left + Double(p) * scale))\" y=\"\(f(axis + 14))\" text-anchor=\"middle\">\(p) %</text>"
        }
        return out
    }

    static func hindsightGapNote(_ summary: ComparisonSummary) -> String {
        guard let row = summary.rows.first(where: { $0.metric == .hindsightGap }),
            let worst = row.values.map(\.mean).filter(\.isFinite).max()
        else { return "" }
        let gap = String(format: "%.3f", 100 * worst)
        return "The hindsight batch's own gap (bound over objective) is \(gap) % on average."
    }

    /// One pair of bars per variant: share of hindsight accepted and offered, with intervals.
    static func hindsightChart(_ summary: ComparisonSummary) -> String? {
        guard let accepted = summary.rows.first(where: { $0.metric == .shareOfHindsight }),
            let offered = summary.rows.first(where: { $0.metric == .shareOfHindsightOffers }),
            accepted.values.contains(where: { $0.mean.isFinite })
        else { return nil }
        let variants = summary.variantNames.count
        let barHeight = 12.0
        let groupHeight = 2 * barHeight + 10
        let left = 170.0
        let width = 760.0
        let height = Double(variants) * groupHeight + 30
        let scale = (width - left - 70) / 100
        var out =
            "<svg width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\" aria-label=\"share of hindsight per mechanism\">"
        for v in 0..<variants {
            let y0 = Double(v) * groupHeight + 5
            out +=
                "<text x=\"\(f(left - 6))\" y=\"\(f(y0 + barHeight + 4))\" text-anchor=\"end\">\(escape(summary.variantNames[v]))</text>"
            for (k, row) in [accepted, offered].enumerated() {
                let value = row.values[v]
                guard value.mean.isFinite else { continue }
                let y = y0 + Double(k) * barHeight
                let pct = { (x: Double) in min(100, max(0, 100 * x)) }
                let label = k == 0 ? "accepted" : "offered"
                out +=
                    "<rect x=\"\(left)\" y=\"\(f(y))\" width=\"\(f(pct(value.mean) * scale))\" height=\"\(f(barHeight - 2))\" fill=\"\(color(v))\" fill-opacity=\"\(k == 0 ? "0.9" : "0.35")\"><title>\(escape(summary.variantNames[v])), \(label): \(f(100 * value.mean)) %</title></rect>"
                if let low = value.low, let high = value.high {
                    let mid = y + (barHeight - 2) / 2
                    out +=
                        "<line x1=\"\(f(left + pct(low) * scale))\" y1=\"\(f(mid))\" x2=\"\(f(left + pct(high) * scale))\" y2=\"\(f(mid))\" stroke=\"#222\" stroke-width=\"1.5\"/>"
                }
                out +=
                    "<text x=\"\(f(left + pct(value.mean) * scale + 4))\" y=\"\(f(y + barHeight - 3))\">\(f(100 * value.mean)) %</text>"
            }
        }
        return out + percentAxis(left: left, scale: scale, height: height) + "</svg>"
    }

    static let differenceMetrics: [ComparisonMetric] = [
        .settledByIMDi, .selfSettled, .declined, .waiting, .waitMean, .withinTarget, .lostByDecline, .benefitCost,
        .expectedEmployed,
    ]

    /// A forest plot: each metric's paired difference in % of the baseline, with its interval.
    static func differenceChart(_ summary: ComparisonSummary) -> String {
        let rows = summary.rows.filter { differenceMetrics.contains($0.metric) }
        let variants = summary.variantNames.count
        let rowHeight = 12.0
        let groupHeight = Double(variants - 1) * rowHeight + 10
        let left = 210.0
        let width = 760.0
        let height = Double(rows.count) * groupHeight + 34
        var points: [(metric: Int, variant: Int, mean: Double, low: Double, high: Double)] = []
        for (r, row) in rows.enumerated() {
            let base = row.values[0].mean
            guard base != 0, base.isFinite else { continue }
            for v in 1..<variants {
                guard let d = row.differences[v] else { continue }
                let pct = { (x: Double) in 100 * x / abs(base) }
                points.append((r, v, pct(d.mean), pct(d.low ?? d.mean), pct(d.high ?? d.mean)))
            }
        }
        let extent = max(1, points.flatMap { [abs($0.low), abs($0.high)] }.max() ?? 1) * 1.1
        let x = { (p: Double) in left + (width - left - 20) * (p + extent) / (2 * extent) }
        var out =
            "<svg width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\" aria-label=\"differences from the baseline\">"
        out +=
            "<line x1=\"\(f(x(0)))\" y1=\"0\" x2=\"\(f(x(0)))\" y2=\"\(f(height - 24))\" stroke=\"#999\" stroke-dasharray=\"3,3\"/>"
        for (r, row) in rows.enumerated() {
            out +=
                "<text x=\"\(f(left - 8))\" y=\"\(f(Double(r) * groupHeight + groupHeight / 2 + 4))\" text-anchor=\"end\">\(escape(row.metric.label))</text>"
        }
        for p in points {
            let y = Double(p.metric) * groupHeight + 6 + Double(p.variant - 1) * rowHeight
            out +=
                "<line x1=\"\(f(x(p.low)))\" y1=\"\(f(y))\" x2=\"\(f(x(p.high)))\" y2=\"\(f(y))\" stroke=\"\(color(p.variant))\" stroke-width=\"2\"/>"
            out +=
                "<circle cx=\"\(f(x(p.mean)))\" cy=\"\(f(y))\" r=\"3.5\" fill=\"\(color(p.variant))\"><title>\(escape(summary.variantNames[p.variant])): \(f(p.mean)) % [\(f(p.low)); \(f(p.high))]</title></circle>"
        }
        let axis = height - 18
        for k in -2...2 {
            let p = extent * Double(k) / 2
            out +=
                "<text x=\"\(f(x(p)))\" y=\"\(f(axis + 10))\" text-anchor=\"middle\">\(p > 0 ? "+" : "")\(f(p)) %</text>"
        }
        return out + "</svg>"
    }

    static func table(_ summary: ComparisonSummary) -> String {
        var out =
            "<table><tr><th>Metric</th><th>Variant</th><th>Mean</th><th>95 % interval</th><th>Difference</th><th>95 % interval</th></tr>"
        for row in summary.rows {
            for (v, value) in row.values.enumerated() {
                let d = row.differences[v]
                out +=
                    "<tr><td>\(v == 0 ? escape(row.metric.label) : "")</td><td>\(escape(summary.variantNames[v]))</td>"
                out +=
                    "<td>\(escape(ComparisonReport.show(value.mean, row.metric)))</td><td>\(escape(ComparisonReport.range(value, row.metric)))</td>"
                out +=
                    "<td>\(d.map { escape(ComparisonReport.signed($0.mean, row.metric)) + ($0.excludesZero ? " *" : "") } ?? "")</td>"
                out += "<td>\(d.map { escape(ComparisonReport.range($0, row.metric, signed: true)) } ?? "")</td></tr>"
            }
        }
        return out + "</table>"
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
