// SPDX-License-Identifier: GPL-3.0-or-later

import Foundation

/// Locations in the repository, found from this file so tests run from any folder.
enum Paths {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static func scenario(_ name: String) -> String { root + "/Scenarios/" + name }

    /// The shared Norway table beside the checkout, when present.
    static let norwayTable: String? = {
        let path = URL(fileURLWithPath: root).deletingLastPathComponent().appendingPathComponent(
            "shared/data/norway-municipalities-2024.csv"
        ).path
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }()

    /// One parent for this test process's scratch folders, removed when the process exits: the
    /// tests used to leave every folder behind in the system's temporary directory.
    private static let scratch: String = {
        let path = NSTemporaryDirectory() + "settle-tests-\(ProcessInfo.processInfo.processIdentifier)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: Paths.scratch) }
        return path
    }()

    static func temporaryFolder() -> String {
        let path = scratch + "/" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
