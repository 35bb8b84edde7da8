// SPDX-License-Identifier: GPL-3.0-or-later

import Foundation
import Testing

@testable import GLPK

/// Runs `body` with a fresh directory (path ending in "/") that is removed afterwards.
private func withScratchDirectory(_ body: (String) throws -> Void) throws {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("glpk-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try body(directory.path + "/")
}

private func small() -> LinearModel {
    var model = LinearModel(name: "small", sense: .maximize)
    let apples = model.addVariable(name: "apples", upper: 10, objective: 3)
    let pears = model.addVariable(name: "pears", kind: .integer, objective: 2)
    model.addConstraint(name: "budget", upper: 12, indices: [apples, pears], coefficients: [1, 2])
    model.addConstraint(name: "obj", lower: 1, indices: [pears], coefficients: [1])
    return model
}

@Test func mpsFileHasTheNames() throws {
    try withScratchDirectory { directory in
        let path = directory + "small.mps"
        try GLPKSolver.writeMPS(small(), to: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for name in ["NAME", "small", "apples", "pears", "budget", "MARKER"] {
            #expect(text.contains(name), "missing \(name)")
        }
        #expect(text.contains(" L budget\n"))
        #expect(text.contains(" G obj\n"))
        // GLPK 5.0 ignores the objective's name in MPS and always writes R0000000.
        #expect(text.contains(" N R0000000\n"))
    }
}

@Test func cplexLPFileHasTheNamesAndSense() throws {
    try withScratchDirectory { directory in
        let path = directory + "small.lp"
        try GLPKSolver.writeCPLEXLP(small(), to: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        // A constraint already called "obj" pushes the objective's name to "obj_1".
        for name in ["Maximize", " obj_1:", " budget:", " obj:", "apples", "pears", "Generals"] {
            #expect(text.contains(name), "missing \(name)")
        }
    }
}

@Test func writingToAMissingDirectoryFails() throws {
    let path = "/nonexistent-glpk-dir/model.mps"
    #expect(throws: GLPKError.writeFailed(path)) { try GLPKSolver.writeMPS(small(), to: path) }
    #expect(throws: GLPKError.writeFailed(path)) { try GLPKSolver.writeCPLEXLP(small(), to: path) }
    #expect(throws: GLPKError.writeFailed("")) { try GLPKSolver.writeMPS(small(), to: "") }
}

@Test func writingNeedsUniqueNames() throws {
    try withScratchDirectory { directory in
        var model = small()
        model.addVariable(name: "apples")
        let path = directory + "dup.mps"
        #expect(
            throws: GLPKError.invalidModel(
                "variables 0 and 2 are both named 'apples' in model files")
        ) { try GLPKSolver.writeMPS(model, to: path) }
        #expect(!FileManager.default.fileExists(atPath: path))
        // Solving does not care about names.
        let termination = try GLPKSolver.solve(model).termination
        #expect(termination == .optimal)
    }
}

@Test func writingRejectsNamesThatClashAsWritten() throws {
    try withScratchDirectory { directory in
        let path = directory + "clash.mps"
        // GLPK's MPS objective row is always R0000000.
        var objective = small()
        objective.addConstraint(name: "R0000000", upper: 1, indices: [0], coefficients: [1])
        #expect(
            throws: GLPKError.invalidModel(
                "constraint 2 and the objective are both named 'R0000000' in model files")
        ) { try GLPKSolver.writeMPS(objective, to: path) }

        // An unnamed third column is written as C0000003.
        var unnamed = small()
        unnamed.addVariable(name: "")
        unnamed.addVariable(name: "C0000003")
        #expect(
            throws: GLPKError.invalidModel(
                "variables 2 and 3 are both named 'C0000003' in model files")
        ) { try GLPKSolver.writeCPLEXLP(unnamed, to: path) }

        var dollar = small()
        dollar.addVariable(name: "$cost")
        #expect(
            throws: GLPKError.invalidModel(
                "variable 2 '$cost': a name starting with '$' is a comment in free MPS")
        ) { try GLPKSolver.writeMPS(dollar, to: path) }
        let termination = try GLPKSolver.solve(dollar).termination
        #expect(termination == .optimal)
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}

@Test func unnamedRowsAndColumnsGetGLPKNames() throws {
    try withScratchDirectory { directory in
        var model = LinearModel(name: "", sense: .minimize)
        let x = model.addVariable(name: "", objective: 1)
        model.addConstraint(name: "", lower: 1, indices: [x], coefficients: [1])
        let path = directory + "unnamed.mps"
        try GLPKSolver.writeMPS(model, to: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(" G R0000001\n"))
        #expect(text.contains(" C0000001 R0000000 1 R0000001 1\n"))
    }
}

@Test func writingValidatesTheModel() throws {
    try withScratchDirectory { directory in
        var model = small()
        model.addConstraint(name: "bad", upper: 1, indices: [0, 0], coefficients: [1, 1])
        #expect(throws: GLPKError.self) {
            try GLPKSolver.writeMPS(model, to: directory + "bad.mps")
        }
    }
}

private let glpsol = "/usr/bin/glpsol"

/// Runs glpsol and returns the objective value from its report ("Objective:  obj = 336 (MAXimum)").
private func glpsolObjective(_ arguments: [String], directory: String) throws -> Double? {
    let report = directory + "report.txt"
    let process = Process()
    process.executableURL = URL(fileURLWithPath: glpsol)
    process.arguments = arguments + ["-o", report]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return nil }
    let text = try String(contentsOfFile: report, encoding: .utf8)
    guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("Objective:") }),
        let equals = line.firstIndex(of: "=")
    else { return nil }
    let value = line[line.index(after: equals)...].split(separator: " ").first
    return value.flatMap { Double($0) }
}

@Test(
    .enabled(if: FileManager.default.isExecutableFile(atPath: glpsol), "needs /usr/bin/glpsol"),
    arguments: [(LinearModel.Sense.maximize, 336.0), (.minimize, 261.0)])
func glpsolSolvesTheWrittenGAPFiles(sense: LinearModel.Sense, optimum: Double) throws {
    try withScratchDirectory { directory in
        let model = GAPInstance.model(sense: sense)
        let mps = directory + "gap.mps"
        let lp = directory + "gap.lp"
        try GLPKSolver.writeMPS(model, to: mps)
        try GLPKSolver.writeCPLEXLP(model, to: lp)
        // MPS has no objective sense, so glpsol must be told.
        let senseFlag = sense == .maximize ? "--max" : "--min"
        #expect(
            try glpsolObjective(["--freemps", mps, senseFlag], directory: directory) == optimum)
        #expect(try glpsolObjective(["--lp", lp], directory: directory) == optimum)
        // Rounded integer bounds are written as 0, not -0.
        let text = try String(contentsOfFile: lp, encoding: .utf8)
        #expect(text.contains(" 0 <= x_1_1 <= 1\n"))
        #expect(!text.contains("-0"))
    }
}
