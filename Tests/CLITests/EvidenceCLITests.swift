import Testing
import Foundation

/// Item 7 through the binary: `set --evidence` and `import` refuse what the rule refuses, and an
/// untouched export → import plans nothing.
@Suite("CLI: evidence references")
struct EvidenceCLITests {
    @Test("set --evidence with a line break, an empty or a blank reference: exit 64, nothing written",
          arguments: ["A\nB", "", " ", "x\u{1B}[2J"])
    func setRefuses(reference: String) throws {
        let cli = try FictionalCLI.make(); defer { cli.cleanUp() }
        let before = try StoreSnapshot(cli.store)
        let r = try cli.run("set", "XA", "AP03-III-1-b", "implemented", "--evidence", "REF-2", "--evidence", reference)
        #expect(r.status == 64, "\(r.stderr)")
        #expect(r.stderr.contains("--evidence: evidence '"), "\(r.stderr)")
        #expect(try StoreSnapshot(cli.store) == before)
    }

    @Test("references are stored trimmed, and an untouched export → import plans nothing")
    func roundTrip() throws {
        let cli = try FictionalCLI.make(); defer { cli.cleanUp() }
        let set = try cli.run("set", "XA", "AP03-III-1-b", "implemented", "--evidence", "  REF-2  ", "--evidence", "https://example.org/x")
        #expect(set.stdout.contains("+2 evidence"), "\(set.stdout)")
        #expect(try cli.file("states/XA.jsonl").contains("\"evidenceAdded\":[\"REF-2\",\"https://example.org/x\"]"))
        let csv = cli.store + "/../round.csv"
        #expect(try cli.run("export", "--format", "csv", "--output", csv).status == 0)
        let r = try cli.run("import", csv, "--dry-run")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("0 row(s) changed"), "\(r.stdout)")
    }

    @Test("import refuses a reference longer than the rule allows, naming row and column")
    func importRefusesLong() throws {
        let cli = try FictionalCLI.make(); defer { cli.cleanUp() }
        let csv = cli.store + "/../long.csv"
        #expect(try cli.run("export", "--format", "csv", "--state", "XA", "--output", csv).status == 0)
        var text = try String(contentsOfFile: csv, encoding: .utf8)
        text = text.replacingOccurrences(of: "REF-1", with: String(repeating: "R", count: 2001))
        try text.write(toFile: csv, atomically: true, encoding: .utf8)
        let before = try StoreSnapshot(cli.store)
        let r = try cli.run("import", csv)
        #expect(r.status == 64)
        #expect(r.stderr.contains("column J (evidence): evidence 'RRRR"), "\(r.stderr)")
        #expect(r.stderr.contains("longer than 2000 characters"))
        #expect(try StoreSnapshot(cli.store) == before)
    }
}
