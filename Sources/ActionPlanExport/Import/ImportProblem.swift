/// One reason an import cannot go ahead, pointing at the spreadsheet row and column.
public struct ImportProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// The spreadsheet row (the header is row 1).
    public var row: Int
    /// The column index (0 = A), where the problem is about one cell.
    public var column: Int?
    public var message: String

    public init(row: Int, column: Int? = nil, message: String) {
        self.row = row
        self.column = column
        self.message = message
    }

    /// `row 5, column G (status_id): unknown status 'implementd'; did you mean 'implemented'?`
    ///
    /// The message quotes cells from the file, so control characters are replaced for the terminal.
    public var description: String {
        var text = "row \(row)"
        if let column {
            text += ", column \(StatusCSV.letter(ofColumn: column))"
            if column < StatusCSV.columns.count { text += " (\(StatusCSV.columns[column]))" }
        }
        return text + ": " + TerminalText.clean(message)
    }
}

/// The problems found in a file; an import with any of them writes nothing.
///
/// The first `CSVReader.Problems.shownLimit` (50) are kept with their text and the rest only counted,
/// so a file of a million bad rows gives fifty lines and "… and 999,950 more", in bounded memory.
public struct ImportProblems: Error, Sendable, Equatable, CustomStringConvertible {
    /// The problems shown, at most 50.
    public var all: [ImportProblem]
    /// How many more were found.
    public var omitted: Int

    public init(all: [ImportProblem], omitted: Int = 0) {
        var kept = all, more = omitted
        Self.cap(&kept, omitted: &more)
        self.all = kept
        self.omitted = more
    }

    /// Every problem found, shown or not.
    public var total: Int { all.count + omitted }

    public var description: String {
        all.map(\.description).joined(separator: "\n") + (omitted > 0 ? "\n… and \(omitted) more problem(s)" : "")
    }

    /// Keeps the first 50 problems of a growing list and counts the rest (called once per row).
    static func cap(_ problems: inout [ImportProblem], omitted: inout Int) {
        let limit = CSVReader.Problems.shownLimit
        guard problems.count > limit else { return }
        omitted += problems.count - limit
        problems.removeLast(problems.count - limit)
    }
}
