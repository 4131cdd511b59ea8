import Foundation
import TestSupport
import Testing

/// `export --format xlsx` and `import FILE.xlsx` as a user runs them, the workbook edited in between by
/// openpyxl (an independent implementation that saves with shared strings, as Excel does) and, where it
/// is installed, saved again by LibreOffice.
@Suite("CLI: XLSX export and import")
struct XLSXCLITests {
    static let action = ExportCLITests.action, other = ExportCLITests.other

    /// Sets cells of every status sheet of a workbook: (state, action, column, value) quadruples, as text
    /// (openpyxl, like Excel, would otherwise make a formula of a value that starts with `=`).
    static let editor = """
        import sys, openpyxl
        path, edits = sys.argv[1], sys.argv[2:]
        wb = openpyxl.load_workbook(path)
        for ws in wb.worksheets:
            header = [c.value for c in ws[1]]
            if "action_id" not in header: continue
            for row in ws.iter_rows(min_row=2):
                for i in range(0, len(edits), 4):
                    state, action, column, value = edits[i:i + 4]
                    if row[0].value == state and row[4].value == action:
                        cell = row[header.index(column)]
                        cell.value = value
                        cell.data_type = "s"   # typed as text, as Excel keeps a cell typed '=…
        wb.save(path)
        """

    func edit(_ path: String, _ edits: String...) throws {
        let result = try Spawn.run(["python3", "-c", Self.editor, path] + edits, environment: Spawn.environment())
        try #require(result.status == 0, "openpyxl: \(result.stderr)")
    }

    @Test("export → edit in a spreadsheet → import, all in one batch; again: unchanged")
    func roundTrip() throws {
        let cli = try ExportCLITests().store(); defer { cli.cleanUp() }
        let book = cli.store + "/../edit.xlsx"
        let export = try cli.run("export", "--format", "xlsx", "--state", "XA", "--state", "XB", "--output", book)
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stderr.contains("wrote xlsx export of 2 States to "))
        try edit(book, "XA", Self.other, "status_id", "Partially implemented",
                 "XB", Self.action, "note", "=cmd|' /C calc'!A0\nsecond line",
                 "XB", Self.action, "evidence", "REF-1\nhttps://example.org/b")
        let dry = try cli.run("import", book, "--dry-run")
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("sheet 'Prosecution', row 3: XA \(Self.other): not-started → partially-implemented"))
        #expect(dry.stdout.contains("2 row(s) changed, 208 unchanged, 0 skipped (blank); dry run, nothing written"))
        #expect(dry.stderr.contains("not status tables, not read: 'Overview', 'Legend'"))
        #expect(!FileManager.default.fileExists(atPath: cli.store + "/states/XB.jsonl"))

        let real = try cli.run("import", book, "--by", "dana")
        #expect(real.status == 0, "\(real.stderr)")
        #expect(real.stdout.contains("2 event(s) written by dana"))
        let json = try cli.run("export", "--format", "json", "--state", "XB")
        let after = try ExportCLITests().statuses(json.stdout)
        // The formula-shaped note is text in the workbook and in the store; nothing ran, nothing was added.
        #expect(after["XB \(Self.action)"]?["note"] as? String == "=cmd|' /C calc'!A0\nsecond line")
        #expect(after["XB \(Self.action)"]?["evidence"] as? [String] == ["REF-1", "https://example.org/b"])

        let again = try cli.run("import", book)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("0 row(s) changed, 210 unchanged"))
    }

    @Test("a row changed in the store since the export is refused with its sheet, row and column; nothing is written")
    func staleRowRefused() throws {
        let cli = try ExportCLITests().store(); defer { cli.cleanUp() }
        let book = cli.store + "/../stale.xlsx"
        #expect(try cli.run("export", "--format", "xlsx", "--state", "XA", "--output", book).status == 0)
        #expect(try cli.run("set", "XA", Self.action, "in-progress", "--by", "erin").status == 0)
        try edit(book, "XA", Self.action, "status_id", "not-applicable", "XA", Self.other, "status_id", "implemented")
        let journal = try cli.file("states/XA.jsonl")
        let result = try cli.run("import", book)
        #expect(result.status == 64)
        #expect(result.stderr.contains("sheet 'Prosecution', row 2, column M (base): XA \(Self.action) was changed in the store after this file was exported (by erin at "))
        #expect(result.stderr.contains("1 problem(s); nothing was written"))
        #expect(try cli.file("states/XA.jsonl") == journal)
    }

    @Test("--sheets state gives one sheet per State; --sheets belongs to xlsx")
    func sheetsOption() throws {
        let cli = try ExportCLITests().store(); defer { cli.cleanUp() }
        let book = cli.store + "/../states.xlsx"
        #expect(try cli.run("export", "--format", "xlsx", "--sheets", "state", "--output", book).status == 0)
        let names = try Spawn.run(["python3", "-c", "import sys, openpyxl; print(openpyxl.load_workbook(sys.argv[1]).sheetnames)", book],
                                  environment: Spawn.environment())
        #expect(names.stdout == "['Overview', 'XA Avalonia', 'XB Borduria', 'Legend']\n")
        let wrong = try cli.run("export", "--format", "csv", "--sheets", "state")
        #expect(wrong.status == 64)
        #expect(wrong.stderr.contains("--sheets only applies to --format xlsx"))
    }

    static let soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/local/bin/soffice"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test("a workbook saved again by LibreOffice imports as unchanged (LibreOffice headless; skipped when not installed)",
          .enabled(if: soffice != nil, "LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui"))
    func libreOfficeSavesItAgain() throws {
        let cli = try ExportCLITests().store(); defer { cli.cleanUp() }
        let folder = cli.store + "/../lo"
        try FileManager.default.createDirectory(atPath: folder + "/out", withIntermediateDirectories: true)
        #expect(try cli.run("export", "--format", "xlsx", "--state", "XA", "--output", folder + "/book.xlsx").status == 0)
        let converted = try Spawn.run([Self.soffice!, "-env:UserInstallation=file://" + folder + "/profile", "--headless",
                                       "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", folder + "/out", folder + "/book.xlsx"],
                                      environment: Spawn.environment(["HOME": folder]))
        try #require(converted.status == 0, "soffice: \(converted.stderr)")
        let result = try cli.run("import", folder + "/out/book.xlsx", "--dry-run")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("0 row(s) changed, 105 unchanged"), "\(result.stdout)")
    }
}
