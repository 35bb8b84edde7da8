// SPDX-License-Identifier: GPL-3.0-or-later

import ArgumentParser
import SettleIO

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check scenario files without running them.",
        discussion:
            "Reads each file and every table it names, resolves ids, and reports the first problem of each file."
    )

    @Argument(help: "Scenario files (YAML or JSON).")
    var files: [String]

    @OptionGroup var scenario: ScenarioOptions

    func run() throws {
        let overrides = try scenario.parsedOverrides()
        var failures: [InputError] = []
        for file in files {
            do {
                let s = try ScenarioLoader.load(.file(file), overrides: overrides, seed: scenario.seed)
                print(
                    "\(file): ok (\(s.municipalities.count) municipalities, \(s.households.count) households, \(s.persons) persons)"
                )
            } catch {
                failures.append(error)
            }
        }
        if failures.count == 1 { throw failures[0] }
        if failures.count > 1 { throw ValidationFailures(errors: failures) }
    }
}

/// Several files failed validation: one line each.
struct ValidationFailures: Error {
    var errors: [InputError]
}
