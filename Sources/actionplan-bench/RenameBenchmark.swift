import Foundation
import ActionPlanModel

/// What the catalog id mapping costs when journals are folded (docs/performance.md, "Catalog
/// installations"): the fold of the collaboration benchmark's 142,800 based events, as read (no
/// installation has mapped anything: `RenameBook.apply` returns its input), and through a mapping of
/// 20 renames, 5 splits and 5 merges over two installations. Every State is fictional.
enum RenameBenchmark {
    static func run() {
        print("== Catalog id mapping ==")
        let actions = (0..<105).map { "ACT-\($0)" }
        let start = Timestamp.day("2024-01-01")!
        var journals: [[ChangeEvent]] = []
        var random = SplitMix64(seed: 11)
        for state in 0..<68 {
            var events: [ChangeEvent] = []
            var heads: [String: String] = [:]
            for change in 0..<20 {
                for (a, action) in actions.enumerated() {
                    let id = String(format: "e-%02d-%03d-%02d", state, a, change)
                    events.append(ChangeEvent(id: id, time: start.adding(milliseconds: Int64((change * 105 + a) * 60_000)),
                                              author: "bench", state: "S\(state)", action: action,
                                              base: heads[action].map { [$0] } ?? [], status: Status.allCases[Int(random.next() % 6)]))
                    heads[action] = id
                }
            }
            journals.append(events)
        }
        let total = journals.reduce(0) { $0 + $1.count }
        let none = RenameBook(records: [])
        var first: [String] = (0..<20).map { "ACT-\($0)>NEW-\($0)" }
        for i in 20..<25 { first += ["ACT-\(i)>NEW-\(i)a", "ACT-\(i)>NEW-\(i)b"] }
        var second: [String] = []
        for i in stride(from: 30, to: 40, by: 2) { second += ["ACT-\(i)>MERGED-\(i)", "ACT-\(i + 1)>MERGED-\(i)"] }
        let later = start.adding(milliseconds: 400 * 24 * 3_600_000)
        let mapped = RenameBook(records: [
            OfficeRecord(id: "i1", time: later, author: "bench", kind: RenameBook.installKind, fields: ["renames": .list(first)]),
            OfficeRecord(id: "i2", time: later.adding(milliseconds: 1), author: "bench", kind: RenameBook.installKind, fields: ["renames": .list(second)]),
        ])
        var plain = Timing(), empty = Timing(), withMapping = Timing(), applyOnly = Timing()
        var check = 0
        for _ in 0..<15 {
            plain.measure { for events in journals { check &+= Journal(state: "S", events: events).current.count } }
            empty.measure { for events in journals { check &+= Journal(state: "S", events: none.apply(events)).current.count } }
            withMapping.measure { for events in journals { check &+= Journal(state: "S", events: mapped.apply(events)).current.count } }
            applyOnly.measure { for events in journals { check &+= mapped.apply(events).count } }
        }
        let base = plain.percentile(0.5)
        print("fold of \(total) events in 68 journals (median of 15, interleaved):")
        print(String(format: "  fold as before (no mapping code)              %8.1f ms", base))
        print(String(format: "  fold through an empty mapping                 %8.1f ms  (%.2f×)", empty.percentile(0.5), empty.percentile(0.5) / base))
        print(String(format: "  fold through 20 renames, 5 splits, 5 merges   %8.1f ms  (%.2f×)", withMapping.percentile(0.5), withMapping.percentile(0.5) / base))
        print(String(format: "  the mapping alone (RenameBook.apply)          %8.1f ms", applyOnly.percentile(0.5)))
        if check == 42 { print("") }
    }
}
