// SPDX-License-Identifier: GPL-3.0-or-later

import Foundation
import Testing

/// One-character paths (`settle run a`, `--out a`) once trapped in Foundation's
/// `deletingLastPathComponent`: each reading and writing site, as a user reaches it.
@Suite struct ShortPathCLITests {
    static let comparison = """
        name: c
        seed: 3
        municipalities: {synthetic: {count: 6, counties: 2}}
        cohort: {households: 40}
        variants:
          - name: one offer
            set: {policy.offers: 1}
          - name: two offers
            set: {policy.offers: 2}

        """

    func folder(with files: [String: String]) throws -> String {
        let folder = CLI.temporaryFolder()
        for (name, text) in files { try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8) }
        return folder
    }

    @Test func runAndValidateReadAOneCharacterScenario() throws {
        let small = try String(contentsOfFile: CLI.root + "/Scenarios/small.yaml", encoding: .utf8)
        let folder = try folder(with: ["a": small, "b": "seed: 1\nseed: 2\n"])
        let run = try CLI.run(["run", "a", "--format", "json"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("\"scenario\": \"small\""))
        #expect(try CLI.run(["validate", "a"], in: folder).status == 0)
        BadInputCLITests.expectOneHelpfulLine(
            try CLI.run(["validate", "b"], in: folder), "b:1: seed: the key appears twice")
    }

    @Test func compareReadsAOneCharacterComparison() throws {
        let folder = try folder(with: [
            "c": Self.comparison,
            "d": Self.comparison.replacingOccurrences(of: "policy.offers: 2", with: "policy.ofers: 2"),
        ])
        let compare = try CLI.run(["compare", "c", "--replications", "1", "--format", "json"], in: folder)
        #expect(compare.status == 0, "\(compare.stderr)")
        BadInputCLITests.expectOneHelpfulLine(
            try CLI.run(["compare", "d", "--replications", "1"], in: folder), "policy.ofers")
    }

    @Test func exportWritesAOneCharacterOut() throws {
        let folder = CLI.temporaryFolder()
        let scenario = CLI.root + "/Scenarios/small.yaml"
        for format in ["lp", "mps"] {
            let name = format == "lp" ? "a" : "m"
            let export = try CLI.run(["export", scenario, "--format", format, "--out", name], in: folder)
            #expect(export.status == 0, "\(export.stderr)")
            #expect(FileManager.default.fileExists(atPath: folder + "/" + name))
        }
        let instance = try CLI.run(["export", scenario, "--format", "instance", "--out", "i"], in: folder)
        #expect(instance.status == 0, "\(instance.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder + "/i/scores.csv"))
        BadInputCLITests.expectOneHelpfulLine(
            try CLI.run(["export", scenario, "--format", "lp", "--out", "a"], in: folder), "a: already exists")
    }
}
