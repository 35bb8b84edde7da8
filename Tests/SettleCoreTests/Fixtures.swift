// SPDX-License-Identifier: GPL-3.0-or-later

@testable import SettleCore

/// Small scenarios built in code, so core tests need no files.
enum Fixtures {
    static func spec(households: Int = 200, municipalities: Int = 20, counties: Int = 4, seed: UInt64 = 1)
        -> ScenarioSpec
    {
        var spec = ScenarioSpec()
        spec.name = "fixture"
        spec.seed = seed
        var generated = GeneratedMunicipalities()
        generated.count = municipalities
        generated.counties = counties
        generated.population = 600_000
        spec.municipalities = .synthetic(generated)
        spec.capacity.nationalTotal = households * 2
        spec.capacity.minimum = min(5, households * 2 / municipalities)
        // Everyone in reception, as before housing on arrival; RoutesTests covers those living privately.
        spec.housing.privateShare = 0
        var mix = CohortMix()
        mix.households = households
        spec.cohort = .generated(mix)
        return spec
    }

    static func scenario(_ spec: ScenarioSpec) -> Scenario {
        // Fixture specs refer to nothing external, so resolution cannot fail.
        try! Scenario.resolve(spec)
    }

    static func person(_ age: Int, _ education: Education = .secondary, _ english: LanguageSkill = .basic) -> Person {
        Person(age: age, education: education, english: english)
    }
}
