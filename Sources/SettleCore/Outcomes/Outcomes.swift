// SPDX-License-Identifier: GPL-3.0-or-later

/// What a run produced, in persons unless a name says otherwise.
public struct Outcomes: Sendable, Equatable {
    public struct PathCounts: Sendable, Equatable {
        public var settledByIMDi = 0
        public var selfSettled = 0
        public var declined = 0
        public var waiting = 0
        public var noSettlementAsked = 0
        public var total: Int { settledByIMDi + selfSettled + declined + waiting + noSettlementAsked }

        public subscript(path: SettlementPath) -> Int {
            get {
                switch path {
                case .settledByIMDi: settledByIMDi
                case .selfSettled: selfSettled
                case .declined: declined
                case .waiting: waiting
                case .noSettlementAsked: noSettlementAsked
                }
            }
            set {
                switch path {
                case .settledByIMDi: settledByIMDi = newValue
                case .selfSettled: selfSettled = newValue
                case .declined: declined = newValue
                case .waiting: waiting = newValue
                case .noSettlementAsked: noSettlementAsked = newValue
                }
            }
        }
    }

    public struct Offers: Sendable, Equatable {
        public var made = 0
        public var accepted = 0
        public var declined = 0
    }

    public struct Programme: Sendable, Equatable {
        public var participants = 0
        public var lostByDecline = 0
    }

    /// The introduction benefit, gross (it is taxable).
    public struct Benefit: Sendable, Equatable {
        /// A full year's benefit for every participant: the annual rate.
        public var annualCostNOK = 0.0
        /// Paid inside the simulated year, from each participant's start to the horizon.
        public var withinYearNOK = 0.0
        /// The annual rate that decliners would have had.
        public var forgoneByDeclineNOK = 0.0
    }

    /// Households and persons in one group.
    public struct Group: Sendable, Equatable {
        public var households = 0
        public var persons = 0

        public init(households: Int = 0, persons: Int = 0) {
            self.households = households
            self.persons = persons
        }
    }

    /// Where households lived when their permit was granted.
    public struct Housing: Sendable, Equatable {
        public var reception = Group()
        public var privately = Group()
        /// Of those living privately: applied to IMDi (directly or after a failed search).
        public var appliedToIMDi = Group()
        /// Of those living privately: looked for an agreed self-settlement.
        public var triedSelfSettlement = Group()
    }

    /// Persons who lost each thing by declining IMDi's offer.
    public struct DeclineLosses: Sendable, Equatable {
        /// Their place in reception or emergency accommodation (ends on the agreed date).
        public var receptionPlace = 0
        /// Adults 18-55 who would have joined the introduction programme ...
        public var introductionProgramme = 0
        /// ... and received the benefit.
        public var introductionBenefit = 0
        /// The municipality's financial support.
        public var municipalSupport = 0
        /// Help with the costs of moving.
        public var movingHelp = 0
    }

    /// Time spent in reception or emergency accommodation after the permit, within the year.
    public struct Reception: Sendable, Equatable {
        /// Persons in reception on day 0 (permits from before the year).
        public var personsAtStart = 0
        public var personDays = 0
        /// Person-days times the scenario's cost per person-day.
        public var costNOK = 0.0
    }

    /// The municipal integration grant for the first year.
    public struct Grant: Sendable, Equatable {
        /// Persons settled by IMDi or by agreement: those who bring a grant.
        public var persons = 0
        public var firstYearNOK = 0.0
    }

    /// Settlement by SSB centrality class of the municipality.
    public struct CentralityRow: Sendable, Equatable {
        public var centralityClass: Int
        public var municipalities = 0
        public var decided = 0
        public var settledByIMDi = 0
        public var selfSettled = 0
        public var settled: Int { settledByIMDi + selfSettled }
    }

    public struct Tuition: Sendable, Equatable {
        public var entitled = 0
        public var keptByDecliners = 0
    }

    public struct School: Sendable, Equatable {
        public var childrenInSchool = 0
        public var youthUpperSecondaryRight = 0
    }

    public struct Capacity: Sendable, Equatable {
        public var decided = 0
        public var used = 0
        public var overCapacityMunicipalities = 0
    }

    public struct WaitDays: Sendable, Equatable {
        public var mean = 0.0
        public var median = 0.0
        public var p90 = 0.0
        /// Share of households within IMDi's target (6 months; 3 for unaccompanied minors).
        public var withinTargetShare = 0.0
    }

    /// Households and persons still waiting for one reason.
    public typealias Waiting = Group

    public struct Matching: Sendable, Equatable {
        /// The methods that placed the rounds, each once, in `SolveMethod` order (more than one: a mixed year).
        public var methods: [SolveMethod]
        public var termination: MatchTermination
        public var rounds: Int
        /// Household places in all batches (a household waiting three rounds counts three times).
        public var households: Int
        public var objective: Double
        public var bound: Double
        public var gap: Double
        public var worstGap: Double
        public var predictedEmployment: Double
        public var splitHouseholds: Int
        public var repairedHouseholds: Int
        public var seconds: Double
        /// The first round with a note, if any.
        public var note: RoundNote?
        /// The rounds above the gap tolerance, by day: each with its true certified gap and why.
        public var uncertified: [UncertifiedRound] = []
    }

    public struct Area: Sendable, Equatable {
        public var id: String
        public var name: String
        public var county: String
        public var population: Int
        public var decided: Int
        public var settledByIMDi = 0
        public var selfSettled = 0
        /// Households that declined an offer to this municipality.
        public var declinedOffers = 0
        /// Persons who declined an offer and moved here on their own.
        public var declinedArrivals = 0
        public var unaccompaniedMinors = 0
        public var takesPartInSelfSettlement: Bool
        /// SSB's centrality class, where known (nil for counties).
        public var centralityClass: Int? = nil
        public var used: Int { settledByIMDi + selfSettled }
    }

    public var scenario: String
    public var seed: UInt64
    public var households: Int
    public var persons: Int
    /// Persons by path.
    public var outcomes: PathCounts
    /// Households by path.
    public var householdOutcomes: PathCounts
    /// Why those still waiting at the horizon are waiting; every waiting household has one reason.
    public var waitingReasons: [WaitingReason: Waiting]
    public var offers: Offers
    /// Persons moved by the police because they did not move on the agreed date.
    public var forcedMoves: Int
    public var waitDays: WaitDays
    public var housing: Housing
    public var declineLosses: DeclineLosses
    public var reception: Reception
    public var grant: Grant
    public var introductionProgramme: Programme
    public var introductionBenefit: Benefit
    public var norwegianTuition: Tuition
    public var school: School
    /// Expected employed adults among those settled or living on their own after declining.
    public var expectedEmployed: Double
    public var capacity: Capacity
    public var matching: Matching
    public var municipalities: [Area]
    public var counties: [Area]
    /// One row per SSB centrality class present (real countries and tables that give it).
    public var centralityClasses: [CentralityRow]
}
