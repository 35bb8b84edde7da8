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

    static func temporaryFolder() -> String {
        let path = NSTemporaryDirectory() + "settle-cli-" + UUID().uuidString
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

    /// The exported model, solved by another MIP solver (glpsol), gives the objective settle reports.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/glpsol"), "needs glpsol (glpk-utils)"))
    func exportedMPSSolvedElsewhereGivesTheReportedObjective() throws {
        let folder = CLI.temporaryFolder()
        let mps = folder + "/small.mps"
        let export = try CLI.run(["export", "Scenarios/small.yaml", "--format", "mps", "--out", mps])
        #expect(export.status == 0)
        let lp = try CLI.run(["export", "Scenarios/small.yaml", "--format", "lp", "--out", folder + "/small.lp"])
        #expect(lp.status == 0)
        // `solve` reports the batch that `export` writes: the first round's.
        let report = try CLI.run(["solve", "Scenarios/small.yaml"])
        let objectiveLine = try #require(report.stdout.split(separator: "\n").first { $0.hasPrefix("objective") })
        let reported = try #require(Double(objectiveLine.split(separator: " ").last ?? ""))

        let glpsol = Process()
        glpsol.executableURL = URL(fileURLWithPath: "/usr/bin/glpsol")
        glpsol.arguments = ["--freemps", mps, "--max", "-o", folder + "/small.sol"]
        glpsol.standardOutput = FileHandle.nullDevice
        try glpsol.run()
        glpsol.waitUntilExit()
        let solution = try String(contentsOfFile: folder + "/small.sol", encoding: .utf8)
        let line = try #require(solution.split(separator: "\n").first { $0.hasPrefix("Objective:") })
        let value = try #require(Double(line.split(separator: "=")[1].split(separator: " ")[0]))
        #expect(abs(value - reported) < 5e-4)
    }
}
