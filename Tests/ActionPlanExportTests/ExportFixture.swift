import ActionPlanModel
import ActionPlanExport

/// A tiny fictional store, drawn here so the goldens read as specifications:
///
/// ```
/// prevention ── prevention.data ── PV-1, PV-2
/// prosecution ─ prosecution.law ── PR-1, PR-X (addressed to OSCE structures: not exported)
/// protection ── protection.nrm ─── PT-1
/// partnerships  partnerships.co ── PA-1
///
/// XA Avalonia   PV-1 in-progress (Jan 10) → implemented (Feb 15), note with comma, quotes, newline, non-ASCII
///               PR-1 not-started (Jan 20, hostile =HYPERLINK note) → partially-implemented (Feb 20)
///               PT-1 not-applicable (Mar 1, hostile <script> note with a pipe)
/// XB Borduria   PV-2 implemented (Jan 5) → in-progress (Feb 25, note "-5 …": a regression)
///               PA-1 in-progress (Mar 2, note "@mention +plus")
/// XP Partneria  (a partner, no events)
/// ```
enum ExportFixture {
    static func action(_ id: String, _ addressee: Addressee = .participatingStates) -> Action {
        Action(id: id, title: "Action \(id)", summary: "Summary of \(id).",
               source: SourceReference(document: "TEST/1"), addressee: addressee)
    }

    static let catalog = Catalog(
        id: "fiction-catalog", version: "1.0", title: "Fictional test catalog",
        notice: "Fictional data for tests.",
        pillars: [
            Pillar(id: "prevention", title: "Prevention", description: "",
                   areas: [Area(id: "prevention.data", title: "Data", actions: [action("PV-1"), action("PV-2")])]),
            Pillar(id: "prosecution", title: "Prosecution", description: "",
                   areas: [Area(id: "prosecution.law", title: "Law", actions: [action("PR-1"), action("PR-X", .osceStructures)])]),
            Pillar(id: "protection", title: "Protection", description: "",
                   areas: [Area(id: "protection.nrm", title: "NRM", actions: [action("PT-1")])]),
            Pillar(id: "partnerships", title: "Partnerships", description: "",
                   areas: [Area(id: "partnerships.co", title: "Co-ordination", actions: [action("PA-1")])]),
        ])

    static let directory = StateDirectory([
        Participant(code: "XA", iso3: "XAV", name: "Avalonia", kind: .participating, group: "fiction"),
        Participant(code: "XB", iso3: "XBO", name: "Borduria", kind: .participating, group: "fiction"),
        Participant(code: "XP", iso3: "XPA", name: "Partneria", kind: .partner, group: "fiction"),
    ])

    static let awkwardNote = "Draft plan, \"phase 1\"\nsecond line; Ünïcödé — 東京"
    static let hyperlinkNote = "=HYPERLINK(\"http://evil.example\",\"click\")"
    static let scriptNote = "<script>alert('x')</script> | pipe & more"

    static func t(_ text: String) -> Timestamp { Timestamp(parsing: text)! }

    static func event(_ id: String, _ time: String, _ state: String, _ action: String, _ status: Status?,
                      note: String? = nil, add: [String]? = nil, by author: String) -> ChangeEvent {
        ChangeEvent(id: id, time: t(time), author: author, state: state, action: action, status: status,
                    note: note, evidenceAdded: add)
    }

    static let events = [
        event("e1", "2026-01-10T09:00:00.000Z", "XA", "PV-1", .inProgress, note: awkwardNote, by: "alice"),
        event("e2", "2026-02-15T10:00:00.000Z", "XA", "PV-1", .implemented,
              add: ["https://example.org/xa/plan.pdf", "Decree 12/2026; art. 3, para. 2"], by: "bob"),
        event("e3", "2026-01-20T08:30:00.000Z", "XA", "PR-1", .notStarted, note: hyperlinkNote, by: "alice"),
        event("e4", "2026-02-20T16:45:00.000Z", "XA", "PR-1", .partiallyImplemented, by: "bob"),
        event("e5", "2026-03-01T11:00:00.000Z", "XA", "PT-1", .notApplicable, note: scriptNote, by: "carol"),
        event("e6", "2026-01-05T07:00:00.000Z", "XB", "PV-2", .implemented, by: "carol"),
        event("e7", "2026-02-25T12:00:00.000Z", "XB", "PV-2", .inProgress, note: "-5 shelters closed", by: "carol"),
        event("e8", "2026-03-02T13:15:00.000Z", "XB", "PA-1", .inProgress, note: "@mention +plus", by: "alice"),
        // Follow-ups: events that change no status (the change report must not count them).
        followUp("e9", "2026-03-03T09:00:00.000Z", "XA", "PV-1", FollowUp(date: ReviewDate(parsing: "2026-04-30")!, owner: "dana <d&a>"), by: "alice"),
        followUp("e10", "2026-02-26T09:00:00.000Z", "XB", "PV-2", FollowUp(date: ReviewDate(parsing: "2026-03-20")!), by: "carol"),
    ]

    static func followUp(_ id: String, _ time: String, _ state: String, _ action: String, _ value: FollowUp, by author: String) -> ChangeEvent {
        ChangeEvent(id: id, time: t(time), author: author, state: state, action: action, base: nil, change: Change(followUp: .set(value)))
    }

    static var tracker: Tracker {
        var tracker = Tracker(catalog: catalog, directory: directory)
        for event in events { tracker.record(event) }
        return tracker
    }

    static let generatedAt = t("2026-03-10T12:00:00.000Z")

    /// A fictional reporting round to mark on the trend chart; its label needs escaping.
    static let marks = [ChartMark(date: t("2026-02-01T00:00:00.000Z"), label: "Round <1> & \"A\"")]

    /// The snapshot every golden is made from: all participating States, latest, changes since February,
    /// the monthly trend with one marked date.
    static func snapshot(asOf: Timestamp? = nil, scope: ExportScope = ExportScope(), omitEmptyStates: Bool = false) -> StatusSnapshot {
        StatusSnapshot(tracker: tracker, scope: scope, asOf: asOf, changesFrom: Timestamp.day("2026-02-01"),
                       generatedAt: generatedAt, storeFormat: 1, withTrend: true, omitEmptyStates: omitEmptyStates, marks: marks)
    }
}
