// SPDX-License-Identifier: GPL-3.0-or-later

import Foundation
import Testing

@Suite struct CompareCLITests {
    static let small = [
        "Scenarios/compare-offers.yaml", "--set", "cohort.households=250", "--set", "capacity.national_total=600",
        "--replications", "4",
    ]

    @Test func sameBytesWhateverTheJobs() throws {
        let one = try CLI.run(["compare"] + Self.small + ["--jobs", "1", "--format", "json"])
        let two = try CLI.run(["compare"] + Self.small + ["--jobs", "2", "--format", "json"])
        #expect(one.status == 0)
        #expect(one.stdout == two.stdout)
        let json = try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as! [String: Any]
        #expect((json["variants"] as? [String])?.count == 4)
        #expect((json["replications"] as? Int) == 4)
        let text = try CLI.run(["compare"] + Self.small + ["--jobs", "2"])
        #expect(text.stdout.contains("two offers"))
        #expect(text.stdout.contains("95 % interval"))
    }

    @Test func shardsRunAsSeparateProcessesMergeIntoTheSingleRun() throws {
        let folder = CLI.temporaryFolder()
        let single = try CLI.run(["compare"] + Self.small + ["--out", folder + "/single", "--format", "json"])
        #expect(single.status == 0)
        // Three shards in parallel processes.
        let shards = (1...3).map { k in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CLI.binary)
            process.arguments = ["compare"] + Self.small + ["--shard", "\(k)/3", "--out", folder + "/parts"]
            process.currentDirectoryURL = URL(fileURLWithPath: CLI.root)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            return process
        }
        for process in shards { try process.run() }
        for process in shards {
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
        let parts = try FileManager.default.contentsOfDirectory(atPath: folder + "/parts").sorted().map {
            folder + "/parts/" + $0
        }
        #expect(parts.count == 3)
        let merged = try CLI.run(["merge"] + parts + ["--out", folder + "/merged", "--format", "json"])
        #expect(merged.status == 0)
        #expect(merged.stdout == single.stdout)
        for name in [
            "compare-offers-comparison.json", "compare-offers-comparison.csv", "compare-offers-comparison.html",
        ] {
            let a = try String(contentsOfFile: folder + "/single/" + name, encoding: .utf8)
            let b = try String(contentsOfFile: folder + "/merged/" + name, encoding: .utf8)
            #expect(a == b, "\(name) differs")
        }
        let missing = try CLI.run(["merge", parts[0], parts[2]])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("shard 2 of 3 missing"))
    }

    @Test func htmlReportIsSelfContainedWithCharts() throws {
        let folder = CLI.temporaryFolder()
        let result = try CLI.run(["compare"] + Self.small + ["--out", folder])
        #expect(result.status == 0)
        let html = try String(contentsOfFile: folder + "/compare-offers-comparison.html", encoding: .utf8)
        #expect(html.contains("<svg"))
        #expect(html.components(separatedBy: "<svg").count - 1 >= 7)  // four maps, waits, counties, differences
        #expect(!html.contains("<script"))
        #expect(!html.contains("http://") && !html.contains("https://"))
        #expect(html.contains("Differences from one offer (today)"))
    }

    @Test func badVariantsGiveOneLine() throws {
        let folder = CLI.temporaryFolder()
        try "name: x\nvariants:\n  - name: a\n    set: {policy.mechanism: optimall}\n".write(
            toFile: folder + "/v.yaml", atomically: true, encoding: .utf8)
        let typo = try CLI.run(["compare", "v.yaml"], in: folder)
        #expect(typo.status == 2)
        #expect(
            typo.stderr.hasPrefix(
                "settle: v.yaml:4: policy.mechanism: unknown value 'optimall'; did you mean 'optimal'?"))
        try "name: x\nvariants:\n  - name: a\n  - name: a\n".write(
            toFile: folder + "/d.yaml", atomically: true, encoding: .utf8)
        let duplicate = try CLI.run(["compare", "d.yaml"], in: folder)
        #expect(duplicate.status == 2)
        #expect(duplicate.stderr.contains("used twice"))
        let shard = try CLI.run(["compare", "d.yaml", "--shard", "4/3", "--out", folder])
        #expect(shard.status == 2)
    }
}
