import ArgumentParser
import Foundation
import GLPK
import SettleCore
import SettleIO

enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    case mps
    case lp
    /// The batch as CSV files for any solver (see InstanceWriter).
    case instance
}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a scenario's matching model as GLPK writes it (free MPS or CPLEX LP).",
        discussion: """
            The model is the batch IMDi matches after agreed self-settlement: one binary per allowed \
            household-municipality pair, at most one offer per household, persons within each decision. \
            It is a maximisation; MPS carries no sense, so tell the other solver to maximise. With --day, \
            the batch of the first round on or after that day.
            """
    )

    @Argument(help: "Scenario file (YAML or JSON).")
    var file: String

    @OptionGroup var scenario: ScenarioOptions

    @OptionGroup var round: BatchOptions

    @Option(help: "mps (free MPS), lp (CPLEX LP) or instance (CSV files in the folder --out).")
    var format: ExportFormat

    @Option(help: "Path of the file to write.")
    var out: String

    @Flag(help: "Overwrite --out if it exists.")
    var force = false

    func run() throws {
        let s = try ScenarioLoader.load(.file(file), overrides: scenario.parsedOverrides(), seed: scenario.seed)
        let batch = BatchMatcher.prepare(try round.batch(s, file: file).batch, options: s.spec.matching)
        if format == .instance {
            try InstanceWriter.write(batch, to: out, force: force)
            print("\(out): \(batch.householdCount) households, \(batch.municipalityCount) municipalities (maximise)")
            return
        }
        let model = MatchingModel.build(batch)
        try ModelFile.write(model, format: format, to: out, force: force)
        print("\(out): \(model.variables.count) variables, \(model.constraints.count) constraints (maximise)")
    }
}

/// Model files, written whole: GLPK writes a temporary file that is then renamed.
enum ModelFile {
    static func write(_ model: LinearModel, format: ExportFormat, to path: String, force: Bool) throws {
        if FileManager.default.fileExists(atPath: path) && !force {
            throw InputError(
                file: path, message: "already exists; pass --force to overwrite it or choose another --out")
        }
        let folder = (path as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        if !folder.isEmpty
            && !(FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) && isDirectory.boolValue)
        {
            throw InputError(file: path, message: "its folder does not exist; create it first")
        }
        // Temporary file, then rename, inside OutputWriter's interruption-safe section.
        try OutputWriter.write(to: path, force: true) { temporary in
            switch format {
            case .mps: try GLPKSolver.writeMPS(model, to: temporary)
            case .lp: try GLPKSolver.writeCPLEXLP(model, to: temporary)
            case .instance: preconditionFailure("instances are written by InstanceWriter")
            }
        }
    }
}
