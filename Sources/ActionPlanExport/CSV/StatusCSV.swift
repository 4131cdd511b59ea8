import ActionPlanModel

/// The CSV layout of a status export: one row per State × trackable action (docs/export-formats.md).
///
/// The importer reads this same layout back, so the header doubles as the file's signature.
public enum StatusCSV {
    /// The header row, in column order.
    public static let columns = [
        "state_code", "state_name", "pillar", "area", "action_id", "action_title",
        "status_id", "status_label", "note", "evidence", "updated_at", "updated_by", "base",
    ] + followUpColumns

    /// The follow-up columns (issue 12), appended after `base`: the next-review date (YYYY-MM-DD, empty
    /// for none) and who follows it up.
    public static let followUpColumns = ["follow_up_date", "follow_up_owner"]

    /// The header of files exported before the follow-up columns; still imported (follow-ups untouched).
    public static let baseColumns = Array(columns.prefix(13))

    /// The header of files exported before the `base` column (store format 1); still imported.
    public static let legacyColumns = Array(baseColumns.dropLast())

    /// The layouts an import accepts, newest first.
    public static let layouts = [columns, baseColumns, legacyColumns]

    /// The `base` cell of an action never assessed.
    public static let neverAssessed = "none"

    /// The `base` cell: the head event ids, space-separated, or `none`.
    public static func baseCell(_ base: [String]) -> String {
        base.isEmpty ? neverAssessed : base.joined(separator: " ")
    }

    /// Evidence references share one cell, one reference per line: references are URLs and document
    /// symbols, which may contain `;` or `,` but never a line break, and spreadsheets show one per line.
    public static let evidenceSeparator = "\n"

    /// The UTF-8 byte order mark that makes Excel read the file as UTF-8 (`--excel`).
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The whole file: header and one record per row, UTF-8, CRLF line ends, optionally with a BOM.
    public static func write(_ snapshot: StatusSnapshot, excel: Bool = false) -> [UInt8] {
        var out = CSVWriter(byteOrderMark: excel, capacity: snapshot.states.count * 128 * 160)
        out.row(columns)
        for state in snapshot.states {
            for row in state.rows {
                let a = row.assessment
                for text in [row.stateCode, row.stateName, row.pillarTitle, row.areaTitle, row.actionID, row.actionTitle,
                             a.status.rawValue, a.status.label, a.note, a.evidence.joined(separator: evidenceSeparator)] {
                    out.cell(text)
                }
                out.cell(a.updatedAt)
                out.cell(a.updatedBy ?? "")
                out.cell(baseCell(row.base))
                out.cell(a.followUp?.date.description ?? "")
                out.cell(a.followUp?.owner ?? "")
                out.endRow()
            }
        }
        return out.bytes
    }

    /// The cells of one row, before quoting and neutralising.
    public static func cells(_ row: StatusRow) -> [String] {
        let a = row.assessment
        return [
            row.stateCode, row.stateName, row.pillarTitle, row.areaTitle, row.actionID, row.actionTitle,
            a.status.rawValue, a.status.label, a.note, a.evidence.joined(separator: evidenceSeparator),
            a.updatedAt?.description ?? "", a.updatedBy ?? "", baseCell(row.base),
            a.followUp?.date.description ?? "", a.followUp?.owner ?? "",
        ]
    }

    /// The spreadsheet name of a column: A, B, … Z, AA.
    public static func letter(ofColumn index: Int) -> String {
        var n = index + 1, text = ""
        while n > 0 {
            let r = (n - 1) % 26
            text = String(UnicodeScalar(UInt8(65 + r))) + text
            n = (n - 1) / 26
        }
        return text
    }
}
