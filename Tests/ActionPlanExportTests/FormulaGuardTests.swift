import Testing
@testable import ActionPlanExport

/// Item 13: the formula guard covers a leading line feed, the fullwidth and small forms, and triggers
/// after leading white space; export → import still gives back every cell exactly.
struct FormulaGuardTests {
    @Test("guarded with one apostrophe", arguments: [
        "\n=1+1", "\nplain after a line break", "＝1+1", "＋49 30", "－5", "＠SUM(A1)", "﹦1+1", "﹢1", "﹣1", "﹫x",
        " =1+1", "  +1", "\u{3000}=1+1", "\u{00A0}@x", " \n=1", "'\n=1", "'＝1",
    ])
    func guarded(cell: String) {
        #expect(CSVCell.neutralise(cell) == "'" + cell)
        #expect(CSVCell.restore(CSVCell.neutralise(cell)) == cell)
    }

    @Test("left alone", arguments: ["plain", " plain", "a=b", "   ", "'", "''", "１+1", "'plain", " 'x=1"])
    func unguarded(cell: String) {
        #expect(CSVCell.neutralise(cell) == cell)
        #expect(CSVCell.restore(cell) == cell)
    }

    @Test("neutralise and restore are inverse on every short combination of the interesting characters")
    func bijection() {
        let alphabet: [String] = ["'", "=", " ", "\n", "＝", "a", "\u{3000}", "-"]
        var cells = [""]
        for _ in 0..<4 { cells = cells.flatMap { prefix in alphabet.map { prefix + $0 } } + cells }
        for cell in Set(cells) {
            #expect(CSVCell.restore(CSVCell.neutralise(cell)) == cell, "\(cell.debugDescription)")
            // Whatever restore is given, neutralising its result gives the input back when it was guarded.
            let restored = CSVCell.restore(cell)
            if restored != cell { #expect(CSVCell.neutralise(restored) == cell, "\(cell.debugDescription)") }
        }
    }
}
