import Foundation

/// Coverage and implementation figures for a set of State × action pairs.
///
/// Coverage is assessed / trackable. Implementation is the mean weight over the assessed pairs,
/// `notApplicable` excluded; it is nil when nothing with a weight has been assessed, because 0 % would
/// claim that nothing was done.
public struct Progress: Sendable, Equatable {
    public private(set) var trackable = 0
    /// One count per status, by `Status.rank` (figures are summed thousands of times a frame: no hashing).
    private var tally = Tally()
    private var weightSum = 0.0

    /// The count of each status that has one.
    public var counts: [Status: Int] {
        var result: [Status: Int] = [:]
        for status in Status.allCases where tally[status.rank] > 0 { result[status] = tally[status.rank] }
        return result
    }

    /// Six counts in line, indexed by status rank.
    private struct Tally: Sendable, Equatable {
        var a = 0, b = 0, c = 0, d = 0, e = 0, f = 0

        subscript(rank: Int) -> Int {
            get {
                switch rank {
                case 0: a
                case 1: b
                case 2: c
                case 3: d
                case 4: e
                default: f
                }
            }
            set {
                switch rank {
                case 0: a = newValue
                case 1: b = newValue
                case 2: c = newValue
                case 3: d = newValue
                case 4: e = newValue
                default: f = newValue
                }
            }
        }

        mutating func merge(_ other: Tally) {
            a += other.a; b += other.b; c += other.c; d += other.d; e += other.e; f += other.f
        }
    }

    public init() {}

    /// The figures of `actions` given the assessments of one State.
    public init(actions: [Action], assessments: [String: Assessment]) {
        for action in actions where action.isTrackable {
            add(assessments[action.id]?.status ?? .notAssessed)
        }
    }

    public mutating func add(_ status: Status) {
        trackable += 1
        tally[status.rank] += 1
        weightSum += status.weight ?? 0
    }

    /// Adds `n` pairs with the same status (the monthly trend adds whole tallies at once).
    public mutating func add(_ status: Status, count n: Int) {
        guard n > 0 else { return }
        trackable += n
        tally[status.rank] += n
        weightSum += (status.weight ?? 0) * Double(n)
    }

    public mutating func merge(_ other: Progress) {
        trackable += other.trackable
        tally.merge(other.tally)
        weightSum += other.weightSum
    }

    public func count(_ status: Status) -> Int { tally[status.rank] }

    public var assessed: Int { trackable - count(.notAssessed) }

    /// Pairs whose status has a weight (assessed and applicable).
    public var weighed: Int { assessed - count(.notApplicable) }

    /// assessed / trackable, from 0 to 1; nil when nothing is trackable.
    public var coverage: Double? { trackable == 0 ? nil : Double(assessed) / Double(trackable) }

    /// Weighted mean over the assessed pairs, not-applicable excluded; nil when none.
    public var implementation: Double? { weighed == 0 ? nil : weightSum / Double(weighed) }

    /// "42%" or "–" for a missing figure.
    public static func percent(_ value: Double?) -> String {
        guard let value else { return "–" }
        return "\(Int((value * 100).rounded()))%"
    }
}
