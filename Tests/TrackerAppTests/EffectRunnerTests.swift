import Foundation
import Testing
import ActionPlanModel
import ActionPlanStore
@testable import TrackerApp
import TrackerCore

/// The effect runner on its own: drafts stamped and appended, its own writes not mistaken for outside ones.
struct EffectRunnerTests {
    static let clock = Timestamp(parsing: "2026-11-01T10:00:00Z")!

    func runner(_ store: SessionStore) throws -> EffectRunner {
        let loaded = try store.store.load()
        var n = 0
        return EffectRunner(store: store.store, author: "tester", fingerprint: loaded.fingerprint,
                            exporter: ExportRunner(store: store.store, home: store.folder),
                            now: { Self.clock }, makeID: { n += 1; return "id-\(n)" })
    }

    @Test func recordStampsAndAppendsThenAnswersSaved() throws {
        let store = try SessionStore()
        let runner = try runner(store)
        let draft = EventDraft(state: "XA", action: "AP03-IV-1-a", status: .inProgress, note: "Draft")
        guard case .commands(let answer) = runner.perform(.record([draft])) else { Issue.record("quit"); return }
        let expected = draft.stamped(id: "id-1", time: Self.clock, author: "tester")
        #expect(answer == [.saved([expected])])
        #expect(try store.journal("XA") == [expected])
        #expect(runner.tick() == [.tick(Self.clock)], "its own append is not an outside change")
    }

    @Test func aFailedAppendIsReportedAndNothingIsWritten() throws {
        let store = try SessionStore()
        let runner = try runner(store)
        // A file where the States folder should be: the append cannot create states/XA.jsonl.
        try FileManager.default.removeItem(atPath: store.store.path + "/states")
        try Data("not a folder".utf8).write(to: URL(fileURLWithPath: store.store.path + "/states"))
        let draft = EventDraft(state: "XA", action: "AP03-IV-1-a", status: .implemented)
        guard case .commands(let answer) = runner.perform(.record([draft])),
              case .saveFailed(let message) = answer.first else { Issue.record("no failure"); return }
        #expect(message.hasSuffix("; nothing was written"), "\(message)")
    }

    @Test("a runner started from the loaded store reloads a colleague's event by reading only its bytes; its own append is not an outside change")
    func incrementalReload() throws {
        let store = try SessionStore()
        let action = "AP03-IV-1-a"
        try store.store.append([ChangeEvent(id: "c-1", time: Self.clock, author: "colleague", state: "XA", action: action,
                                            base: [], status: .notStarted)])
        let loaded = try store.store.load(history: .recent)
        var n = 0
        let runner = EffectRunner(store: store.store, author: "tester", loaded: loaded,
                                  exporter: ExportRunner(store: store.store, home: store.folder),
                                  now: { Self.clock }, makeID: { n += 1; return "id-\(n)" })
        let draft = EventDraft(state: "XA", action: action, status: .inProgress, base: ["c-1"])
        guard case .commands(let answer) = runner.perform(.record([draft])) else { Issue.record("quit"); return }
        #expect(answer == [.saved([draft.stamped(id: "id-1", time: Self.clock, author: "tester")])])
        #expect(runner.tick() == [.tick(Self.clock)], "its own append is not an outside change")

        let file = store.store.path + "/states/XA.jsonl"
        let size = { (try FileManager.default.attributesOfItem(atPath: file)[.size] as! NSNumber).intValue }
        let before = try size()
        let colleague = try Store.open(path: store.store.path, create: false)
        try colleague.append([ChangeEvent(id: "c-2", time: Self.clock, author: "colleague", state: "XA", action: action,
                                          base: ["id-1"], status: .implemented)])
        store.store.meter.reset()
        let commands = runner.tick()
        guard case .storeReloaded(let tracker) = commands.last else { Issue.record("no reload: \(commands)"); return }
        #expect(tracker.assessment(state: "XA", action: action).status == .implemented)
        #expect(tracker.headIDs(state: "XA", action: action) == ["c-2"])
        #expect(store.store.meter.bytes == (try size()) - before, "only the appended line is read")
    }

    @Test func quitEndsTheLoop() throws {
        let store = try SessionStore()
        guard case .quit = try runner(store).perform(.quit) else { Issue.record("did not quit"); return }
    }

    @Test func aColleaguesWriteRightAfterOurAppendIsShownOnTheNextTick() throws {
        let store = try SessionStore()
        let loaded = try store.store.load()
        let colleague = ChangeEvent(id: "colleague-1", time: Self.clock, author: "colleague", state: "XB",
                                    action: "AP03-IV-1-a", base: [], status: .implemented)
        var n = 0
        let runner = EffectRunner(store: store.store, author: "tester", fingerprint: loaded.fingerprint,
                                  exporter: ExportRunner(store: store.store, home: store.folder),
                                  now: { Self.clock }, makeID: { n += 1; return "id-\(n)" },
                                  afterAppend: { try? store.store.append([colleague]) })
        let draft = EventDraft(state: "XA", action: "AP03-IV-1-a", status: .inProgress, base: [])
        guard case .commands(let answer) = runner.perform(.record([draft])) else { Issue.record("quit"); return }
        #expect(answer.count == 1, "our save only: the colleague wrote after it")
        let tick = runner.tick()
        guard case .storeReloaded(let tracker)? = tick.last else { Issue.record("the colleague's write was absorbed: \(tick)"); return }
        #expect(tracker.assessment(state: "XB", action: "AP03-IV-1-a").updatedBy == "colleague")
    }

    @Test func aWriteBasedOnAHeadThatMovedIsRefusedWithTheReloadFirst() throws {
        let store = try SessionStore()
        let runner = try runner(store)
        // A colleague set the action after this session loaded; our draft is based on "never assessed".
        try store.store.append([ChangeEvent(id: "colleague-1", time: Self.clock, author: "colleague", state: "XA",
                                            action: "AP03-IV-1-a", base: [], status: .implemented, note: "Their note")])
        let draft = EventDraft(state: "XA", action: "AP03-IV-1-a", note: "My note", base: [])
        guard case .commands(let answer) = runner.perform(.record([draft])) else { Issue.record("quit"); return }
        guard answer.count == 2, case .storeReloaded(let tracker) = answer[0], case .saveRefused(let reason, let drafts) = answer[1] else {
            Issue.record("expected a reload then a refusal: \(answer)"); return
        }
        #expect(tracker.assessment(state: "XA", action: "AP03-IV-1-a").note == "Their note")
        #expect(reason.contains("XA AP03-IV-1-a was changed by colleague"))
        #expect(drafts == [draft], "the draft comes back whole")
        #expect(try store.journal("XA").map(\.id) == ["colleague-1"], "nothing of ours was written")
    }
}
