/// A household that IMDi settles as one unit: it is never split between municipalities.
public struct Household: Sendable, Equatable {
    public var id: String
    public var members: [Person]
    /// Index of a municipality where the household has family or friends, if any.
    public var tieMunicipality: Int?

    public init(id: String, members: [Person], tieMunicipality: Int? = nil) {
        self.id = id
        self.members = members
        self.tieMunicipality = tieMunicipality
    }

    public var size: Int { members.count }
    public var adults: Int { members.reduce(0) { $0 + ($1.isAdult ? 1 : 0) } }
    /// A minor with no adult in the household: settled under its own capacity and target.
    public var isUnaccompaniedMinor: Bool { !members.isEmpty && members.allSatisfy { !$0.isAdult } }
    public var isSingleAdult: Bool { members.count == 1 && members[0].isAdult }
}
