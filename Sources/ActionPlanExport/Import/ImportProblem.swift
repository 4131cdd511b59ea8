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

/// Every problem found in a file; an import with any of them writes nothing.
public struct ImportProblems: Error, Sendable, Equatable, CustomStringConvertible {
    public var all: [ImportProblem]

    public init(all: [ImportProblem]) { self.all = all }

    public var description: String { all.map(\.description).joined(separator: "\n") }
}
