// SPDX-License-Identifier: GPL-3.0-or-later

/// A linear or mixed-integer program as plain data: variables with bounds and
/// objective coefficients, and sparse linear constraints over them.
///
/// Building a model never fails; `GLPKSolver` validates it before handing
/// anything to GLPK (which aborts the process on bad input).
public struct LinearModel: Sendable, Equatable {
    public enum Sense: Sendable {
        case minimize
        case maximize
    }

    public enum VariableKind: Sendable {
        case continuous
        case integer
        /// An integer variable whose bounds are intersected with [0, 1].
        case binary
    }

    public struct Variable: Sendable, Equatable {
        public var name: String
        /// `nil` means unbounded below.
        public var lower: Double?
        /// `nil` means unbounded above.
        public var upper: Double?
        public var kind: VariableKind
        public var objective: Double

        public init(
            name: String, lower: Double?, upper: Double?, kind: VariableKind, objective: Double
        ) {
            self.name = name
            self.lower = lower
            self.upper = upper
            self.kind = kind
            self.objective = objective
        }
    }

    /// `lower ≤ Σ coefficients[k] · x[indices[k]] ≤ upper`; a `nil` side is free.
    public struct Constraint: Sendable, Equatable {
        public var name: String
        public var lower: Double?
        public var upper: Double?
        /// 0-based variable indices, each at most once.
        public var indices: [Int]
        public var coefficients: [Double]

        public init(
            name: String, lower: Double?, upper: Double?, indices: [Int], coefficients: [Double]
        ) {
            self.name = name
            self.lower = lower
            self.upper = upper
            self.indices = indices
            self.coefficients = coefficients
        }
    }

    /// Names must be at most 255 bytes of UTF-8 without whitespace or control
    /// characters (GLPK's and MPS's rules); an empty name lets GLPK invent one.
    public var name: String
    public var sense: Sense
    public var objectiveConstant: Double
    public private(set) var variables: [Variable]
    public private(set) var constraints: [Constraint]

    public init(name: String = "model", sense: Sense) {
        self.name = name
        self.sense = sense
        self.objectiveConstant = 0
        self.variables = []
        self.constraints = []
    }

    /// Adds a variable and returns its 0-based index. A binary variable's
    /// bounds become its given bounds intersected with [0, 1].
    @discardableResult
    public mutating func addVariable(
        name: String, lower: Double? = 0, upper: Double? = nil, kind: VariableKind = .continuous,
        objective: Double = 0
    ) -> Int {
        var lower = lower
        var upper = upper
        if kind == .binary {
            lower = Self.binaryBound(lower, default: 0, tighter: Swift.max)
            upper = Self.binaryBound(upper, default: 1, tighter: Swift.min)
        }
        variables.append(
            Variable(name: name, lower: lower, upper: upper, kind: kind, objective: objective))
        return variables.count - 1
    }

    /// Adds a constraint and returns its 0-based index.
    @discardableResult
    public mutating func addConstraint(
        name: String, lower: Double? = nil, upper: Double? = nil, indices: [Int],
        coefficients: [Double]
    ) -> Int {
        constraints.append(
            Constraint(
                name: name, lower: lower, upper: upper, indices: indices, coefficients: coefficients
            ))
        return constraints.count - 1
    }

    /// For `addColumn`, which has checked `i` and that `j` is not in it yet.
    mutating func appendCoefficient(_ coefficient: Double, of j: Int, toConstraint i: Int) {
        constraints[i].indices.append(j)
        constraints[i].coefficients.append(coefficient)
    }

    /// True when any variable is integer or binary.
    public var isMixedInteger: Bool {
        variables.contains { $0.kind != .continuous }
    }

    // NaN passes through untouched so that validation still reports it.
    private static func binaryBound(
        _ value: Double?, default fallback: Double, tighter: (Double, Double) -> Double
    ) -> Double {
        guard let value else { return fallback }
        return value.isNaN ? value : tighter(value, fallback)
    }
}
