// SPDX-License-Identifier: GPL-3.0-or-later

import ArgumentParser
import Foundation
import SettleIO

// Exit status: 0 success, 2 bad input (one line on stderr), 1 internal failure.

func fail(_ message: String, status: Int32) -> Never {
    fflush(nil)
    FileHandle.standardError.write(Data(("settle: " + message + "\n").utf8))
    exit(status)
}

/// Runs the command line's command; `compare` is asynchronous.
func runCommand() async throws {
    var command = try Settle.parseAsRoot()
    if var asyncCommand = command as? AsyncParsableCommand {
        try await asyncCommand.run()
    } else {
        try command.run()
    }
}

// SIGINT and SIGTERM end any command cleanly: no output file is left half-written (exit 130 or 143).
Interruption.install()

do {
    try await runCommand()
    fflush(nil)
    exit(0)
} catch let error as InputError {
    fail(error.description, status: 2)
} catch let error as ValidationFailures {
    fflush(nil)
    for e in error.errors { FileHandle.standardError.write(Data(("settle: " + e.description + "\n").utf8)) }
    exit(2)
} catch let error as InternalFailure {
    fail(error.description, status: 1)
} catch let error as MatchingFailure {
    fail(error.description, status: 1)
} catch {
    let code = Settle.exitCode(for: error)
    if code == .success {
        // --help and --version.
        print(Settle.fullMessage(for: error))
        fflush(nil)
        exit(0)
    }
    let message = Settle.message(for: error).split(separator: "\n").first.map(String.init) ?? "invalid arguments"
    fail("\(message) (see 'settle --help')", status: 2)
}
