import Testing
import ActionPlanModel
@testable import ActionPlanExport

/// The byte-level fast path writes exactly what the simple, readable `CSVCell` rules say.
@Suite struct CSVWriterTests {
    static let cells = [
        "", "plain", "a,b", "say \"hi\"", "two\nlines", "cr\r", "=1+1", "'=x", "''@y", "-", "'", "Ünïcödé — 東京",
        "\t=tab", "'plain", ExportFixture.hyperlinkNote, ExportFixture.awkwardNote, ExportFixture.scriptNote,
    ]

    @Test func writerMatchesCellRules() {
        var writer = CSVWriter()
        writer.row(Self.cells)
        writer.row(["single"])
        #expect(writer.bytes == Array((CSVCell.record(Self.cells) + CSVCell.record(["single"])).utf8))
    }

    @Test(arguments: ["1970-01-01T00:00:00.000Z", "2026-11-29T04:40:06.123Z", "2024-02-29T23:59:59.999Z",
                      "1969-12-31T23:59:59.999Z", "2000-03-01T00:00:00.001Z"])
    func timesAreWrittenLikeTimestampDescription(text: String) {
        let time = Timestamp(parsing: text)!
        var writer = CSVWriter()
        writer.cell(time)
        writer.cell(nil as Timestamp?)
        writer.endRow()
        #expect(String(decoding: writer.bytes, as: UTF8.self) == time.description + ",\r\n")
    }

    /// `Transition.direction` follows `TimelineEntry.direction` for every pair of statuses.
    @Test func directionMatchesTheModel() {
        for from in Status.allCases {
            for to in Status.allCases {
                let journal = Journal(state: "XA", events: [
                    ExportFixture.event("a", "2026-01-01T00:00:00.000Z", "XA", "PV-1", from, by: "x"),
                    ExportFixture.event("b", "2026-01-02T00:00:00.000Z", "XA", "PV-1", to, by: "x"),
                ])
                #expect(Transition.direction(from: from, to: to) == journal.timeline()[1].direction, "\(from) → \(to)")
            }
        }
    }
}
