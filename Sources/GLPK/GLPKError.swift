// SPDX-License-Identifier: GPL-3.0-or-later

/// The only errors `GLPKSolver` throws.
public enum GLPKError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The model (or the options) would make GLPK abort or misbehave; the text names the culprit.
    case invalidModel(String)
    /// GLPK could not write the file at this path.
    case writeFailed(String)

    public var description: String {
        switch self {
        case .invalidModel(let reason): "invalid model: \(reason)"
        case .writeFailed(let path): "could not write model file '\(path)'"
        }
    }
}
