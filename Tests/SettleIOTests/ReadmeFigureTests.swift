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
            Figure(path: "capacity.decided", value: 7_176, readme: "against 7,176 places"),
            Figure(path: "household_outcomes.no_settlement_asked", value: 375, readme: "375 of them (809 persons)"),
            Figure(path: "outcomes.no_settlement_asked", value: 809, readme: "375 of them (809 persons)"),
            Figure(path: "outcomes.self_settled", value: 171, readme: "171 persons settle by agreement"),
            Figure(path: "outcomes.declined", value: 827, readme: "decline their offer (827 persons)"),
            Figure(
                path: "introduction_benefit.forgone_by_decline_nok", value: 90_788_496,
                readme: "NOK 91 million a year of introduction benefit"),
            Figure(
                path: "integration_grant.first_year_nok", value: 966_909_200,
                readme: "NOK 967 million of integration grant for 4,706 persons"),
            Figure(path: "integration_grant.persons", value: 4_706, readme: "for 4,706 persons settled"),
        ],
        "norway-2024.yaml": [
            Figure(path: "capacity.decided", value: 28_436, readme: "the councils' decisions (28,436 places)"),
            Figure(path: "persons", value: 29_645, readme: "14,000 households (29,645 persons)"),
            Figure(path: "capacity.used", value: 22_586, readme: "22,586 persons are settled (2,477 by agreement)"),
            Figure(path: "outcomes.self_settled", value: 2_477, readme: "(2,477 by agreement)"),
            Figure(path: "reception.persons_at_start", value: 9_215, readme: "9,215 are in reception on 1 January"),
            Figure(path: "reception.cost_nok", value: 645_472_100, readme: "NOK 645 million of reception"),
            Figure(path: "reception.person_days", value: 993_034, readme: "(993,034 person-days)"),
        ],
        "norway-2023.yaml": [
            Figure(path: "households", value: 18_000, readme: "18,000 households (37,979 persons)"),
            Figure(path: "persons", value: 37_979, readme: "18,000 households (37,979 persons)"),
            Figure(path: "capacity.decided", value: 35_612, readme: "scaled to 2023's size (35,612 places)"),
            Figure(path: "capacity.used", value: 28_064, readme: "28,064 persons are settled"),
            Figure(path: "outcomes.settled_by_imdi", value: 26_226, readme: "(26,226 by IMDi, 1,838 by agreement)"),
            Figure(path: "outcomes.self_settled", value: 1_838, readme: "(26,226 by IMDi, 1,838 by agreement)"),
            Figure(path: "outcomes.declined", value: 4_739, readme: "4,739 decline"),
            Figure(
                path: "introduction_benefit.forgone_by_decline_nok", value: 501_238_491,
                readme: "NOK 501 million a year of benefit forgone"),
            Figure(
                path: "outcomes.no_settlement_asked", value: 4_908, readme: "4,908 living privately ask for nothing"),
            Figure(path: "outcomes.waiting", value: 268, readme: "268 still wait at the end of the year"),
            Figure(
                path: "waiting_reasons.searching_own_home.persons", value: 218,
                readme: "218 of them still looking for a home of their own"),
            Figure(path: "wait_days.mean", value: 51.45, readme: "the mean wait is 51 days"),
            Figure(
                path: "wait_days.within_target_share", value: 1, readme: "everyone settled is within IMDi's target"),
        ],
        "spring-surge.yaml": [
            Figure(path: "wait_days.mean", value: 60.18, readme: "the mean wait rises from 51 to 60 days"),
            Figure(path: "wait_days.p90", value: 90, readme: "the 90th percentile from 70 to 90 days"),
            Figure(path: "wait_days.within_target_share", value: 0.9993, readme: "99.93 % are still settled"),
            Figure(path: "matching.gap", value: 0.00056876, readme: "year 0.06 % and worst round 0.10 %"),
            Figure(
                path: "matching.worst_gap", value: 0.00099608, readme: "| `spring-surge.yaml` | 0 of 51 | 0.09961 %"),
            Figure(
                path: "matching.uncertified_rounds.*.households", value: 0, readme: "| `spring-surge.yaml` | 0 of 51 |"),
        ],
        "low-self-settlement.yaml": [
            Figure(
                path: "outcomes.self_settled", value: 1_670,
                readme: "1,670 persons settle by agreement instead of 1,838"),
            Figure(
                path: "outcomes.settled_by_imdi", value: 26_360, readme: "26,360 are settled by IMDi instead of 26,226"),
        ],
        "decisions-below-need.yaml": [
            Figure(path: "capacity.decided", value: 21_906, readme: "Decisions of 21,906 places"),
            Figure(path: "persons", value: 37_979, readme: "for 37,979 persons"),
            Figure(path: "capacity.used", value: 21_682, readme: "21,682 are settled"),
            Figure(path: "outcomes.waiting", value: 7_094, readme: "7,094 persons still wait for an offer"),
            Figure(path: "waiting_reasons.not_reached.persons", value: 6_153, readme: "(6,153 of them never reached"),
            Figure(path: "wait_days.mean", value: 72.89, readme: "rises from 51 to 73 days"),
            Figure(
                path: "matching.uncertified_rounds.*.households", value: 0,
                readme: "| `decisions-below-need.yaml` | 0 of 51 |"
            ),
            Figure(path: "matching.worst_gap", value: 0.00099988, readme: "| 0 of 51 | 0.09999 %"),
        ],
        "small.yaml": [
            Figure(
                path: "households", value: 80,
                readme: "Twelve municipalities of a small synthetic country and 80 households"),
            Figure(path: "matching.gap", value: 0, readme: "solved exactly (gap 0)"),
        ],
        "three-years.yaml": [
            Figure(path: "persons", value: 6_318, readme: "3,000 households (6,318 persons) against 5,955 places"),
            Figure(path: "capacity.decided", value: 5_955, readme: "(6,318 persons) against 5,955 places"),
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
            Figure(path: "years.1.extensions.processed", value: 5_938, readme: "5,938 persons processed"),
            Figure(path: "years.1.residence_cards.sent", value: 5_914, readme: "5,914 new residence cards"),
            Figure(
                path: "years.1.fingerprint_appointments.total", value: 926,
                readme: "926 children's fingerprint appointments"),
            Figure(path: "years.2.fingerprint_appointments.total", value: 47, readme: "in year 3 only 47"),
            Figure(
                path: "years.0.first_card_appointments.total", value: 3_116,
                readme: "In year 1, 3,116 persons go to the police"),
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
            Figure(path: "years.1.extensions.processed", value: 5_889, readme: "year 2 has 5,889 extensions"),
            Figure(path: "years.1.residence_cards.sent", value: 5_865, readme: "5,865 cards instead of"),
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
