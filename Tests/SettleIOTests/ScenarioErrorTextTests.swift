// SPDX-License-Identifier: GPL-3.0-or-later

import SettleCore
import SettleIO
import Testing

/// The core says which scenario error it is; these are the key and the words a bad-input line
/// prints for each (the same as when the core wrote them itself).
@Suite struct ScenarioErrorTextTests {
    @Test(arguments: [
        (
            ScenarioError.unknownOverrideMunicipality(id: "9999"), "capacity.overrides.9999",
            "no municipality has id '9999'; use a kommunenummer from the municipality table"
        ),
        (
            .unknownParticipatingMunicipality(id: "9999"), "self_settlement.participating",
            "no municipality has id '9999'; use a kommunenummer from the municipality table"
        ),
        (
            .unknownHouseholdMunicipality(household: "h7", place: .ties, id: "9999"), "cohort.table",
            "household 'h7' has ties to unknown municipality '9999'; use a kommunenummer from the municipality table"
        ),
        (
            .unknownHouseholdMunicipality(household: "h7", place: .reception, id: "9999"), "cohort.table",
            "household 'h7' lives in a reception centre in unknown municipality '9999'; use a kommunenummer from the municipality table"
        ),
        (
            .basisNeedsTheRealCountry(.decided2024), "capacity.basis",
            "'decided-2024' needs a real country (municipalities: {country: norway-2024}); use population"
        ),
        (
            .nationalTotalBelowMinimum(nationalTotal: 100, left: 100, municipalities: 12, minimum: 10),
            "capacity.national_total",
            "100 places leave 100 for 12 municipalities, below the minimum of 10 each (120); raise national_total or lower capacity.minimum"
        ),
    ])
    func eachErrorHasItsKeyAndWords(error: ScenarioError, key: String, message: String) {
        #expect(error.key == key)
        #expect(error.message == message)
    }
}
