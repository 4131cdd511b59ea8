import Testing
import ActionPlanModel
@testable import ActionPlanExport

/// The catalog as a spreadsheet table: an exact round trip (formula guard included) and located problems.
@Suite("Catalog CSV: export, edit, import")
struct CatalogCSVTests {
    /// The fictional catalog with awkward texts: a formula-looking title, quotes and commas, a line break,
    /// a reference with chapter, section and paragraph, tags, and an action for OSCE structures.
    static var awkward: Catalog {
        var pillars = ExportFixture.catalog.pillars
        pillars[0].areas[0].actions[0].title = "=HYPERLINK(\"http://evil.example\",\"click\")"
        pillars[0].areas[0].actions[0].summary = "Two lines,\nwith \"quotes\" — Ünïcödé"
        pillars[0].areas[0].actions[1].title = "'=already quoted"
        pillars[0].areas[0].actions[1].source = SourceReference(document: "TEST/1", chapter: "IV", section: "1", paragraph: "3")
        pillars[0].areas[0].actions[1].tags = ["children", "gender"]
        return Catalog(id: "fiction-catalog", version: "1.0", title: "Fictional test catalog", notice: "Fictional data for tests.",
                       tags: [Tag(id: "children", label: "Children"), Tag(id: "gender", label: "Gender")], pillars: pillars)
    }

    @Test("export → import gives back the catalog exactly, with the formula guard applied and undone")
    func roundTrip() throws {
        let bytes = CatalogCSV.write(Self.awkward)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("id,pillar,area,title,summary,document,chapter,section,paragraph,verified,tags,addressee\r\n"))
        #expect(text.contains("PV-1,prevention,prevention.data,\"'=HYPERLINK("))
        #expect(text.contains("PV-2,prevention,prevention.data,''=already quoted,Summary of PV-2.,TEST/1,IV,1,3,false,children;gender,participating-states\r\n"))
        #expect(text.contains("PR-X,prosecution,prosecution.law,Action PR-X,Summary of PR-X.,TEST/1,,,,false,,osce-structures\r\n"))
        let back = try CatalogCSV.read(bytes, frame: Self.awkward).get()
        #expect(back == Self.awkward)
    }

    @Test("rows may be reordered, renumbered, retitled and split; actions keep the row order within their area")
    func edited() throws {
        var lines = String(decoding: CatalogCSV.write(Self.awkward), as: UTF8.self).components(separatedBy: "\r\n")
        let pt = lines.firstIndex { $0.hasPrefix("PT-1,") }!
        lines.insert(lines[pt].replacingOccurrences(of: "Action PT-1", with: "Second half").replacingOccurrences(of: "PT-1,", with: "PT-2,"), at: pt)
        let back = try CatalogCSV.read(Array(lines.joined(separator: "\r\n").utf8), frame: Self.awkward).get()
        #expect(back.pillars[2].areas[0].actions.map(\.id) == ["PT-2", "PT-1"])
        #expect(back.action(id: "PT-2")?.title == "Second half")
    }

    @Test(arguments: [
        ("PV-1,prevention,prevention.data,A,,TEST/1,,,,false,,participating-states\r\nPV-1,prevention,prevention.data,B,,TEST/1,,,,false,,participating-states",
         "row 3, column A: duplicate id 'PV-1' (first used in row 2)"),
        ("PV-1,preventon,prevention.data,A,,TEST/1,,,,false,,participating-states",
         "row 2, column B: unknown pillar 'preventon'; valid: prevention, prosecution, protection, partnerships (did you mean 'prevention'?)"),
        ("PV-1,prevention,protection.nrm,A,,TEST/1,,,,false,,participating-states",
         "row 2, column C: unknown area 'protection.nrm' in pillar 'prevention'; it belongs to pillar 'protection'; valid: prevention.data (a new area needs the JSON form)"),
        ("PV-1,prevention,prevention.data, ,,TEST/1,,,,false,,participating-states", "row 2, column D: empty title"),
        ("PV 1,prevention,prevention.data,A,,TEST/1,,,,false,,participating-states",
         "row 2, column A: id 'PV 1' must be letters, digits and single hyphens, like AP03-IV-1-a"),
        ("PV-1,prevention,prevention.data,A,,TEST/1,,,,yes,,participating-states", "row 2, column J: verified must be true or false, found 'yes'"),
        ("PV-1,prevention,prevention.data,A,,TEST/1,,,,false,kids,participating-states", "row 2, column K: unknown tag 'kids'; valid: children, gender"),
        ("PV-1,prevention,prevention.data,A,,TEST/1,,,,false", "row 2, column K: expected 12 cells (id,pillar,area,title,summary,document,chapter,section,paragraph,verified,tags,addressee), found 10"),
        ("PV-1,prevention,prevention.data,\"A,,TEST/1,,,,false,,participating-states", "row 2, column D: a quoted cell is never closed (missing \")"),
    ])
    func problemsAreLocated(row: String, expected: String) {
        let bytes = Array((CatalogCSV.columns.joined(separator: ",") + "\r\n" + row + "\r\n").utf8)
        guard case .failure(let problems) = CatalogCSV.read(bytes, frame: Self.awkward) else {
            Issue.record("accepted: \(row)")
            return
        }
        #expect(problems.all.first?.description == expected)
    }

    @Test("the mapping file: old_id,new_id rows with their line numbers; a wrong header is refused")
    func mapFile() throws {
        let pairs = try RenameMapCSV.read(Array("old_id,new_id\r\nA,B\r\nA,C\r\n".utf8)).get()
        #expect(pairs.map { "\($0.line) \($0.old)>\($0.new)" } == ["2 A>B", "3 A>C"])
        guard case .failure(let problems) = RenameMapCSV.read(Array("old,new\nA,B\n".utf8)) else {
            Issue.record("accepted a wrong header")
            return
        }
        #expect(problems.all[0].description.hasPrefix("row 1, column A: wrong header: expected old_id,new_id"))
    }
}
