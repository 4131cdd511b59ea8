import ActionPlanModel

/// The change report as CSV, JSON and Markdown, for spreadsheets, other systems and written reports.
public enum ChangeReportFiles {
    /// The CSV columns, one row per transition.
    public static let csvColumns = [
        "time", "state_code", "state_name", "action_id", "action_title", "from_status", "to_status",
        "direction", "author", "event_id", "compensation", "counted",
    ]

    public static func csv(_ report: ChangeReport, excel: Bool = false) -> [UInt8] {
        var out = CSVWriter(byteOrderMark: excel, capacity: (report.transitions.count + 1) * 140)
        out.row(csvColumns)
        for t in report.transitions {
            out.cell(t.time)
            for text in [t.stateCode, t.stateName, t.actionID, t.actionTitle ?? "", t.from.rawValue, t.to.rawValue,
                         t.kind, t.author, t.eventID, t.compensation?.rawValue ?? "", t.netted ? "false" : "true"] {
                out.cell(text)
            }
            out.endRow()
        }
        return out.bytes
    }

    public static func json(_ report: ChangeReport) -> [UInt8] {
        func tally(_ t: Tally, _ key: String) -> String {
            "    " + JSONText.object([(key, JSONText.quote(t.key)), ("improvements", "\(t.improvements)"),
                ("regressions", "\(t.regressions)"), ("other", "\(t.other)"), ("total", "\(t.total)")])
        }
        var out = "{\n  \"from\": \(JSONText.time(report.from)),\n  \"to\": \(JSONText.time(report.to)),\n"
        out += "  \"transitions\": [\n" + report.transitions.map { t in
            "    " + JSONText.object([
                ("time", JSONText.time(t.time)), ("state", JSONText.quote(t.stateCode)),
                ("action", JSONText.quote(t.actionID)), ("from", JSONText.quote(t.from.rawValue)),
                ("to", JSONText.quote(t.to.rawValue)), ("direction", JSONText.quote(t.kind)),
                ("author", JSONText.quote(t.author)), ("event", JSONText.quote(t.eventID)),
                ("undo", t.isUndo ? "true" : "false"),
                ("compensation", t.compensation.map { JSONText.quote($0.rawValue) } ?? "null"),
                ("counted", t.netted ? "false" : "true"),
            ])
        }.joined(separator: ",\n") + (report.transitions.isEmpty ? "" : "\n") + "  ],\n"
        out += "  \"byState\": [\n" + report.byState.map { tally($0, "state") }.joined(separator: ",\n")
            + (report.byState.isEmpty ? "" : "\n") + "  ],\n"
        out += "  \"byAuthor\": [\n" + report.byAuthor.map { tally($0, "author") }.joined(separator: ",\n")
            + (report.byAuthor.isEmpty ? "" : "\n") + "  ]\n}\n"
        return Array(out.utf8)
    }

    public static func markdown(_ report: ChangeReport) -> [UInt8] {
        var out = "# Status changes \(ChangeReportText.period(report))\n\n"
        let total = report.total
        out += "\(Plural.count(total.total, "status change")): \(Plural.count(total.improvements, "improvement")), "
            + "\(Plural.count(total.regressions, "regression")), \(total.other) other.\n"
        if !report.transitions.isEmpty {
            out += "\n## By State\n\n" + tallies(report.byState.filter { $0.total > 0 }, heading: "State")
            out += "\n## By author\n\n" + tallies(report.byAuthor, heading: "Author")
            out += "\n## Every status change\n\n"
            out += MarkdownText.row(["Time (UTC)", "State", "Action", "From", "To", "Direction", "By"]) + MarkdownText.rule(7)
            for t in report.transitions {
                out += MarkdownText.row([t.time.shortDescription, MarkdownText.escape(t.stateName), MarkdownText.escape(t.actionID),
                    t.from.label, t.to.label, t.kind + t.remark, MarkdownText.escape(t.author)])
            }
        }
        return Array(out.utf8)
    }

    static func tallies(_ tallies: [Tally], heading: String) -> String {
        var out = MarkdownText.row([heading, "Improvements", "Regressions", "Other", "Total"])
            + MarkdownText.rule(5, right: [1, 2, 3, 4])
        for t in tallies {
            out += MarkdownText.row([MarkdownText.escape(t.label), "\(t.improvements)", "\(t.regressions)", "\(t.other)", "\(t.total)"])
        }
        return out
    }
}
