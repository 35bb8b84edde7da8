// SPDX-License-Identifier: GPL-3.0-or-later

import Testing

@testable import GLPK

/// Two variables that the cases below spoil one way each.
private func base() -> LinearModel {
    var model = LinearModel(name: "base", sense: .minimize)
    model.addVariable(name: "x", objective: 1)
    model.addVariable(name: "y", objective: 1)
    return model
}

/// The `.invalidModel` message of `solve`, after checking that `solveRelaxation`
/// and (for model errors) both writers throw the same error before touching GLPK.
private func invalidModelMessage(
    _ model: LinearModel, options: SolveOptions? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
) -> String? {
    let error = #expect(throws: GLPKError.self, sourceLocation: sourceLocation) {
        try GLPKSolver.solve(model, options: options ?? .init())
    }
    let relaxationError = #expect(throws: GLPKError.self, sourceLocation: sourceLocation) {
        try GLPKSolver.solveRelaxation(model, options: options ?? .init())
    }
    #expect(relaxationError == error, sourceLocation: sourceLocation)
    if options == nil {
        // A missing directory would give .writeFailed if validation were skipped.
        let path = "/nonexistent-glpk-dir/model"
        let mpsError = #expect(throws: GLPKError.self, sourceLocation: sourceLocation) {
            try GLPKSolver.writeMPS(model, to: path)
        }
        let lpError = #expect(throws: GLPKError.self, sourceLocation: sourceLocation) {
            try GLPKSolver.writeCPLEXLP(model, to: path)
        }
        #expect(mpsError == error && lpError == error, sourceLocation: sourceLocation)
    }
    guard case .invalidModel(let message)? = error else { return nil }
    return message
}

@Test func nanCoefficientIsRejected() {
    var model = base()
    model.addConstraint(name: "row", lower: 1, indices: [0, 1], coefficients: [1, .nan])
    let message = invalidModelMessage(model)
    #expect(message?.contains("constraint 0 'row'") == true)
    #expect(message?.contains("not finite") == true)
}

@Test func infiniteCoefficientIsRejected() {
    var model = base()
    model.addConstraint(name: "row", lower: 1, indices: [0], coefficients: [-.infinity])
    #expect(invalidModelMessage(model)?.contains("'row'") == true)
}

@Test func duplicateIndexIsRejected() {
    var model = base()
    model.addConstraint(name: "twice", upper: 3, indices: [1, 0, 1], coefficients: [1, 2, 3])
    let message = invalidModelMessage(model)
    #expect(message == "constraint 0 'twice': variable 1 appears more than once")
}

@Test func sameIndexInDifferentConstraintsIsFine() throws {
    var model = base()
    model.addConstraint(name: "a", lower: 1, indices: [0, 1], coefficients: [1, 1])
    model.addConstraint(name: "b", lower: 2, indices: [1, 0], coefficients: [1, 1])
    #expect(try GLPKSolver.solve(model).objective == 2)
}

@Test func lowerAboveUpperIsRejected() {
    var model = base()
    model.addVariable(name: "z", lower: 2, upper: 1)
    #expect(invalidModelMessage(model) == "variable 2 'z': lower bound 2.0 exceeds upper bound 1.0")

    var rows = base()
    rows.addConstraint(name: "r", lower: 5, upper: 4, indices: [0], coefficients: [1])
    #expect(invalidModelMessage(rows)?.hasPrefix("constraint 0 'r': lower bound") == true)
}

@Test func binaryWithLowerAboveOneIsRejected() {
    var model = base()
    model.addVariable(name: "b", lower: 2, kind: .binary)
    #expect(invalidModelMessage(model)?.contains("'b'") == true)
}

@Test(arguments: [-1, 2, Int.max])
func outOfRangeIndexIsRejected(index: Int) {
    var model = base()
    model.addConstraint(name: "far", upper: 1, indices: [index], coefficients: [1])
    #expect(
        invalidModelMessage(model) == "constraint 0 'far': variable index \(index) is outside 0..<2"
    )
}

@Test func countMismatchIsRejected() {
    var model = base()
    model.addConstraint(name: "short", upper: 1, indices: [0, 1], coefficients: [1])
    #expect(invalidModelMessage(model) == "constraint 0 'short': 2 indices but 1 coefficients")
}

@Test func nonFiniteObjectiveAndBoundsAreRejected() {
    var objective = base()
    objective.addVariable(name: "bad", objective: .nan)
    #expect(invalidModelMessage(objective)?.contains("variable 2 'bad'") == true)

    var constant = base()
    constant.objectiveConstant = .infinity
    #expect(invalidModelMessage(constant)?.contains("objective constant") == true)

    var bound = base()
    bound.addVariable(name: "inf", lower: nil, upper: .infinity)
    #expect(invalidModelMessage(bound)?.contains("use nil") == true)

    var rowBound = base()
    rowBound.addConstraint(name: "r", lower: .nan, indices: [0], coefficients: [1])
    #expect(invalidModelMessage(rowBound)?.contains("'r'") == true)
}

@Test(arguments: [
    "has space", "tab\there", "new\nline", "nul\u{0}byte", String(repeating: "n", count: 256),
])
func badNamesAreRejected(name: String) {
    var variable = base()
    variable.addVariable(name: name)
    #expect(invalidModelMessage(variable)?.hasPrefix("variable 2") == true)

    var constraint = base()
    constraint.addConstraint(name: name, upper: 1, indices: [0], coefficients: [1])
    #expect(invalidModelMessage(constraint)?.hasPrefix("constraint 0") == true)

    var model = base()
    model.name = name
    #expect(invalidModelMessage(model)?.hasPrefix("model name") == true)
}

@Test func longestAndUnicodeNamesAreAccepted() throws {
    var model = base()
    model.addVariable(name: String(repeating: "n", count: 255))
    model.addVariable(name: "kommune_Bodø")
    model.addVariable(name: "")
    #expect(try GLPKSolver.solve(model).termination == .optimal)
}

@Test func invalidOptionsAreRejected() {
    let model = base()
    #expect(
        invalidModelMessage(model, options: .init(timeLimitSeconds: -1))?.contains(
            "timeLimitSeconds") == true)
    #expect(invalidModelMessage(model, options: .init(timeLimitSeconds: .nan)) != nil)
    #expect(
        invalidModelMessage(model, options: .init(relativeGap: -0.1))?.contains("relativeGap")
            == true)
    #expect(invalidModelMessage(model, options: .init(relativeGap: .infinity)) != nil)
}

@Test func hugeTimeLimitIsCapped() throws {
    let settings = try SolveOptions(timeLimitSeconds: 1e12).validated()
    #expect(settings.timeLimit == Int32.max)
    #expect(try SolveOptions(timeLimitSeconds: 0.0101).validated().timeLimit == 11)
    #expect(try SolveOptions(timeLimitSeconds: .infinity).validated().timeLimit == Int32.max)
    #expect(try GLPKSolver.solve(base(), options: .init(timeLimitSeconds: 1e12)).objective == 0)
}

@Test func errorDescriptionsAreOneLine() {
    #expect(GLPKError.invalidModel("x").description == "invalid model: x")
    #expect(GLPKError.writeFailed("/p").description == "could not write model file '/p'")
}
