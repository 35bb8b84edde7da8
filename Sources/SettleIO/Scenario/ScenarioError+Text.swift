// SPDX-License-Identifier: GPL-3.0-or-later

import SettleCore

extension ScenarioError {
    /// The dotted key path in the scenario file that the error is about.
    public var key: String {
        switch self {
        case .unknownOverrideMunicipality(let id): "capacity.overrides.\(id)"
        case .unknownParticipatingMunicipality: "self_settlement.participating"
        case .unknownHouseholdMunicipality: "cohort.table"
        case .basisNeedsTheRealCountry: "capacity.basis"
        case .nationalTotalBelowMinimum: "capacity.national_total"
        }
    }

    /// What is wrong and what to do, as the one line of a bad-input message.
    public var message: String {
        let use = "use a kommunenummer from the municipality table"
        switch self {
        case .unknownOverrideMunicipality(let id), .unknownParticipatingMunicipality(let id):
            return "no municipality has id '\(id)'; \(use)"
        case .unknownHouseholdMunicipality(let household, let place, let id):
            let what = place == .ties ? "has ties to" : "lives in a reception centre in"
            return "household '\(household)' \(what) unknown municipality '\(id)'; \(use)"
        case .basisNeedsTheRealCountry(let basis):
            return "'\(basis.rawValue)' needs a real country (municipalities: {country: norway-2024}); use population"
        case .nationalTotalBelowMinimum(let nationalTotal, let left, let municipalities, let minimum):
            return
                "\(nationalTotal) places leave \(left) for \(municipalities) municipalities, below the minimum of \(minimum) each (\(minimum * municipalities)); raise national_total or lower capacity.minimum"
        }
    }
}
