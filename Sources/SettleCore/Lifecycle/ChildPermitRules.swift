// SPDX-License-Identifier: GPL-3.0-or-later

/// What a parent holds in Norway when a child is born here.
public enum ParentStatus: String, Sendable, CaseIterable {
    case collectiveProtection = "collective_protection"
    /// Refugee status (protection under the Refugee Convention).
    case refugee
    /// A citizen of an EU/EEA country, living here under the EU/EEA rules.
    case euEEA = "eu_eea"
    case permanentResidence = "permanent_residence"
    /// No Norwegian permit, or not part of the application.
    case noPermit = "no_permit"
}

/// The two parents of a child born in Norway.
public struct Parents: Sendable, Hashable, CustomStringConvertible {
    public var mother: ParentStatus
    public var other: ParentStatus

    public init(mother: ParentStatus, other: ParentStatus) {
        self.mother = mother
        self.other = other
    }

    public var description: String { "mother \(mother.rawValue), other parent \(other.rawValue)" }
}

/// The parents' situations a scenario mixes: the alternatives UDI's page lets parents choose from.
/// The mother is one of the cohort and holds collective protection, so each situation names what the
/// other parent holds; none opens the permanent route, which needs the mother's permanent residence.
public enum ParentSituation: String, Sendable, CaseIterable {
    /// Both parents hold collective protection.
    case collectiveProtection = "collective_protection"
    /// The other parent holds refugee status.
    case refugee
    /// The other parent is an EU/EEA citizen.
    case euEEA = "eu_eea"
    /// The other parent holds permanent residence.
    case permanentResidence = "permanent_residence"

    public var parents: Parents { Parents(mother: .collectiveProtection, other: other) }

    /// What the other parent holds.
    public var other: ParentStatus {
        switch self {
        case .collectiveProtection: .collectiveProtection
        case .refugee: .refugee
        case .euEEA: .euEEA
        case .permanentResidence: .permanentResidence
        }
    }
}

/// A route to the right to live in Norway for a child born here.
public enum ChildRoute: String, Sendable, CaseIterable {
    /// Protection applied for on the child's behalf: collective protection if the child is eligible.
    case protection
    case familyImmigration = "family_immigration"
    /// Protection as the family member of a refugee.
    case derivedRefugee = "derived_refugee"
    /// No permit needed: registered with the police under the EU/EEA rules.
    case registration
    case permanentResidence = "permanent_residence"
}

/// When a route is open, in terms of the parents' statuses.
public enum ParentCondition: Sendable, Equatable {
    /// Whatever the parents hold.
    case always
    /// At least one parent holds one of these.
    case eitherParent(Set<ParentStatus>)
    /// The mother holds `mother` and the other parent one of `other`.
    case mother(ParentStatus, other: Set<ParentStatus>)

    public func holds(_ parents: Parents) -> Bool {
        switch self {
        case .always: true
        case .eitherParent(let statuses): statuses.contains(parents.mother) || statuses.contains(parents.other)
        case .mother(let status, let other): parents.mother == status && other.contains(parents.other)
        }
    }
}

/// One row of the table: a route, when it is open, and what it requires.
public struct ChildPermitRule: Sendable, Equatable {
    public var route: ChildRoute
    public var condition: ParentCondition
    /// Days from the birth within which the application must be made, if there is a deadline.
    public var deadlineDays: Int?
    /// False where the child needs no permit (registration).
    public var permitNeeded: Bool
    /// What the page says, paraphrased, for reports and tests.
    public var basis: String
}

/// The routes to a permit for a child born in Norway, one row per route (UDI's page, paraphrased).
public struct ChildPermitTable: Sendable, Equatable {
    public var rules: [ChildPermitRule]

    static let anyResident: Set<ParentStatus> = [.collectiveProtection, .refugee, .euEEA, .permanentResidence]

    public static let standard = ChildPermitTable(rules: [
        ChildPermitRule(
            route: .protection, condition: .always, deadlineDays: nil, permitNeeded: true,
            basis: "Protection may be sought for the child whatever the parents hold; an eligible child gets"
                + " collective protection. The birth record goes to the reception centre or the police."),
        ChildPermitRule(
            route: .familyImmigration, condition: .eitherParent(anyResident), deadlineDays: nil, permitNeeded: true,
            basis: "Family immigration with a parent who lives in Norway; the child then needs a passport from the"
                + " home country (or an immigrant passport) to travel, and gets no basis for permanent residence"
                + " unless a parent's permit gives one."),
        ChildPermitRule(
            route: .derivedRefugee, condition: .eitherParent([.refugee]), deadlineDays: nil, permitNeeded: true,
            basis: "Where a parent is a refugee, derived refugee status: a refugee travel document, no visits to"
                + " the home country, and lost if the parents lose their status."),
        ChildPermitRule(
            route: .registration, condition: .eitherParent([.euEEA]), deadlineDays: nil, permitNeeded: false,
            basis: "Where a parent is an EU/EEA citizen, no permit is needed: the child is registered with the"
                + " police (or gets a residence card), with no deadline."),
        ChildPermitRule(
            route: .permanentResidence,
            condition: .mother(.permanentResidence, other: [.permanentResidence, .noPermit]),
            deadlineDays: 365, permitNeeded: true,
            basis: "Where both parents (or the mother, when the other parent is not part of it) hold permanent"
                + " residence, a permanent permit for the child, applied for before its first birthday."),
    ])

    public func rule(_ route: ChildRoute) -> ChildPermitRule? { rules.first { $0.route == route } }

    /// Whether `route` is open to a child of `parents` whose application is made `applicationAge` days after birth.
    public func isOpen(_ route: ChildRoute, parents: Parents, applicationAge: Int = 0) -> Bool {
        guard let rule = rule(route), rule.condition.holds(parents) else { return false }
        if let deadline = rule.deadlineDays, applicationAge >= deadline { return false }
        return true
    }

    /// Routes open to a child of `parents`, in table order.
    public func routes(for parents: Parents, applicationAge: Int = 0) -> [ChildRoute] {
        rules.map(\.route).filter { isOpen($0, parents: parents, applicationAge: applicationAge) }
    }

    /// The route a family takes (assumption): no permit where none is needed, else the most lasting
    /// status open to it (permanent, then derived refugee status), else protection, or family
    /// immigration for the families who prefer it.
    public func choose(parents: Parents, applicationAge: Int, prefersFamilyImmigration: Bool) -> ChildRoute {
        let open = Set(routes(for: parents, applicationAge: applicationAge))
        for route in [ChildRoute.registration, .permanentResidence, .derivedRefugee] where open.contains(route) {
            return route
        }
        if prefersFamilyImmigration && open.contains(.familyImmigration) { return .familyImmigration }
        return .protection
    }
}
