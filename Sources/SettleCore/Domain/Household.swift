// SPDX-License-Identifier: GPL-3.0-or-later

/// A household that IMDi settles as one unit: it is never split between municipalities.
public struct Household: Sendable, Equatable {
    public var id: String
    public var members: [Person]
    /// Index of a municipality where the household has family or friends, if any.
    public var tieMunicipality: Int?
    /// Index of the municipality of the reception centre where the household lives now.
    public var receptionMunicipality: Int?
    /// Day of the year the residence permit is granted: from then on the household waits for settlement.
    public var permitDay: Int
    /// Needs a special health service that only some municipalities offer.
    public var healthNeeds: Bool
    /// Where the household lives on arrival: in reception, or privately.
    public var housing: ArrivalHousing

    public init(
        id: String, members: [Person], tieMunicipality: Int? = nil, receptionMunicipality: Int? = nil,
        permitDay: Int = 0, healthNeeds: Bool = false, housing: ArrivalHousing = .reception
    ) {
        self.housing = housing
        self.id = id
        self.members = members
        self.tieMunicipality = tieMunicipality
        self.receptionMunicipality = receptionMunicipality
        self.permitDay = permitDay
        self.healthNeeds = healthNeeds
    }

    /// Five persons or more need a large dwelling.
    public var needsLargeDwelling: Bool { members.count >= 5 }

    public var size: Int { members.count }
    public var adults: Int { members.reduce(0) { $0 + ($1.isAdult ? 1 : 0) } }
    /// A minor with no adult in the household: settled under its own capacity and target.
    public var isUnaccompaniedMinor: Bool { !members.isEmpty && members.allSatisfy { !$0.isAdult } }
    public var isSingleAdult: Bool { members.count == 1 && members[0].isAdult }
}
