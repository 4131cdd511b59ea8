/// The formats a status snapshot can be exported to, shared by the CLI, the TUI's export dialog and the
/// writers (which add `write` in ActionPlanExport).
public enum ExportFormat: String, CaseIterable, Sendable {
    case csv, json, markdown, html, xlsx

    /// The usual file extension, for a suggested file name.
    public var fileExtension: String {
        switch self {
        case .csv: "csv"
        case .json: "json"
        case .markdown: "md"
        case .html: "html"
        case .xlsx: "xlsx"
        }
    }

    /// How far back the change list of a report reaches when nobody says: 30 days before its date.
    public static func defaultPeriodStart(before end: Timestamp) -> Timestamp {
        end.adding(milliseconds: -30 * 86_400_000)
    }
}
