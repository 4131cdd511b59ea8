import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Wall-clock samples in milliseconds and their summary (min / median / p95 / max).
struct Timing {
    private(set) var samples: [Double] = []

    /// Runs `body`, records how long it took, and returns its result.
    mutating func measure<T>(_ body: () throws -> T) rethrows -> T {
        let clock = ContinuousClock()
        var result: T?
        let elapsed = try clock.measure { result = try body() }
        samples.append(Self.milliseconds(elapsed))
        return result!
    }

    /// Adds a sample measured elsewhere.
    mutating func record(_ milliseconds: Double) {
        samples.append(milliseconds)
    }

    static func milliseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }

    /// The value below which `fraction` of the samples lie (nearest rank).
    func percentile(_ fraction: Double) -> Double {
        guard !samples.isEmpty else { return 0 }
        let sorted = samples.sorted()
        let rank = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }

    /// "min 0.12  median 0.30  p95 0.85  max 1.20 ms (n=80)".
    var summary: String {
        let sorted = samples.sorted()
        guard let low = sorted.first, let high = sorted.last else { return "no samples" }
        return String(format: "min %.2f  median %.2f  p95 %.2f  max %.2f ms (n=%d)",
                      low, percentile(0.5), percentile(0.95), high, samples.count)
    }
}

/// The process's peak resident set size, from `getrusage` (kilobytes on Linux).
enum PeakMemory {
    static var megabytes: Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }
}
