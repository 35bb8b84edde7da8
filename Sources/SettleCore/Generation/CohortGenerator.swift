// SPDX-License-Identifier: GPL-3.0-or-later

/// Draws a cohort of households from a `CohortMix`.
public enum CohortGenerator {
    public static func generate(
        _ mix: CohortMix, municipalities: [Municipality], rng: inout SplitMix64
    ) -> [Household] {
        let sizes = mix.householdSize.keys.sorted()
        let sizeWeights = sizes.map { mix.householdSize[$0] ?? 0 }
        let educations = Education.allCases
        let educationWeights = educations.map { mix.education[$0] ?? 0 }
        let skills = LanguageSkill.allCases
        let skillWeights = skills.map { mix.english[$0] ?? 0 }
        // Ties are where people already live: weighted by population.
        let tieWeights = municipalities.map { Double($0.population) }

        func adult(ageRange: ClosedRange<Int>) -> Person {
            Person(
                age: rng.integer(in: ageRange),
                education: educations[rng.index(weights: educationWeights)],
                english: skills[rng.index(weights: skillWeights)])
        }
        func child(maxAge: Int) -> Person {
            Person(age: rng.integer(in: 0...maxAge), education: .basic, english: .none)
        }

        var households: [Household] = []
        households.reserveCapacity(mix.households)
        for index in 0..<mix.households {
            var members: [Person] = []
            if rng.bernoulli(mix.unaccompaniedMinorShare) {
                members = [
                    Person(
                        age: rng.integer(in: 14...17), education: .basic,
                        english: skills[rng.index(weights: skillWeights)])
                ]
            } else {
                let size = sizes[rng.index(weights: sizeWeights)]
                if size == 1 {
                    members = [adult(ageRange: 18...70)]
                } else if size == 2 && rng.bernoulli(0.3) {
                    // An adult couple or parent with grown child.
                    members = [adult(ageRange: 20...70), adult(ageRange: 18...70)]
                } else {
                    // One or two parents with children: mothers with children dominate.
                    let parents = size >= 4 && rng.bernoulli(0.4) ? 2 : 1
                    for _ in 0..<parents { members.append(adult(ageRange: 22...50)) }
                    for _ in parents..<size { members.append(child(maxAge: 17)) }
                }
            }
            let tie = rng.bernoulli(mix.tiesShare) ? rng.index(weights: tieWeights) : nil
            households.append(
                Household(id: "H" + String(index + 1).leftPadded(to: 6), members: members, tieMunicipality: tie))
        }
        return households
    }
}
