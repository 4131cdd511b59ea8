import Testing
import TestSupport
import ActionPlanModel
@testable import ActionPlanExport

/// Every format on the fictional fixture, byte for byte (Goldens/<test name>.<extension>).
@Suite struct FormatGoldenTests {
    let snapshot = ExportFixture.snapshot()

    @Test func statusCSV() { Golden.check(StatusCSV.write(snapshot), named: "statusCSV.csv") }
    @Test func statusCSVForExcel() {
        Golden.check(StatusCSV.write(ExportFixture.snapshot(scope: ExportScope(states: ["XB"]))), named: "statusCSVOneState.csv")
        let excel = StatusCSV.write(snapshot, excel: true)
        #expect(Array(excel.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(Array(excel.dropFirst(3)) == StatusCSV.write(snapshot))
    }
    @Test func statusJSON() { Golden.check(StatusJSON.write(snapshot), named: "statusJSON.json") }
    @Test func markdownReport() { Golden.check(MarkdownReport.write(snapshot), named: "markdownReport.md") }
    @Test func htmlReport() { Golden.check(HTMLReport.write(snapshot), named: "htmlReport.html") }
    @Test func markdownReportOfOnePillarAsOf() {
        let past = ExportFixture.snapshot(asOf: Timestamp.endOfDay("2026-02-01"), scope: ExportScope(pillar: "prevention"))
        Golden.check(MarkdownReport.write(past), named: "markdownReportOfOnePillarAsOf.md")
    }

    // MARK: - Change report

    var changes: ChangeReport {
        ChangeReport(tracker: ExportFixture.tracker, states: ExportFixture.tracker.states(includingPartners: true),
                     from: Timestamp.day("2026-01-15"), to: Timestamp.endOfDay("2026-02-28"))
    }

    @Test func changeReportTable() { Golden.check(ChangeReportText.write(changes), named: "changeReportTable.txt") }
    @Test func changeReportCSV() { Golden.check(ChangeReportFiles.csv(changes), named: "changeReportCSV.csv") }
    @Test func changeReportJSON() { Golden.check(ChangeReportFiles.json(changes), named: "changeReportJSON.json") }
    @Test func changeReportMarkdown() { Golden.check(ChangeReportFiles.markdown(changes), named: "changeReportMarkdown.md") }
}
