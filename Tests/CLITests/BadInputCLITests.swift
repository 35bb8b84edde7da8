// SPDX-License-Identifier: GPL-3.0-or-later

import Foundation
import Testing

/// The bad-input corpus (Tests/BadInputs) through the real binary: every bad file gets exit 2 and one line
/// on stderr naming the file, the line or key and what to do; awkward files and impossible placements run.
@Suite struct BadInputCLITests {
    static let folder = "Tests/BadInputs"

    /// Scenario files that must be refused, with a fragment of the one line they get (after the folder).
    static let scenarios: KeyValuePairs<String, String> = [
        "alias-bomb.yaml": "alias-bomb.yaml:2: a0: unknown key; valid keys here: name,",
        "alias-explicit-key-bomb.yaml":
            "alias-explicit-key-bomb.yaml:11: has an explicit key (?) in a file with aliases; write each key as a plain word",
        "alias-in-flow-key-bomb.yaml":
            "alias-in-flow-key-bomb.yaml:10: uses the alias *a7 as a key; keys must be plain words, so write the key out",
        "alias-unknown-key.yaml": "alias-unknown-key.yaml:2: base: unknown key; did you mean 'name'?",
        "binary-garbage.yaml": "binary-garbage.yaml:2: is not valid UTF-8 text (byte 129); save it as UTF-8",
        "deep-nesting-block.yaml": "deep-nesting-block.yaml:3: is nested too deeply to be a scenario;",
        "deep-nesting-flow.yaml": "deep-nesting-flow.yaml:2: is nested too deeply to be a scenario;",
        "duplicate-key-nested.json":
            "duplicate-key-nested.json:1: households: the key appears twice in one mapping; keep one",
        "duplicate-key.yaml": "duplicate-key.yaml:2: seed: the key appears twice in one mapping; keep one",
        "duplicate-municipality-override.yaml":
            "duplicate-municipality-override.yaml:4: 0301: the key appears twice in one mapping; keep one",
        "basis-without-country.yaml":
            "basis-without-country.yaml:5: capacity.basis: 'decided-2024' needs a real country (municipalities: {country: norway-2024}); use population",
        "generator-keys-outside-synthetic.yaml": "generator-keys-outside-synthetic.yaml:3: municipalities.count:",
        "national-total-below-minimum.yaml":
            "national-total-below-minimum.yaml:5: capacity.national_total: 100 places leave 100 for 12 municipalities, below the minimum of 10 each (120); raise national_total or lower capacity.minimum",
        "unknown-country.yaml":
            "unknown-country.yaml:3: municipalities.country: unknown country 'norway-2025'; did you mean 'norway-2024'?",
        "empty-cohort.yaml": "empty-cohort.yaml:3: cohort.households: 0 is out of range; use a whole number from 1 to",
        "empty-file.yaml": "empty-file.yaml: is empty; a scenario needs at least a name",
        // Found by Fuzz/run: each took Yams 12 s (one more level: minutes) before the guard.
        "fuzz-alias-key-after-stray-quote.yaml":
            "fuzz-alias-key-after-stray-quote.yaml:18: uses the alias *a7 as a key; keys must be plain words",
        "fuzz-alias-key-bomb.yaml":
            "fuzz-alias-key-bomb.yaml:10: uses the alias *a7 as a key; keys must be plain words",
        "fuzz-alias-key-bomb-undefined-alias.yaml":
            "fuzz-alias-key-bomb-undefined-alias.yaml:10: uses the alias *a7 as a key; keys must be plain words",
        "household-size-zero.yaml":
            "household-size-zero.yaml:3: cohort.household_size.0: household sizes are whole numbers from 1 to 20;",
        "households-above-limit.yaml": "households-above-limit.yaml:3: cohort.households: 2000000 is out of range;",
        "households-times-municipalities-above-limit.yaml":
            "households-times-municipalities-above-limit.yaml:6: cohort.households: 1000000 households × 5000 municipalities is above the limit",
        "huge-amount.yaml": "huge-amount.yaml:3: benefit.basic_amount_nok: expected a finite number, found '1.8e308';",
        "huge-float-for-count.yaml":
            "huge-float-for-count.yaml:3: capacity.national_total: expected a whole number, found '1e300'; write",
        "huge-households.yaml":
            "huge-households.yaml:3: cohort.households: 99999999999999999999999999 is out of range; use a whole number",
        "infinite-coefficient.yaml":
            "infinite-coefficient.yaml:3: scoring.intercept: expected a finite number, found '.inf';",
        "infinite-negative.yaml":
            "infinite-negative.yaml:3: matching.time_limit_seconds: expected a finite number, found '-.inf';",
        "latin1-bytes.yaml": "latin1-bytes.yaml:1: is not valid UTF-8 text (byte 12); save it as UTF-8",
        "malformed-json-missing-comma.json":
            "malformed-json-missing-comma.json:3: not valid YAML or JSON: did not find expected ',' or '}'; check",
        "malformed-json-unclosed.json": "malformed-json-unclosed.json:4: not valid YAML or JSON:",
        "malformed-yaml-indentation.yaml":
            "malformed-yaml-indentation.yaml:4: not valid YAML or JSON: mapping values are not allowed in this context; check indentation",
        "malformed-yaml-tab-indentation.yaml": "malformed-yaml-tab-indentation.yaml:3: not valid YAML or JSON:",
        "malformed-yaml-unclosed-bracket.yaml": "malformed-yaml-unclosed-bracket.yaml:4: not valid YAML or JSON:",
        "min-above-max.yaml": "min-above-max.yaml:3: process.search_days: min (90) is above max (14); swap them",
        "missing-table.yaml": "scenarios/no-such-table.csv: no such file; check the path",
        "misspelt-category.yaml":
            "misspelt-category.yaml:3: cohort.education.secondry: unknown category; did you mean 'secondary'?",
        "misspelt-choice.yaml":
            "misspelt-choice.yaml:3: process.arrivals: unknown value 'stedy'; did you mean 'steady'?",
        "misspelt-key-nested.json":
            "misspelt-key-nested.json:4: decline.base_rat: unknown key; did you mean 'base_rate'?",
        "more-counties-than-municipalities.yaml":
            "more-counties-than-municipalities.yaml:5: municipalities.synthetic.counties: 5 counties need at least as many municipalities (count is 3); lower",
        "municipalities-above-limit.yaml":
            "municipalities-above-limit.yaml:4: municipalities.synthetic.count: 6000 is out of range; use a whole number from 1 to 5000",
        "name-empty.yaml": "name-empty.yaml:1: name: use a short name of 1-100 characters",
        "name-with-slash.yaml": "name-with-slash.yaml:1: name: use a short name of 1-100 characters without '/'",
        "nan-count.yaml": "nan-count.yaml:3: capacity.national_total: expected a whole number, found '.NaN';",
        "nan-rate.yaml": "nan-rate.yaml:3: decline.base_rate: expected a finite number, found '.nan';",
        "negative-capacity.yaml": "negative-capacity.yaml:3: capacity.national_total: -100 is out of range;",
        "negative-households.yaml": "negative-households.yaml:3: cohort.households: -5 is out of range;",
        "negative-seed.yaml":
            "negative-seed.yaml:2: seed: expected a whole number from 0 to 18446744073709551615, found '-1';",
        "nul-byte.yaml": "nul-byte.yaml:1: contains a NUL byte; this is not a text file",
        "only-comments.yaml": "only-comments.yaml: is empty; a scenario needs at least a name",
        "seed-overflow.yaml": "seed-overflow.yaml:2: seed: expected a whole number from 0 to 18446744073709551615",
        "shares-all-zero.yaml":
            "shares-all-zero.yaml:3: cohort.education: the shares add up to zero; give at least one",
        "table-and-generator.yaml":
            "table-and-generator.yaml:3: municipalities.table: give one of country, synthetic or table, not synthetic and table",
        "table-is-a-folder.yaml": "scenarios/.: is a folder, not a file; name a file inside it",
        "unknown-key-no-suggestion.yaml": "unknown-key-no-suggestion.yaml:2: foo: unknown key; valid keys here: name,",
        "unknown-key-top.yaml": "unknown-key-top.yaml:2: cohorts: unknown key; did you mean 'cohort'?",
        "unknown-municipality-override.yaml":
            "unknown-municipality-override.yaml:8: capacity.overrides.9999: no municipality has id '9999'; use a kommunenummer",
        "unknown-municipality-participating.yaml":
            "unknown-municipality-participating.yaml:7: self_settlement.participating: no municipality has id '9999';",
        "utf16.yaml": "utf16.yaml: is UTF-16 text; save it as UTF-8",
        "wrong-type-fraction-for-count.yaml":
            "wrong-type-fraction-for-count.yaml:3: cohort.households: expected a whole number, found '2.5'; write digits only",
        "wrong-type-list-for-mapping.yaml":
            "wrong-type-list-for-mapping.yaml:2: capacity: expected a mapping of keys (",
        "wrong-type-list-for-name.yaml":
            "wrong-type-list-for-name.yaml:1: name: expected text, found a list; give one value here",
        "wrong-type-list-for-text.yaml": "wrong-type-list-for-text.yaml:2: description: expected text, found a list;",
        "wrong-type-mapping-for-number.yaml":
            "wrong-type-mapping-for-number.yaml:3: cohort.households: expected a whole number, found a mapping;",
        "wrong-type-number-for-choice.yaml":
            "wrong-type-number-for-choice.yaml:3: matching.method: unknown method '3'; use one of auto, exact, lp-repair",
        "wrong-type-text-for-list.json":
            "wrong-type-text-for-list.json:1: self_settlement.participating: expected a list, found '4601'; write it like",
        "wrong-type-text-for-number.yaml":
            "wrong-type-text-for-number.yaml:3: decline.base_rate: expected a finite number, found 'high'; write one like 0.25",
        "wrong-type-top-level-list.yaml": "wrong-type-top-level-list.yaml:1: expected a mapping of keys (name,",
        "wrong-type-top-level-text.yaml": "wrong-type-top-level-text.yaml:1: expected a mapping of keys (name,",
        "yaml-binary-tag.yaml": "yaml-binary-tag.yaml:2: seed: expected a whole number",
        "zero-capacity-everywhere.yaml":
            "zero-capacity-everywhere.yaml:6: capacity: every municipality's decision is 0 persons, so nobody can be settled; raise",
        "zero-time-limit.yaml":
            "zero-time-limit.yaml:3: matching.time_limit_seconds: 0 is out of range; use a number from 0.001 to 86400",
    ]

    /// Tables that must be refused: each replaces one table of tables/_base.yaml with --set.
    static let tables: KeyValuePairs<String, String> = [
        "cohort-absurd-age.csv": "cohort-absurd-age.csv:2: age: 250 is out of range; use 0 to 120",
        "cohort-bad-yes-no.csv": "cohort-bad-yes-no.csv:2: health_needs: 'perhaps' is not yes or no; write yes or no",
        "cohort-conflicting-ties.csv":
            "cohort-conflicting-ties.csv:3: ties: household 'H1' has ties '4601' on line 2 and '4602' here; give one",
        "cohort-empty-household-id.csv": "cohort-empty-household-id.csv:2: household: is empty; fill it in",
        "cohort-fraction-age.csv": "cohort-fraction-age.csv:2: age: '34.5' is not a whole number; write digits only",
        "cohort-header-only.csv": "cohort-header-only.csv: has a header but no persons; add at least one row",
        "cohort-household-too-large.csv":
            "cohort-household-too-large.csv:22: household: household 'BIG' has more than 20 persons; check the ids",
        "cohort-latin1.csv": "cohort-latin1.csv:2: is not valid UTF-8 text (byte 34); save it as UTF-8",
        "cohort-missing-column.csv": "cohort-missing-column.csv:1: missing column english; the header needs",
        "cohort-negative-age.csv": "cohort-negative-age.csv:2: age: -3 is out of range; use 0 to 120",
        "cohort-nul-byte.csv": "cohort-nul-byte.csv:2: contains a NUL byte; this is not a text file",
        "cohort-permit-day-out-of-range.csv":
            "cohort-permit-day-out-of-range.csv:2: permit_day: 5000 is out of range; use 0 to 3650",
        "cohort-semicolons.csv": "cohort-semicolons.csv:1: uses ';' to separate columns; save it with commas",
        "cohort-unknown-housing.csv":
            "cohort-unknown-housing.csv:2: housing: 'hotel' is not one of reception, private; or leave it empty",
        "cohort-unknown-category.csv":
            "cohort-unknown-category.csv:2: education: 'phd' is not one of basic, secondary, higher",
        "cohort-unknown-reception.csv":
            "cohort-unknown-reception.csv:2: reception: no municipality has id '9999'; use a kommunenummer",
        "cohort-unknown-ties.csv":
            "cohort-unknown-ties.csv:2: ties: no municipality has id '9999'; use a kommunenummer",
        "municipalities-bad-yes-no.csv":
            "municipalities-bad-yes-no.csv:3: self_settlement: 'maybe' is not yes or no; write yes or no",
        "municipalities-blank-lines-only.csv":
            "municipalities-blank-lines-only.csv: is empty; it needs a header row and at least one data row",
        "municipalities-decimal-comma.csv":
            "municipalities-decimal-comma.csv:3: area_km2: '310,8' is not a finite number; use a point as the decimal mark",
        "municipalities-duplicate-column.csv":
            "municipalities-duplicate-column.csv:1: column 'lat' appears twice; keep one",
        "municipalities-duplicate-id.csv":
            "municipalities-duplicate-id.csv:4: kommunenummer: '4601' appears twice (first on line 2); each municipality",
        "municipalities-empty-cell.csv": "municipalities-empty-cell.csv:3: name: is empty; fill it in",
        "municipalities-empty.csv": "municipalities-empty.csv: is empty; it needs a header row",
        "municipalities-extra-field.csv":
            "municipalities-extra-field.csv:3: has 11 fields but the header has 10; check for missing or extra commas",
        "municipalities-header-only.csv": "municipalities-header-only.csv: has a header but no municipalities; add",
        "municipalities-huge-number.csv":
            "municipalities-huge-number.csv:3: capacity: 99999999999999999999 is out of range; use 0 to 100000000",
        "municipalities-infinite.csv":
            "municipalities-infinite.csv:3: lat: 'inf' is not a finite number; write a number",
        "municipalities-latin1.csv": "municipalities-latin1.csv:2: is not valid UTF-8 text (byte 97); save it as UTF-8",
        "municipalities-missing-column.csv":
            "municipalities-missing-column.csv:1: missing column lon; the header needs",
        "municipalities-missing-fields.csv":
            "municipalities-missing-fields.csv:3: has 7 fields but the header has 10; check for missing or extra commas",
        "municipalities-misspelt-column.csv":
            "municipalities-misspelt-column.csv:1: unknown column 'capacty'; did you mean 'capacity'? Known columns:",
        "municipalities-nan.csv": "municipalities-nan.csv:3: area_km2: 'NaN' is not a finite number;",
        "municipalities-negative-population.csv":
            "municipalities-negative-population.csv:3: population: -12400 is out of range; use 0 to",
        "municipalities-semicolons.csv":
            "municipalities-semicolons.csv:1: uses ';' to separate columns; save it with commas",
        "municipalities-stray-quote.csv":
            "municipalities-stray-quote.csv:3: a quote inside an unquoted field; quote the whole field",
        "municipalities-tabs.csv": "municipalities-tabs.csv:1: uses tabs to separate columns; save it with commas",
        "municipalities-text-for-number.csv":
            "municipalities-text-for-number.csv:3: population: 'many' is not a whole number; write digits only",
        "municipalities-unclosed-quote.csv":
            "municipalities-unclosed-quote.csv:3: a quoted field is never closed; add the closing quote",
        "municipalities-utf16.csv": "municipalities-utf16.csv: is UTF-16 text; save it as UTF-8",
        "municipalities-zero-capacity-everywhere.csv":
            "municipalities.table: every municipality's decision is 0 persons, so nobody can be settled",
    ]

    /// Exit 2, exactly one line, `settle: ` and the expected fragment; nothing on stdout, no trap or stack trace.
    static func expectOneHelpfulLine(
        _ result: CLI.Result, _ fragment: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(result.status == 2, "exit status", sourceLocation: sourceLocation)
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(
            lines.count == 2 && lines[1].isEmpty, "one line on stderr: \(result.stderr)", sourceLocation: sourceLocation
        )
        #expect(result.stderr.hasPrefix("settle: "), sourceLocation: sourceLocation)
        #expect(result.stderr.contains(fragment), "\(result.stderr) lacks \(fragment)", sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
        for crash in ["Fatal error", "Stack dump", "glp_", "Assertion", "Illegal instruction"] {
            #expect(!result.stderr.contains(crash), sourceLocation: sourceLocation)
        }
    }

    static func files(in sub: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: "\(CLI.root)/\(folder)/\(sub)").filter {
            !$0.hasPrefix("_")
        }
        .sorted()
    }

    @Test func everyCorpusFileHasAnExpectedMessage() throws {
        #expect(try Self.files(in: "scenarios") == Self.scenarios.map(\.key).sorted())
        #expect(try Self.files(in: "tables") == Self.tables.map(\.key).sorted())
    }

    @Test(arguments: scenarios.map { $0 })
    func badScenarioExitsTwoWithOneLine(_ entry: (file: String, fragment: String)) throws {
        let result = try CLI.run(["run", "\(Self.folder)/scenarios/\(entry.file)", "--format", "json"])
        Self.expectOneHelpfulLine(result, entry.fragment)
        #expect(result.stderr.contains("Tests/BadInputs/scenarios/"))
    }

    @Test(arguments: tables.map { $0 })
    func badTableExitsTwoWithOneLine(_ entry: (file: String, fragment: String)) throws {
        let key = entry.file.hasPrefix("cohort-") ? "cohort.table" : "municipalities.table"
        let result = try CLI.run([
            "run", "\(Self.folder)/tables/_base.yaml", "--set", "\(key)=\(entry.file)", "--format", "json",
        ])
        Self.expectOneHelpfulLine(result, entry.fragment)
    }

    /// validate and export read the same way: the same line, also for `validate`.
    @Test func validateAndExportGiveTheSameLine() throws {
        let file = "\(Self.folder)/scenarios/duplicate-key.yaml"
        let run = try CLI.run(["run", file])
        let validate = try CLI.run(["validate", file])
        let export = try CLI.run(["export", file, "--format", "mps", "--out", CLI.temporaryFolder() + "/m.mps"])
        #expect(run.stderr == validate.stderr)
        #expect(run.stderr == export.stderr)
        #expect(export.status == 2)
    }

    @Test func missingFileFolderAndDeviceAreOneLineEach() throws {
        Self.expectOneHelpfulLine(
            try CLI.run(["run", "\(Self.folder)/no-such-file.yaml"]), "no-such-file.yaml: no such file; check the path")
        Self.expectOneHelpfulLine(try CLI.run(["run", Self.folder]), "BadInputs: is a folder, not a file")
        Self.expectOneHelpfulLine(try CLI.run(["validate", "/dev/zero"]), "/dev/zero: is a device, not a file")
    }

    @Test(.enabled(if: getuid() != 0, "root reads files whatever their permissions"))
    func unreadableFileIsOneLine() throws {
        let path = CLI.temporaryFolder() + "/locked.yaml"
        try "name: locked\n".write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0)
        Self.expectOneHelpfulLine(try CLI.run(["run", path]), "locked.yaml: cannot be read (Permission denied)")
    }

    @Test func fileAboveTheSizeLimitIsRefusedUnread() throws {
        // A sparse file: 600 MiB long, no disk used, refused before a byte is read.
        let path = CLI.temporaryFolder() + "/huge.yaml"
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 600 * 1_048_576)
        try handle.close()
        Self.expectOneHelpfulLine(try CLI.run(["run", path]), "huge.yaml: is 600 MiB, above the 512 MiB limit; split")
        try FileManager.default.removeItem(atPath: path)
    }

    /// Byte-order marks, Windows and old Mac line endings, blank lines, a trailing comma in JSON, quoted commas.
    @Test(arguments: [
        "bom.yaml", "crlf.yaml", "bom-crlf.yaml", "trailing-empty-lines.yaml", "no-final-newline.yaml",
        "old-mac-line-endings.yaml", "json-trailing-comma.json", "bom-crlf.json", "utf8-name.yaml", "tables.yaml",
    ])
    func awkwardFilesAreAccepted(_ file: String) throws {
        let result = try CLI.run(["run", "\(Self.folder)/accepted/\(file)", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((json["households"] as? Int ?? 0) > 0)
    }

    @Test func spreadsheetTablesReadTheirValues() throws {
        let result = try CLI.run(["run", "\(Self.folder)/accepted/tables.yaml", "--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["households"] as? Int == 3)
        #expect(json["persons"] as? Int == 5)
        let rows = try #require(json["municipalities"] as? [[String: Any]])
        #expect(rows.map { $0["name"] as? String } == ["Fjordby", "Havnvik, nord", "Sjøstrand"])
    }

    /// Too many persons for the places, or a household larger than any decision: the run reports them waiting.
    @Test func impossiblePlacementsAreOutcomesNotErrors() throws {
        let large = try CLI.run([
            "run", "\(Self.folder)/outcomes/household-larger-than-every-decision.yaml", "--format", "json",
        ])
        #expect(large.status == 0, "\(large.stderr)")
        let a = try #require(try JSONSerialization.jsonObject(with: Data(large.stdout.utf8)) as? [String: Any])
        #expect(
            a["household_outcomes"] as? [String: Int] == [
                "settled_by_imdi": 2, "self_settled": 0, "declined": 0, "waiting": 1, "no_settlement_asked": 0,
            ])
        #expect((a["outcomes"] as? [String: Int])?["waiting"] == 6)
        let why = try #require(a["waiting_reasons"] as? [String: [String: Int]])
        #expect(why["no_room_that_fits"] == ["households": 1, "persons": 6])
        #expect(why.values.reduce(0) { $0 + ($1["households"] ?? 0) } == 1)
        let text = try CLI.run(["run", "\(Self.folder)/outcomes/household-larger-than-every-decision.yaml"])
        #expect(text.stdout.contains("Why households are still waiting:"))
        #expect(text.stdout.contains("no municipality had room that fits"))

        let over = try CLI.run(["run", "\(Self.folder)/outcomes/over-demand.yaml", "--format", "json"])
        #expect(over.status == 0, "\(over.stderr)")
        let b = try #require(try JSONSerialization.jsonObject(with: Data(over.stdout.utf8)) as? [String: Any])
        let persons = try #require(b["outcomes"] as? [String: Int])
        #expect(persons["waiting"]! > 0)
        #expect(persons["settled_by_imdi"]! <= 20)
        #expect((b["capacity"] as? [String: Int])?["over_capacity_municipalities"] == 0)
        let reasons = try #require(b["waiting_reasons"] as? [String: [String: Int]])
        #expect(reasons.values.reduce(0) { $0 + ($1["persons"] ?? 0) } == persons["waiting"])
        #expect((reasons["others_matched"]?["households"] ?? 0) + (reasons["not_reached"]?["households"] ?? 0) > 0)
    }

    /// A `--set` value is YAML, so it passes the same alias guard as a file.
    @Test func aliasKeyInASetValueIsOneLine() throws {
        Self.expectOneHelpfulLine(
            try CLI.run(["run", "Scenarios/small.yaml", "--set", "cohort={&a x: 1, *a : 2}"]),
            "--set cohort:1: uses the alias *a as a key")
    }
}

/// Outputs are whole or absent: an interrupted run leaves no file, says so in one line and exits 128 + signal.
@Suite(.serialized) struct InterruptionCLITests {
    /// Waits (at most 10 s) until the process has installed its handler for `signal`: /proc's SigCgt mask.
    static func waitUntilCatching(_ pid: Int32, _ signal: Int32) {
        for _ in 0..<1000 {
            let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
            if let line = status.split(separator: "\n").first(where: { $0.hasPrefix("SigCgt:") }),
                let mask = UInt64(line.dropFirst(7).trimmingCharacters(in: .whitespaces), radix: 16),
                mask & (1 << UInt64(signal - 1)) != 0
            {
                return
            }
            Thread.sleep(forTimeInterval: 0.01)
        }
    }

    static func interrupt(_ signal: Int32, after seconds: Double) throws -> (CLI.Result, out: String) {
        let out = CLI.temporaryFolder() + "/reports"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        // A year of the default country with a large cohort: many seconds of work, stopped early.
        process.arguments = [
            "run", "Scenarios/default.yaml", "--set", "cohort.households=20000", "--out", out, "--format", "json",
        ]
        process.currentDirectoryURL = URL(fileURLWithPath: CLI.root)
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        Self.waitUntilCatching(process.processIdentifier, signal)
        Thread.sleep(forTimeInterval: seconds)
        kill(process.processIdentifier, signal)
        let outData = stdout.fileHandleForReading.readDataToEndOfFile()
        let errData = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            CLI.Result(
                status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                stderr: String(decoding: errData, as: UTF8.self)), out
        )
    }

    @Test func sigintLeavesNoPartialOutput() throws {
        let (result, out) = try Self.interrupt(SIGINT, after: 0.5)
        #expect(result.status == 130)
        #expect(result.stderr == "settle: interrupted by SIGINT; no output file was left half-written\n")
        #expect(result.stdout.isEmpty)
        // The folder --out created is removed again: no report, no temporary file.
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    /// `compare` writes through the same OutputWriter, so an interrupted comparison leaves nothing either.
    @Test func interruptedComparisonLeavesNoPartialFile() throws {
        let out = CLI.temporaryFolder() + "/comparison"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = ["compare", "Scenarios/compare-mechanisms.yaml", "--replications", "20", "--out", out]
        process.currentDirectoryURL = URL(fileURLWithPath: CLI.root)
        let stderr = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = stderr
        try process.run()
        Self.waitUntilCatching(process.processIdentifier, SIGINT)
        Thread.sleep(forTimeInterval: 0.5)
        kill(process.processIdentifier, SIGINT)
        let errData = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        #expect(
            String(decoding: errData, as: UTF8.self).hasSuffix(
                "settle: interrupted by SIGINT; no output file was left half-written\n"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func sigtermInAnExistingFolderLeavesItAsItWas() throws {
        let out = CLI.temporaryFolder()
        try "keep\n".write(toFile: out + "/other.txt", atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = ["run", "Scenarios/default.yaml", "--set", "cohort.households=20000", "--out", out]
        process.currentDirectoryURL = URL(fileURLWithPath: CLI.root)
        let stderr = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = stderr
        try process.run()
        Self.waitUntilCatching(process.processIdentifier, SIGTERM)
        Thread.sleep(forTimeInterval: 0.5)
        process.terminate()
        let errData = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 143)
        #expect(String(decoding: errData, as: UTF8.self).hasPrefix("settle: interrupted by SIGTERM;"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out) == ["other.txt"])
    }
}

/// Same seed, same bytes; another seed, other draws.
@Suite struct ReproducibilityCLITests {
    @Test func tablesScenarioIsIdenticalAcrossRunsAndSeedsDiffer() throws {
        let args = ["run", "Tests/BadInputs/outcomes/over-demand.yaml", "--format", "json"]
        let a = try CLI.run(args)
        let b = try CLI.run(args)
        let c = try CLI.run(args + ["--seed", "12345"])
        #expect(a.status == 0)
        #expect(a.stdout == b.stdout)
        #expect(a.stdout != c.stdout)
        #expect(c.stdout.contains("\"seed\": 12345,"))
    }

    /// Replications run on several threads with --jobs; the result must not depend on how many.
    @Test func comparisonIsIdenticalAcrossThreadCounts() throws {
        // Declines make the replications differ, so their order and pooling matter.
        let args = [
            "compare", "Tests/BadInputs/outcomes/over-demand.yaml", "--set", "decline.base_rate=0.3", "--replications",
            "4",
            "--format", "json",
        ]
        let one = try CLI.run(args + ["--jobs", "1"])
        let three = try CLI.run(args + ["--jobs", "3"])
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.stdout == three.stdout)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [String: Any])
        let metrics = try #require(json["metrics"] as? [[String: Any]])
        let declined = try #require(metrics.first { $0["key"] as? String == "declined" })
        let interval = try #require((declined["variants"] as? [[String: Any]])?.first)
        #expect((interval["ci_low"] as? Double ?? 0) < (interval["ci_high"] as? Double ?? 0))
    }

    @Test func outFilesAreByteIdenticalAcrossRuns() throws {
        let first = CLI.temporaryFolder()
        let second = CLI.temporaryFolder()
        #expect(try CLI.run(["run", "Scenarios/small.yaml", "--out", first, "--format", "json"]).status == 0)
        #expect(try CLI.run(["run", "Scenarios/small.yaml", "--out", second, "--format", "json"]).status == 0)
        for name in ["small.json", "small-municipalities.csv"] {
            let a = try Data(contentsOf: URL(fileURLWithPath: first + "/" + name))
            let b = try Data(contentsOf: URL(fileURLWithPath: second + "/" + name))
            #expect(a == b)
            #expect(!a.isEmpty)
        }
    }
}
