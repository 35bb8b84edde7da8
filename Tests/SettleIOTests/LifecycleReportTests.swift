// SPDX-License-Identifier: GPL-3.0-or-later

import Foundation
import Testing

@testable import SettleCore
@testable import SettleIO

/// The `lifecycle:` keys, the three-year scenarios and the `years` report.
@Suite struct LifecycleReportTests {
    func decodeError(_ yaml: String) -> InputError? {
        do {
            _ = try ScenarioDecoder.decode(yaml, file: "test.yaml")
            return nil
        } catch {
            return error
        }
    }

    func run(_ name: String) throws -> (Scenario, Outcomes, LifecycleOutcomes?) {
        let scenario = try ScenarioLoader.load(.file(Paths.scenario(name)))
        let result = Simulation.run(scenario)
        return (scenario, OutcomeCollector.collect(scenario: scenario, result: result), Lifecycle.run(scenario, result))
    }

    @Test func everyLifecycleKeyIsRead() throws {
        let yaml = """
            lifecycle:
              years: 4
              introduction_programme_months: 18
              first_card:
                police_share: 0.25
                appointment_days: {min: 3, max: 30}
              extension:
                processing_days_before_expiry: 30
                digital_share: 0.9
                post_days: {min: 2, max: 10}
                exception_share: 0.02
                card_days: {min: 3, max: 15}
                fingerprint_age_limit: 6
                fingerprint_days: {min: 1, max: 5}
              stays_abroad:
                residence_share: 0.75
                travel_share: 0.4
                long_stay_share: 0.2
                short_days: {min: 5, max: 20}
                long_days: {min: 100, max: 200}
                tax_report_days: 180
                return_share: 0.1
              births:
                rate_per_1000: 55
                women_share: 0.5
                mother_ages: {min: 20, max: 44}
                parents: {collective_protection: 1, eu_eea: 1}
                family_immigration_share: 0.2
                application_days: {min: 1, max: 2}
                processing_days: 10
            """
        let spec = try ScenarioDecoder.decode(yaml, file: "t.yaml").lifecycle
        #expect(spec.years == 4 && spec.isOn && spec.programmeMonths == 18)
        #expect(spec.firstCard.policeShare == 0.25 && spec.firstCard.appointmentDays == 3...30)
        #expect(spec.extensions.processingDaysBeforeExpiry == 30 && spec.extensions.digitalShare == 0.9)
        #expect(spec.extensions.postDays == 2...10 && spec.extensions.exceptionShare == 0.02)
        #expect(spec.extensions.cardDays == 3...15 && spec.extensions.fingerprintAgeLimit == 6)
        #expect(spec.extensions.fingerprintDays == 1...5)
        #expect(spec.staysAbroad.residenceShare == 0.75 && spec.staysAbroad.travelShare == 0.4)
        #expect(spec.staysAbroad.longStayShare == 0.2 && spec.staysAbroad.shortDays == 5...20)
        #expect(spec.staysAbroad.longDays == 100...200 && spec.staysAbroad.taxReportDays == 180)
        #expect(spec.staysAbroad.returnShare == 0.1)
        #expect(spec.staysAbroad.allowedAbroad() == 91)
        #expect(spec.births.ratePer1000 == 55 && spec.births.womenShare == 0.5 && spec.births.motherAges == 20...44)
        #expect(spec.births.parents == [.collectiveProtection: 1, .euEEA: 1])
        #expect(spec.births.familyImmigrationShare == 0.2 && spec.births.applicationDays == 1...2)
        #expect(spec.births.processingDays == 10)
        #expect(try ScenarioDecoder.decode("name: x\n", file: "t.yaml").lifecycle == LifecycleSpec())
        let set = try ScenarioDecoder.decode(
            "name: x\n", file: "t.yaml", overrides: [Override(parsing: "lifecycle.years=3")])
        #expect(set.lifecycle.years == 3)
        let share = try ScenarioDecoder.decode(
            "name: x\n", file: "t.yaml", overrides: [Override(parsing: "lifecycle.first_card.police_share=0")])
        #expect(share.lifecycle.firstCard.policeShare == 0)
        // The old situation name still reads, now meaning the other parent's permanent residence.
        let old = try ScenarioDecoder.decode(
            "lifecycle:\n  births:\n    parents: {permanent_residence: 1}\n", file: "t.yaml")
        #expect(old.lifecycle.births.parents == [.permanentResidence: 1])
        #expect(ParentSituation.permanentResidence.parents.mother == .collectiveProtection)
    }

    @Test func badLifecycleInputIsOneLineNamingTheKey() throws {
        let typo = try #require(decodeError("lifecycle:\n  stays_abroad:\n    travel_shar: 0.2\n"))
        #expect(
            typo.description.hasPrefix(
                "test.yaml:3: lifecycle.stays_abroad.travel_shar: unknown key; did you mean 'travel_share'?"))
        let years = try #require(decodeError("lifecycle:\n  years: 20\n"))
        #expect(
            years.description == "test.yaml:2: lifecycle.years: 20 is out of range; use a whole number from 1 to 10")
        let swapped = try #require(decodeError("lifecycle:\n  extension:\n    card_days: {min: 20, max: 1}\n"))
        #expect(swapped.key == "lifecycle.extension.card_days")
        #expect(swapped.description.contains("swap them"))
        let half = try #require(decodeError("lifecycle:\n  births:\n    application_days: {min: 20}\n"))
        #expect(half.description.contains("give both min and max"))
        let situation = try #require(decodeError("lifecycle:\n  births:\n    parents: {refuge: 1}\n"))
        #expect(situation.key == "lifecycle.births.parents.refuge")
        #expect(situation.description.contains("did you mean 'refugee'?"))
        let zero = try #require(decodeError("lifecycle:\n  births:\n    parents: {refugee: 0}\n"))
        #expect(zero.description.contains("add up to zero"))
        let share = try #require(decodeError("lifecycle:\n  stays_abroad:\n    residence_share: 1.5\n"))
        #expect(share.line == 3 && share.description.contains("out of range"))
        let police = try #require(decodeError("lifecycle:\n  first_card:\n    police_shar: 0.5\n"))
        #expect(police.description.hasPrefix("test.yaml:3: lifecycle.first_card.police_shar: unknown key"))
        #expect(police.description.contains("did you mean 'police_share'?"))
        #expect(!typo.description.contains("\n"))
    }

    @Test func theThreeYearScenariosReportEachYearAndAddUp() throws {
        let (scenario, _, base) = try run("three-years.yaml")
        let (_, _, strict) = try run("three-years-strict-residence.yaml")
        let years = try #require(base)
        let strictYears = try #require(strict)
        #expect(years.years.count == 3)
        for o in [years, strictYears] {
            for (i, y) in o.years.enumerated() {
                let p = y.permits
                #expect(p.end == p.start + p.granted + p.childPermits - p.lostAbroad - p.returned - p.refusedAtExpiry)
                #expect(p.start == (i == 0 ? 0 : o.years[i - 1].permits.end))
                let g = y.programme
                #expect(g.end == g.start + g.started - g.completed - g.left)
                let b = y.births
                #expect(b.pendingEnd == b.pendingStart + b.needingPermit - p.childPermits - b.withdrawn)
            }
        }
        #expect(years.years[0].permits.granted == scenario.persons)
        // Year 2 carries the first round of extensions: nearly everyone, with cards and fingerprints.
        #expect(years.years[1].extensions.processed > 5_000)
        #expect(years.years[1].workload.fingerprints > 500)
        // A child gives its fingerprint once: year 3 sees only the children first extended then.
        #expect(years.years[2].workload.fingerprints < 100)
        // The first cards' police appointments (half the households, by assumption) fall in year 1.
        let firstCards = years.years[0].workload.firstCardAppointments
        #expect(firstCards > 2_800 && firstCards < 3_500)
        #expect(years.years.dropFirst().allSatisfy { $0.workload.firstCardAppointments == 0 })
        // No mother of the cohort holds permanent residence: the permanent route stays unused.
        #expect(years.years.allSatisfy { ($0.births.byRoute[.permanentResidence] ?? 0) == 0 })
        #expect(years.years.allSatisfy { $0.births.total > 0 && $0.returns.households > 0 })
        // The figures the README quotes are pinned in ReadmeFigureTests.
    }

    @Test func yearsAppearInJSONOnlyWhenTheLifecycleIsOn() throws {
        let (_, outcomes, years) = try run("three-years.yaml")
        let lifecycle = try #require(years)
        guard case .object(let pairs) = JSONReport.value(outcomes, years: lifecycle) else {
            Issue.record("expected an object")
            return
        }
        #expect(pairs.last?.0 == "years")
        guard case .object(let without) = JSONReport.value(outcomes) else { return }
        #expect(!without.contains { $0.0 == "years" })
        #expect(JSONReport.value(outcomes, years: nil) == JSONReport.value(outcomes))
        let (_, small, off) = try run("small.yaml")
        #expect(off == nil)
        #expect(!JSONReport.value(small).serialized().contains("\"years\""))

        // Every key of a year is in the README's JSON table.
        let readme = try String(contentsOfFile: Paths.root + "/README.md", encoding: .utf8)
        guard case .array(let list) = LifecycleReport.json(lifecycle), case .object(let year) = list[0] else {
            Issue.record("expected a list of objects")
            return
        }
        #expect(readme.contains("`years`"))
        #expect(year.map(\.0).contains("first_card_appointments"))
        for (key, value) in year {
            #expect(readme.contains("`\(key)`"), "README does not document years.\(key)")
            if case .object(let inner) = value {
                for (innerKey, _) in inner {
                    #expect(readme.contains("`\(innerKey)`"), "README lacks \(key).\(innerKey)")
                }
            }
        }
        let a = LifecycleReport.json(lifecycle).serialized(indent: 2)
        let b = LifecycleReport.json(try #require(try run("three-years.yaml").2)).serialized(indent: 2)
        #expect(a == b)
    }

    @Test func theTerminalSectionHasARowPerYearAndTheMonths() throws {
        let (_, _, years) = try run("three-years.yaml")
        let text = LifecycleReport.render(try #require(years))
        #expect(text.contains("Years after settlement"))
        let lines = text.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("1 ") }.count == 4)
        #expect(lines.filter { $0.hasPrefix("3 ") }.count == 4)
        #expect(text.contains("M12"))
        #expect(lines.contains { $0.hasPrefix("Year 2: cards peak at") })
        #expect(lines.contains { $0.hasPrefix("Year 1: first-card appointments at the police peak at") })
        #expect(lines.filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("first cards") }.count == 3)
    }
}
