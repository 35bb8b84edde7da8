// SPDX-License-Identifier: GPL-3.0-or-later

import ArgumentParser
import SettleIO

struct Settle: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settle",
        abstract: "Simulate refugee settlement in Norway: IMDi's matching, single offers, declines, self-settlement.",
        discussion: """
            With no arguments, settle runs its embedded default scenario. Scenario files are YAML (or JSON); \
            see the README for every key. Exit status: 0 success, 2 bad input, 1 internal failure.
            """,
        version: SettleVersion.current,
        subcommands: [Run.self, Validate.self, Compare.self, Merge.self, Export.self, Solve.self],
        defaultSubcommand: Run.self
    )
}

/// Options shared by every command that loads a scenario.
struct ScenarioOptions: ParsableArguments {
    @Option(name: .long, help: "Seed for every random draw (overrides the scenario's seed).")
    var seed: UInt64?

    @Option(
        name: .customLong("set"),
        help: ArgumentHelp(
            "Override one scenario key, e.g. --set decline.base_rate=0.2 (repeatable).", valueName: "key.path=value"))
    var overrides: [String] = []

    func parsedOverrides() throws(InputError) -> [Override] {
        var result: [Override] = []
        for text in overrides { result.append(try Override(parsing: text)) }
        return result
    }
}

/// Which round's batch `solve` and `export` use.
struct BatchOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Use the batch of IMDi's first round on or after this day, as the simulated year reaches it (default: the first round).",
            valueName: "day"))
    var day: Int?

    func validate() throws {
        if let day, day < 0 { throw ValidationError("--day must be 0 or more (days from the start of the horizon).") }
    }
}
