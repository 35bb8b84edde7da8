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
        #expect(
            missing.stderr
                == "settle: merge: replication 1 of 0-3 missing (shard 2 of 3); rerun compare --shard 2/3 as the others ran and pass its file too\n"
        )
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

    /// compare-mechanisms on a small year: one "share of hindsight" row per mechanism, at most 100 %,
    /// in the terminal table, the JSON and the HTML chart.
    @Test func shareOfHindsightRowPerMechanism() throws {
        let folder = CLI.temporaryFolder()
        let arguments = [
            "compare", "Scenarios/compare-mechanisms.yaml", "--set", "cohort.households=300", "--set",
            "capacity.scale=0.03", "--replications", "2",
        ]
        let text = try CLI.run(arguments + ["--out", folder])
        #expect(text.status == 0)
        let lines = text.stdout.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex { $0.hasPrefix("Share of hindsight (accepted)") })
        let mechanisms = ["status-quo", "optimal", "balanced", "dynamic-dual-price", "proportional", "random"]
        for (i, name) in mechanisms.enumerated() {
            let line = lines[start + i]
            let columns = line.split(separator: " ", omittingEmptySubsequences: true)
            #expect(columns.contains { $0 == name }, "\(line)")
            let mean = try #require(line.firstMatch(of: /(\d+\.\d) %/), "\(line)")
            let share = try #require(Double(mean.1))
            #expect(share > 0 && share <= 100, "\(line)")
        }
        #expect(lines.contains { $0.hasPrefix("Share of hindsight (offers)") })
        #expect(lines.contains { $0.hasPrefix("Hindsight gap") })
        let html = try String(contentsOfFile: folder + "/compare-mechanisms-comparison.html", encoding: .utf8)
        #expect(html.contains("aria-label=\"share of hindsight per mechanism\""))
        let json = try CLI.run(arguments + ["--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        let metrics = try #require(object["metrics"] as? [[String: Any]])
        let row = try #require(metrics.first { $0["key"] as? String == "share_of_hindsight" })
        let variants = try #require(row["variants"] as? [[String: Any]])
        #expect(variants.map { $0["variant"] as? String } == mechanisms)
        for variant in variants {
            let mean = try #require(variant["mean"] as? Double)
            #expect(mean > 0 && mean <= 1, "\(variant)")
        }
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

    /// Runs shard k/n of `arguments` into `folder`; returns the partial result's path.
    static func shard(_ arguments: [String], _ k: Int, of n: Int, into folder: String, in cwd: String? = nil) throws
        -> String
    {
        let result = try CLI.run(["compare"] + arguments + ["--shard", "\(k)/\(n)", "--out", folder], in: cwd)
        #expect(result.status == 0, "\(result.stderr)")
        let name = try #require(result.stderr.split(separator: " ").last).trimmingCharacters(in: .newlines)
        return name.hasPrefix("/") || cwd == nil ? name : cwd! + "/" + name
    }

    @Test func mergeRefusesAShardRunWithAnotherSet() throws {
        let folder = CLI.temporaryFolder()
        let one = try Self.shard(Self.small, 1, of: 3, into: folder + "/a")
        let two = try Self.shard(Self.small, 2, of: 3, into: folder + "/a")
        let three = try Self.shard(Self.small + ["--set", "cohort.households=260"], 3, of: 3, into: folder + "/b")
        let merged = try CLI.run(["merge", one, two, three])
        #expect(merged.status == 2)
        #expect(merged.stdout.isEmpty)
        let lines = merged.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        let line = String(try #require(lines.first))
        #expect(
            line.hasPrefix(
                "settle: \(three): ran another experiment than \(one): the resolved scenario's cohort differs "))
        let sets = "--set cohort.households=250 --set capacity.national_total=600"
        #expect(
            line.hasSuffix(
                "\(sets) in \(one), \(sets) --set cohort.households=260 in \(three)); rerun this shard as the others ran"
            ))
        // The same shard rerun as the others ran merges.
        let rerun = try Self.shard(Self.small, 3, of: 3, into: folder + "/c")
        #expect(try CLI.run(["merge", one, two, rerun]).status == 0)
    }

    @Test func mergeRefusesAnEditedTableAndAnotherVersion() throws {
        let folder = CLI.temporaryFolder()
        let tables = folder + "/tables"
        try FileManager.default.createDirectory(atPath: tables, withIntermediateDirectories: true)
        for name in ["from-tables.yaml", "tables/municipalities-west.csv", "tables/cohort-west.csv"] {
            try FileManager.default.copyItem(atPath: CLI.root + "/Scenarios/" + name, toPath: folder + "/" + name)
        }
        let arguments = ["from-tables.yaml", "--replications", "2"]
        let one = try Self.shard(arguments, 1, of: 2, into: "a", in: folder)
        let csv = folder + "/tables/municipalities-west.csv"
        let table = try String(contentsOfFile: csv, encoding: .utf8)
        try table.replacingOccurrences(of: "5.32,180,yes", with: "5.32,181,yes").write(
            toFile: csv, atomically: true, encoding: .utf8)
        let two = try Self.shard(arguments, 2, of: 2, into: "b", in: folder)
        let edited = try CLI.run(["merge", one, two])
        #expect(edited.status == 2)
        #expect(edited.stderr.split(separator: "\n").count == 1)
        #expect(
            edited.stderr.contains(
                "\(two): ran another experiment than \(one): the resolved scenario's municipalities differs "))
        // A part written by another settle: only the version in its fingerprint differs.
        try table.write(toFile: csv, atomically: true, encoding: .utf8)
        let again = try Self.shard(arguments, 2, of: 2, into: "c", in: folder)
        #expect(try CLI.run(["merge", one, again]).status == 0)
        let text = try String(contentsOfFile: again, encoding: .utf8)
        let other = folder + "/other.json"
        try text.replacingOccurrences(of: "\"settle\": \"", with: "\"settle\": \"9.").write(
            toFile: other, atomically: true, encoding: .utf8)
        let version = try CLI.run(["merge", one, other])
        #expect(version.status == 2)
        #expect(version.stderr.contains("\(other): ran another experiment than \(one): settle's version differs ("))
    }
}
