import ActionPlanModel

/// The cell formats of our workbooks, in the order of `styles.xml`'s `cellXfs` (the index is the `s=`).
///
/// Status cells are filled with a light tint of the Okabe–Ito colour-blind-safe palette, and always
/// carry the status in words too, so no status depends on colour alone; the Legend sheet shows each.
enum XLSXStyle: Sendable, Equatable, Hashable {
    case plain, header, date, percent, wrap
    case status(Status)

    var index: Int {
        switch self {
        case .plain: 0
        case .header: 1
        case .date: 2
        case .percent: 3
        case .wrap: 4
        case .status(let status): 5 + Status.allCases.firstIndex(of: status)!
        }
    }

    /// The fill of each status (ARGB), lightened so black text stays readable.
    static func fill(_ status: Status) -> String {
        switch status {
        case .notAssessed: "FFEEEEEE"           // grey
        case .notStarted: "FFF6CDB0"            // vermillion tint
        case .inProgress: "FFFBE2B3"            // orange tint
        case .partiallyImplemented: "FFF9F4B8"  // yellow tint
        case .implemented: "FFB3E2D4"           // bluish-green tint
        case .notApplicable: "FFCCE6F6"         // sky-blue tint
        }
    }

    /// The date format of `updated_at` cells.
    static let dateFormat = "yyyy-mm-dd hh:mm:ss"

    /// The `xl/styles.xml` part.
    static var stylesXML: String {
        let statusFills = Status.allCases.map {
            #"<fill><patternFill patternType="solid"><fgColor rgb="\#(fill($0))"/><bgColor indexed="64"/></patternFill></fill>"#
        }.joined()
        let statusXfs = Status.allCases.indices.map {
            #"<xf numFmtId="0" fontId="0" fillId="\#(3 + $0)" borderId="0" xfId="0" applyFill="1"/>"#
        }.joined()
        return #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            + #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
            + #"<numFmts count="1"><numFmt numFmtId="164" formatCode="\#(dateFormat)"/></numFmts>"#
            + #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>"#
            + #"<fills count="\#(3 + Status.allCases.count)"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>"#
            + #"<fill><patternFill patternType="solid"><fgColor rgb="FFD9D9D9"/><bgColor indexed="64"/></patternFill></fill>"#
            + statusFills + "</fills>"
            + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
            + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
            + #"<cellXfs count="\#(5 + Status.allCases.count)">"#
            + #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
            + #"<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/>"#
            + #"<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
            + #"<xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
            + #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>"#
            + statusXfs + "</cellXfs>"
            + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
            + "</styleSheet>"
    }
}
