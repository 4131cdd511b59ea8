import Foundation
import Testing
import ActionPlanModel
import ActionPlanStore
import ActionPlanExport
import TrackerCore
import TrackerApp

/// The HTML report's trend comes from the store's per-journal tallies: the report is byte for byte the
/// one folded from the whole history in memory, today and for a past day.
struct ExportTrendTests {
    /// Eight months of changes of XA and XB, each based on its action's head, a few days apart.
    func store() throws -> SessionStore {
        let store = try SessionStore()
        for (code, count) in [("XA", 80), ("XB", 30)] {
            var heads: [String: String] = [:]
            var events: [ChangeEvent] = []
            for k in 0..<count {
                let action = HistoryOnDemandTests.actions[k % HistoryOnDemandTests.actions.count]
                let event = ChangeEvent(id: "\(code)-\(1000 + k)", time: Timestamp(milliseconds: 1_767_225_600_000 + Int64(k) * (code == "XA" ? 3 : 8) * 86_400_000),
                                        author: "tester", state: code, action: action, base: heads[action].map { [$0] } ?? [],
                                        status: Status.allCases[(k * 7) % Status.allCases.count])
                heads[action] = event.id
                events.append(event)
            }
            try store.store.append(events)
        }
        return store
    }

    @Test("the HTML report's trend from the store's tallies and its change list from pages are the report folded from the whole history; the tallies are cached",
          arguments: [nil, "2026-04-10"] as [String?])
    func htmlTrendFromTheStore(asOf: String?) throws {
        let store = try store()
        let now = Timestamp(milliseconds: 1_790_000_000_000)
        let path = store.folder + "/report.html"
        let answer = ExportRunner(store: store.store, home: store.folder)
            .export(ExportRequest(format: .html, scope: .allStates, asOf: asOf, path: path), now: now)
        #expect(answer == .exported(path))
        let loaded = try store.store.load(history: .complete)
        let expected = StatusExport(format: .html, scope: ExportScope(includePartners: loaded.tracker.settings.includePartners),
                                    asOf: asOf.flatMap { Timestamp.endOfDay($0) })
            .run(on: loaded.tracker, storeFormat: loaded.manifest.format, now: now)
        let written = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(written == Data(expected.bytes))
        #expect(String(decoding: written, as: UTF8.self).contains("<section class=\"trend\">"))
        #expect(String(decoding: written, as: UTF8.self).contains("<h3>Every status change</h3>"), "the period has changes to list")
        #expect(FileManager.default.fileExists(atPath: store.store.path + "/.checkpoints/XA.trend"))
    }

    @Test("only a past day makes an export read the whole history; the trend and the change list do not")
    func whatNeedsTheWholeHistory() {
        #expect(!StatusExport.needsCompleteHistory(format: .html, asOf: nil), "the change list is read page by page")
        #expect(!StatusExport.needsCompleteHistory(format: .csv, asOf: nil))
        #expect(StatusExport.needsCompleteHistory(format: .csv, asOf: Timestamp(milliseconds: 0)))
        let tracker = Tracker(catalog: Catalog(id: "c", version: "1", title: "c", tags: [], pillars: []),
                              directory: StateDirectory([Participant(code: "XA", iso3: "XAV", name: "Avalonia", kind: .participating, group: "fiction")]),
                              journals: [:])
        #expect(StatusExport(format: .html, scope: ExportScope()).trendStates(in: tracker) == ["XA"])
        #expect(StatusExport(format: .markdown, scope: ExportScope()).trendStates(in: tracker) == nil)
        #expect(StatusExport(format: .html, scope: ExportScope()).changeStates(in: tracker) == ["XA"])
        #expect(StatusExport(format: .html, scope: ExportScope(), asOf: Timestamp(milliseconds: 0)).changeStates(in: tracker) == nil)
        #expect(StatusExport(format: .csv, scope: ExportScope()).changeStates(in: tracker) == nil)
    }
}
