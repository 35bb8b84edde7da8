// SPDX-License-Identifier: GPL-3.0-or-later

import Foundation
import Testing

@Suite struct SolveCommandTests {
    @Test func solvePrintsTheCertifiedBatchAndWritesTheAssignment() throws {
        let folder = CLI.temporaryFolder()
        let out = folder + "/assignment.csv"
        let result = try CLI.run(["solve", "Scenarios/small.yaml", "--out", out])
        #expect(result.status == 0)
        for field in ["households", "municipalities", "objective", "bound", "gap", "seconds", "repaired"] {
            #expect(result.stdout.contains("\n\(field) "))
        }
        let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
        #expect(lines[0] == "household,municipality")
        #expect(lines.count > 10)
        let again = try CLI.run(["solve", "Scenarios/small.yaml", "--out", out])
        #expect(again.status == 2)
        #expect(again.stderr.contains("already exists"))
        let missing = try CLI.run(["solve", "no-such.yaml"])
        #expect(missing.status == 2)
    }

    /// `--format json` has the figures the text shows, under the keys the README lists.
    @Test func solveFormatJSONHasTheFiguresOfTheText() throws {
        let text = try CLI.run(["solve", "Scenarios/small.yaml"])
        let result = try CLI.run(["solve", "Scenarios/small.yaml", "--format", "json"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let readme = try String(contentsOfFile: CLI.root + "/README.md", encoding: .utf8)
        let documented = try #require(
            readme.components(separatedBy: "`--format json` prints the same figures").last?
                .components(separatedBy: "\n\n").first)
        for key in json.keys { #expect(documented.contains("`\(key)`"), "README does not list \(key)") }
        func line(_ field: String) -> [Substring] {
            let found = text.stdout.split(separator: "\n").first { $0.hasPrefix(field + " ") } ?? ""
            return found.split(separator: " ").dropFirst().map { $0 }
        }
        #expect(json["scenario"] as? String == "small")
        #expect(json["households"] as? Int == Int(line("households")[0]))
        #expect(json["municipalities"] as? Int == Int(line("municipalities")[0].dropLast()))
        #expect(json["method"] as? String == String(line("method")[0].dropLast()))
        #expect(json["termination"] as? String == String(line("method")[1]))
        for key in ["objective", "bound"] {
            let value = try #require(json[key] as? Double)
            #expect(String(format: "%.3f", value) == String(line(key)[0]))
        }
        #expect(String(format: "%.4f", try #require(json["gap"] as? Double) * 100) == String(line("gap")[0]))
        #expect(json["placed"] as? Int == Int(line("placed")[0]))
        #expect(json["repaired_households"] as? Int == Int(line("repaired")[0]))
        #expect(json["split_households"] as? Int == Int(line("split")[0]))
        #expect(json["seconds"] is Double || json["seconds"] is Int)
    }

    @Test func exportInstanceWritesThreeCSVFiles() throws {
        let folder = CLI.temporaryFolder() + "/instance"
        let result = try CLI.run(["export", "Scenarios/small.yaml", "--format", "instance", "--out", folder])
        #expect(result.status == 0)
        for name in ["households.csv", "municipalities.csv", "scores.csv"] {
            #expect(FileManager.default.fileExists(atPath: folder + "/" + name))
        }
        let header = try String(contentsOfFile: folder + "/households.csv", encoding: .utf8).prefix(15)
        #expect(header == "household,size,")
    }

    /// `--day` picks a later round as the year reaches it; `solve` and `export` see the same batch.
    @Test func dayPicksTheFirstRoundOnOrAfterIt() throws {
        let result = try CLI.run(["solve", "Scenarios/norway-2023.yaml", "--day", "100"])
        #expect(result.status == 0)
        let first = result.stdout.split(separator: "\n").first.map(String.init) ?? ""
        let day = Int(first.split(separator: " ").last ?? "") ?? -1
        #expect(first.contains("· round of day "))
        #expect((100..<107).contains(day))
        let households = result.stdout.split(separator: "\n").first { $0.hasPrefix("households") }
        let count = households?.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first
        let folder = CLI.temporaryFolder() + "/round"
        let export = try CLI.run([
            "export", "Scenarios/norway-2023.yaml", "--day", "100", "--format", "instance", "--out", folder,
        ])
        #expect(export.status == 0)
        #expect(export.stdout.contains(": \(count ?? "?") households,"))
        // Without --day: the first round with anyone waiting, labelled with its own day (permits
        // need 14 days of processing here, so no one waits on day 0).
        let firstRound = try CLI.run(["solve", "Scenarios/norway-2023.yaml"])
        #expect(firstRound.stdout.hasPrefix("settle solve · scenario \"norway-2023\" · seed 2023 · round of day 14\n"))
        for bad in [["--day", "900"], ["--day=-1"]] {
            let refused = try CLI.run(["solve", "Scenarios/norway-2023.yaml"] + bad)
            #expect(refused.status == 2)
            #expect(refused.stderr.split(separator: "\n").count == 1)
            #expect(refused.stderr.contains("--day"))
        }
    }
}
