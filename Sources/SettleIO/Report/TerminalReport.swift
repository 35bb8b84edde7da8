// SPDX-License-Identifier: GPL-3.0-or-later

import Foundation
import SettleCore

/// The readable report: headline counts, consequences, matching quality, counties.
public enum TerminalReport {
    public static func render(_ o: Outcomes, scenario: Scenario, showTimings: Bool = false) -> String {
        var out: [String] = []
        let counties = Set(scenario.municipalities.map(\.countyID)).count
        out.append("settle · scenario \"\(o.scenario)\" · seed \(o.seed)")
        if !scenario.spec.description.isEmpty { out.append(scenario.spec.description) }
        out.append(
            "\(n(scenario.municipalities.count)) municipalities in \(counties) counties · \(n(o.households)) households · \(n(o.persons)) persons · decisions \(n(o.capacity.decided)) places"
        )
        out.append("")
        var table = TextTable(columns: ["Outcome", "Households", "Persons"], rightAligned: [1, 2])
        let rows: [(String, SettlementPath)] = [
            ("Settled by IMDi", .settledByIMDi), ("Self-settled by agreement", .selfSettled),
            ("Declined the offer", .declined), ("Waiting for an offer", .waiting),
            ("No settlement asked", .noSettlementAsked),
        ]
        for (label, path) in rows {
            table.add([label, n(o.householdOutcomes[path]), n(o.outcomes[path])])
        }
        table.add(["Total", n(o.householdOutcomes.total), n(o.outcomes.total)])
        out.append(contentsOf: table.lines())
        let reasons = o.waitingReasons.filter { $0.value.households > 0 }.sorted { $0.key < $1.key }
        if !reasons.isEmpty {
            out.append("Why households are still waiting:")
            var why = TextTable(columns: ["  Reason", "Households", "Persons"], rightAligned: [1, 2])
            for (reason, count) in reasons {
                why.add(["  " + reason.explanation, n(count.households), n(count.persons)])
            }
            out.append(contentsOf: why.lines().dropFirst(2))
        }
        out.append("")
        let h = o.housing
        out.append(
            "Housing on arrival      \(n(h.reception.households)) households in reception (\(n(h.reception.persons)) persons), \(n(h.privately.households)) living privately (\(n(h.privately.persons)))"
        )
        if h.privately.households > 0 {
            out.append(
                "  of those living privately: \(n(h.appliedToIMDi.households)) applied to IMDi, \(n(h.triedSelfSettlement.households)) looked for a home by agreement"
            )
        }
        out.append(
            "Offers                  \(n(o.offers.made)) made, \(n(o.offers.accepted)) accepted, \(n(o.offers.declined)) declined; \(n(o.forcedMoves)) persons moved by the police"
        )
        let w = o.waitDays
        out.append(
            String(
                format:
                    "Wait for settlement     mean %.0f days, median %.0f, 90th percentile %.0f; %.1f %% within target",
                w.mean, w.median, w.p90, 100 * w.withinTargetShare))
        let l = o.declineLosses
        out.append(
            "Declining cost          \(n(l.receptionPlace)) persons their reception place, \(n(l.introductionProgramme)) the programme and benefit, \(n(l.municipalSupport)) municipal support and help with moving"
        )
        out.append(
            "Introduction programme  \(n(o.introductionProgramme.participants)) participants; \(n(o.introductionProgramme.lostByDecline)) lost by declining"
        )
        let b = o.introductionBenefit
        out.append(
            "Introduction benefit    NOK \(millions(b.annualCostNOK)) a year, gross; NOK \(millions(b.withinYearNOK)) paid within the year; NOK \(millions(b.forgoneByDeclineNOK)) a year forgone by declining"
        )
        out.append(
            "Reception               \(n(o.reception.personsAtStart)) persons at the start; \(n(o.reception.personDays)) person-days after the permit, NOK \(millions(o.reception.costNOK)) at NOK \(n(Int(scenario.spec.reception.costPerPersonDayNOK.rounded()))) a day"
        )
        out.append(
            "Integration grant       NOK \(millions(o.grant.firstYearNOK)) to municipalities for \(n(o.grant.persons)) persons settled (year 1)"
        )
        out.append(
            "Norwegian tuition       \(n(o.norwegianTuition.entitled)) adults entitled, \(n(o.norwegianTuition.keptByDecliners)) of them after declining"
        )
        out.append(
            "School                  \(n(o.school.childrenInSchool)) children aged 6-15; \(n(o.school.youthUpperSecondaryRight)) youths aged 16-18 with a right to upper secondary"
        )
        out.append(
            "Expected employed       \(String(format: "%.1f", o.expectedEmployed)) adults (settled, or on their own after declining)"
        )
        let share = o.capacity.decided > 0 ? 100 * Double(o.capacity.used) / Double(o.capacity.decided) : 0
        out.append(
            "Capacity                \(n(o.capacity.used)) of \(n(o.capacity.decided)) places used (\(String(format: "%.1f", share)) %); \(o.capacity.overCapacityMunicipalities) municipalities over their decision"
        )
        out.append("")
        let m = o.matching
        var line =
            "Matching                \(SolveMethod.label(of: m.methods)), \(m.termination.rawValue.replacingOccurrences(of: "_", with: " ")): \(n(m.rounds)) rounds, \(n(m.households)) households in batches"
        if showTimings { line += String(format: ", %.2f s", m.seconds) }
        out.append(line)
        out.append(
            String(
                format: "  objective %.3f · bound %.3f · gap %.4f %% (worst round %.4f %%) · predicted employment %.1f",
                m.objective, m.bound, 100 * m.gap, 100 * m.worstGap, m.predictedEmployment))
        if m.splitHouseholds > 0 {
            out.append(
                "  \(m.splitHouseholds) households split by the LP relaxation; \(m.repairedHouseholds) placed by LP diving and the repair MIP"
            )
        }
        if let note = m.note { out.append("  note: \(note.text)") }
        if !m.uncertified.isEmpty {
            out.append("  rounds above the gap tolerance (\(m.uncertified.count)), with their certified gap and why:")
            for r in m.uncertified { out.append("    " + uncertifiedLine(r, showTimings: showTimings)) }
        }
        out.append("")
        var counties_ = TextTable(
            columns: [
                "County", "Decided", "By IMDi", "Self-settled", "Used %", "Declined offers", "Moved in after declining",
            ],
            rightAligned: [1, 2, 3, 4, 5, 6])
        for c in o.counties {
            let used = c.decided > 0 ? String(format: "%.1f", 100 * Double(c.used) / Double(c.decided)) : "-"
            counties_.add([
                c.name, n(c.decided), n(c.settledByIMDi), n(c.selfSettled), used, n(c.declinedOffers),
                n(c.declinedArrivals),
            ])
        }
        out.append(contentsOf: counties_.lines())
        if !o.centralityClasses.isEmpty {
            out.append("")
            var classes = TextTable(
                columns: [
                    "Centrality (SSB)", "Municipalities", "Decided", "Settled", "Settled / decided",
                    "Self-settled / settled",
                ],
                rightAligned: [1, 2, 3, 4, 5])
            for row in o.centralityClasses {
                let fill = row.decided > 0 ? String(format: "%.2f", Double(row.settled) / Double(row.decided)) : "-"
                let own = row.settled > 0 ? String(format: "%.2f", Double(row.selfSettled) / Double(row.settled)) : "-"
                classes.add([
                    "\(row.centralityClass)", n(row.municipalities), n(row.decided), n(row.settled), fill, own,
                ])
            }
            out.append(contentsOf: classes.lines())
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// 12345 → "12,345": fixed separators, whatever the machine's locale.
    public static func n(_ value: Int) -> String {
        let digits = String(abs(value))
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return (value < 0 ? "-" : "") + groups.joined(separator: ",")
    }

    /// One uncertified round: its gap, how short its places were, and where the solver stopped.
    static func uncertifiedLine(_ r: UncertifiedRound, showTimings: Bool) -> String {
        var parts = [
            String(
                format: "day %d: gap %.4f %% (objective %.3f, bound %.3f)", r.day, 100 * r.gap, r.objective, r.bound),
            "\(n(r.households)) households, \(n(r.scarcity.persons)) persons for \(n(r.scarcity.places)) places"
                + (r.scarcity.placesShort ? " (places short)" : ""),
        ]
        for d in r.scarcity.shortDimensions {
            parts.append(
                "\(d.name.replacingOccurrences(of: "_", with: " ")) short (\(n(d.demand)) needed, \(n(d.capacity)) left)"
            )
        }
        parts.append(
            r.termination.rawValue.replacingOccurrences(of: "_", with: " ") + (r.note.map { ": \($0.text)" } ?? ""))
        if showTimings { parts.append(String(format: "%.2f s", r.seconds)) }
        return parts.joined(separator: "; ")
    }

    static func millions(_ nok: Double) -> String {
        String(format: "%.1f million", nok / 1_000_000)
    }
}

/// Fixed-width columns for terminal output.
struct TextTable {
    var columns: [String]
    var rightAligned: Set<Int>
    var rows: [[String]] = []

    init(columns: [String], rightAligned: Set<Int>) {
        self.columns = columns
        self.rightAligned = rightAligned
    }

    mutating func add(_ row: [String]) { rows.append(row) }

    func lines() -> [String] {
        let all = [columns] + rows
        let widths = columns.indices.map { c in all.map { $0[c].count }.max() ?? 0 }
        func render(_ row: [String]) -> String {
            row.enumerated().map { c, cell in
                let pad = String(repeating: " ", count: widths[c] - cell.count)
                return rightAligned.contains(c) ? pad + cell : cell + pad
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return [render(columns), rule] + rows.map(render)
    }
}
