import ActionPlanModel

/// The "changes in the period" part of the HTML report: tallies per State and author, then every transition.
enum ChangesSection {
    static func html(_ report: ChangeReport) -> String {
        var out = "<section class=\"changes\">\n<h2>Changes \(HTMLText.escape(ChangeReportText.period(report)))</h2>\n"
        let total = report.total
        out += "<p>\(Plural.count(total.total, "status change")): <span class=\"up\">▲ \(Plural.count(total.improvements, "improvement"))</span>, "
            + "<span class=\"down\">▼ \(Plural.count(total.regressions, "regression"))</span>, \(total.other) other.</p>\n"
        guard !report.transitions.isEmpty else { return out + "</section>\n" }
        out += "<h3>By State</h3>\n" + tallies(report.byState.filter { $0.total > 0 }, heading: "State")
        out += "<h3>By author</h3>\n" + tallies(report.byAuthor, heading: "Author")
        out += "<h3>Every status change</h3>\n<table>\n<thead><tr><th>Time (UTC)</th><th>State</th><th>Action</th>"
            + "<th>From</th><th>To</th><th></th><th>By</th></tr></thead>\n<tbody>\n"
        for t in report.transitions {
            let mark = t.direction > 0 ? "<span class=\"up\">▲</span>" : t.direction < 0 ? "<span class=\"down\">▼</span>" : ""
            out += "<tr><td>\(t.time.shortDescription)</td><td>\(HTMLText.escape(t.stateName))</td>"
                + "<td class=\"id\" title=\"\(HTMLText.escape(t.actionTitle ?? "not in the catalog"))\">\(HTMLText.escape(t.actionID))</td>"
                + "<td class=\"status s-\(t.from.rawValue)\">\(t.from.symbol) \(t.from.label)</td>"
                + "<td class=\"status s-\(t.to.rawValue)\">\(t.to.symbol) \(t.to.label)</td><td>\(mark)\(t.remark)</td>"
                + "<td>\(HTMLText.escape(t.author))</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</section>\n"
    }

    static func tallies(_ tallies: [Tally], heading: String) -> String {
        var out = "<table>\n<thead><tr><th>\(heading)</th><th class=\"num\">Improvements</th>"
            + "<th class=\"num\">Regressions</th><th class=\"num\">Other</th><th class=\"num\">Total</th></tr></thead>\n<tbody>\n"
        for t in tallies {
            out += "<tr><td>\(HTMLText.escape(t.label))</td><td class=\"num\">\(t.improvements)</td>"
                + "<td class=\"num\">\(t.regressions)</td><td class=\"num\">\(t.other)</td><td class=\"num\">\(t.total)</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }
}
