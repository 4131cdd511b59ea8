import ActionPlanModel
import TerminalKit

/// The change report as a plain-text table for the terminal.
///
/// Authors come from the store, so they pass through `TerminalText.clean` before they reach the terminal.
public enum ChangeReportText {
    public static func write(_ report: ChangeReport) -> [UInt8] {
        var out = "Status changes \(period(report))\n\n"
        var rows = [["TIME (UTC)", "STATE", "ACTION", "FROM", "TO", "", "BY"]]
        for t in report.transitions {
            rows.append([t.time.shortDescription, t.stateCode, t.actionID, t.from.rawValue, t.to.rawValue,
                         (t.direction > 0 ? "▲" : t.direction < 0 ? "▼" : "") + t.remark, TerminalText.clean(t.author)])
        }
        if !report.transitions.isEmpty { out += table(rows) + "\n" }
        out += tallies(report.byState.filter { $0.total > 0 }, heading: "STATE", key: \.key)
        out += tallies(report.byAuthor, heading: "AUTHOR", key: \.label)
        let total = report.total
        if report.transitions.contains(where: \.netted) { out += "An undo and the change it undid are listed but not counted.\n" }
        out += "\(Plural.count(total.total, "status change")): \(Plural.count(total.improvements, "improvement")), "
            + "\(Plural.count(total.regressions, "regression")), \(total.other) other\n"
        return Array(out.utf8)
    }

    /// "from 2026-01-01 to 2026-03-31 (UTC)" and its open-ended variants.
    public static func period(_ report: ChangeReport) -> String {
        switch (report.from, report.to) {
        case (nil, nil): "(whole history)"
        case (let from?, nil): "from \(from.day) (UTC)"
        case (nil, let to?): "up to \(to.day) (UTC)"
        case (let from?, let to?): "from \(from.day) to \(to.day) (UTC)"
        }
    }

    static func tallies(_ tallies: [Tally], heading: String, key: KeyPath<Tally, String>) -> String {
        guard !tallies.isEmpty else { return "" }
        var rows = [[heading, "IMPROVEMENTS", "REGRESSIONS", "OTHER", "TOTAL"]]
        for t in tallies { rows.append([TerminalText.clean(t[keyPath: key]), "\(t.improvements)", "\(t.regressions)", "\(t.other)", "\(t.total)"]) }
        return table(rows) + "\n"
    }

    /// Left-aligned columns two spaces apart, sized in terminal columns (a CJK name takes two per character).
    static func table(_ rows: [[String]]) -> String {
        var widths = [Int](repeating: 0, count: rows.map(\.count).max() ?? 0)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], TextWidth.columns(of: cell)) } }
        return rows.map { row in
            row.enumerated().map { i, cell in
                i == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - TextWidth.columns(of: cell))
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }.joined(separator: "\n") + "\n"
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
