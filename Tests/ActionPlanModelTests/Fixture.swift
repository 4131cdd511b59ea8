import ActionPlanModel

/// A tiny fictional catalog and fictional States, drawn here so the tests read as specifications:
///
/// ```
/// prevention ── prevention.data ── PV-1, PV-2
/// prosecution ─ prosecution.law ── PR-1, PR-X (addressed to OSCE structures: not trackable)
/// protection ── protection.nrm ─── PT-1
/// partnerships  partnerships.co ── PA-1
/// ```
enum Fixture {
    static func action(_ id: String, _ addressee: Addressee = .participatingStates, tags: [String] = []) -> Action {
        Action(id: id, title: "Action \(id)", summary: "Summary of \(id).",
               source: SourceReference(document: "TEST/1"), tags: tags, addressee: addressee)
    }

    static let catalog = Catalog(
        id: "test-catalog", version: "1", title: "Test catalog",
        tags: [Tag(id: "children", label: "Children")],
        pillars: [
            Pillar(id: "prevention", title: "Prevention", description: "",
                   areas: [Area(id: "prevention.data", title: "Data", actions: [action("PV-1", tags: ["children"]), action("PV-2")])]),
            Pillar(id: "prosecution", title: "Prosecution", description: "",
                   areas: [Area(id: "prosecution.law", title: "Law", actions: [action("PR-1"), action("PR-X", .osceStructures)])]),
            Pillar(id: "protection", title: "Protection", description: "",
                   areas: [Area(id: "protection.nrm", title: "NRM", actions: [action("PT-1")])]),
            Pillar(id: "partnerships", title: "Partnerships", description: "",
                   areas: [Area(id: "partnerships.co", title: "Co-ordination", actions: [action("PA-1")])]),
        ])

    static let states = StateDirectory([
        Participant(code: "XA", iso3: "XAV", name: "Avalonia", kind: .participating, group: "fiction"),
        Participant(code: "XB", iso3: "XBO", name: "Borduria", kind: .participating, group: "fiction"),
        Participant(code: "XT", iso3: "XTU", name: "Türkenland", kind: .participating, group: "fiction"),
        Participant(code: "XP", iso3: "XPA", name: "Partneria", kind: .partner, group: "fiction"),
    ])

    static func t(_ text: String) -> Timestamp { Timestamp(parsing: text)! }

    static func event(_ id: String, _ time: String, _ state: String = "XA", action: String, status: Status? = nil,
                      note: String? = nil, add: [String]? = nil, remove: [String]? = nil, by author: String = "alice") -> ChangeEvent {
        ChangeEvent(id: id, time: t(time), author: author, state: state, action: action, status: status, note: note,
                    evidenceAdded: add, evidenceRemoved: remove)
    }
}
