import Foundation
import Testing
import ActionPlanModel
@testable import ActionPlanExport

/// `export --round` and the `round compare` writers, on the fictional store of `ExportFixture`.
@Suite("Rounds in exports: the snapshot of a round, and the comparison's files")
struct RoundExportTests {
    /// "=Q1 review" (a hostile name) runs 2026-01-01 … closed 2026-01-31; "Spring <b>|" opens 2026-02-01 and is open.
    static let q1 = Round(name: "=Q1 review", opens: "2026-01-01", due: "2026-01-31", openID: "r1",
                          openedAt: ExportFixture.t("2026-01-01T08:00:00.000Z"), openedBy: "alice",
                          closedAt: Timestamp.endOfDay("2026-01-31"), closedBy: "alice")
    static let spring = Round(name: "Spring <b>|", opens: "2026-02-01", due: "2026-06-30", openID: "r2",
                              openedAt: ExportFixture.t("2026-02-01T08:00:00.000Z"), openedBy: "alice")

    static var comparison: RoundComparison {
        RoundComparison(tracker: ExportFixture.tracker, a: q1, b: spring, states: ExportFixture.directory.visible(includingPartners: false))
    }

    @Test("a closed round exports as of its close, named in the JSON metadata; the document validates against the schema")
    func closedRoundJSON() throws {
        let export = StatusExport(format: .json, scope: ExportScope(), round: Self.q1)
        #expect(export.asOf == Timestamp.endOfDay("2026-01-31"))
        #expect(export.needsCompleteHistory)
        let bytes = export.run(on: ExportFixture.tracker, storeFormat: 3, now: ExportFixture.generatedAt).bytes
        let root = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        let round = try #require(root["round"] as? [String: Any])
        #expect(round["name"] as? String == "=Q1 review")
        #expect(round["closed"] as? String == "2026-01-31T23:59:59.999Z")
        #expect(root["asOf"] as? String == "2026-01-31T23:59:59.999Z")
        let statuses = try #require(root["statuses"] as? [[String: Any]])
        let pv1 = try #require(statuses.first { $0["state"] as? String == "XA" && $0["action"] as? String == "PV-1" })
        #expect(pv1["status"] as? String == "in-progress", "the February change is after the close")
        let out = try Python.run(JSONSchemaTests.validator, arguments: [JSONSchemaTests.schema], input: bytes)
        #expect(out.status == 0, "\(out.stdout)\(out.stderr)")
    }

    @Test("an open round exports the latest status; Markdown and HTML name the round, escaped")
    func openRoundHeaders() {
        let markdown = String(decoding: StatusExport(format: .markdown, scope: ExportScope(), round: Self.spring)
            .run(on: ExportFixture.tracker, storeFormat: 3, now: ExportFixture.generatedAt).bytes, as: UTF8.self)
        #expect(markdown.contains("- Round: Spring &lt;b&gt;\\| (2026-02-01 to 2026-06-30, open: latest status)\n- Status as of: latest recorded status"))
        let html = String(decoding: StatusExport(format: .html, scope: ExportScope(), round: Self.spring)
            .run(on: ExportFixture.tracker, storeFormat: 3, now: ExportFixture.generatedAt).bytes, as: UTF8.self)
        #expect(html.contains(" · round Spring &lt;b&gt;| (2026-02-01 to 2026-06-30, open: latest status) · status as of latest recorded status"))
        let plain = String(decoding: StatusExport(format: .json, scope: ExportScope())
            .run(on: ExportFixture.tracker, storeFormat: 3, now: ExportFixture.generatedAt).bytes, as: UTF8.self)
        #expect(!plain.contains("\"round\""), "no round, no field")
    }

    @Test("the comparison CSV: one row per State × action, the round name formula-guarded")
    func comparisonCSV() {
        let text = String(decoding: RoundComparisonFiles.csv(Self.comparison), as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines[0] == RoundComparisonFiles.csvColumns.joined(separator: ","))
        #expect(lines.count == 1 + 2 * 5)
        #expect(lines[1] == "XA,Avalonia,prevention,PV-1,Action PV-1,'=Q1 review,in-progress,Spring <b>|,implemented,improved,true")
        #expect(lines.contains("XB,Borduria,prevention,PV-2,Action PV-2,'=Q1 review,implemented,Spring <b>|,in-progress,regressed,true"))
    }

    @Test("the comparison as Markdown, JSON and a table")
    func comparisonFiles() throws {
        let markdown = String(decoding: RoundComparisonFiles.markdown(Self.comparison), as: UTF8.self)
        #expect(markdown.contains("- B: 'Spring &lt;b&gt;\\|' (2026-02-01 to 2026-06-30, open: as of now)"))
        #expect(markdown.contains("| Avalonia | PV-1 | In progress | Implemented | ▲ improved |"))
        #expect(markdown.contains("- XA Avalonia: 2 of 5: PV-2, PA-1\n- XB Borduria: 3 of 5: PV-1, PR-1, PT-1\n"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(RoundComparisonFiles.json(Self.comparison))) as? [String: Any])
        let total = try #require(json["total"] as? [String: Any])
        #expect(total["improved"] as? Int == 2)
        #expect(total["regressed"] as? Int == 1)
        #expect((json["pairs"] as? [Any])?.count == 10)
        let table = String(decoding: RoundComparisonFiles.table(Self.comparison), as: UTF8.self)
        #expect(table.contains("Not reviewed in 'Spring <b>|' (no event since 2026-02-01): 5 pairs in 2 States\n  XA Avalonia: 2 of 5: PV-2, PA-1\n  XB Borduria: 3 of 5: PV-1, PR-1, PT-1\n"))
    }
}
