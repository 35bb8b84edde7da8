// SPDX-License-Identifier: GPL-3.0-or-later

import Foundation
import Testing

/// Runs the real `settle` binary, as a user would.
struct CLI {
    static let binary: String = {
        let exe =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent("settle").path
    }()

    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], in folder: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder ?? root)
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// One parent for this test process's scratch folders, removed when the process exits.
    private static let scratch: String = {
        let path = NSTemporaryDirectory() + "settle-cli-\(ProcessInfo.processInfo.processIdentifier)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: CLI.scratch) }
        return path
    }()

    static func temporaryFolder() -> String {
        let path = scratch + "/" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

@Suite struct CLITests {
    @Test func noArgumentsRunsTheDefaultScenarioFromAnyFolder() throws {
        let result = try CLI.run([], in: CLI.temporaryFolder())
        #expect(result.status == 0)
        #expect(result.stdout.contains("settle · scenario \"default\" · seed 2024"))
        #expect(result.stdout.contains("3,000 households"))
        #expect(result.stdout.contains(", optimal: "))
        #expect(result.stderr.isEmpty)
    }

    @Test func misspeltKeyExitsTwoWithOneHelpfulLine() throws {
        let folder = CLI.temporaryFolder()
        try "name: x\ncohort:\n  housholds: 5\n".write(toFile: folder + "/bad.yaml", atomically: true, encoding: .utf8)
        let result = try CLI.run(["validate", "bad.yaml"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(
            result.stderr.hasPrefix("settle: bad.yaml:3: cohort.housholds: unknown key; did you mean 'households'?"))
    }

    @Test func validateReportsEachFile() throws {
        let ok = try CLI.run(["validate", "Scenarios/small.yaml", "Scenarios/from-tables.yaml"])
        #expect(ok.status == 0)
        #expect(ok.stdout.contains("Scenarios/small.yaml: ok (12 municipalities, 80 households"))
        let missing = try CLI.run(["validate", "Scenarios/small.yaml", "nope.yaml", "nope2.json"])
        #expect(missing.status == 2)
        #expect(missing.stderr.split(separator: "\n").count == 2)
    }

    @Test func badArgumentsExitTwoAndHelpExitsZero() throws {
        let bad = try CLI.run(["run", "--bogus"])
        #expect(bad.status == 2)
        #expect(bad.stderr.split(separator: "\n").count == 1)
        for args in [["--help"], ["run", "--help"], ["validate", "--help"], ["export", "--help"]] {
            let help = try CLI.run(args)
            #expect(help.status == 0)
            #expect(help.stdout.contains("USAGE"))
        }
        let set = try CLI.run(["run", "Scenarios/small.yaml", "--set", "decline.base_rate=2"])
        #expect(set.status == 2)
        #expect(set.stderr.contains("--set decline.base_rate"))
    }

    @Test func jsonIsIdenticalAcrossRunsAndSeedChangesIt() throws {
        let a = try CLI.run(["run", "Scenarios/small.yaml", "--format", "json"])
        let b = try CLI.run(["run", "Scenarios/small.yaml", "--format", "json"])
        let c = try CLI.run(["run", "Scenarios/small.yaml", "--format", "json", "--seed", "99"])
        #expect(a.status == 0)
        #expect(a.stdout == b.stdout)
        #expect(a.stdout != c.stdout)
        #expect(c.stdout.contains("\"seed\": 99,"))
    }

    @Test func textShowsSecondsOnlyWithTimings() throws {
        let plain = try CLI.run(["run", "Scenarios/small.yaml"])
        let timed = try CLI.run(["run", "Scenarios/small.yaml", "--timings"])
        let matching = { (text: String) in text.split(separator: "\n").first { $0.hasPrefix("Matching") } ?? "" }
        #expect(matching(plain.stdout).hasSuffix("households in batches"))
        #expect(matching(timed.stdout).hasSuffix(" s"))
    }

    @Test func outWritesJSONAndCSVAndRefusesToOverwrite() throws {
        let folder = CLI.temporaryFolder() + "/reports"
        let first = try CLI.run(["run", "Scenarios/small.yaml", "--out", folder])
        #expect(first.status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(files == ["small-municipalities.csv", "small.json"])
        let again = try CLI.run(["run", "Scenarios/small.yaml", "--out", folder])
        #expect(again.status == 2)
        #expect(again.stderr.contains("--force"))
        #expect(try CLI.run(["run", "Scenarios/small.yaml", "--out", folder, "--force"]).status == 0)
    }

    /// The README's "Checking the optimiser with another solver" lines, run as written (in a scratch
    /// folder): glpsol's optimum of the exported model is the objective `solve` reports.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/glpsol"), "needs glpsol (glpk-utils)"))
    func readmeOptimiserCheckRunsAsWritten() throws {
        let readme = try String(contentsOfFile: CLI.root + "/README.md", encoding: .utf8)
        let section = try #require(
            readme.components(separatedBy: "### Checking the optimiser with another solver").last)
        let block = try #require(
            section.components(separatedBy: "```sh\n").dropFirst().first?.components(separatedBy: "```").first)
        let commands = block.split(separator: "\n").map { line in
            (line.components(separatedBy: "#").first ?? "").split(separator: " ").map(String.init)
        }
        #expect(commands.map { $0.first } == ["settle", "glpsol", "settle"])
        let folder = CLI.temporaryFolder()
        let local = { (words: [String]) in words.map { $0.hasPrefix("Scenarios/") ? CLI.root + "/" + $0 : $0 } }
        #expect(try CLI.run(Array(local(commands[0]).dropFirst()), in: folder).status == 0)

        let glpsol = Process()
        glpsol.executableURL = URL(fileURLWithPath: "/usr/bin/glpsol")
        glpsol.arguments = Array(commands[1].dropFirst())
        glpsol.currentDirectoryURL = URL(fileURLWithPath: folder)
        glpsol.standardOutput = FileHandle.nullDevice
        try glpsol.run()
        glpsol.waitUntilExit()
        #expect(glpsol.terminationStatus == 0)
        let output = try #require(commands[1].firstIndex(of: "-o").map { commands[1][$0 + 1] })
        let solution = try String(contentsOfFile: folder + "/" + output, encoding: .utf8)
        let line = try #require(solution.split(separator: "\n").first { $0.hasPrefix("Objective:") })
        let optimum = try #require(Double(line.split(separator: "=")[1].split(separator: " ")[0]))

        let solve = try CLI.run(Array(local(commands[2]).dropFirst()), in: folder)
        #expect(solve.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(solve.stdout.utf8)) as? [String: Any])
        let objective = try #require(json["objective"] as? Double)
        #expect(abs(optimum - objective) < 5e-4, "glpsol \(optimum), settle solve \(objective)")
    }
}
