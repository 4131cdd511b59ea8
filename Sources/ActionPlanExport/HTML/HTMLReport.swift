import ActionPlanModel

/// The HTML report: one self-contained file a manager can open or print.
///
/// Inline CSS and inline SVG only: no script, no web font, no image or style sheet fetched from
/// anywhere, so the file opens offline, passes strict mail filters and cannot leak who reads it.
/// Every value from the store goes through `HTMLText.escape`.
public enum HTMLReport {
    public static func write(_ snapshot: StatusSnapshot) -> [UInt8] {
        let m = snapshot.metadata
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>Action Plan implementation: status report (\(HTMLText.escape(m.asOfText)))</title>\n"
        out += "<style>\n\(HTMLStyle.css)\n</style>\n</head>\n<body>\n<header>\n"
        out += "<h1>Action Plan implementation: status report</h1>\n"
        out += "<p class=\"meta\">\(HTMLText.escape(m.catalogTitle)) (\(HTMLText.escape(m.catalogID)), version "
            + "\(HTMLText.escape(m.catalogVersion)))" + (m.roundText.map { " · round \(HTMLText.escape($0))" } ?? "") + " · status as of \(HTMLText.escape(m.asOfText)) · generated "
            + "\(m.generatedAt.shortDescription) UTC"
            + (m.openConflicts.map { " · \($0) open conflict\($0 == 1 ? "" : "s")" } ?? "") + "</p>\n"
        if let notice = m.catalogNotice { out += "<p class=\"notice\">\(HTMLText.escape(notice))</p>\n" }
        out += "</header>\n<main>\n"
        out += overview(snapshot)
        out += TrendChart.html(snapshot)
        out += ActionsSection.html(snapshot)
        out += ChangesSection.html(snapshot.changes)
        for state in snapshot.states { out += section(state, pillars: snapshot.pillars) }
        out += "</main>\n<footer>Implementation is the weighted mean over assessed actions (not started 0, in progress ⅓, "
            + "partially implemented ⅔, implemented 1; not applicable excluded). Coverage is the share of actions assessed.</footer>\n"
        out += "</body>\n</html>\n"
        return Array(out.utf8)
    }

    static func overview(_ snapshot: StatusSnapshot) -> String {
        var out = "<section class=\"overview\">\n<h2>Overview</h2>\n"
        out += Heatmap.svg(snapshot)
        if !snapshot.metadata.omittedStates.isEmpty {
            let omitted = snapshot.metadata.omittedStates
            out += "<p class=\"meta omitted\">Left out: \(Plural.count(omitted.count, "State")) with no data recorded ("
                + omitted.map { "\(HTMLText.escape($0.name)) (\(HTMLText.escape($0.code)))" }.joined(separator: ", ") + ").</p>\n"
        }
        out += "<table>\n<thead><tr><th>State</th><th>Implementation</th><th class=\"num\">%</th>"
            + "<th class=\"num\">Coverage</th><th class=\"num\">Assessed</th></tr></thead>\n<tbody>\n"
        for state in snapshot.states {
            let p = state.overall
            out += "<tr><td><a href=\"#state-\(HTMLText.escape(state.participant.code))\">"
                + "\(HTMLText.escape(state.participant.name))</a></td><td>\(bar(p.implementation))</td>"
                + "<td class=\"num\">\(Progress.percent(p.implementation))</td><td class=\"num\">\(Progress.percent(p.coverage))</td>"
                + "<td class=\"num\">\(p.assessed) / \(p.trackable)</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</section>\n"
    }

    /// A progress bar; its width is the only inline style and is a number we computed.
    static func bar(_ value: Double?) -> String {
        "<span class=\"bar\" role=\"img\" aria-label=\"\(Progress.percent(value))\">"
            + "<span style=\"width:\(HTMLText.percentNumber(value))%\"></span></span>"
    }

    static func section(_ state: StateSnapshot, pillars: [Pillar]) -> String {
        let p = state.overall
        let code = HTMLText.escape(state.participant.code)
        var out = "<section class=\"state\" id=\"state-\(code)\">\n"
        out += "<h2>\(HTMLText.escape(state.participant.name)) (\(code))</h2>\n"
        out += "<p>Implementation \(bar(p.implementation)) \(Progress.percent(p.implementation)) · coverage "
            + "\(Progress.percent(p.coverage)) (\(p.assessed) of \(p.trackable) actions assessed)</p>\n"
        out += "<p class=\"meta\">" + Status.allCases.map { "\($0.symbol) \($0.label): \(p.count($0))" }.joined(separator: " · ") + "</p>\n"
        for pillar in pillars {
            let rows = state.rows(ofPillar: pillar.id)
            guard !rows.isEmpty else { continue }
            let figures = state.byPillar[pillar.id] ?? Progress()
            out += "<h3>\(HTMLText.escape(pillar.title)) \(bar(figures.implementation)) \(Progress.percent(figures.implementation))</h3>\n"
            out += "<table>\n<thead><tr><th>Action</th><th>Title</th><th>Status</th><th>Note</th><th>Evidence</th>"
                + "<th>Updated</th></tr></thead>\n<tbody>\n"
            for row in rows { out += statusRow(row) }
            out += "</tbody>\n</table>\n"
        }
        return out + "</section>\n"
    }

    static func statusRow(_ row: StatusRow) -> String {
        let a = row.assessment
        let evidence = a.evidence.isEmpty ? "" : "<ul class=\"evidence\">"
            + a.evidence.map { "<li>\(EvidenceLink.html($0))</li>" }.joined() + "</ul>"
        let updated = (a.updatedAt.map { "\($0.day)<br>\(HTMLText.escape(a.updatedBy ?? ""))" } ?? "")
            + (a.followUp.map { "<br><span class=\"follow-up\">follow-up \($0.date)" + ($0.owner.map { " (\(HTMLText.escape($0)))" } ?? "") + "</span>" } ?? "")
        return "<tr><td class=\"id\">\(HTMLText.escape(row.actionID))</td><td>\(HTMLText.escape(row.actionTitle))</td>"
            + "<td class=\"status s-\(a.status.rawValue)\">\(a.status.symbol) \(a.status.label)</td>"
            + "<td>\(HTMLText.paragraph(a.note))</td><td>\(evidence)</td><td>\(updated)</td></tr>\n"
    }
}
