// SPDX-License-Identifier: GPL-3.0-or-later

import Foundation
import SettleCore

/// The years after settlement, in the terminal and in JSON (key `years`, documented in the README).
public enum LifecycleReport {
    static let months = (1...12).map { "M\($0)" }

    public static func render(_ o: LifecycleOutcomes) -> String {
        let n = TerminalReport.n
        var out: [String] = [
            "", "Years after settlement (years of 365 days from day 0 of settlement; persons unless noted)", "",
        ]
        var permits = TextTable(
            columns: [
                "Year", "Valid at start", "First permits", "Child permits", "Lost abroad", "Returned", "Refused",
                "Valid at end",
            ], rightAligned: Set(1...7))
        for y in o.years {
            let p = y.permits
            permits.add([
                "\(y.year)", n(p.start), n(p.granted), n(p.childPermits), n(p.lostAbroad), n(p.returned),
                n(p.refusedAtExpiry), n(p.end),
            ])
        }
        out.append(contentsOf: permits.lines())
        out.append("")
        var work = TextTable(
            columns: [
                "Year", "Extensions", "Refused", "Letters by post", "Cards sent", "Fingerprints", "First cards",
                "Trips (hh)", "To tax (hh)", "Returns (hh)",
            ], rightAligned: Set(1...9))
        for y in o.years {
            work.add([
                "\(y.year)", n(y.extensions.processed), n(y.extensions.refused), n(y.extensions.lettersByPost),
                n(y.workload.cards), n(y.workload.fingerprints), n(y.workload.firstCardAppointments),
                n(y.staysAbroad.trips), n(y.staysAbroad.reportedToTax), n(y.returns.households),
            ])
        }
        out.append(contentsOf: work.lines())
        out.append("Fingerprints: children 5 or younger on the permit day, at their first extension; first cards:")
        out.append("persons called to the police for the picture and fingerprints of their first residence card.")
        out.append("")
        var births = TextTable(
            columns: [
                "Year", "Births", "Protection", "Family imm.", "Derived refugee", "Registration", "Permanent",
                "At police", "In programme at end",
            ], rightAligned: Set(1...8))
        for y in o.years {
            let b = y.births
            births.add(
                ["\(y.year)", n(b.total)] + ChildRoute.reportOrder.map { n(b.byRoute[$0] ?? 0) } + [
                    n(b.atPolice), n(y.programme.end),
                ])
        }
        out.append(contentsOf: births.lines())
        out.append("")
        out.append("Monthly workload (M1 = the first twelfth of the year)")
        var monthly = TextTable(columns: ["Year", "Per month"] + months, rightAligned: Set(2...13))
        for y in o.years {
            monthly.add(["\(y.year)", "cards"] + y.workload.cardsByMonth.map(n))
            monthly.add(["", "fingerprints"] + y.workload.fingerprintsByMonth.map(n))
            monthly.add(["", "first cards"] + y.workload.firstCardAppointmentsByMonth.map(n))
        }
        out.append(contentsOf: monthly.lines())
        for y in o.years where y.workload.cards > 0 {
            let cards = y.workload.cardsByMonth
            let prints = y.workload.fingerprintsByMonth
            let peak = cards.indices.max { cards[$0] < cards[$1] } ?? 0
            let printPeak = prints.indices.max { prints[$0] < prints[$1] } ?? 0
            out.append(
                String(
                    format:
                        "Year %d: cards peak at %@ in M%d, %.0f a month on average, in hand after %.1f days; fingerprints peak at %@ in M%d",
                    y.year, n(cards[peak]), peak + 1, Double(y.workload.cards) / 12, y.workload.meanCardDays,
                    n(prints[printPeak]), printPeak + 1))
        }
        for y in o.years where y.workload.firstCardAppointments > 0 {
            let firsts = y.workload.firstCardAppointmentsByMonth
            let peak = firsts.indices.max { firsts[$0] < firsts[$1] } ?? 0
            out.append(
                "Year \(y.year): first-card appointments at the police peak at \(n(firsts[peak])) in M\(peak + 1),"
                    + " \(n(y.workload.firstCardAppointments)) in the year")
        }
        return out.joined(separator: "\n") + "\n"
    }

    public static func json(_ o: LifecycleOutcomes) -> JSONValue {
        .array(o.years.map(year))
    }

    static func year(_ y: LifecycleOutcomes.Year) -> JSONValue {
        let p = y.permits
        let b = y.births
        return .object([
            ("year", .int(y.year)),
            (
                "valid_permits",
                .object([
                    ("start", .int(p.start)), ("granted", .int(p.granted)), ("child_permits", .int(p.childPermits)),
                    ("lost_abroad", .int(p.lostAbroad)), ("returned", .int(p.returned)),
                    ("refused_at_expiry", .int(p.refusedAtExpiry)), ("end", .int(p.end)),
                ])
            ),
            (
                "extensions",
                .object([
                    ("processed", .int(y.extensions.processed)), ("granted", .int(y.extensions.granted)),
                    ("refused", .int(y.extensions.refused)), ("letters_digital", .int(y.extensions.lettersDigital)),
                    ("letters_by_post", .int(y.extensions.lettersByPost)),
                    ("mean_letter_days", .double(y.extensions.meanLetterDays, 2)),
                ])
            ),
            (
                "residence_cards",
                .object([
                    ("sent", .int(y.workload.cards)), ("by_post", .int(y.workload.cardsByPost)),
                    ("after_fingerprint", .int(y.workload.cardsAfterFingerprint)),
                    ("mean_days", .double(y.workload.meanCardDays, 2)),
                    ("by_month", .array(y.workload.cardsByMonth.map { .int($0) })),
                ])
            ),
            (
                "fingerprint_appointments",
                .object([
                    ("total", .int(y.workload.fingerprints)),
                    ("by_month", .array(y.workload.fingerprintsByMonth.map { .int($0) })),
                ])
            ),
            (
                "first_card_appointments",
                .object([
                    ("total", .int(y.workload.firstCardAppointments)),
                    ("by_month", .array(y.workload.firstCardAppointmentsByMonth.map { .int($0) })),
                ])
            ),
            (
                "stays_abroad",
                .object([
                    ("trips", .int(y.staysAbroad.trips)), ("travellers", .int(y.staysAbroad.travellers)),
                    ("reported_to_tax", .int(y.staysAbroad.reportedToTax)),
                    ("lost_permit_households", .int(y.staysAbroad.lostPermitHouseholds)),
                ])
            ),
            ("returns", .object([("households", .int(y.returns.households)), ("persons", .int(y.returns.persons))])),
            (
                "births",
                .object(
                    [("total", .int(b.total))] + ChildRoute.reportOrder.map { ($0.rawValue, .int(b.byRoute[$0] ?? 0)) }
                        + [
                            ("via_reception", .int(b.viaReception)), ("at_police", .int(b.atPolice)),
                            ("pending_start", .int(b.pendingStart)), ("pending_end", .int(b.pendingEnd)),
                            ("withdrawn", .int(b.withdrawn)),
                        ])
            ),
            (
                "introduction_programme",
                .object([
                    ("start", .int(y.programme.start)), ("started", .int(y.programme.started)),
                    ("completed", .int(y.programme.completed)), ("left", .int(y.programme.left)),
                    ("end", .int(y.programme.end)),
                ])
            ),
        ])
    }
}

extension ChildRoute {
    /// Column order in reports.
    static let reportOrder: [ChildRoute] = [
        .protection, .familyImmigration, .derivedRefugee, .registration, .permanentResidence,
    ]
}
