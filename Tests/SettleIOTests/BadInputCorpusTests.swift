// SPDX-License-Identifier: GPL-3.0-or-later

import Foundation
import SettleCore
import Testing

@testable import SettleIO

/// The library side of issue 6: every corpus file fails with an `InputError` (never a trap), files are
/// read with a size bound, and outputs are written whole.
@Suite struct BadInputCorpusTests {
    static let corpus = Paths.root + "/Tests/BadInputs"

    static var scenarioFiles: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corpus + "/scenarios")) ?? []).sorted()
    }

    /// In process, every bad scenario is an InputError with a file; the CLI tests check the exact lines.
    @Test(arguments: scenarioFiles)
    func badScenarioIsAnInputError(_ name: String) {
        let path = Self.corpus + "/scenarios/" + name
        do {
            _ = try ScenarioLoader.load(.file(path))
            Issue.record("\(name) was accepted")
        } catch {
            #expect(!error.file.isEmpty)
            #expect(!error.description.contains("\n"))
        }
    }

    @Test func aPipeIsReadAndADeviceIsRefused() throws {
        let folder = Paths.temporaryFolder()
        let fifo = folder + "/scenario.fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        let writer = Thread {
            if let handle = FileHandle(forWritingAtPath: fifo) {
                handle.write(Data("name: piped\n".utf8))
                try? handle.close()
            }
        }
        writer.start()
        #expect(try TextFile.read(fifo) == "name: piped\n")
        #expect(throws: InputError(file: "/dev/zero", message: "is a device, not a file; name a text file")) {
            try TextFile.read("/dev/zero")
        }
    }

    @Test func writeAllWritesEveryFileOrNone() throws {
        let folder = Paths.temporaryFolder()
        let a = folder + "/a.json"
        let missing = folder + "/no-such-folder/b.csv"
        #expect(throws: InputError.self) {
            try OutputWriter.writeAll([(a, "{}\n"), (missing, "x\n")], force: false)
        }
        // The first file was not renamed into place and no temporary file is left.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == [])

        try OutputWriter.writeAll([(a, "{}\n"), (folder + "/b.csv", "x\n")], force: false)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["a.json", "b.csv"])
        #expect(
            throws: InputError(
                file: a, message: "already exists; pass --force to overwrite it or choose another --out")
        ) {
            try OutputWriter.writeAll([(a, "new\n")], force: false)
        }
        try OutputWriter.writeAll([(a, "new\n")], force: true)
        #expect(try String(contentsOfFile: a, encoding: .utf8) == "new\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["a.json", "b.csv"])
    }

    @Test func aFailingProducerLeavesNothing() throws {
        struct Failed: Error {}
        let folder = Paths.temporaryFolder()
        let path = folder + "/model.mps"
        #expect(throws: InputError.self) {
            try OutputWriter.write(to: path, force: false) { temporary in
                try "half".write(toFile: temporary, atomically: false, encoding: .utf8)
                throw Failed()
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == [])
        try OutputWriter.write(to: path, force: false) {
            try "whole".write(toFile: $0, atomically: false, encoding: .utf8)
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "whole")
    }

    @Test func sizeLimitIsCheckedBeforeResolving() throws {
        let text = "municipalities: {synthetic: {count: 5000}}\ncohort: {households: 50000}\n"
        #expect(throws: InputError.self) { try ScenarioDecoder.decode(text, file: "big.yaml") }
        // Just under the limit decodes (nothing is drawn yet).
        _ = try ScenarioDecoder.decode(
            "municipalities: {synthetic: {count: 5000}}\ncohort: {households: 40000}\n", file: "ok.yaml")
        let overrides = [
            try Override(parsing: "municipalities.synthetic.count=5000"),
            try Override(parsing: "cohort.households=900000"),
        ]
        let error = #expect(throws: InputError.self) {
            try ScenarioDecoder.decode("cohort: {households: 3000}\n", file: "s.yaml", overrides: overrides)
        }
        #expect(error?.file == "--set cohort.households")
        #expect(
            error?.message.contains("900000 households × 5000 municipalities is above the limit of 200000000 pairs")
                == true)
    }
}
