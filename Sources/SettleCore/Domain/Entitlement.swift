// SPDX-License-Identifier: GPL-3.0-or-later

/// The rights a person has after settlement, one rule per row.
///
/// The rows paraphrase UDI's and IMDi's pages on collective protection (see the
/// README): declining IMDi's offer costs the introduction programme and benefit
/// but keeps Norwegian tuition and school.
public enum Entitlement: String, Sendable, CaseIterable {
    case introductionProgramme = "introduction_programme"
    case introductionBenefit = "introduction_benefit"
    case norwegianTuition = "norwegian_tuition"
    case compulsorySchool = "compulsory_school"
    case upperSecondary = "upper_secondary"
}

public struct EntitlementRule: Sendable, Equatable {
    public var entitlement: Entitlement
    public var ages: ClosedRange<Int>
    public var paths: Set<SettlementPath>
    /// Why the rule is what it is, for reports and tests.
    public var basis: String
}

public struct EntitlementTable: Sendable, Equatable {
    public var rules: [EntitlementRule]

    public static let standard = EntitlementTable(rules: [
        EntitlementRule(
            entitlement: .introductionProgramme, ages: 18...55, paths: [.settledByIMDi, .selfSettled],
            basis: "Adults 18-55 settled by IMDi or by agreement may join the full-time programme."),
        EntitlementRule(
            entitlement: .introductionBenefit, ages: 18...55, paths: [.settledByIMDi, .selfSettled],
            basis: "The taxable benefit is paid to programme participants; declining an offer loses it."),
        EntitlementRule(
            entitlement: .norwegianTuition, ages: 18...150, paths: Set(SettlementPath.allCases),
            basis: "Free Norwegian tuition with social studies is kept on every path, declines included."),
        EntitlementRule(
            entitlement: .compulsorySchool, ages: 6...15, paths: Set(SettlementPath.allCases),
            basis: "Children under 16 have the right and the duty to attend school wherever they live."),
        EntitlementRule(
            entitlement: .upperSecondary, ages: 16...18, paths: Set(SettlementPath.allCases),
            basis: "Youths aged 16-18 have the right to upper secondary education on every path."),
    ])

    public func grants(_ entitlement: Entitlement, age: Int, path: SettlementPath) -> Bool {
        rules.contains { $0.entitlement == entitlement && $0.ages.contains(age) && $0.paths.contains(path) }
    }
}

/// Introduction benefit rates: a multiple of the National Insurance basic amount G. The benefit is
/// taxable: every figure is gross.
public struct BenefitRates: Sendable, Equatable {
    /// G in NOK (124,028 from 1 May 2024).
    public var basicAmount: Double = 124_028
    /// Full-year benefit in multiples of G.
    public var multipleOfG: Double = 2
    /// Participants under this age get `youthFactor` of the full rate ...
    public var youthAgeLimit: Int = 25
    public var youthFactor: Double = 2.0 / 3.0
    /// ... or this share when they live with a parent (IMDi's rule).
    public var youthWithParentFactor: Double = 1.0 / 3.0

    public init() {}

    /// The annual benefit for a participant of `age`, in NOK.
    public func annualBenefit(age: Int, livesWithParent: Bool = false) -> Double {
        let full = basicAmount * multipleOfG
        guard age < youthAgeLimit else { return full }
        return full * (livesWithParent ? youthWithParentFactor : youthFactor)
    }

    /// Whether member `index` of `household` lives with a parent: an adult in the household at least
    /// 16 years older (an assumption: households do not record relations).
    public static func livesWithParent(_ index: Int, in household: Household) -> Bool {
        let age = household.members[index].age
        return household.members.indices.contains { j in
            j != index && household.members[j].isAdult && household.members[j].age >= age + 16
        }
    }
}
