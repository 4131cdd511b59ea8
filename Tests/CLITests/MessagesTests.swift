import Foundation
import Testing

/// How the command line talks to people: typos, one error style, help text, grammar (issue 9, items 7–10).
@Suite struct MessagesTests {
    @Test func aMistypedSubcommandGetsDidYouMean() throws {
        let cli = CLIRunner()
        defer { cli.cleanUp() }
        let result = try cli.run("sett", "XA")
        #expect(result.status == 64)
        #expect(result.stderr == "actionplan: error: unknown command 'sett'; did you mean 'set'? (run `actionplan --help` for the list)\n")
        #expect(!result.stderr.contains("tui"))
    }

    @Test func parseErrorsUseTheOneErrorStyle() throws {
        let cli = CLIRunner()
        defer { cli.cleanUp() }
        let result = try cli.run("show")
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("actionplan: error: missing expected argument '<state>'"), "\(result.stderr)")
        #expect(!result.stderr.contains("Error:"))
    }

    @Test func exportHelpListsTheFormatsOnceAndWrapsEvenly() throws {
        let cli = CLIRunner()
        defer { cli.cleanUp() }
        let help = try cli.run("export", "--help").stdout
        let format = help.split(separator: "\n").filter { $0.hasPrefix("  --format <format>") }
        #expect(format == ["  --format <format>       The format. (values: csv, json, markdown, html, xlsx)"], "\(help)")
        // The discussion is one paragraph: no short line in the middle of it.
        let paragraph = help.components(separatedBy: "\n\n")[1].split(separator: "\n")
        #expect(paragraph.dropLast().allSatisfy { $0.count >= 60 }, "\(paragraph)")
    }

    @Test func countsAreGrammatical() throws {
        let cli = CLIRunner()
        defer { cli.cleanUp() }
        try cli.run("init")
        try cli.write("states.json", """
            [{"code":"XA","iso3":"XAV","name":"Avalonia","kind":"participating","group":"fiction"}]
            """)
        try cli.run("set", "XA", "AP03-IV-1-a", "implemented")
        let history = try cli.run("history", "XA").stdout
        #expect(history.contains("1 change\n") && !history.contains("change(s)"), "\(history)")
        let changes = try cli.run("changes", "--from", "2000-01-01").stdout
        #expect(changes.contains("1 status change:") && !changes.contains("(s)"), "\(changes)")
    }

    @Test func reportsSayUnverifiedNotJargon() throws {
        let cli = CLIRunner()
        defer { cli.cleanUp() }
        try cli.run("init")
        let markdown = try cli.run("export", "--format", "markdown", "--pillar", "prevention").stdout
        #expect(!markdown.contains("verified:false") && markdown.contains("marked unverified"))
    }
}
