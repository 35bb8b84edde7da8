// SPDX-License-Identifier: GPL-3.0-or-later

/// Shard `index` of `count` (numbered from 1): the replications r with r mod count = index − 1.
public struct ComparisonShard: Sendable, Equatable {
    public var index: Int
    public var count: Int

    public init?(index: Int, count: Int) {
        guard count >= 1, (1...count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    /// `k/n`, as `--shard` takes it.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]) else { return nil }
        self.init(index: k, count: n)
    }

    /// The partial result's file name.
    public func fileName(_ comparison: String) -> String { "\(comparison).shard-\(index)-of-\(count).json" }
}
