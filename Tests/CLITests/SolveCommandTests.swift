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
}
