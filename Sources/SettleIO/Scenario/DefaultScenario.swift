// SPDX-License-Identifier: GPL-3.0-or-later

/// The scenario `settle` runs with no arguments, embedded so that it works from any folder.
/// It is a copy of Scenarios/default.yaml (scripts/embed-default-scenario); a test keeps the two identical.
public enum DefaultScenario {
    public static let fileName = "Scenarios/default.yaml"

    public static let yaml = #"""
        # The default scenario: what `settle` runs with no arguments.
        # One IMDi batch for a quarter-year cohort (matched on day 0; households whose own
        # search for a home fails join weekly rounds after), on a generated Norway-like
        # country. Every value not given here takes the default in the README.
        name: default
        description: A national batch of 3,000 households, all with permits on day 0, against a quarter of a year's decisions.
        seed: 2024

        municipalities:        # generated: the 2024 counties, their sizes and populations
          count: 357
          counties: 15
          population: 5550000

        capacity:
          national_total: 7000  # places decided for this quarter, shared by population
          minimum: 10           # IMDi asks no municipality for fewer than 10

        self_settlement:
          municipality_share: 0.4   # about 140 of 357 take part (NIBR 2016)
          household_share: 0.1      # assumption
          approval_probability: 0.8 # assumption

        cohort:
          households: 3000
          household_size: {1: 0.42, 2: 0.26, 3: 0.17, 4: 0.10, 5: 0.03, 6: 0.02}
          unaccompanied_minor_share: 0.01
          education: {basic: 0.2, secondary: 0.4, higher: 0.4}
          english: {none: 0.4, basic: 0.35, good: 0.25}
          ties_share: 0.3

        decline:
          base_rate: 0.05      # assumption: no decline rate is published

        benefit:
          basic_amount_nok: 124028   # G from 1 May 2024
          multiple_of_g: 2

        process:
          arrivals: batch            # every permit on day 0 ...
          processing_days: 0         # ... ready at once, so IMDi matches them all in one round
          capacity_release: upfront  # the whole quarter's places are open

        matching:
          method: auto
          gap_tolerance: 0.001
          time_limit_seconds: 60

        """#
}
