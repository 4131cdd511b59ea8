import Foundation
import TestSupport
import Testing

/// The HTML report's pictures for reviewers, and `--omit-empty-states`, run through the built binary.
@Suite("CLI: report pictures and --omit-empty-states")
struct ReportPicturesCLITests {
    static let action = ExportCLITests.action

    /// Fictional States; XA has a long history (more events than a `.recent` read keeps), XB none.
    ///
    /// ```
    /// XA AP03-III-1-a  2025-01 not started, 68 note edits through 2025, 2026-02 implemented
    /// XB               nothing recorded
    /// ```
    func store() throws -> CLIRunner {
        let cli = CLIRunner()
        #expect(try cli.run("init").status == 0)
        try cli.write("states.json", ExportCLITests.states)
        var lines = [#"{"id":"h000","time":"2025-01-05T09:00:00.000Z","author":"alice","state":"XA","action":"\#(Self.action)","base":[],"status":"not-started"}"#]
        for n in 1...68 {
            let day = String(format: "2025-%02d-%02dT10:00:00.000Z", 1 + (n - 1) / 6, 10 + (n - 1) % 6)
            lines.append(#"{"id":"h\#(String(format: "%03d", n))","time":"\#(day)","author":"alice","state":"XA","action":"\#(Self.action)","base":["h\#(String(format: "%03d", n - 1))"],"note":"edit \#(n)"}"#)
        }
        lines.append(#"{"id":"h069","time":"2026-02-15T10:00:00.000Z","author":"bob","state":"XA","action":"\#(Self.action)","base":["h068"],"status":"implemented"}"#)
        try cli.write("states/XA.jsonl", lines.joined(separator: "\n") + "\n")
        return cli
    }

    @Test func theHTMLReportDrawsTheWholeHistoryEvenAfterARecentRead() throws {
        let cli = try store()
        defer { cli.cleanUp() }
        // A CSV export reads only the recent history (and may leave checkpoints); the report must still fold everything.
        #expect(try cli.run("export", "--format", "csv").status == 0)
        let result = try cli.run("export", "--format", "html", "--as-of", "2026-03-31")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("<svg class=\"trend-chart\""))
        // From the month of the first event: 15 month ends, 2025-01 to 2026-03.
        #expect(result.stdout.contains("<desc id=\"trend-desc\">15 month ends from 2025-01 to 2026-03."))
        // The action is in Prosecution: not started (0 %) from January 2025, implemented (100 %) from February 2026.
        let prosecution = "<td class=\"num\">–</td><td class=\"num\">0%</td>"
        #expect(result.stdout.contains("<tr><td>2025-01</td>\(prosecution)<td class=\"num\">0%</td>"))
        #expect(result.stdout.contains("<tr><td>2026-01</td>\(prosecution)<td class=\"num\">0%</td>"))
        #expect(result.stdout.contains("<tr><td>2026-02</td>\(prosecution)<td class=\"num\">100%</td>"))
        #expect(result.stdout.contains("Most implemented"))
    }

    @Test(arguments: ["html", "markdown", "csv", "json"])
    func omitEmptyStatesLeavesOutStatesWithNoData(_ format: String) throws {
        let cli = try store()
        defer { cli.cleanUp() }
        let all = try cli.run("export", "--format", format)
        let kept = try cli.run("export", "--format", format, "--omit-empty-states")
        #expect(all.status == 0 && kept.status == 0, "\(kept.stderr)")
        #expect(all.stdout.contains("Borduria") || all.stdout.contains("\"XB\""))
        switch format {
        case "html":
            #expect(kept.stdout.contains("Left out: 1 State with no data recorded (Borduria (XB))."))
            #expect(!kept.stdout.contains("id=\"state-XB\""))
            #expect(all.stdout.contains("id=\"state-XB\""))
        case "markdown":
            #expect(kept.stdout.contains("- Left out (no data recorded): Borduria (XB)"))
            #expect(!kept.stdout.contains("## Borduria"))
        case "csv":
            #expect(!kept.stdout.contains("\r\nXB,"))
            #expect(kept.stdout.contains("\r\nXA,"))
        default:
            #expect(kept.stdout.contains("\"states\": [\"XA\"]"))
            #expect(!kept.stdout.contains("\"state\": \"XB\""))
        }
    }

    @Test func everyStateEmptyIsStillAReport() throws {
        let cli = CLIRunner()
        defer { cli.cleanUp() }
        #expect(try cli.run("init").status == 0)
        try cli.write("states.json", ExportCLITests.states)
        let result = try cli.run("export", "--format", "html", "--omit-empty-states")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Left out: 2 States with no data recorded"))
        #expect(result.stdout.contains("No status has been recorded for these States yet"))
        let help = try cli.run("export", "--help")
        #expect(help.stdout.contains("--omit-empty-states"))
    }
}
