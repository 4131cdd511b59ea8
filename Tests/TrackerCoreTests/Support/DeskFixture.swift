import ActionPlanModel
@testable import TrackerCore
import TerminalKit

/// The fixture with an office: officers alice (XB, XC) and boris (XA), and follow-ups on a few actions.
///
/// ```
/// alice ── XB, XC        XA PV-A-1 follow-up 2026-11-20 (boris): overdue on 2026-11-29
/// boris ── XA            XB PV-A-1 follow-up 2026-12-10 (alice): due in 11 days
///                        XC PV-B-1 follow-up 2027-03-01:            not due soon
/// ```
enum DeskFixture {
    static let today = Fixture.time("2026-11-29T05:10:00Z")

    static func record(_ id: String, _ kind: OfficerRoster.Kind, _ name: String, _ states: [String]? = nil) -> OfficeRecord {
        var fields: [String: OfficeValue] = ["name": .text(name)]
        if let states { fields["states"] = .list(states) }
        return OfficeRecord(id: id, time: Fixture.time("2026-09-01T09:00:00Z").adding(milliseconds: Int64(id.utf8.last!) * 1000),
                            author: "office", kind: kind.rawValue, fields: fields)
    }

    static let office = [
        record("o1", .add, "alice"), record("o2", .add, "boris"),
        record("o3", .assign, "alice", ["XB", "XC"]), record("o4", .assign, "boris", ["XA"]),
    ]

    static func followUp(_ id: String, _ state: String, _ action: String, _ date: String, _ owner: String?, base: [String]) -> ChangeEvent {
        ChangeEvent(id: id, time: Fixture.time("2026-10-20T09:00:00Z"), author: "boris", state: state, action: action, base: base,
                    change: Change(followUp: .set(FollowUp(date: ReviewDate(parsing: date)!, owner: owner))))
    }

    static func tracker() -> Tracker {
        var tracker = Fixture.tracker()
        tracker.record(followUp("f1", "XA", "PV-A-1", "2026-11-20", "boris", base: tracker.headIDs(state: "XA", action: "PV-A-1")))
        tracker.record(followUp("f2", "XB", "PV-A-1", "2026-12-10", "alice", base: tracker.headIDs(state: "XB", action: "PV-A-1")))
        tracker.record(followUp("f3", "XC", "PV-B-1", "2027-03-01", nil, base: tracker.headIDs(state: "XC", action: "PV-B-1")))
        tracker.office = office
        return tracker
    }

    /// The TUI started by `user`, on the fixture's first State unless an officer's own States apply.
    static func state(user: String? = "alice", readOnly: Bool = false, initialState: String? = nil,
                      size: Size = Size(width: 80, height: 24)) -> AppState {
        var state = AppState(tracker: tracker(), options: AppOptions(storeName: "fixture-store", initialState: initialState,
                                                                     readOnly: readOnly, user: user))
        _ = update(&state, .resize(size))
        _ = update(&state, .tick(today))
        return state
    }
}
