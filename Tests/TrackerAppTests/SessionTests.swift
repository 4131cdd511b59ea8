import Foundation
import Testing
import ActionPlanModel
import ActionPlanStore
@testable import TrackerApp
import TrackerCore
import TerminalKit

/// Whole sessions: the real loop, `update`, `render` and the effect runner, on a store in a temporary
/// folder, driven by a scripted backend instead of ncurses.
struct SessionTests {
    /// The footer message answers one key; the next key brings the hints back, in the real loop too.
    /// (The loop used to resolve keys itself and skip the reducer's `.key` branch, so "saved" stayed.)
    @Test func theSavedMessageIsClearedByTheNextKey() throws {
        let store = try SessionStore()
        let backend = ScriptedBackend(keys: ScriptedBackend.toFirstAction + [.character("s"), .character("5"), .character("j")])
        try store.run(on: backend)
        let footers = backend.frames.map(ScriptedBackend.footer)
        #expect(footers.dropLast().last?.contains("saved: ") == true, "\(footers)")
        #expect(footers.last?.contains("q quit") == true && footers.last?.contains("saved") == false, "\(backend.lastScreen)")
    }

    @Test func aStatusSetInTheSessionIsOnDisk() throws {
        let store = try SessionStore()
        let backend = ScriptedBackend(keys: ScriptedBackend.toFirstAction + [.character("s"), .character("5"), .character("q")])
        let final = try store.run(on: backend)
        let events = try store.journal("XA")
        #expect(events.count == 1)
        #expect(events.first?.status == .implemented && events.first?.author == "tester" && events.first?.id == "session-1")
        #expect(final.tracker.journal("XA").events == events)
    }

    @Test func ctrlCQuitsFromTheNoteEditorThroughTheTable() throws {
        let store = try SessionStore()
        let backend = ScriptedBackend(keys: ScriptedBackend.toFirstAction + [.character("n"), .control("c"), .character("x")])
        let final = try store.run(on: backend)
        guard case .noteEditor = final.mode else { Issue.record("quit from \(final.mode)"); return }
        #expect(backend.remaining == 2, "the keys after Ctrl-C were not read")
        #expect(try store.journal("XA").isEmpty)
    }

    @Test func aReadOnlySessionWritesNothing() throws {
        let store = try SessionStore()
        let backend = ScriptedBackend(keys: ScriptedBackend.toFirstAction + [.character("s"), .character("5"), .character(" ")])
        try store.run(on: backend, readOnly: true)
        #expect(try store.journal("XA").isEmpty)
        #expect(ScriptedBackend.footer(backend.frames.last!).contains("read-only"))
    }

    @Test func anOutsideChangeIsReloadedOnTheTick() throws {
        let store = try SessionStore()
        let outside = ChangeEvent(id: "outside-1", time: Timestamp(parsing: "2026-11-01T09:00:00Z")!, author: "colleague",
                                  state: "XA", action: "AP03-IV-1-a", status: .notStarted)
        let backend = ScriptedBackend([.idle, .run { try? store.store.append([outside]) }, .idle, .idle])
        let final = try store.run(on: backend, tickInterval: .zero)
        #expect(final.tracker.assessment(state: "XA", action: "AP03-IV-1-a").status == .notStarted)
        #expect(backend.frames.contains { ScriptedBackend.footer($0).contains("the store changed on disk; reloaded") })
    }

    @Test func aResizeBelowTheMinimumShowsTheNoticeAndKeysWait() throws {
        let store = try SessionStore()
        let backend = ScriptedBackend([.input(.key(.enter)), .idle, .input(.resize(Size(width: 60, height: 20))), .idle,
                                       .input(.key(.character("s"))), .input(.key(.character("6"))), .idle,
                                       .input(.resize(Size(width: 100, height: 30))), .idle])
        let final = try store.run(on: backend)
        #expect(backend.frames.contains { $0.plainText().contains("terminal too small") })
        #expect(final.mode == .browsing)
        #expect(try store.journal("XA").isEmpty)
        #expect(backend.lastScreen.contains("Prevention"))
    }
}

/// The export runner writes the file the dialog asked for, with the CLI's writers.
struct ExportRunnerTests {
    @Test func writesTheRequestedFileAndExpandsTheHomeFolder() throws {
        let store = try SessionStore()
        let runner = ExportRunner(store: store.store, home: store.folder)
        let now = Timestamp(parsing: "2026-11-01T10:00:00Z")!
        let answer = runner.export(ExportRequest(format: .csv, scope: .state("XA"), path: "~/out.csv"), now: now)
        #expect(answer == .exported(store.folder + "/out.csv"))
        let text = try String(contentsOfFile: store.folder + "/out.csv", encoding: .utf8)
        #expect(text.hasPrefix("state_code,") || text.contains("XA"))
    }

    @Test func aBadDateIsRefusedAndNothingIsWritten() throws {
        let store = try SessionStore()
        let runner = ExportRunner(store: store.store, home: store.folder)
        let answer = runner.export(ExportRequest(format: .csv, scope: .allStates, asOf: "soon", path: store.folder + "/x.csv"),
                                   now: Timestamp(parsing: "2026-11-01T10:00:00Z")!)
        guard case .exportFailed(let message) = answer else { Issue.record("\(answer)"); return }
        #expect(message.contains("not a date"))
        #expect(!FileManager.default.fileExists(atPath: store.folder + "/x.csv"))
    }

    /// Issue 7: a note drafted before a colleague's change is never saved over it silently, and never lost.
    @Test func aNoteDraftedBeforeAColleaguesNoteIsRefusedKeptAndSavedOnTopOnlyWhenAskedAgain() throws {
        let store = try SessionStore()
        let colleague = ChangeEvent(id: "colleague-1", time: Timestamp(parsing: "2026-11-01T09:30:00Z")!, author: "colleague",
                                    state: "XA", action: "AP03-IV-1-a", base: [], note: "Their note")
        var steps = ScriptedBackend.toFirstAction.flatMap { [ScriptedBackend.Step.input(.key($0)), .idle] }
        steps += [.input(.key(.character("n"))), .idle]
        steps += "Mine".map { ScriptedBackend.Step.input(.key(.character($0))) } + [.idle]
        steps += [.run { try? store.store.append([colleague]) }]          // no tick: the session has not seen it
        steps += [.input(.key(.control("s"))), .idle]
        let backend = ScriptedBackend(steps)
        let refused = try store.run(on: backend)
        guard case .noteEditor(let draft) = refused.mode else { Issue.record("editor not reopened: \(backend.lastScreen)"); return }
        #expect(draft.buffer.text == "Mine")
        #expect(refused.tracker.assessment(state: "XA", action: "AP03-IV-1-a").note == "Their note", "their change is shown")
        #expect(ScriptedBackend.footer(backend.frames.last!).contains("colleague changed this note first"), "\(backend.lastScreen)")
        #expect(try store.journal("XA").map(\.id) == ["colleague-1"], "nothing of ours was written")
        // Saving again, now with their note in view, writes ours on top of theirs.
        let again = ScriptedBackend(ScriptedBackend.toFirstAction.flatMap { [ScriptedBackend.Step.input(.key($0)), .idle] }
                                    + [.input(.key(.character("n"))), .idle, .input(.key(.control("u"))), .idle]
                                    + "Agreed".map { ScriptedBackend.Step.input(.key(.character($0))) }
                                    + [.idle, .input(.key(.control("s"))), .idle])
        try store.run(on: again)
        let events = try store.journal("XA")
        #expect(events.map(\.id) == ["colleague-1", "session-1"])
        #expect(events.last?.base == ["colleague-1"])
    }
}

/// Evidence copied from the evidence list reaches the terminal's clipboard, and the footer says so.
struct ClipboardSessionTests {
    @Test func cInTheEvidenceListCopiesTheReference() throws {
        let store = try SessionStore()
        let reference = "https://example.org/evidence?id=7"
        let backend = ScriptedBackend(keys: ScriptedBackend.toFirstAction + [.character("e")] + reference.map { .character($0) }
                                      + [.enter, .character("E"), .character("c")])
        try store.run(on: backend)
        #expect(backend.copies == [reference])
        #expect(ScriptedBackend.footer(backend.frames.last!).contains("copied \(reference) to the clipboard"))
    }
}
