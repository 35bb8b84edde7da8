// SPDX-License-Identifier: GPL-3.0-or-later

import Foundation
import Testing

@testable import SettleCore
@testable import SettleIO

/// Every figure the README's scenario table quotes, pinned to what the current code computes.
///
/// Each row: a path into the scenario's JSON report (`years.*.x` sums over the years), the exact
/// value, and the words the README shows it in. When a scenario or a rule changes, run
/// `settle run Scenarios/<file> --format json`, then update the values here and the README together.
@Suite struct ReadmeFigureTests {
    struct Figure: Sendable {
        var path: String
        var value: Double
        var readme: String
    }

    static let figures: [String: [Figure]] = [
        "default.yaml": [
            Figure(path: "households", value: 3_000, readme: "3,000 households (6,342 persons)"),
            Figure(path: "persons", value: 6_342, readme: "3,000 households (6,342 persons)"),
            Figure(path: "capacity.decided", value: 7_000, readme: "against 7,000 places"),
            Figure(path: "outcomes.declined", value: 883, readme: "decline their offer (883 persons)"),
            Figure(
                path: "introduction_benefit.forgone_by_decline_nok", value: 94_178_595,
                readme: "NOK 94 million a year of introduction benefit"),
        ],
        "norway-2023.yaml": [
            Figure(path: "households", value: 18_000, readme: "18,000 households (37,979 persons)"),
            Figure(path: "persons", value: 37_979, readme: "18,000 households (37,979 persons)"),
            Figure(path: "capacity.decided", value: 35_500, readme: "decisions of 35,500 places"),
            Figure(path: "capacity.used", value: 32_990, readme: "32,990 persons are settled"),
            Figure(path: "outcomes.settled_by_imdi", value: 32_018, readme: "(32,018 by IMDi, 972 by agreement)"),
            Figure(path: "outcomes.self_settled", value: 972, readme: "(32,018 by IMDi, 972 by agreement)"),
            Figure(path: "outcomes.declined", value: 4_493, readme: "4,493 decline"),
            Figure(
                path: "introduction_benefit.forgone_by_decline_nok", value: 484_866_795,
                readme: "NOK 485 million of benefit forgone"),
            Figure(path: "outcomes.waiting", value: 496, readme: "496 still wait at the end of the year"),
            Figure(
                path: "waiting_reasons.searching_own_home.persons", value: 208,
                readme: "208 of them still looking for a home of their own"),
            Figure(
                path: "waiting_reasons.others_matched.persons", value: 288,
                readme: "288 because the places that fit them went to others"),
            Figure(path: "wait_days.mean", value: 47.6, readme: "the mean wait is 48 days"),
            Figure(
                path: "wait_days.within_target_share", value: 1, readme: "everyone settled is within IMDi's target"),
        ],
        "spring-surge.yaml": [
            Figure(path: "wait_days.mean", value: 77.01, readme: "the mean wait rises from 48 to 77 days"),
            Figure(path: "wait_days.p90", value: 129.1, readme: "the 90th percentile from 48 to 129 days"),
            Figure(path: "wait_days.within_target_share", value: 0.9936, readme: "99.4 % are still settled"),
        ],
        "low-self-settlement.yaml": [
            Figure(path: "outcomes.self_settled", value: 118, readme: "118 persons settle by agreement instead of 972"),
            Figure(
                path: "outcomes.settled_by_imdi", value: 32_833, readme: "(32,833 settled by IMDi instead of 32,018)"),
        ],
        "decisions-below-need.yaml": [
            Figure(path: "capacity.decided", value: 22_000, readme: "Decisions of 22,000 places for 37,979 persons"),
            Figure(path: "capacity.used", value: 21_693, readme: "21,693 are settled"),
            Figure(path: "outcomes.waiting", value: 13_108, readme: "13,108 persons still wait in reception"),
            Figure(
                path: "waiting_reasons.not_reached.persons", value: 11_976, readme: "(11,976 of them never reached"),
            Figure(path: "wait_days.mean", value: 91.71, readme: "nearly doubles to 92 days"),
        ],
        "small.yaml": [
            Figure(path: "households", value: 80, readme: "Twelve municipalities and 80 households"),
            Figure(path: "matching.gap", value: 0, readme: "solved exactly (gap 0)"),
        ],
        "three-years.yaml": [
            Figure(path: "persons", value: 6_318, readme: "3,000 households (6,318 persons) against 6,000 places"),
            Figure(path: "capacity.decided", value: 6_000, readme: "(6,318 persons) against 6,000 places"),
            Figure(path: "years.0.valid_permits.end", value: 6_136, readme: "6,136 at the end of year 1"),
            Figure(path: "years.1.valid_permits.end", value: 5_749, readme: "5,749 after year 2"),
            Figure(path: "years.2.valid_permits.end", value: 5_423, readme: "5,423 after year 3"),
            Figure(
                path: "years.*.valid_permits.lost_abroad", value: 278,
                readme: "278 lose their permit through a stay abroad"),
            Figure(path: "years.*.returns.persons", value: 617, readme: "617 (292 households) return home"),
            Figure(path: "years.*.returns.households", value: 292, readme: "617 (292 households) return home"),
            Figure(
                path: "years.*.valid_permits.refused_at_expiry", value: 129,
                readme: "129 lose it at expiry after a refused extension"),
            Figure(path: "years.*.valid_permits.child_permits", value: 129, readme: "129 of 141 children born"),
            Figure(path: "years.*.births.total", value: 141, readme: "129 of 141 children born"),
            Figure(path: "years.1.extensions.processed", value: 5_937, readme: "5,937 persons processed"),
            Figure(path: "years.1.residence_cards.sent", value: 5_866, readme: "5,866 new residence cards"),
            Figure(path: "years.1.fingerprint_appointments.total", value: 933, readme: "933 fingerprint appointments"),
            Figure(
                path: "years.*.stays_abroad.lost_permit_households", value: 126,
                readme: "instead of 278 (126 households)"),
        ],
        "three-years-strict-residence.yaml": [
            Figure(
                path: "years.*.valid_permits.lost_abroad", value: 390,
                readme: "390 persons (182 households) lose their permit abroad"),
            Figure(
                path: "years.*.stays_abroad.lost_permit_households", value: 182,
                readme: "390 persons (182 households) lose their permit abroad"),
            Figure(
                path: "years.2.valid_permits.end", value: 5_318,
                readme: "5,318 hold a valid permit at the end of year 3 instead of 5,423"),
            Figure(path: "years.1.extensions.processed", value: 5_888, readme: "year 2 has 5,888 extensions"),
            Figure(path: "years.1.residence_cards.sent", value: 5_817, readme: "5,817 cards instead of"),
        ],
    ]

    /// The number at `path` in a parsed JSON report; `*` sums over an array.
    static func lookup(_ path: some Collection<Substring>, in json: Any) -> Double? {
        guard let key = path.first else { return (json as? NSNumber)?.doubleValue }
        let rest = path.dropFirst()
        if key == "*" {
            guard let items = json as? [Any] else { return nil }
            var sum = 0.0
            for item in items {
                guard let value = lookup(rest, in: item) else { return nil }
                sum += value
            }
            return sum
        }
        if let index = Int(key), let items = json as? [Any], items.indices.contains(index) {
            return lookup(rest, in: items[index])
        }
        guard let object = json as? [String: Any], let inner = object[String(key)] else { return nil }
        return lookup(rest, in: inner)
    }

    @Test(arguments: figures.keys.sorted())
    func theReadmeQuotesWhatTheCodeComputes(_ file: String) throws {
        let run = try SettlePipeline.run(try ScenarioLoader.load(.file(Paths.scenario(file))))
        let json = try JSONSerialization.jsonObject(with: Data(run.json().serialized().utf8))
        let readme = try String(contentsOfFile: Paths.root + "/README.md", encoding: .utf8)
        for figure in Self.figures[file] ?? [] {
            let value: Double? = Self.lookup(figure.path.split(separator: "."), in: json)
            let shown = value.map { "\($0)" } ?? "missing"
            #expect(value == figure.value, "\(file): \(figure.path) is \(shown)")
            #expect(readme.contains(figure.readme), "README no longer says \"\(figure.readme)\" (\(file))")
        }
    }
}
