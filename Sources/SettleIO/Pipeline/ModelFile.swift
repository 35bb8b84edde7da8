// SPDX-License-Identifier: GPL-3.0-or-later

import Foundation
import GLPK

/// Model files, written whole: GLPK writes a temporary file that is then renamed.
public enum ModelFile {
    public enum Format: String, Sendable, CaseIterable {
        /// Free MPS (no objective sense: the model is a maximisation).
        case mps
        /// CPLEX LP, sense included.
        case lp
    }

    public static func write(_ model: LinearModel, format: Format, to path: String, force: Bool) throws {
        if !force { try OutputWriter.refuseExisting(path) }
        let folder = OutputWriter.parentFolder(path)
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
            }
        }
    }
}
