import Foundation
import Testing
import ActionPlanModel
@testable import ActionPlanExport

/// The XLSX workbook: what a spreadsheet (read by openpyxl, an independent implementation) finds in it,
/// and reading it back (our own files and files saved again by openpyxl) with the CSV's import rules.
@Suite struct XLSXTests {
    let tracker = ExportFixture.tracker
    var workbook: [UInt8] { StatusXLSX.write(ExportFixture.snapshot()) }

    /// Writes `bytes` to a temporary `.xlsx`, runs `script` with its path as `sys.argv[1]`, removes it.
    func python(_ script: String, on bytes: [UInt8], alsoReturnFile: Bool = false) throws -> (stdout: String, file: [UInt8]) {
        let folder = NSTemporaryDirectory() + "xlsx-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/book.xlsx"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let out = try Python.run(script, arguments: [path])
        try #require(out.status == 0, "python failed: \(out.stderr)")
        return (out.stdout, [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    // MARK: - What a spreadsheet sees (openpyxl)

    @Test func sheetsFrozenHeadersAndAutofilters() throws {
        let out = try python("""
            import sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            print(",".join(wb.sheetnames))
            for ws in wb.worksheets:
                print(ws.title, ws.freeze_panes, ws.auto_filter.ref, ws.max_row, ws.max_column)
            """, on: workbook).stdout
        #expect(out.split(separator: "\n").map(String.init) == [
            "Overview,Prevention,Prosecution,Protection,Partnerships,Legend",
            "Overview A2 A1:J3 3 10",           // XA and XB (the partner only with --partners)
            "Prevention A2 A1:O5 5 15",         // 2 States × PV-1, PV-2
            "Prosecution A2 A1:O3 3 15",        // PR-X is addressed to OSCE structures: not a row
            "Protection A2 A1:O3 3 15",
            "Partnerships A2 A1:O3 3 15",
            "Legend None None 12 3",            // six statuses, a blank row, catalog, as of, generated, notice
        ])
    }

    @Test func oneSheetPerStateOnRequest() throws {
        let out = try python("""
            import sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            print(",".join(wb.sheetnames), wb["XA Avalonia"].max_row)
            """, on: StatusXLSX.write(ExportFixture.snapshot(), sheets: .state)).stdout
        #expect(out == "Overview,XA Avalonia,XB Borduria,Legend 6\n")
    }

    @Test func cellsAreTextDatesAndColouredStatuses() throws {
        let out = try python("""
            import sys, json, openpyxl
            ws = openpyxl.load_workbook(sys.argv[1])["Prosecution"]
            header = [c.value for c in ws[1]]
            row = {h: c for h, c in zip(header, ws[2])}          # XA PR-1
            print(json.dumps({
                "header": header,
                "note": [row["note"].value, row["note"].data_type],
                "status": [row["status_id"].value, row["status_id"].fill.fgColor.rgb, row["status_label"].fill.fgColor.rgb],
                "updated": f'{row["updated_at"].value.isoformat()} {row["updated_at"].is_date} {row["updated_at"].number_format}',
                "base": row["base"].value,
                "never": [c.value for c in ws[3]][6:13],          # XB PR-1, never assessed
            }))
            """, on: workbook).stdout
        let json = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        #expect(json["header"] as? [String] == StatusCSV.columns)
        // Formula injection: the hostile note is a text cell ('s'), never a formula ('f'), and needs no apostrophe.
        #expect(json["note"] as? [String] == [ExportFixture.hyperlinkNote, "s"])
        #expect(json["status"] as? [String] == ["partially-implemented", XLSXStyle.fill(.partiallyImplemented),
                                                XLSXStyle.fill(.partiallyImplemented)])
        #expect(json["updated"] as? String == "2026-02-20T16:45:00 True yyyy-mm-dd hh:mm:ss")
        #expect(json["base"] as? String == "e4")
        #expect((json["never"] as? [Any?])?.map { $0 as? String } == ["not-assessed", "Not assessed", "", "", nil, "", "none"])
    }

    @Test func theLegendShowsEveryStatusInItsColour() throws {
        let out = try python("""
            import sys, openpyxl
            ws = openpyxl.load_workbook(sys.argv[1])["Legend"]
            for row in ws.iter_rows(min_row=2, max_row=7):
                print(row[0].value, row[1].value, row[0].fill.fgColor.rgb)
            """, on: workbook).stdout
        #expect(out.split(separator: "\n").map(String.init) == Status.allCases.map {
            "\($0.rawValue) \($0.label) \(XLSXStyle.fill($0))"
        })
    }

    @Test func theOverviewHoldsPercentagesAsNumbers() throws {
        let out = try python("""
            import sys, openpyxl
            ws = openpyxl.load_workbook(sys.argv[1])["Overview"]
            print([c.value for c in ws[1]]); print([c.value for c in ws[2]]); print(ws["C2"].number_format)
            """, on: workbook).stdout
        let xa = ExportFixture.snapshot().states[0]
        #expect(out.split(separator: "\n").map(String.init) == [
            "['state_code', 'state_name', 'Prevention', 'Prosecution', 'Protection', 'Partnerships', 'overall', 'coverage', 'assessed', 'trackable']",
            "['XA', 'Avalonia', 1, \(xa.byPillar["prosecution"]!.implementation!), None, None, \(xa.overall.implementation!), 0.6, 3, 5]",
            "0%",
        ])
    }

    // MARK: - Reading back

    @Test func anUnchangedWorkbookImportsAsUnchanged() throws {
        let plan = try XLSXImport.plan(xlsx: workbook, tracker: tracker).get()
        #expect(plan.combined.changes.isEmpty)
        #expect(plan.combined.unchanged == 10)
        #expect(plan.sheets.map(\.name) == ["Prevention", "Prosecution", "Protection", "Partnerships"])
        #expect(plan.ignored == ["Overview", "Legend"])
    }

    /// Notes no XML 1.0 document can hold as they are, and text that looks like our own escapes.
    static let awkwardNotes = [
        "CR LF\r\nand a lone CR\r", "escape \u{1B}[31m red, bell \u{07}, C1 \u{85}", "_x0041_ is not A", "_x005F_ nor _",
        "'=already quoted", "  leading and trailing  ", "=1+1", "tab\there", "東京 <b>&amp;</b> \"q\"",
    ]

    @Test(arguments: awkwardNotes)
    func everyNoteComesBackExactly(_ note: String) throws {
        var tracker = self.tracker
        tracker.record(ChangeEvent(id: "n1", time: ExportFixture.t("2026-03-05T00:00:00.000Z"), author: "dana", state: "XB",
                                   action: "PT-1", base: [], status: .inProgress, note: note))
        let snapshot = StatusSnapshot(tracker: tracker, scope: ExportScope(), asOf: nil, changesFrom: nil,
                                      generatedAt: ExportFixture.generatedAt, storeFormat: 2)
        let sheets = try XLSXReader.sheets(StatusXLSX.write(snapshot)).get()
        let protection = try #require(sheets.first { $0.name == "Protection" })
        #expect(protection.rows.last?.cells[RowCheck.Column.note] == .text(note))
        let plan = try XLSXImport.plan(xlsx: StatusXLSX.write(snapshot), tracker: tracker).get()
        #expect(plan.combined.changes.isEmpty, "the note came back changed")
    }

    @Test func anEditSavedByOpenpyxlImportsWithSharedStrings() throws {
        let edited = try python("""
            import sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            ws = wb["Prevention"]
            ws["G3"] = "Implemented"                      # XA PV-2, by its label
            ws["I3"] = "Law passed\\nsee annex"
            ws["J2"] = "https://example.org/xa/plan.pdf"  # XA PV-1: one reference removed
            wb.save(sys.argv[1])
            """, on: workbook).file
        let plan = try XLSXImport.plan(xlsx: edited, tracker: tracker).get()
        #expect(plan.combined.changes.map(\.description) == [
            "row 2: XA PV-1: −1 evidence",
            "row 3: XA PV-2: not-assessed → implemented, note edited",
        ])
        #expect(plan.combined.changes.map(\.base) == [["e9"], []])
        #expect(plan.combined.unchanged == 8)
    }

    @Test func aFollowUpDateTypedAsADateInTheSpreadsheetIsThatDay() throws {
        let edited = try python("""
            import sys, datetime, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            ws = wb["Prevention"]
            ws["N3"] = datetime.date(2026, 5, 15)          # XA PV-2: a real date cell (a day serial)
            ws["O3"] = "erin"
            ws["N2"] = None; ws["O2"] = None              # XA PV-1: follow-up removed
            wb.save(sys.argv[1])
            """, on: workbook).file
        let plan = try XLSXImport.plan(xlsx: edited, tracker: tracker, today: ReviewDate(parsing: "2026-04-01")).get()
        #expect(plan.combined.changes.map(\.description) == [
            "row 2: XA PV-1: follow-up cleared",
            "row 3: XA PV-2: follow-up 2026-05-15 (erin)",
        ])
    }

    @Test func formulasErrorsAndStaleRowsAreProblemsWithSheetRowAndColumn() throws {
        let edited = try python("""
            import sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            wb["Prevention"]["I2"] = "=1+1"                 # typed as a formula
            wb["Protection"]["G2"] = "implementd"
            wb["Partnerships"]["M3"] = "e1"                 # XB PA-1: a base the store no longer has as head
            wb["Partnerships"]["G3"] = "implemented"
            wb.save(sys.argv[1])
            """, on: workbook).file
        let problems = try #require(XLSXImport.plan(xlsx: edited, tracker: tracker).failure)
        #expect(problems.all.map(\.description) == [
            "sheet 'Prevention', row 2, column I (note): the cell holds a formula; type the value itself (formulas are never imported)",
            "sheet 'Protection', row 2, column G (status_id): unknown status 'implementd'; did you mean 'implemented'? "
                + "(valid: not-assessed, not-started, in-progress, partially-implemented, implemented, not-applicable)",
            "sheet 'Partnerships', row 3, column M (base): XB PA-1 was changed in the store after this file was exported "
                + "(by alice at 2026-03-02T13:15:00.000Z; now in-progress); export again and redo the change",
        ])
    }

    @Test func aRowOnTwoSheetsIsADuplicate() throws {
        let edited = try python("""
            import sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            src, dst = wb["Prevention"], wb["Protection"]
            dst.append([c.value for c in src[2]])           # XA PV-1 again, on another sheet
            wb.save(sys.argv[1])
            """, on: workbook).file
        let problems = try #require(XLSXImport.plan(xlsx: edited, tracker: tracker).failure)
        #expect(problems.all.map(\.description) == [
            "sheet 'Protection', row 4: duplicate of sheet 'Prevention' row 2 (XA PV-1 appears twice)",
        ])
    }

    @Test(arguments: [
        ([UInt8]("state_code,action_id\r\n".utf8), "not an XLSX file (it is not a ZIP archive); save it as an Excel workbook (.xlsx)"),
        ([0x50, 0x4B, 0x03, 0x04, 0, 0], "not an XLSX file (it is not a ZIP archive); save it as an Excel workbook (.xlsx)"),
    ])
    func notAWorkbook(_ bytes: [UInt8], _ message: String) throws {
        let problems = try #require(XLSXImport.plan(xlsx: bytes, tracker: tracker).failure)
        #expect(problems.all.map(\.description) == [message])
    }

    @Test func aWorkbookWithoutAStatusTableSaysSo() throws {
        let edited = try python("""
            import sys, openpyxl
            wb = openpyxl.Workbook(); wb.active.title = "Notes"; wb.active["A1"] = "hello"; wb.save(sys.argv[1])
            """, on: workbook).file
        let problems = try #require(XLSXImport.plan(xlsx: edited, tracker: tracker).failure)
        #expect(problems.all.map(\.description) == [
            "no sheet has the layout of `actionplan export --format xlsx` (state_code in A1, action_id in E1); sheets: 'Notes'",
        ])
    }

    // MARK: - Pieces

    @Test(arguments: [
        ("a & b < c", "a &amp; b &lt; c"), ("\r\n", "&#13;\n"), ("\u{1B}", "_x001B_"), ("_x0041_", "_x005F_x0041_"),
        ("_x41_", "_x41_"), ("\u{FFFF}", "_xFFFF_"), ("snake_case_x", "snake_case_x"),
    ])
    func xmlEscapes(_ text: String, _ escaped: String) {
        #expect(XMLText.escape(text) == escaped)
        #expect(XMLText.unescape(escaped.replacingOccurrences(of: "&#13;", with: "\r")
            .replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&lt;", with: "<")) == text)
    }

    @Test func sheetNamesAreValidAndUnique() {
        #expect(StatusXLSX.sheetName("GB United Kingdom of Great Britain and Northern Ireland", taken: []) == "GB United Kingdom of Great Brit")
        #expect(StatusXLSX.sheetName("a/b:c[d]", taken: []) == "a-b-c-d-")
        #expect(StatusXLSX.sheetName("Legend", taken: ["legend"]) == "Legend (2)")
        #expect(StatusXLSX.sheetName("'quoted'", taken: []) == "quoted")
    }

    @Test func theSameSnapshotGivesTheSameBytes() {
        #expect(workbook == workbook)
    }
}

extension Result {
    var failure: Failure? { if case .failure(let failure) = self { failure } else { nil } }
}
