import Foundation

/// Coverage and implementation figures for a set of State × action pairs.
///
/// Coverage is assessed / trackable. Implementation is the mean weight over the assessed pairs,
/// `notApplicable` excluded; it is nil when nothing with a weight has been assessed, because 0 % would
/// claim that nothing was done.
public struct Progress: Sendable, Equatable {
    public private(set) var trackable = 0
    public private(set) var counts: [Status: Int] = [:]
    private var weightSum = 0.0

    public init() {}

    /// The figures of `actions` given the assessments of one State.
    public init(actions: [Action], assessments: [String: Assessment]) {
        for action in actions where action.isTrackable {
            add(assessments[action.id]?.status ?? .notAssessed)
        }
    }

    public mutating func add(_ status: Status) {
        trackable += 1
        counts[status, default: 0] += 1
        weightSum += status.weight ?? 0
    }

    /// Adds `n` pairs with the same status (the monthly trend adds whole tallies at once).
    public mutating func add(_ status: Status, count n: Int) {
        guard n > 0 else { return }
        trackable += n
        counts[status, default: 0] += n
        weightSum += (status.weight ?? 0) * Double(n)
    }

    public mutating func merge(_ other: Progress) {
        trackable += other.trackable
        for (status, n) in other.counts { counts[status, default: 0] += n }
        weightSum += other.weightSum
    }

    public func count(_ status: Status) -> Int { counts[status] ?? 0 }

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
