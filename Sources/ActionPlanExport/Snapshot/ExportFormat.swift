import ActionPlanModel

/// The writers of each export format (the one `ExportFormat` type lives in the model, so the TUI's
/// export dialog can name formats without knowing the writers).
extension ExportFormat {
    /// Whether the format shows the period's changes (only then must the snapshot walk the history).
    public var showsChanges: Bool { self == .html }

    /// Whether the format shows the monthly trend (which folds the whole history, month by month).
    public var showsTrend: Bool { self == .html }

    /// Whether the bytes are binary (not for a terminal).
    public var isBinary: Bool { self == .xlsx }

    /// The file's bytes; `excel` adds a byte order mark to CSV, `sheets` splits an XLSX workbook.
    public func write(_ snapshot: StatusSnapshot, excel: Bool = false, sheets: StatusXLSX.Sheets = .pillar) -> [UInt8] {
        switch self {
        case .csv: StatusCSV.write(snapshot, excel: excel)
        case .json: StatusJSON.write(snapshot)
        case .markdown: MarkdownReport.write(snapshot)
        case .html: HTMLReport.write(snapshot)
        case .xlsx: StatusXLSX.write(snapshot, sheets: sheets)
        }
    }
}
