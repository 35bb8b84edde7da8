// SPDX-License-Identifier: GPL-3.0-or-later

import Dispatch
import Foundation
import Testing

@testable import GLPK

/// Each solve builds, solves and frees its own problem in its thread's GLPK environment.
@Test func concurrentSolvesOnThreads() {
    let models = (0..<8).map {
        GAPInstance.model(sense: $0.isMultiple(of: 2) ? .maximize : .minimize)
    }
    let objectives = LockedArray(count: models.count)
    DispatchQueue.concurrentPerform(iterations: models.count) { index in
        objectives[index] = try? GLPKSolver.solve(models[index]).objective
    }
    #expect(objectives.values == (0..<8).map { $0.isMultiple(of: 2) ? 336 : 261 })
}

@Test func concurrentSolvesInTaskGroup() async throws {
    let objectives = try await withThrowingTaskGroup(of: (Int, Double?).self) { group in
        for index in 0..<6 {
            group.addTask {
                let sense: LinearModel.Sense = index.isMultiple(of: 2) ? .maximize : .minimize
                return (index, try GLPKSolver.solve(GAPInstance.model(sense: sense)).objective)
            }
        }
        var objectives = [Double?](repeating: nil, count: 6)
        for try await (index, objective) in group { objectives[index] = objective }
        return objectives
    }
    #expect(objectives == [336, 261, 336, 261, 336, 261])
}

/// Four dedicated threads, so the solves overlap even on a two-core machine.
@Test func concurrentSolvesOnDedicatedThreads() {
    let objectives = LockedArray(count: 4)
    let done = DispatchGroup()
    for index in 0..<4 {
        done.enter()
        let thread = Thread {
            let model = GAPInstance.model(sense: index < 2 ? .maximize : .minimize)
            // Repeat so that the threads really overlap; every round must agree.
            var seen: Set<Double?> = []
            for _ in 0..<20 { seen.insert(try? GLPKSolver.solve(model).objective) }
            objectives[index] = seen.count == 1 ? seen.first ?? nil : nil
            done.leave()
        }
        thread.start()
    }
    done.wait()
    #expect(objectives.values == [336, 336, 261, 261])
}

/// A fixed-size array that threads write through a lock.
private final class LockedArray: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Double?]

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    subscript(index: Int) -> Double? {
        get { lock.withLock { storage[index] } }
        set { lock.withLock { storage[index] = newValue } }
    }

    var values: [Double?] { lock.withLock { storage } }
}
