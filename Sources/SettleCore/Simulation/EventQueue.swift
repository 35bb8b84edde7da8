// SPDX-License-Identifier: GPL-3.0-or-later

/// A priority queue of events ordered by (day, priority, sequence number).
///
/// The sequence number makes ties deterministic: two events on the same day with
/// the same priority come out in the order they were scheduled (as in SimPy).
public struct EventQueue<Payload: Sendable>: Sendable {
    public struct Entry: Sendable {
        public var day: Int
        public var priority: Int
        public var sequence: Int
        public var payload: Payload

        func precedes(_ other: Entry) -> Bool {
            if day != other.day { return day < other.day }
            if priority != other.priority { return priority < other.priority }
            return sequence < other.sequence
        }
    }

    private var heap: [Entry] = []
    private var nextSequence = 0

    public init() {}

    public var isEmpty: Bool { heap.isEmpty }
    public var count: Int { heap.count }

    public mutating func schedule(_ payload: Payload, day: Int, priority: Int) {
        heap.append(Entry(day: day, priority: priority, sequence: nextSequence, payload: payload))
        nextSequence += 1
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].precedes(heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    public mutating func next() -> Entry? {
        guard !heap.isEmpty else { return nil }
        heap.swapAt(0, heap.count - 1)
        let first = heap.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < heap.count && heap[left].precedes(heap[smallest]) { smallest = left }
            if right < heap.count && heap[right].precedes(heap[smallest]) { smallest = right }
            if smallest == parent { break }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
        return first
    }

    public func peekDay() -> Int? { heap.first?.day }
}
