import ActionPlanModel

/// One worksheet of a workbook we write: a name, a header row, data rows and column widths.
///
/// Only what our exports need: text is always an inline string (never a formula and never a shared
/// string, so nothing a note says can run), numbers are numbers, dates are real dates (a serial number
/// with a date format). The header row is frozen and carries an autofilter over the whole table.
struct XLSXSheet: Sendable, Equatable {
    var name: String
    var header: [String]
    var rows: [[XLSXCell]]
    /// Column widths in characters, one per header cell.
    var widths: [Double]
    /// Whether the first row is frozen and filtered (the legend has no table to filter).
    var isTable = true

    /// `A1:M58`: the range the autofilter covers.
    var tableRange: String {
        "A1:" + StatusCSV.letter(ofColumn: max(header.count, 1) - 1) + String(rows.count + 1)
    }

    /// The worksheet part (`xl/worksheets/sheetN.xml`).
    var xml: String {
        var out = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        out += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#
            + #"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
        if isTable {
            out += #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
                + #"<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>"#
        }
        out += "<cols>"
        for (i, width) in widths.enumerated() {
            out += #"<col min="\#(i + 1)" max="\#(i + 1)" width="\#(width)" customWidth="1"/>"#
        }
        out += "</cols><sheetData>"
        let headerCells = header.map { XLSXCell(.text($0), style: .header) }
        for (r, cells) in ([headerCells] + rows).enumerated() {
            out += #"<row r="\#(r + 1)">"#
            for (c, cell) in cells.enumerated() {
                out += cell.xml(reference: StatusCSV.letter(ofColumn: c) + String(r + 1))
            }
            out += "</row>"
        }
        out += "</sheetData>"
        if isTable { out += #"<autoFilter ref="\#(tableRange)"/>"# }
        out += "</worksheet>"
        return out
    }
}

/// One cell's value and style.
struct XLSXCell: Sendable, Equatable {
    enum Value: Sendable, Equatable {
        case text(String)
        case number(Double)
        case date(Timestamp)
        case empty
    }

    var value: Value
    var style: XLSXStyle

    init(_ value: Value, style: XLSXStyle = .plain) {
        self.value = value
        self.style = style
    }

    /// The `<c>` element; an empty unstyled cell is left out.
    func xml(reference: String) -> String {
        let s = style == .plain ? "" : #" s="\#(style.index)""#
        switch value {
        case .empty:
            return s.isEmpty ? "" : #"<c r="\#(reference)"\#(s)/>"#
        case .number(let number):
            let text = number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
            return #"<c r="\#(reference)"\#(s)><v>\#(text)</v></c>"#
        case .date(let time):
            return #"<c r="\#(reference)"\#(s)><v>\#(XLSXDate.serial(time))</v></c>"#
        case .text(let text):
            let escaped = XMLText.escape(text)
            let preserve = text.first?.isWhitespace == true || text.last?.isWhitespace == true || text.contains("\n")
            return #"<c r="\#(reference)"\#(s) t="inlineStr"><is><t"# + (preserve ? #" xml:space="preserve""# : "")
                + ">" + escaped + "</t></is></c>"
        }
    }
}

/// Spreadsheet dates: days since 1899-12-30 (the 1900 date system), the time of day as a fraction.
enum XLSXDate {
    static let unixEpochSerial: Double = 25_569

    static func serial(_ time: Timestamp) -> Double {
        Double(time.milliseconds) / 86_400_000 + unixEpochSerial
    }

    /// The instant of a serial number, rounded to the millisecond.
    static func time(serial: Double) -> Timestamp {
        Timestamp(milliseconds: Int64(((serial - unixEpochSerial) * 86_400_000).rounded()))
    }
}
