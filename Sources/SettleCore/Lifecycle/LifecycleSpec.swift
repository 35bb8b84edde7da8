// SPDX-License-Identifier: GPL-3.0-or-later

/// The years after settlement: the permit lifecycle of a collective-protection cohort.
///
/// Off unless `years` is 2 or more; then the first year's settlement is played on for
/// `years` years of 365 days from day 0. Values marked "assumption" are not published
/// figures: vary them.
public struct LifecycleSpec: Sendable, Equatable {
    /// Years from day 0, the settlement year included; 1 = off (the report is the settlement year alone).
    public var years: Int = 1
    public var firstCard: FirstCardRule = FirstCardRule()
    public var extensions: ExtensionRule = ExtensionRule()
    public var staysAbroad: StaysAbroadRule = StaysAbroadRule()
    public var births: BirthRule = BirthRule()
    /// How long a participant stays in the introduction programme (assumption: a year for collective protection).
    public var programmeMonths: Int = 12

    public init() {}

    public var isOn: Bool { years >= 2 }
    public var horizonDays: Int { years * LifecycleCalendar.yearDays }
}

/// The first residence card after the permit: some arrivals are called to the police for a picture
/// and fingerprints, others gave both when they applied for protection and get the card by post.
public struct FirstCardRule: Sendable, Equatable {
    /// Share of households called to the police station for their first card (assumption: the page
    /// says only "some"). Every member goes; children five or younger still give their fingerprint
    /// at the first extension, as the page says.
    public var policeShare: Double = 0.5
    /// Days from the permit to that appointment (assumption).
    public var appointmentDays: ClosedRange<Int> = 7...42

    public init() {}
}

/// Automatic extension of a collective-protection permit, and the residence card that follows.
public struct ExtensionRule: Sendable, Equatable {
    /// UDI processes most extensions about three weeks before expiry.
    public var processingDaysBeforeExpiry: Int = 21
    /// Share of households with a digital mailbox (Digipost): the letter arrives the same day (assumption).
    public var digitalShare: Double = 0.6
    /// Days a posted letter takes: up to two weeks.
    public var postDays: ClosedRange<Int> = 1...14
    /// Share of extensions refused because an exception applies (assumption; see the README).
    public var exceptionShare: Double = 0.01
    /// Days from ordering a residence card to the mailbox: up to 20.
    public var cardDays: ClosedRange<Int> = 1...20
    /// Children this old or younger when the permit was granted give a fingerprint at the police instead,
    /// once: at the first extension after the permit; later cards come by post.
    public var fingerprintAgeLimit: Int = 5
    /// Days from the extension to the child's appointment at the police station (assumption).
    public var fingerprintDays: ClosedRange<Int> = 7...42

    public init() {}
}

/// Travel and return: a household must live in Norway at least `residenceShare` of each permit year.
public struct StaysAbroadRule: Sendable, Equatable {
    /// Share of each permit year a household must live in Norway (half, by UDI's rule).
    public var residenceShare: Double = 0.5
    /// Share of households that travel abroad in a permit year (assumption).
    public var travelShare: Double = 0.3
    /// Share of trips that are long stays rather than visits (assumption).
    public var longStayShare: Double = 0.1
    public var shortDays: ClosedRange<Int> = 7...42
    public var longDays: ClosedRange<Int> = 90...300
    /// Stays longer than this are reported to the tax authority (six months).
    public var taxReportDays: Int = 182
    /// Share of households that return for good in a permit year (assumption).
    public var returnShare: Double = 0.04

    public init() {}

    /// Days a household may spend abroad in a permit period of `days` and keep the permit.
    public func allowedAbroad(permitDays days: Int = LifecycleCalendar.yearDays) -> Int {
        // Rounded up so that exactly half in Norway is enough.
        let inNorway = (Double(days) * residenceShare).rounded(.up)
        return max(0, days - Int(inNorway))
    }
}

/// Children born in Norway to the cohort.
public struct BirthRule: Sendable, Equatable {
    /// Births per 1,000 women aged 18-45 a year (assumption).
    public var ratePer1000: Double = 40
    /// Share of adults who are women (assumption for a mostly Ukrainian cohort).
    public var womenShare: Double = 0.65
    public var motherAges: ClosedRange<Int> = 18...45
    /// The parents' permits at a birth, as the alternatives of UDI's page (assumption; shares normalised).
    /// The mother is one of the cohort and holds collective protection; the situation names the other parent.
    public var parents: [ParentSituation: Double] = [
        .collectiveProtection: 0.9, .refugee: 0.04, .euEEA: 0.03, .permanentResidence: 0.03,
    ]
    /// Share of families who apply for family immigration where the child would get protection (assumption).
    public var familyImmigrationShare: Double = 0.05
    /// Days from birth to the application (assumption: "as early as possible").
    public var applicationDays: ClosedRange<Int> = 7...60
    /// Days UDI takes to grant the child's permit (assumption).
    public var processingDays: Int = 30

    public init() {}
}

/// Days, years and months of the lifecycle: years of 365 days from day 0, months their twelfths.
/// A permit runs one such year, and each extension one more from the expiry.
public enum LifecycleCalendar {
    public static let yearDays = 365

    /// Year 1, 2, ... of `day`.
    public static func year(_ day: Int) -> Int { day / yearDays + 1 }

    /// Month 0-11 within its year.
    public static func month(_ day: Int) -> Int { (day % yearDays) * 12 / yearDays }
}
