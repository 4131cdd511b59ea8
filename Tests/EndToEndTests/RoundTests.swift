import Foundation
import TestSupport
import Testing

/// Reporting rounds in a real terminal: the header's countdown, `r` and `C` on a store whose rounds
/// were recorded with the command line (a closed past round, then an open one).
@Suite("TUI end to end: reporting rounds")
struct RoundEndToEndTests {
    @Test("the header names the open round; r filters to what is not reviewed; C compares the rounds, read-only too")
    func roundsInTheTUI() throws {
        let store = try FictionalStore(label: "rounds")
        for arguments in [["set", "XA", "AP03-IV-1-a", "in-progress"],
                          ["round", "open", "2021 survey", "--opens", "2021-01-01", "--due", "2021-06-30", "--allow-past"],
                          ["round", "close", "--at", "2021-06-30"],
                          ["round", "open", "2099 survey", "--due", "2099-06-30"],
                          ["set", "XA", "AP03-IV-1-b", "implemented"]] {
            let result = try Spawn.run([store.binary] + arguments + ["--store", store.path], environment: FictionalStore.plainEnvironment)
            try #require(result.status == 0, "\(arguments): \(result.stderr)")
        }
        let tui = try store.startTUI(["--state", "XA", "--read-only"])
        defer { tui.stop() }
        try tui.waitFor(text: "2099 survey · ")
        try tui.send("r")
        try tui.waitFor(text: "not reviewed in '2099 survey'")
        try tui.send("C")
        try tui.waitFor(text: "Rounds compared")
        try tui.waitFor(text: "A 2021 survey (as of its close 2021-06-30 23:59)")
        try tui.waitFor(text: "AP03-IV-1-b  Not assessed → Implemented")
        try tui.send("Escape")
        try tui.waitFor("the comparison closed") { !$0.contains("Rounds compared") }
        try tui.send("q")
        #expect(try tui.waitForExit() == 0)
    }
}
