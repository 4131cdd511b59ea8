/// Plain aligned columns for the CLI's tables and the change report, measured in terminal columns
/// (so CJK names line up as the terminal draws them).
///
/// Every cell is sanitized: store text never reaches the terminal with control characters in it.
public struct TextTable: Sendable {
    public var headers: [String]
    public var rows: [[String]] = []
    /// Columns that may be cut to keep lines under `maxWidth` (usually titles).
    public var flexible: Set<Int> = []
    public var maxWidth = 160

    public init(_ headers: [String], flexible: Set<Int> = []) {
        self.headers = headers
        self.flexible = flexible
    }

    public mutating func add(_ row: [String]) { rows.append(row.map { Sanitizer.line($0) }) }

    public func render() -> String {
        var widths = headers.map { TextWidth.columns(of: $0) }
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], TextWidth.columns(of: cell)) } }
        let total = widths.reduce(0, +) + 2 * (widths.count - 1)
        if total > maxWidth, !flexible.isEmpty {
            let excess = total - maxWidth
            for i in flexible.sorted() { widths[i] = max(12, widths[i] - excess / flexible.count) }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (i, cell) in cells.enumerated() {
                parts.append(i == cells.count - 1 ? TextWidth.truncate(cell, to: widths[i]) : TextWidth.fit(cell, to: widths[i]))
            }
            var text = parts.joined(separator: "  ")
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
        let rule = widths.map { String(repeating: "-", count: $0) }
        return ([line(headers), line(rule)] + rows.map(line)).joined(separator: "\n")
    }
}
