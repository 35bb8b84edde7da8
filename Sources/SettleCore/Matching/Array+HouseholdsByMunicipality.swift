// SPDX-License-Identifier: GPL-3.0-or-later

extension Array where Element == Int? {
    /// A placement (`self[h]` is household h's municipality, if any) as each municipality's
    /// households, in household order.
    func householdsByMunicipality(_ municipalityCount: Int) -> [[Int]] {
        var members = [[Int]](repeating: [], count: municipalityCount)
        for (h, m) in enumerated() { if let m { members[m].append(h) } }
        return members
    }
}
