import ActionPlanModel
@testable import TrackerCore
import TerminalKit

/// A small fictional world for the TUI tests: 4 pillars × 2 areas × 2–3 actions, three fictional States
/// and one fictional partner, and a handful of events with non-ASCII notes.
///
/// ```
/// prevention   ── PV-A (3 actions) ── PV-B (2)
/// prosecution  ── PR-A (2)          ── PR-B (2)
/// protection   ── PT-A (3, one for OSCE structures) ── PT-B (2)
/// partnerships ── PS-A (2)          ── PS-B (2)
/// ```
enum Fixture {
    static let catalog: Catalog = {
        func action(_ id: String, _ title: String, tags: [String] = [], structures: Bool = false) -> Action {
            Action(id: id, title: title, summary: "Summary of \(title.lowercased()), in fictional words.",
                   source: SourceReference(document: "FX.DEC/1", chapter: "I", paragraph: "1", verified: id.hasSuffix("1")),
                   tags: tags, addressee: structures ? .osceStructures : .participatingStates)
        }
        return Catalog(id: "fixture", version: "1", title: "Fictional Action Plan",
                       tags: [Tag(id: "children", label: "Children"), Tag(id: "gender", label: "Gender")],
                       pillars: [
            Pillar(id: "prevention", title: "Prevention", description: "Stop it before it starts.", areas: [
                Area(id: "PV-A", title: "Awareness campaigns", actions: [
                    action("PV-A-1", "Run awareness campaigns", tags: ["children"]),
                    action("PV-A-2", "Train teachers"),
                    action("PV-A-3", "Publish hotline numbers", tags: ["gender"]),
                ]),
                Area(id: "PV-B", title: "Labour markets", actions: [
                    action("PV-B-1", "Inspect recruitment agencies"),
                    action("PV-B-2", "Regulate supply chains"),
                ]),
            ]),
            Pillar(id: "prosecution", title: "Prosecution", description: "Bring offenders to justice.", areas: [
                Area(id: "PR-A", title: "Legislation", actions: [
                    action("PR-A-1", "Criminalise all forms of trafficking"),
                    action("PR-A-2", "Confiscate proceeds"),
                ]),
                Area(id: "PR-B", title: "Law enforcement", actions: [
                    action("PR-B-1", "Set up specialised units"),
                    action("PR-B-2", "Train prosecutors", tags: ["gender"]),
                ]),
            ]),
            Pillar(id: "protection", title: "Protection", description: "Assist and protect victims.", areas: [
                Area(id: "PT-A", title: "Referral mechanisms", actions: [
                    action("PT-A-1", "Establish a national referral mechanism"),
                    action("PT-A-2", "Offer shelters", tags: ["children"]),
                    action("PT-A-3", "Support the structures' reporting", structures: true),
                ]),
                Area(id: "PT-B", title: "Compensation", actions: [
                    action("PT-B-1", "Guarantee compensation"),
                    action("PT-B-2", "Provide legal aid"),
                ]),
            ]),
            Pillar(id: "partnerships", title: "Partnerships", description: "Work together.", areas: [
                Area(id: "PS-A", title: "Co-operation", actions: [
                    action("PS-A-1", "Sign co-operation agreements"),
                    action("PS-A-2", "Share data"),
                ]),
                Area(id: "PS-B", title: "Civil society", actions: [
                    action("PS-B-1", "Fund NGOs"),
                    action("PS-B-2", "Consult survivors"),
                ]),
            ]),
        ])
    }()

    static let directory = StateDirectory([
        Participant(code: "XA", iso3: "XAA", name: "Avalonia", kind: .participating, group: "fictional"),
        Participant(code: "XB", iso3: "XBB", name: "Borduria", kind: .participating, group: "fictional"),
        Participant(code: "XC", iso3: "XCC", name: "Türkenland", kind: .participating, group: "fictional"),
        Participant(code: "XP", iso3: "XPP", name: "Pacifica", kind: .partner, group: "fictional"),
    ])

    static func time(_ text: String) -> Timestamp { Timestamp(parsing: text)! }

    static let events: [ChangeEvent] = [
        ChangeEvent(id: "e01", time: time("2026-10-01T09:00:00Z"), author: "alice", state: "XA", action: "PV-A-1", status: .inProgress),
        ChangeEvent(id: "e02", time: time("2026-10-02T09:00:00Z"), author: "alice", state: "XA", action: "PV-A-1", status: .implemented,
                    note: "Campaign ran in Türkiye-style regions; Кампания проведена; 宣传活动已完成", evidenceAdded: ["https://example.org/xa/campaign"]),
        ChangeEvent(id: "e03", time: time("2026-10-03T10:30:00Z"), author: "boris", state: "XA", action: "PR-A-1", status: .partiallyImplemented),
        ChangeEvent(id: "e04", time: time("2026-10-04T11:00:00Z"), author: "boris", state: "XA", action: "PT-A-1", status: .notStarted),
        ChangeEvent(id: "e05", time: time("2026-10-05T12:00:00Z"), author: "chen", state: "XB", action: "PV-A-1", status: .implemented),
        ChangeEvent(id: "e06", time: time("2026-10-06T08:15:00Z"), author: "chen", state: "XB", action: "PS-B-1", status: .notApplicable),
        ChangeEvent(id: "e07", time: time("2026-10-07T16:45:00Z"), author: "dana", state: "XC", action: "PV-B-1", status: .inProgress,
                    note: "Inspections started"),
        ChangeEvent(id: "e08", time: time("2026-10-08T07:00:00Z"), author: "alice", state: "XA", action: "PV-A-2",
                    note: "Teachers' note \u{1B}[31mRED\u{1B}[0m \u{1B}]0;pwned\u{07} end"),
    ]

    static func tracker(events: [ChangeEvent] = Fixture.events) -> Tracker {
        var tracker = Tracker(catalog: catalog, directory: directory)
        for event in events { tracker.record(event) }
        return tracker
    }

    static func state(readOnly: Bool = false, initialState: String? = "XA", ascii: Bool = false,
                      colors: Bool = true, size: Size = Size(width: 80, height: 24)) -> AppState {
        var state = AppState(tracker: tracker(), options: AppOptions(storeName: "fixture-store", initialState: initialState,
                                                                     readOnly: readOnly, ascii: ascii, colors: colors))
        _ = update(&state, .resize(size))
        return state
    }
}

extension AppState {
    /// Sends keys one by one and collects every effect.
    @discardableResult
    mutating func press(_ keys: Key...) -> [Effect] {
        keys.flatMap { update(&self, .key($0)) }
    }

    /// Types text as single characters.
    @discardableResult
    mutating func type(_ text: String) -> [Effect] {
        text.flatMap { update(&self, .key(.character($0))) }
    }
}

extension AppState {
    /// Opens every pillar and area and returns to the first row.
    mutating func expandAll() {
        for action in tracker.catalog.allActions { tree.reveal(.action(action.id)) }
        press(.character("g"))
    }

    /// Selects an action in the tree (expanding what holds it).
    mutating func go(to action: String) {
        tree.reveal(.action(action))
        tree.keepVisible(height: bodyHeight)
    }
}

extension AppState {
    /// The ids of the History rows, newest first.
    var historyEventIDs: [String] {
        history.rows.compactMap { history.entry($0, in: tracker)?.change.event.id }
    }
}
