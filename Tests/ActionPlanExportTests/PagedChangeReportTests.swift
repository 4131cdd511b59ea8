import Testing
import TestSupport
import ActionPlanModel
@testable import ActionPlanExport

/// `actionplan changes` builds its report from pages of history read since `--from`
/// (`ChangeReport(catalog:states:changes:…)`); whatever the history, it is the report a whole fold gives.
@Suite struct PagedChangeReportTests {
    /// The pages the store would give: every change since `from`, newest first, by State.
    func pages(_ tracker: Tracker, since from: Timestamp?) -> [String: [PagedChange]] {
        var result: [String: [PagedChange]] = [:]
        for (code, journal) in tracker.journals {
            result[code] = journal.timeline().reversed().filter { from == nil || $0.event.time >= from! }.map {
                PagedChange(event: $0.event, statusBefore: $0.before.status, statusAfter: $0.after.status,
                            compensation: journal.compensation(of: $0.event))
            }
        }
        return result
    }

    @Test("random histories with undos and redos: the report from pages since --from equals the report from the whole fold",
          arguments: [31, 32, 33, 34, 35] as [UInt64])
    func pagedEqualsWhole(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        var tracker = ExportFixture.tracker
        let actions = ExportFixture.catalog.allActions.map(\.id)
        var written: [ChangeEvent] = []
        for step in 0..<300 {
            let state = ["XA", "XB"].randomElement(using: &random)!
            let action = actions.randomElement(using: &random)!
            let mine = written.filter { $0.state == state && $0.action == action }
            let undoes = Int.random(in: 0..<4, using: &random) == 0 ? mine.randomElement(using: &random)?.id : nil
            let event = ChangeEvent(id: "r\(step)", time: Timestamp(milliseconds: 1_780_000_000_000 + Int64(step) * 3_600_000),
                                    author: "a\(step % 3)", state: state, action: action,
                                    base: tracker.headIDs(state: state, action: action),
                                    status: Int.random(in: 0..<5, using: &random) == 0 ? nil : Status.allCases.randomElement(using: &random)!,
                                    undoes: undoes)
            tracker.record(event)
            written.append(event)
        }
        let states = ["XA", "XB", "XP"].compactMap { tracker.directory.resolve($0) }
        for _ in 0..<5 {
            let from = written.randomElement(using: &random)!.time
            let to: Timestamp? = Bool.random(using: &random) ? written.randomElement(using: &random)!.time : nil
            let whole = ChangeReport(tracker: tracker, states: states, from: from, to: to)
            let paged = ChangeReport(catalog: tracker.catalog, states: states, changes: pages(tracker, since: from), from: from, to: to)
            #expect(paged == whole, "seed \(seed)")
            #expect(!whole.transitions.isEmpty || to != nil)
        }
    }
}
