// SPDX-License-Identifier: GPL-3.0-or-later

import Testing

@testable import SettleCore

/// One case per row of the table of routes for children born in Norway, each naming its row.
@Suite struct LifecycleRulesTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var row: ChildRoute
        var parents: Parents
        var applicationAge = 0
        var open: Bool
        var testDescription: String {
            "\(row.rawValue): \(parents), applied at \(applicationAge) days -> \(open ? "open" : "closed")"
        }
    }

    static let cp = ParentStatus.collectiveProtection

    static let cases: [Case] = [
        // protection: open whatever the parents hold.
        Case(row: .protection, parents: Parents(mother: cp, other: cp), open: true),
        Case(row: .protection, parents: Parents(mother: .permanentResidence, other: .permanentResidence), open: true),
        Case(row: .protection, parents: Parents(mother: .noPermit, other: .noPermit), open: true),
        // family_immigration: a parent must live in Norway on some basis.
        Case(row: .familyImmigration, parents: Parents(mother: cp, other: .euEEA), open: true),
        Case(row: .familyImmigration, parents: Parents(mother: .noPermit, other: .refugee), open: true),
        Case(row: .familyImmigration, parents: Parents(mother: .noPermit, other: .noPermit), open: false),
        // derived_refugee: only where a parent has refugee status.
        Case(row: .derivedRefugee, parents: Parents(mother: cp, other: .refugee), open: true),
        Case(row: .derivedRefugee, parents: Parents(mother: .refugee, other: .noPermit), open: true),
        Case(row: .derivedRefugee, parents: Parents(mother: cp, other: cp), open: false),
        // registration: only where a parent is an EU/EEA citizen; no deadline.
        Case(row: .registration, parents: Parents(mother: cp, other: .euEEA), applicationAge: 900, open: true),
        Case(row: .registration, parents: Parents(mother: cp, other: .permanentResidence), open: false),
        // permanent_residence: both parents, or the mother alone; before the child turns one.
        Case(
            row: .permanentResidence, parents: Parents(mother: .permanentResidence, other: .permanentResidence),
            applicationAge: 364, open: true),
        Case(row: .permanentResidence, parents: Parents(mother: .permanentResidence, other: .noPermit), open: true),
        Case(
            row: .permanentResidence, parents: Parents(mother: .permanentResidence, other: .permanentResidence),
            applicationAge: 365, open: false),
        Case(row: .permanentResidence, parents: Parents(mother: cp, other: .permanentResidence), open: false),
        Case(row: .permanentResidence, parents: Parents(mother: .permanentResidence, other: cp), open: false),
    ]

    @Test(arguments: cases)
    func row(_ c: Case) {
        #expect(ChildPermitTable.standard.isOpen(c.row, parents: c.parents, applicationAge: c.applicationAge) == c.open)
    }

    @Test func everyRowIsCoveredOpenAndClosedWhereItCanBe() {
        let table = ChildPermitTable.standard
        #expect(table.rules.map(\.route) == ChildRoute.allCases)
        for route in ChildRoute.allCases {
            #expect(Self.cases.contains { $0.row == route && $0.open }, "\(route) has no open case")
            if table.rule(route)?.condition != .always {
                #expect(Self.cases.contains { $0.row == route && !$0.open }, "\(route) has no closed case")
            }
        }
        #expect(table.rule(.permanentResidence)?.deadlineDays == 365)
        #expect(table.rules.filter { !$0.permitNeeded }.map(\.route) == [.registration])
    }

    @Test func familiesTakeTheMostLastingOpenRoute() {
        let table = ChildPermitTable.standard
        func chosen(_ situation: ParentSituation, age: Int = 30, family: Bool = false) -> ChildRoute {
            table.choose(parents: situation.parents, applicationAge: age, prefersFamilyImmigration: family)
        }
        #expect(chosen(.collectiveProtection) == .protection)
        #expect(chosen(.collectiveProtection, family: true) == .familyImmigration)
        #expect(chosen(.refugee) == .derivedRefugee)
        #expect(chosen(.refugee, family: true) == .derivedRefugee)
        #expect(chosen(.euEEA) == .registration)
        // Only the other parent holds permanent residence: no permanent route for the child.
        #expect(chosen(.permanentResidence) == .protection)
        #expect(chosen(.permanentResidence, family: true) == .familyImmigration)
        // Where the mother holds permanent residence (not one of the cohort), the route is taken if in time.
        let permanent = Parents(mother: .permanentResidence, other: .permanentResidence)
        #expect(
            table.choose(parents: permanent, applicationAge: 364, prefersFamilyImmigration: false)
                == .permanentResidence)
        // Too late for the permanent route: protection instead.
        #expect(table.choose(parents: permanent, applicationAge: 400, prefersFamilyImmigration: false) == .protection)
    }

    @Test func theParentsDrawNeverMakesAMotherWhoHoldsCollectiveProtectionAPermanentResident() {
        for situation in ParentSituation.allCases {
            #expect(situation.parents.mother == .collectiveProtection, "\(situation)")
            #expect(!ChildPermitTable.standard.isOpen(.permanentResidence, parents: situation.parents), "\(situation)")
        }
        // The situation still draws a parent with permanent residence: the other one.
        #expect(ParentSituation.permanentResidence.parents.other == .permanentResidence)
        // The route itself stays in the table: the page has it.
        #expect(ChildPermitTable.standard.rule(.permanentResidence) != nil)
    }
}
