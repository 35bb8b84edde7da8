// SPDX-License-Identifier: GPL-3.0-or-later

/// The scenario `settle` runs with no arguments, embedded so that it works from any folder.
/// It is a copy of Scenarios/default.yaml (scripts/embed-default-scenario); a test keeps the two identical.
public enum DefaultScenario {
    public static let fileName = "Scenarios/default.yaml"

    public static let yaml = #"""
        # The default scenario: what `settle` runs with no arguments.
        # One IMDi batch for a quarter-year cohort (matched on day 0; households whose own
        # search for a home fails join weekly rounds after), on Norway's 357 municipalities
        # of 2024. Every value not given here takes the default in the README.
        name: default
        description: A national batch of 3,000 households, all with permits on day 0, against a quarter of the 2024 decisions.
        seed: 2024

        municipalities:
          country: norway-2024  # Norway's 357 municipalities (SSB, Kartverket), IMDi's 2024 figures

        capacity:
          basis: decided-2024   # each council's decision for 2024 (a pending one: IMDi's request) ...
          scale: 0.25           # ... a quarter of it for this quarter-year batch

        housing:
          private_share: 0.5        # about half lived privately (UDI, May 2022)
          apply_share: 0.7          # assumption: of those, the share that apply to IMDi

        self_settlement:
          municipality_share: 0.4   # about 140 of 357 take part (NIBR 2016)
          household_share: 0.2      # assumption: share of those living privately who look themselves
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
