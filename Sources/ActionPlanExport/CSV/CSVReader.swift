/// Parses RFC 4180 CSV as spreadsheets write it: optional UTF-8 BOM, CRLF or LF line ends, quoted cells.
///
/// Records keep their spreadsheet row number (the header is row 1) so every message can point at the
/// row a desk officer sees; a cell that is not valid UTF-8 is reported instead of being replaced.
/// `records(_:separator:)` reads lazily, one record at a time, so a file of a million rows is never
/// held as a million arrays of cells; problems are kept up to `Problems.shownLimit`, then counted.
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

    /// The problems of a file that could not be read: the first `shownLimit`, and how many more.
    public struct Problems: Error, Sendable, Equatable {
        /// How many problems are kept with their text; a million bad rows must not print a million lines.
        public static let shownLimit = 50

        public var all: [Problem]
        /// Problems found beyond the first `shownLimit`, counted only.
        public var omitted: Int = 0

        public init(all: [Problem] = [], omitted: Int = 0) {
            self.all = all
            self.omitted = omitted
        }

        public var isEmpty: Bool { all.isEmpty }
        public var total: Int { all.count + omitted }

        mutating func append(_ problem: Problem) {
            if all.count < Self.shownLimit { all.append(problem) } else { omitted += 1 }
        }
    }

    /// The separator of a file: `;` when the header has semicolons and no comma (what Excel writes in
    /// locales that use the decimal comma), else `,`.
    public static func separator(of bytes: [UInt8]) -> UInt8 {
        let header = bytes.prefix { $0 != 0x0A }
        return !header.contains(0x2C) && header.contains(0x3B) ? 0x3B : 0x2C
    }

    /// Every record, or the problems found (bad UTF-8, an unterminated quote, text after a closing quote).
    public static func parse(_ bytes: [UInt8], separator: UInt8 = 0x2C) -> Result<[Record], Problems> {
        var iterator = Records(bytes: bytes, separator: separator).makeIterator()
        var records: [Record] = []
        while let record = iterator.next() { records.append(record) }
        return iterator.problems.isEmpty ? .success(records) : .failure(iterator.problems)
    }

    /// The problems of a whole file, read in one streaming pass that keeps no record.
    public static func problems(in bytes: [UInt8], separator: UInt8 = 0x2C) -> Problems {
        var iterator = Records(bytes: bytes, separator: separator).makeIterator()
        while iterator.next() != nil {}
        return iterator.problems
    }

    /// The records of a file, parsed lazily as they are iterated (use `problems(in:)` first: a record
    /// with a bad cell is still produced, with that cell empty).
    public static func records(_ bytes: [UInt8], separator: UInt8 = 0x2C) -> Records {
        Records(bytes: bytes, separator: separator)
    }

    /// A lazy sequence of records over the bytes of a file.
    public struct Records: Sequence {
        let bytes: [UInt8]
        let separator: UInt8

        public func makeIterator() -> Iterator { Iterator(bytes: bytes, separator: separator) }

        /// The parser: one record per `next()`, problems gathered on the way.
        public struct Iterator: IteratorProtocol {
            let bytes: [UInt8]
            let separator: UInt8
            var i: Int
            var row = 1
            public private(set) var problems = Problems()

            init(bytes: [UInt8], separator: UInt8) {
                self.bytes = bytes
                self.separator = separator
                i = bytes.starts(with: StatusCSV.byteOrderMark) ? 3 : 0
            }

            public mutating func next() -> Record? {
                guard i < bytes.count else { return nil }
                var cells: [String] = []
                var cell: [UInt8] = []
                var quoted = false, wasQuoted = false
                let startRow = row

                func finishCell(_ cells: inout [String], _ cell: inout [UInt8], _ problems: inout Problems, row: Int) {
                    if let text = String(validating: cell, as: UTF8.self) {
                        cells.append(text)
                    } else {
                        problems.append(Problem(row: row, column: cells.count,
                            message: "the cell is not valid UTF-8; save the file as \"CSV UTF-8\""))
                        cells.append("")
                    }
                    cell.removeAll(keepingCapacity: true)
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
                    case separator:
                        finishCell(&cells, &cell, &problems, row: row)
                        wasQuoted = false
                    case 0x0D, 0x0A:
                        i += (b == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A) ? 2 : 1
                        finishCell(&cells, &cell, &problems, row: row)
                        let record = Record(row: row, cells: cells)
                        row += 1
                        return record
                    case 0x22 where cell.isEmpty && !wasQuoted:
                        quoted = true
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
                    problems.append(Problem(row: startRow, column: cells.count,
                        message: "a quoted cell is never closed (missing \")"))
                    return nil
                }
                guard !cell.isEmpty || !cells.isEmpty || wasQuoted else { return nil }
                finishCell(&cells, &cell, &problems, row: row)
                let record = Record(row: row, cells: cells)
                row += 1
                return record
            }
        }
    }
}
