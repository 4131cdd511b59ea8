import Foundation
import Testing
import ActionPlanModel
@testable import ActionPlanExport

/// RFC 4180 output, formula-injection protection, and our reader, checked against Python's `csv` module.
@Suite struct CSVTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("=1+1", "'=1+1"),
        ("+49 30 1234", "'+49 30 1234"),
        ("-5 shelters", "'-5 shelters"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tindent", "'\tindent"),
        ("\rcr", "'\rcr"),
        ("'=already quoted", "''=already quoted"),   // one more apostrophe, so the importer can undo it exactly
        ("'plain apostrophe", "'plain apostrophe"),
        ("a=b", "a=b"),
        ("", ""),
    ])
    func neutraliseAndRestoreAreInverse(original: String, neutralised: String) {
        #expect(CSVCell.neutralise(original) == neutralised)
        #expect(CSVCell.restore(neutralised) == original)
    }

    @Test(arguments: [
        ("a", "a"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("two\nlines", "\"two\nlines\""),
        ("=HYPERLINK(\"x\",\"y\")", "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\""),
    ])
    func cellsAreQuotedOnlyWhenNeeded(text: String, encoded: String) {
        #expect(CSVCell.encode(text) == encoded)
    }

    /// Python's csv module reads back exactly our cells (neutralised ones with their apostrophe).
    @Test func pythonReadsTheSameValues() throws {
        let snapshot = ExportFixture.snapshot()
        let script = """
            import csv, io, json, sys
            rows = list(csv.reader(io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", newline="")))
            print(json.dumps(rows))
            """
        let out = try Python.run(script, input: StatusCSV.write(snapshot))
        #expect(out.status == 0, "\(out.stderr)")
        let rows = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [[String]] ?? []
        let expected = [StatusCSV.columns] + snapshot.rows.map { StatusCSV.cells($0).map(CSVCell.neutralise) }
        #expect(rows == expected)
        let pv1 = try #require(rows.first { $0[0] == "XA" && $0[4] == "PV-1" })
        #expect(pv1[9] == "https://example.org/xa/plan.pdf\nDecree 12/2026; art. 3, para. 2")
        let pr1 = try #require(rows.first { $0[0] == "XA" && $0[4] == "PR-1" })
        #expect(pr1[8] == "'" + ExportFixture.hyperlinkNote)
        let xaPV1Note = try #require(snapshot.rows.first { $0.stateCode == "XA" && $0.actionID == "PV-1" }).assessment.note
        #expect(xaPV1Note == ExportFixture.awkwardNote)
        // PV-1's current note is the awkward one: commas, quotes, a newline and non-ASCII survive intact.
        #expect(pv1[8] == ExportFixture.awkwardNote)
    }

    /// What Python writes, our reader reads (with a BOM and CRLF, as Excel saves).
    @Test func readerAcceptsWhatPythonWrites() throws {
        let script = """
            import csv, sys
            out = open(sys.stdout.fileno(), "w", encoding="utf-8-sig", newline="")
            w = csv.writer(out)
            w.writerow(["a", "b,c", 'say "hi"'])
            w.writerow(["two\\nlines", "", "Ünïcödé — 東京"])
            out.flush()
            """
        let out = try Python.run(script)
        #expect(out.status == 0, "\(out.stderr)")
        let bytes = Array(out.stdout.utf8)
        #expect(bytes.starts(with: StatusCSV.byteOrderMark))
        let records = try CSVReader.parse(bytes).get()
        #expect(records == [
            CSVReader.Record(row: 1, cells: ["a", "b,c", "say \"hi\""]),
            CSVReader.Record(row: 2, cells: ["two\nlines", "", "Ünïcödé — 東京"]),
        ])
    }

    @Test func readerReportsBadUTF8WithItsRowAndColumn() {
        var bytes = Array("h1,h2\r\nok,fine\r\nbad,".utf8)
        bytes += [0xC3, 0x28]
        bytes += Array("\r\n".utf8)
        guard case .failure(let problems) = CSVReader.parse(bytes) else { Issue.record("bad UTF-8 accepted"); return }
        #expect(problems.all.map(\.description) == ["row 3, column B: the cell is not valid UTF-8; save the file as \"CSV UTF-8\""])
    }

    @Test func readerReportsAnUnclosedQuote() {
        guard case .failure(let problems) = CSVReader.parse(Array("a,b\n\"open,c\n".utf8)) else { Issue.record("accepted"); return }
        #expect(problems.all.first?.row == 2)
        #expect(problems.all.first?.message.contains("never closed") == true)
    }

    @Test func readerCountsSpreadsheetRowsNotLines() throws {
        let records = try CSVReader.parse(Array("h\n\"a\nb\"\nc".utf8)).get()
        #expect(records.map(\.row) == [1, 2, 3])
        #expect(records.map(\.cells) == [["h"], ["a\nb"], ["c"]])
    }

    @Test(arguments: [(0, "A"), (11, "L"), (25, "Z"), (26, "AA"), (27, "AB")])
    func columnLetters(index: Int, letter: String) {
        #expect(StatusCSV.letter(ofColumn: index) == letter)
    }
}
