// SPDX-License-Identifier: GPL-3.0-or-later

import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Ends the process cleanly on SIGINT, SIGTERM or SIGHUP: no output file is left half-written.
///
/// The C signal handler only writes the signal number to a pipe (async-signal-safe). A watcher thread
/// reads it, waits for any output file being written (`OutputWriter` writes its temporary file and renames
/// it inside `critical`, removing it on failure), removes the empty folders this run made for outputs,
/// prints one line and exits with 128 + the signal number (130 for SIGINT, 143 for SIGTERM). Stdout is
/// not flushed: a report half-way through its buffer is dropped rather than cut.
public enum Interruption {
    /// The signals handled, with their names for the message.
    static let signals: [(Int32, String)] = [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM"), (SIGHUP, "SIGHUP")]

    private static let state = State()

    /// Installs the handlers; call once, early in `main`. Later calls do nothing.
    public static func install() {
        state.lock.lock()
        defer { state.lock.unlock() }
        guard !state.installed else { return }
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return }
        _ = fcntl(fds[1], F_SETFL, fcntl(fds[1], F_GETFL) | O_NONBLOCK)
        _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        interruptionPipe = fds[1]
        state.installed = true
        let readEnd = fds[0]
        let thread = Thread { watch(readEnd) }
        thread.name = "settle-interruption"
        thread.start()
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for (signal, _) in signals {
            // nohup's ignored SIGHUP stays ignored.
            var previous = sigaction()
            sigaction(signal, nil, &previous)
            #if canImport(Glibc)
                let ignored = unsafeBitCast(previous.__sigaction_handler.sa_handler, to: Int.self) == 1
            #else
                let ignored = unsafeBitCast(previous.__sigaction_u.__sa_handler, to: Int.self) == 1
            #endif
            if signal == SIGHUP && ignored { continue }
            sigaddset(&unblock, signal)
            var action = sigaction()
            #if canImport(Glibc)
                action.__sigaction_handler.sa_handler = onSignal
            #else
                action.__sigaction_u.__sa_handler = onSignal
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            sigaction(signal, &action, nil)
        }
        // A parent (a test runner, a job scheduler) may have blocked them; the watcher thread inherits the block.
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    }

    /// Runs `body` so that an interruption waits until it is done: a file is written and renamed whole, or not at all.
    public static func critical<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        state.output.lock()
        defer { state.output.unlock() }
        return try body()
    }

    /// A folder this run created for its outputs: removed on interruption if it is still empty.
    public static func registerCreatedFolder(_ path: String) {
        state.lock.withLock { state.folders.append(path) }
    }

    /// Blocks on the pipe; the first signal ends the process.
    private static func watch(_ fd: Int32) {
        var byte: UInt8 = 0
        while true {
            let n = read(fd, &byte, 1)
            if n == 1 { break }
            if n < 0 && errno == EINTR { continue }
            return
        }
        let signal = Int32(byte)
        // Wait for a file being written to be renamed into place; hold the lock so no other write starts.
        state.output.lock()
        state.lock.lock()
        for folder in state.folders.reversed() { rmdir(folder) }
        let name = signals.first { $0.0 == signal }?.1 ?? "signal \(signal)"
        let line = "settle: interrupted by \(name); no output file was left half-written\n"
        _ = line.withCString { write(STDERR_FILENO, $0, strlen($0)) }
        _exit(128 + signal)
    }

    private final class State: @unchecked Sendable {
        let lock = NSLock()
        /// Held while an output file is written and renamed.
        let output = NSLock()
        var installed = false
        var folders: [String] = []
    }
}

/// The write end of the pipe the signal handler writes to; set once before any handler is installed.
nonisolated(unsafe) private var interruptionPipe: Int32 = -1

/// The C signal handler: async-signal-safe, it only writes the signal number to the pipe.
private func onSignal(_ signal: Int32) {
    var byte = UInt8(truncatingIfNeeded: signal)
    _ = write(interruptionPipe, &byte, 1)
}

/// `write(2)`, for code inside types with a `write` method of their own.
func posixWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(fd, buffer, count)
}
