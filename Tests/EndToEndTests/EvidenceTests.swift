import Foundation
import TestSupport
import Testing

/// Evidence in a real terminal: the list (`E`), opening a reference with a fake `xdg-open` on PATH that
/// records its arguments, and removing one.
@Suite("TUI end to end: evidence")
struct EvidenceEndToEndTests {
    @Test("o hands the reference to xdg-open as one argument; d removes it and the journal says so")
    func openAndRemove() throws {
        let store = try FictionalStore(label: "evidence")
        let reference = "https://example.org/a b;$(touch pwned)"
        let set = try Spawn.run([store.binary, "set", "XA", "AP03-IV-1-a", "in-progress", "--evidence", reference,
                                 "--store", store.path], environment: FictionalStore.plainEnvironment)
        try #require(set.status == 0, "\(set.stderr)")
        let bin = store.folder.url.appendingPathComponent("fakebin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let record = store.folder.url.appendingPathComponent("opened.txt").path
        let fake = bin.appendingPathComponent("xdg-open")
        try Data("#!/bin/sh\nprintf '%s\\n' \"$#\" \"$1\" > '\(record)'\n".utf8).write(to: fake)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake.path)
        let path = bin.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")

        let tui = try store.startTUI(["--state", "XA"], prefix: ["env", "-u", "BROWSER", "PATH=\(path)"])
        defer { tui.stop() }
        try EditingTests.goToFirstAction(tui)
        try tui.send("E")
        try tui.waitFor(text: "Evidence of AP03-IV-1-a")
        try tui.send("o")
        try tui.waitFor(text: "opened https://example.org/a b")
        let opened = try String(contentsOfFile: record, encoding: .utf8)
        #expect(opened == "1\n\(reference)\n", "one argument, exactly the reference")
        #expect(!FileManager.default.fileExists(atPath: store.folder.url.appendingPathComponent("pwned").path))
        try tui.send("d")
        try tui.waitFor("the list closed") { !$0.contains("Evidence of AP03-IV-1-a") }
        try tui.send("q")
        #expect(try tui.waitForExit() == 0)
        let lines = store.journal("XA")
        #expect(lines.count == 2)
        #expect(lines.last?.contains("\"evidenceRemoved\":[") == true, "\(lines)")
    }
}
