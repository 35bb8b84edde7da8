// SPDX-License-Identifier: GPL-3.0-or-later

/// The built-in prediction of integration: each adult's chance of being in work
/// about two years after settlement, logistic in person × municipality features.
///
/// The form follows GeoMatch and Annie MOORE (a predicted employment
/// probability per person and place); the coefficients are assumptions, chosen
/// so that the effects have plausible signs and sizes: education and English
/// help, a strong local labour market helps, higher education pays off more in
/// central municipalities and basic education more in rural ones.
public struct IntegrationModel: Sendable, Equatable {
    public var intercept: Double = -0.8
    public var secondaryEducation: Double = 0.4
    public var higherEducation: Double = 0.8
    public var basicEnglish: Double = 0.25
    public var goodEnglish: Double = 0.5
    /// Per year of age above 35.
    public var agePenalty: Double = 0.03
    /// Per unit of (labour market − 0.5).
    public var labourMarket: Double = 2.0
    /// Per unit of (centrality − 0.5).
    public var centrality: Double = 0.3
    /// Extra for higher education per unit of (centrality − 0.5).
    public var higherEducationInCentral: Double = 1.0
    /// Extra for basic education per unit of (0.5 − centrality).
    public var basicEducationInRural: Double = 0.6
    /// Value of settling one person, in the same units as an expected job; it makes
    /// the optimiser settle as many persons as capacity allows before it sorts them.
    public var placementValue: Double = 1.0
    /// Log-odds added for introduction-programme participants when outcomes are counted.
    public var programmeUplift: Double = 0.3
    /// Working ages that count towards the score.
    public var workingAges: ClosedRange<Int> = 18...66

    public init() {}

    /// Probability that `person` is employed if settled in `municipality`.
    public func employmentProbability(_ person: Person, in municipality: Municipality, uplift: Double = 0) -> Double {
        guard workingAges.contains(person.age) else { return 0 }
        let central = municipality.centrality - 0.5
        var z = intercept + labourMarket * (municipality.labourMarket - 0.5) + centrality * central
        z -= agePenalty * Double(max(0, person.age - 35))
        switch person.education {
        case .basic: z += basicEducationInRural * -central
        case .secondary: z += secondaryEducation
        case .higher: z += higherEducation + higherEducationInCentral * central
        }
        switch person.english {
        case .none: break
        case .basic: z += basicEnglish
        case .good: z += goodEnglish
        }
        return logistic(z + uplift)
    }

    /// Expected number of employed adults in `household` if settled in `municipality`.
    public func score(_ household: Household, in municipality: Municipality) -> Double {
        household.members.reduce(0) { $0 + employmentProbability($1, in: municipality) }
    }

    /// The matching objective for one household and place: placement value plus score, on `ObjectiveQuantum`'s grid.
    public func matchingValue(_ household: Household, in municipality: Municipality) -> Double {
        let raw = placementValue * Double(household.size) + score(household, in: municipality)
        return ObjectiveQuantum.quantized(raw)
    }
}
