/// Parses RFC 4180 CSV as spreadsheets write it: optional UTF-8 BOM, CRLF or LF line ends, quoted cells.
///
/// Records keep their spreadsheet row number (the header is row 1) so every message can point at the
/// row a desk officer sees; a cell that is not valid UTF-8 is reported instead of being replaced.
public enum CSVReader {
    /// One record: its row number and cells.
    public struct Record: Sendable, Equatable {
        public var row: Int
        public var cells: [String]

        public init(row: Int, cells: [String]) {
            self.row = row
            self.cells = cells
        }
    }

    /// A problem that prevents reading the file, with the row (and column, where known) it concerns.
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public var row: Int
        public var column: Int?
        public var message: String

        public var description: String {
            "row \(row)" + (column.map { ", column \(StatusCSV.letter(ofColumn: $0))" } ?? "") + ": \(message)"
        }
    }

    /// Every problem of a file that could not be read.
    public struct Problems: Error, Sendable, Equatable {
        public var all: [Problem]
    }

    /// The separator of a file: `;` when the header has semicolons and no comma (what Excel writes in
    /// locales that use the decimal comma), else `,`.
    public static func separator(of bytes: [UInt8]) -> UInt8 {
        let header = bytes.prefix { $0 != 0x0A }
        return !header.contains(0x2C) && header.contains(0x3B) ? 0x3B : 0x2C
    }

    /// Every record, or every problem found (bad UTF-8, an unterminated quote, text after a closing quote).
    public static func parse(_ bytes: [UInt8], separator: UInt8 = 0x2C) -> Result<[Record], Problems> {
        var i = bytes.starts(with: StatusCSV.byteOrderMark) ? 3 : 0
        var records: [Record] = []
        var problems: [Problem] = []
        var cells: [String] = []
        var cell: [UInt8] = []
        var row = 1
        var quoted = false, wasQuoted = false
        var quoteStartRow = 1

        func finishCell() {
            if let text = String(validating: cell, as: UTF8.self) {
                cells.append(text)
            } else {
                problems.append(Problem(row: row, column: cells.count,
                    message: "the cell is not valid UTF-8; save the file as \"CSV UTF-8\""))
                cells.append("")
            }
            cell.removeAll(keepingCapacity: true)
            wasQuoted = false
        }
        func finishRecord() {
            finishCell()
            records.append(Record(row: row, cells: cells))
            cells.removeAll(keepingCapacity: true)
            row += 1
        }

        while i < bytes.count {
            let b = bytes[i]
            if quoted {
                if b == 0x22 {
                    if i + 1 < bytes.count, bytes[i + 1] == 0x22 { cell.append(0x22); i += 2; continue }
                    quoted = false
                    wasQuoted = true
                } else {
                    cell.append(b)
                }
                i += 1
                continue
            }
            switch b {
            case separator: finishCell()
            case 0x0D where i + 1 < bytes.count && bytes[i + 1] == 0x0A: finishRecord(); i += 1
            case 0x0A, 0x0D: finishRecord()
            case 0x22 where cell.isEmpty && !wasQuoted:
                quoted = true
                quoteStartRow = row
            default:
                if wasQuoted {
                    problems.append(Problem(row: row, column: cells.count,
                        message: "text after the closing quote of a quoted cell"))
                    wasQuoted = false
                }
                cell.append(b)
            }
            i += 1
        }
        if quoted {
            problems.append(Problem(row: quoteStartRow, column: cells.count,
                message: "a quoted cell is never closed (missing \")"))
        } else if !cell.isEmpty || !cells.isEmpty || wasQuoted {
            finishRecord()
        }
        return problems.isEmpty ? .success(records) : .failure(Problems(all: problems))
    }
}
