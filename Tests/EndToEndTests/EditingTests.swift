import Foundation
import TestSupport
import Testing

/// Desk officers' edits, from keys in a real terminal to lines in the store's journal.
@Suite("TUI end to end: editing")
struct EditingTests {
    /// From a fresh start on XA: open Prevention, its first area, and its first action (AP03-IV-1-a).
    static func goToFirstAction(_ tui: TmuxSession) throws {
        try tui.waitFor(text: "Partnerships")
        for _ in 0..<4 { try tui.send("Enter") }
        try tui.waitFor(text: "AP03-IV-1-a")
    }

    @Test("set a status: it shows on screen and, after quitting, is in states/XA.jsonl")
    func setStatus() throws {
        let store = try FictionalStore(label: "status")
        let tui = try store.startTUI(["--state", "XA"])
        defer { tui.stop() }
        try Self.goToFirstAction(tui)
        try tui.send("s")
        try tui.waitFor(text: "Partially implemented")
        try tui.send("5")
        try tui.waitFor("the new status") { $0.contains("Implemented") && !$0.contains("Partially implemented") }
        try tui.send("q")
        #expect(try tui.waitForExit() == 0)
        let lines = store.journal("XA")
        #expect(lines.count == 1, "journal: \(lines)")
        let line = lines.first ?? ""
        #expect(line.contains("\"action\":\"AP03-IV-1-a\""))
        #expect(line.contains("\"status\":\"implemented\""))
        #expect(line.contains("\"author\":\"e2e.tester\""))
    }

    @Test("a note in Turkish, Cyrillic and Chinese is saved and shown whole")
    func nonASCIINote() throws {
        let store = try FictionalStore(label: "note")
        let tui = try store.startTUI(["--state", "XA"])
        defer { tui.stop() }
        try Self.goToFirstAction(tui)
        try tui.send("n")
        try tui.waitFor(text: "Ctrl-S")
        let note = "Türkiye Кириллица 中文"
        try tui.type(note)
        try tui.waitFor(text: note)
        try tui.send("C-s")
        try tui.waitFor("the note saved") { $0.contains(note) && !$0.contains("Ctrl-S save") }
        try tui.send("q")
        #expect(try tui.waitForExit() == 0)
        let lines = store.journal("XA")
        #expect(lines.count == 1)
        #expect(lines.first?.contains("\"note\":\"\(note)\"") == true, "journal: \(lines)")
    }

    @Test("a change made meanwhile by the CLI appears within a tick and is kept beside the TUI's own")
    func outsideChangePickedUp() throws {
        let store = try FictionalStore(label: "outside")
        let tui = try store.startTUI(["--state", "XA"])
        defer { tui.stop() }
        try Self.goToFirstAction(tui)
        let cli = try Spawn.run([store.binary, "set", "XA", "AP03-IV-1-b", "in-progress", "--store", store.path, "--by", "colleague"],
                                environment: FictionalStore.plainEnvironment)
        #expect(cli.status == 0, "CLI: \(cli.stderr)")
        try tui.waitFor(text: "◔ AP03-IV-1-b")
        try tui.send("s", "5")
        try tui.waitFor(text: "● AP03-IV-1-a")
        try tui.send("q")
        #expect(try tui.waitForExit() == 0)
        let lines = store.journal("XA")
        #expect(lines.count == 2, "journal: \(lines)")
        #expect(lines.contains { $0.contains("\"author\":\"colleague\"") && $0.contains("in-progress") })
        #expect(lines.contains { $0.contains("\"author\":\"e2e.tester\"") && $0.contains("implemented") })
    }

    @Test("x exports the current State as CSV into the working directory, with the status just set")
    func exportFromTUI() throws {
        let store = try FictionalStore(label: "export")
        let tui = try store.startTUI(["--state", "XA"])
        defer { tui.stop() }
        try Self.goToFirstAction(tui)
        try tui.send("s", "5")
        try tui.waitFor(text: "● AP03-IV-1-a")
        try tui.send("x")
        try tui.waitFor(text: "actionplan-XA.csv")
        try tui.send("Enter")
        try tui.waitFor(text: "actionplan-XA.csv")
        let file = store.folder.path("actionplan-XA.csv")
        try tui.waitFor("the export file") { _ in FileManager.default.fileExists(atPath: file) }
        try tui.send("q")
        #expect(try tui.waitForExit() == 0)
        let csv = try String(contentsOfFile: file, encoding: .utf8)
        let row = csv.split(whereSeparator: \.isNewline).first { $0.contains("AP03-IV-1-a") } ?? ""
        #expect(row.hasPrefix("XA,Avalonia,") && row.contains(",implemented,Implemented,"), "row: \(row)")
    }

    @Test("a write that fails is reported in the footer and nothing is recorded")
    func saveFailureShown() throws {
        let store = try FictionalStore(label: "failure")
        let tui = try store.startTUI(["--state", "XA"], width: 220)
        defer { tui.stop() }
        try Self.goToFirstAction(tui)
        // A folder where the journal file should be: the next reload and the next append both fail.
        try FileManager.default.createDirectory(atPath: store.path + "/states/XA.jsonl", withIntermediateDirectories: false)
        try tui.waitFor(text: "could not be read again")
        try tui.send("s", "5")
        try tui.waitFor(text: "nothing was written")
        try tui.send("q")
        #expect(try tui.waitForExit() == 0)
        let contents = try FileManager.default.contentsOfDirectory(atPath: store.path + "/states/XA.jsonl")
        #expect(contents.isEmpty)
    }

    @Test("a paste arrives whole: in the note editor it keeps its line breaks, in the tree it runs no commands")
    func paste() throws {
        let store = try FictionalStore(label: "paste")
        let tui = try store.startTUI(["--state", "XA"])
        defer { tui.stop() }
        try tui.waitFor(text: "Partnerships")
        try tui.paste("sq")
        try tui.send("j")
        try tui.waitFor("the cursor on Prosecution") { $0.contains("│ Prosecution") }
        try tui.send("k")
        try tui.waitFor("the cursor back on Prevention") { $0.contains("│ Prevention") }
        try Self.goToFirstAction(tui)
        try tui.send("n")
        try tui.waitFor(text: "Ctrl-S")
        try tui.paste("first line\nzweite Zeile ü 中文")
        try tui.waitFor(text: "zweite Zeile ü 中文")
        try tui.send("C-s")
        try tui.waitFor(text: "saved")
        try tui.send("q")
        #expect(try tui.waitForExit() == 0)
        let lines = store.journal("XA")
        #expect(lines.count == 1 && lines[0].contains(#""note":"first line\nzweite Zeile ü 中文""#), "journal: \(lines)")
    }

    @Test("--read-only refuses an edit and writes nothing")
    func readOnly() throws {
        let store = try FictionalStore(label: "read-only")
        let tui = try store.startTUI(["--state", "XA", "--read-only"])
        defer { tui.stop() }
        try Self.goToFirstAction(tui)
        try tui.send("s")
        try tui.waitFor(text: "read-only")
        try tui.send("5", "n")
        try tui.type("should not be saved")
        try tui.send("C-s", "q")
        #expect(try tui.waitForExit() == 0)
        #expect(store.journal("XA").isEmpty)
        #expect(!FileManager.default.fileExists(atPath: store.path + "/states/XA.jsonl"))
    }

    /// A store this user cannot write to opens read-only with a notice (as root, the test drops to
    /// `nobody` with setpriv, since root may write anywhere).
    @Test func unwritableStoreOpensReadOnly() throws {
        let store = try FictionalStore(label: "unwritable")
        var prefix: [String] = []
        var binary: String?
        if getuid() == 0 {
            prefix = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: store.folder.url.path)
            // `nobody` may not reach the build folder (a clone under a private folder): run a copy of the
            // binary and its resource bundle from the test's own folder instead.
            let built = URL(fileURLWithPath: store.binary)
            let copy = store.folder.url.appendingPathComponent("bin")
            try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
            for name in try FileManager.default.contentsOfDirectory(atPath: built.deletingLastPathComponent().path)
            where name == built.lastPathComponent || name.hasSuffix("_ActionPlanResources.resources") {
                try FileManager.default.copyItem(at: built.deletingLastPathComponent().appendingPathComponent(name),
                                                 to: copy.appendingPathComponent(name))
            }
            binary = copy.appendingPathComponent(built.lastPathComponent).path
        } else {
            for folder in [store.path + "/states", store.path] {
                try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder)
            }
        }
        defer {
            for folder in [store.path, store.path + "/states"] {
                try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder)
            }
        }
        let tui = try store.startTUI(["--state", "XA"], prefix: prefix, binary: binary)
        defer { tui.stop() }
        // A cold start of a copied debug binary as another user: slow on a loaded machine.
        let screen = try tui.waitFor(text: "READ-ONLY", timeout: .seconds(30))
        #expect(screen.contains("not writable"), "\(screen)")
        try Self.goToFirstAction(tui)
        try tui.send("s")
        try tui.waitFor(text: "read-only")
        try tui.send("q")
        #expect(try tui.waitForExit() == 0)
        #expect(store.journal("XA").isEmpty)
    }
}
