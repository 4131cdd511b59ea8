import Foundation
import Testing
import ActionPlanModel
@testable import ActionPlanExport

/// Item 12: a huge import is read as a stream and its problems are listed as the first 50 plus a count.
struct HugeImportTests {
    /// The fixture's export with its data rows repeated to `rows` rows (all but the first copy are duplicates).
    static func repeatedExport(rows: Int) -> [UInt8] {
        let exported = String(decoding: StatusCSV.write(ExportFixture.snapshot()), as: UTF8.self)
        let lines = exported.split(separator: "\r\n").map(String.init)
        let body = lines.dropFirst()
        var out = lines[0] + "\r\n"
        for i in 0..<rows { out += body[body.startIndex + i % body.count] + "\r\n" }
        return Array(out.utf8)
    }

    @Test("20,000 rows of duplicates: 50 problems kept with their text, the rest counted")
    func problemsAreCapped() throws {
        guard case .failure(let problems) = ImportPlanner.plan(csv: Self.repeatedExport(rows: 20_000), tracker: ExportFixture.tracker) else {
            Issue.record("a file of duplicates was accepted")
            return
        }
        #expect(problems.all.count == 50)
        #expect(problems.total == 20_000 - 10)
        #expect(problems.omitted == 20_000 - 10 - 50)
        #expect(problems.all[0].description.hasPrefix("row 12: duplicate of row 2"))
        #expect(problems.description.hasSuffix("… and 19940 more problem(s)"))
    }

    @Test("syntax problems are capped the same way")
    func syntaxProblemsAreCapped() {
        var bytes = Array("state_code\n".utf8)
        for _ in 0..<1000 { bytes += [0xFF, 0x0A] }
        let problems = CSVReader.problems(in: bytes)
        #expect(problems.all.count == 50)
        #expect(problems.total == 1000)
        guard case .failure(let planned) = ImportPlanner.plan(csv: bytes, tracker: ExportFixture.tracker) else {
            Issue.record("bad UTF-8 accepted")
            return
        }
        #expect(planned.all.count == 50 && planned.omitted == 950)
    }

    @Test("records are produced one at a time, and the same as parsing the whole file")
    func streamingMatchesParse() throws {
        let bytes = Array("h1,h2\r\n\"a\nb\",c\r\n\"q\"\"q\",\r\nlast,row".utf8)
        let streamed = Array(CSVReader.records(bytes))
        #expect(streamed == (try CSVReader.parse(bytes).get()))
        var iterator = CSVReader.records(bytes).makeIterator()
        #expect(iterator.next() == CSVReader.Record(row: 1, cells: ["h1", "h2"]))
        #expect(iterator.next() == CSVReader.Record(row: 2, cells: ["a\nb", "c"]))
    }

    @Test("a megabyte-long unknown State gets no suggestions, quickly")
    func hugeCellIsNotATypo() {
        let clock = ContinuousClock()
        let started = clock.now
        let result = ExportFixture.directory.lookup(String(repeating: "Avalon", count: 200_000))
        #expect(clock.now - started < .seconds(2))
        guard case .failure(let error) = result else { Issue.record("resolved"); return }
        #expect(error.suggestions.isEmpty)
    }
}
