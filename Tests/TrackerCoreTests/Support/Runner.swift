import ActionPlanModel
@testable import TrackerCore

/// Plays the runner's part in tests: stamps drafts with predictable ids and times and answers `.saved`.
struct FakeRunner {
    var next = 100
    var clock = Timestamp(parsing: "2026-11-01T10:00:00Z")!
    var author = "tester"
    /// Everything "written to the store", in order.
    var written: [ChangeEvent] = []

    /// Performs `.record` effects against `state` and returns the other effects untouched.
    mutating func perform(_ effects: [Effect], on state: inout AppState) -> [Effect] {
        var rest: [Effect] = []
        for effect in effects {
            guard case .record(let drafts) = effect else {
                rest.append(effect)
                continue
            }
            let events = drafts.map { draft -> ChangeEvent in
                next += 1
                clock = clock.adding(milliseconds: 60_000)
                return draft.stamped(id: "t\(next)", time: clock, author: author)
            }
            written += events
            rest += update(&state, .saved(events))
        }
        return rest
    }
}
