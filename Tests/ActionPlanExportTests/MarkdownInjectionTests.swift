import Testing
import ActionPlanModel
import ActionPlanExport

/// Item 6: every value from the store is escaped in the Markdown export, State codes and action ids
/// included (a store's own states.json or catalog.json is as untrusted as a note).
struct MarkdownInjectionTests {
    static let hostileCode = "X<img src=x onerror=alert(1)>"
    static let hostileAction = "PV-<script>x</script>|y"

    static func markdown() -> String { String(decoding: MarkdownReport.write(snapshot()), as: UTF8.self) }

    static func snapshot() -> StatusSnapshot {
        let catalog = Catalog(id: "fiction", version: "1", title: "Fiction", pillars: [
            Pillar(id: "prevention", title: "Prevention", description: "", areas: [
                Area(id: "prevention.a", title: "A", actions: [
                    Action(id: hostileAction, title: "T", summary: "", source: SourceReference(document: "D"), addressee: .participatingStates),
                ]),
            ]),
        ])
        let directory = StateDirectory([Participant(code: hostileCode, iso3: "XXX", name: "Hostilia", kind: .participating, group: "f")])
        var tracker = Tracker(catalog: catalog, directory: directory)
        tracker.record(ChangeEvent(id: "e1", time: Timestamp(parsing: "2026-01-01T00:00:00.000Z")!, author: "a",
                                   state: hostileCode, action: hostileAction, status: .implemented))
        return StatusSnapshot(tracker: tracker, scope: ExportScope(), asOf: nil, changesFrom: nil,
                              generatedAt: Timestamp(parsing: "2026-02-01T00:00:00.000Z")!, storeFormat: 1)
    }

    @Test func stateCodesAndActionIDsAreEscaped() {
        let text = Self.markdown()
        #expect(!text.contains("<img"))
        #expect(!text.contains("<script>"))
        #expect(text.contains("(X&lt;img src=x onerror=alert(1)&gt;)"))
        #expect(text.contains("PV-&lt;script&gt;x&lt;/script&gt;\\|y"))
    }

    @Test func theHTMLReportEscapesThemToo() {
        let html = String(decoding: HTMLReport.write(Self.snapshot()), as: UTF8.self)
        #expect(!html.contains("<img"))
        #expect(!html.contains("<script>x"))
        #expect(html.contains("X&lt;img src=x onerror=alert(1)&gt;"))
    }
}
