// SPDX-License-Identifier: GPL-3.0-or-later

/// A scenario that refers to something that does not exist, or asks for places that cannot be
/// given: which case, with what it named. SettleIO says where in the file it is and what to do.
public enum ScenarioError: Error, Sendable, Equatable {
    /// Where a cohort table's household is tied to a municipality.
    public enum HouseholdPlace: Sendable, Equatable {
        /// Its `ties` column: where it has family or work.
        case ties
        /// Its `reception` column: the reception centre it lives in.
        case reception
    }

    /// `capacity.overrides` names a municipality id that is not in the table.
    case unknownOverrideMunicipality(id: String)
    /// `self_settlement.participating` lists a municipality id that is not in the table.
    case unknownParticipatingMunicipality(id: String)
    /// A cohort table's household names a municipality id that is not in the table.
    case unknownHouseholdMunicipality(household: String, place: HouseholdPlace, id: String)
    /// A capacity basis other than population needs the real country's requests and decisions.
    case basisNeedsTheRealCountry(CapacityRule.Basis)
    /// The national total, less the fixed capacities, cannot give every other municipality its
    /// minimum.
    case nationalTotalBelowMinimum(nationalTotal: Int, left: Int, municipalities: Int, minimum: Int)
}
