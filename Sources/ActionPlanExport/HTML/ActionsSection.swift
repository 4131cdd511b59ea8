import ActionPlanModel

/// The per-action view across States: the most and the least implemented actions of the report.
///
/// Ranked by the share of States (where the action applies) that implemented it, with the counts beside
/// the share, so a reviewer sees both "which actions are done almost everywhere" and "where nobody has
/// moved" without reading every State's section.
enum ActionsSection {
    static let limit = 10

    /// The figures of every trackable action in scope, summed over the report's States.
    static func ranking(_ snapshot: StatusSnapshot, limit: Int = limit) -> ActionRanking {
        var progress: [String: Progress] = [:]
        for row in snapshot.rows { progress[row.actionID, default: Progress()].add(row.assessment.status) }
        return ActionRanking(actions: snapshot.pillars.flatMap(\.actions), progress: progress, limit: limit)
    }

    static func html(_ snapshot: StatusSnapshot) -> String {
        guard !snapshot.states.isEmpty else { return "" }
        let ranking = ranking(snapshot)
        var out = "<section class=\"actions\">\n<h2>Actions across States</h2>\n"
        out += "<p class=\"meta\">Ranked by the share of States where the action applies that have implemented it "
            + "(ties: the higher implementation figure first). \(Plural.count(snapshot.states.count, "State")) in this report.</p>\n"
        out += table("Most implemented", ranking.most)
        if !ranking.least.isEmpty { out += table("Least implemented", ranking.least) }
        return out + "</section>\n"
    }

    static func table(_ caption: String, _ entries: [ActionRanking.Entry]) -> String {
        var out = "<table class=\"ranking\">\n<caption>\(HTMLText.escape(caption))</caption>\n"
            + "<thead><tr><th>Action</th><th>Title</th><th class=\"num\">Implemented</th><th>Share</th>"
            + "<th class=\"num\">Implementation</th><th class=\"num\">Assessed</th></tr></thead>\n<tbody>\n"
        for entry in entries {
            let p = entry.progress
            out += "<tr><td class=\"id\">\(HTMLText.escape(entry.action.id))</td><td>\(HTMLText.escape(entry.action.title))</td>"
                + "<td class=\"num\">\(entry.implemented) of \(entry.applicable)</td>"
                + "<td>\(HTMLReport.bar(entry.share)) \(Progress.percent(entry.share))</td>"
                + "<td class=\"num\">\(Progress.percent(p.implementation))</td>"
                + "<td class=\"num\">\(p.assessed) of \(p.trackable)</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }
}
