// SPDX-License-Identifier: GPL-3.0-or-later

/// The years after settlement, one entry per year of 365 days from day 0 (year 1 is the settlement year).
///
/// Counts are persons unless a name says households. Stocks (`start`, `end`) are counted at the year's
/// boundaries from each person's state, flows as they happen, so `end == start + inflows - outflows`
/// checks the model rather than restating it.
public struct LifecycleOutcomes: Sendable, Equatable {
    /// Persons with a valid residence permit (registered EU/EEA children hold none).
    public struct Permits: Sendable, Equatable {
        public var start = 0
        /// First permits granted to the cohort this year.
        public var granted = 0
        /// Permits granted to children born in Norway.
        public var childPermits = 0
        /// Ended by a stay abroad beyond the residence requirement.
        public var lostAbroad = 0
        /// Ended by returning home for good.
        public var returned = 0
        /// Ended at expiry because an exception ruled out the extension.
        public var refusedAtExpiry = 0
        public var end = 0

        public var inflow: Int { granted + childPermits }
        public var outflow: Int { lostAbroad + returned + refusedAtExpiry }
    }

    public struct Extensions: Sendable, Equatable {
        /// Persons whose automatic extension UDI processed this year (granted or refused).
        public var processed = 0
        public var granted = 0
        public var refused = 0
        /// Decision letters, households: in the digital mailbox, or by post (up to two weeks).
        public var lettersDigital = 0
        public var lettersByPost = 0
        /// Mean days from processing to the letter in hand.
        public var meanLetterDays = 0.0
    }

    /// Twelve counts, January to December of the model year (twelfths of 365 days).
    public typealias Monthly = [Int]

    public struct Workload: Sendable, Equatable {
        /// New residence cards sent: by post after an extension, or ordered by the police after a fingerprint.
        public var cardsByMonth: Monthly = Array(repeating: 0, count: 12)
        public var cardsByPost = 0
        public var cardsAfterFingerprint = 0
        /// Children (5 or younger when granted) who give a fingerprint at the police station, at their
        /// first extension only.
        public var fingerprintsByMonth: Monthly = Array(repeating: 0, count: 12)
        /// Persons called to the police station for the picture and fingerprints of their first residence card.
        public var firstCardAppointmentsByMonth: Monthly = Array(repeating: 0, count: 12)
        /// Mean days from the extension to the new card in the mailbox (fingerprint appointments included).
        public var meanCardDays = 0.0

        public var cards: Int { cardsByPost + cardsAfterFingerprint }
        public var fingerprints: Int { fingerprintsByMonth.reduce(0, +) }
        public var firstCardAppointments: Int { firstCardAppointmentsByMonth.reduce(0, +) }
    }

    public struct StaysAbroad: Sendable, Equatable {
        /// Households (and their persons) that left for a trip this year.
        public var trips = 0
        public var travellers = 0
        /// Trips longer than six months, reported to the tax authority (households).
        public var reportedToTax = 0
        /// Households whose stay broke the residence requirement; their persons are in `Permits.lostAbroad`.
        public var lostPermitHouseholds = 0
    }

    public struct Returns: Sendable, Equatable {
        public var households = 0
        public var persons = 0
    }

    public struct Births: Sendable, Equatable {
        public var byRoute: [ChildRoute: Int] = [:]
        /// Births while the household lived in reception: the centre sends the application to UDI.
        public var viaReception = 0
        /// Births while the household did not live in reception (settled, moved out, or living privately
        /// from the start): the parents hand in the birth record at the police station.
        public var atPolice = 0
        /// Applications waiting for UDI at the start and end of the year.
        public var pendingStart = 0
        public var pendingEnd = 0
        /// Applications dropped because the household left before the child's permit was granted.
        public var withdrawn = 0

        public var total: Int { byRoute.values.reduce(0, +) }
        /// Births on a route that needs a permit.
        public var needingPermit: Int { total - (byRoute[.registration] ?? 0) }
    }

    /// Introduction-programme participants (settled by IMDi or by agreement, aged 18-55).
    public struct Programme: Sendable, Equatable {
        public var start = 0
        public var started = 0
        public var completed = 0
        /// Left before the end: returned home, or lost the permit.
        public var left = 0
        public var end = 0
    }

    public struct Year: Sendable, Equatable {
        public var year: Int
        public var permits = Permits()
        public var extensions = Extensions()
        public var workload = Workload()
        public var staysAbroad = StaysAbroad()
        public var returns = Returns()
        public var births = Births()
        public var programme = Programme()

        public init(year: Int) { self.year = year }
    }

    public var years: [Year]
}
