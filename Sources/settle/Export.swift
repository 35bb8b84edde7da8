import ArgumentParser
import Foundation
import GLPK
import SettleCore
import SettleIO

enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    case mps
    case lp
}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a scenario's matching model as GLPK writes it (free MPS or CPLEX LP).",
        discussion: """
            The model is the batch IMDi matches after agreed self-settlement: one binary per allowed \
            household-municipality pair, at most one offer per household, persons within each decision. \
            It is a maximisation; MPS carries no sense, so tell the other solver to maximise.
            """
    )

    @Argument(help: "Scenario file (YAML or JSON).")
    var file: String

    @OptionGroup var scenario: ScenarioOptions

    @Option(help: "mps (free MPS) or lp (CPLEX LP).")
    var format: ExportFormat

    @Option(help: "Path of the file to write.")
    var out: String

    @Flag(help: "Overwrite --out if it exists.")
    var force = false

    func run() throws {
        let s = try ScenarioLoader.load(.file(file), overrides: scenario.parsedOverrides(), seed: scenario.seed)
        let model = MatchingModel.build(SettlementRound.queue(s).batch)
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
        let temporary = (folder.isEmpty ? "." : folder) + "/.\((path as NSString).lastPathComponent).\(getpid()).tmp"
        do {
            switch format {
            case .mps: try GLPKSolver.writeMPS(model, to: temporary)
            case .lp: try GLPKSolver.writeCPLEXLP(model, to: temporary)
            }
        } catch {
            unlink(temporary)
            throw InputError(file: path, message: "cannot be written; check that the folder is writable")
        }
        if rename(temporary, path) != 0 {
            unlink(temporary)
            throw InputError(file: path, message: "cannot be written; check the folder's permissions")
        }
    }
}
