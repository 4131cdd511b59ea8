/// Quoting and formula-injection protection for one CSV cell (RFC 4180).
///
/// A spreadsheet treats a cell that starts with `=`, `+`, `-`, `@`, tab or carriage return as a formula,
/// so a note such as `=HYPERLINK("http://evil","click")` would run when a reviewer opens the export.
/// Such cells get a leading apostrophe, which spreadsheets show as text. To make the importer undo
/// *exactly* this, a cell that already starts with apostrophes followed by one of those characters gets
/// one more apostrophe too; `restore` removes one apostrophe from any cell of that shape. The pair is a
/// bijection, so export → import gives back every note unchanged.
///
/// The guard is deliberately wider than the characters every spreadsheet is known to evaluate
/// (docs/decisions.md, "Formula guard"): a line feed too, the fullwidth and small forms `＝ ＋ － ＠`
/// `﹦ ﹢ ﹣ ﹫` (an East Asian input method or a spreadsheet's normalisation can turn them into the
/// ASCII ones), and any of these after leading white space (LibreOffice's "trim spaces" import option
/// and Excel's handling of a cell that begins with a line break). An apostrophe too many is harmless
/// and undone on import; a formula that runs is not.
public enum CSVCell {
    static let triggers: Set<Unicode.Scalar> = [
        "=", "+", "-", "@", "\t", "\r", "\n",
        "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}",        // fullwidth ＝ ＋ － ＠
        "\u{FE66}", "\u{FE62}", "\u{FE63}", "\u{FE6B}",        // small ﹦ ﹢ ﹣ ﹫
    ]

    /// Whether the text, after any leading apostrophes and then any white space, starts with a trigger.
    static func looksLikeFormula(_ text: Substring.UnicodeScalarView) -> Bool {
        guard let first = text.first(where: { $0 != "'" }) else { return false }
        if triggers.contains(first) { return true }
        let afterQuotes = text.drop { $0 == "'" }
        guard let firstVisible = afterQuotes.first(where: { !$0.properties.isWhitespace }) else { return false }
        return first.properties.isWhitespace && triggers.contains(firstVisible)
    }

    /// Prefixes an apostrophe when a spreadsheet could read the cell as a formula.
    public static func neutralise(_ text: String) -> String {
        looksLikeFormula(Substring(text).unicodeScalars) ? "'" + text : text
    }

    /// Undoes `neutralise`: removes one leading apostrophe from `'…'=…`-shaped cells.
    public static func restore(_ text: String) -> String {
        let scalars = Substring(text).unicodeScalars
        guard scalars.first == "'", looksLikeFormula(scalars) else { return text }
        return String(text.dropFirst())
    }

    /// The cell as it appears in the file: neutralised, then quoted when it holds `,` `"` CR or LF.
    public static func encode(_ text: String) -> String {
        let safe = neutralise(text)
        guard safe.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return safe }
        return "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One record: cells joined by commas, ended by CRLF as RFC 4180 asks.
    public static func record(_ cells: [String]) -> String {
        cells.map(encode).joined(separator: ",") + "\r\n"
    }
}
