import ActionPlanModel
import TerminalKit

/// `round compare` as a terminal table, CSV, JSON and Markdown.
///
/// Round names, State names and action titles come from the store: CSV cells are formula-guarded
/// (`CSVWriter`), Markdown is escaped, the terminal text is cleaned, JSON strings are escaped.
public enum RoundComparisonFiles {
    public enum Format: String, Sendable, CaseIterable { case table, csv, json, markdown }

    public static func write(_ c: RoundComparison, format: Format) -> [UInt8] {
        switch format {
        case .table: table(c)
        case .csv: csv(c)
        case .json: json(c)
        case .markdown: markdown(c)
        }
    }

    /// "'2027 survey' (2027-01-10 to 2027-06-30, as of its close 2027-06-30 12:00 UTC)" or "…, open: as of now".
    public static func label(_ round: Round) -> String {
        "'\(round.name)' (\(round.opens) to \(round.due), " + (round.closedAt.map { "as of its close \($0.shortDescription) UTC" } ?? "open: as of now") + ")"
    }

    static let tallyHeaders = ["IMPROVED", "REGRESSED", "STAYED", "OTHER", "NOT REVIEWED"]

    static func counts(_ t: RoundComparison.Tally) -> [String] {
        ["\(t.improved)", "\(t.regressed)", "\(t.stayed)", "\(t.other)", "\(t.notReviewed)"]
    }

    /// Per State, the actions round B did not review ("all 5" when none was).
    static func notReviewedSummary(_ c: RoundComparison) -> [(code: String, name: String, count: Int, of: Int, actions: [String])] {
        c.byState.compactMap { tally in
            guard tally.notReviewed > 0 else { return nil }
            let actions = c.rows.filter { $0.state == tally.key && !$0.reviewed }.map(\.action)
            return (tally.key, tally.label, tally.notReviewed, tally.total, actions)
        }
    }

    // MARK: - Table

    public static func table(_ c: RoundComparison) -> [UInt8] {
        var out = "Round \(label(c.a))\n   → \(label(c.b))\n\n"
        var pillars = TextTable(["PILLAR"] + tallyHeaders)
        for t in c.byPillar { pillars.add([t.label] + counts(t)) }
        out += pillars.render() + "\n\n"
        var states = TextTable(["STATE", "NAME"] + tallyHeaders, flexible: [1])
        for t in c.byState { states.add([t.key, t.label] + counts(t)) }
        states.add(["", "Total"] + counts(c.total))
        out += states.render() + "\n"
        let moved = c.moved
        if !moved.isEmpty {
            out += "\nChanged between the rounds (\(moved.count)):\n"
            var list = TextTable(["STATE", "ACTION", "FROM", "TO", "DIRECTION"])
            for row in moved {
                list.add([row.state, row.action, row.before.rawValue, row.after.rawValue, symbol(row.direction)])
            }
            out += list.render() + "\n"
        }
        let missing = notReviewedSummary(c)
        out += "\nNot reviewed in '\(c.b.name)' (no event since \(c.b.opens)): "
        if missing.isEmpty {
            out += "none\n"
        } else {
            out += "\(Plural.count(c.total.notReviewed, "pair")) in \(Plural.count(missing.count, "State"))\n"
            for s in missing {
                let text = "\(s.code) \(s.name): " + (s.count == s.of ? "all \(s.of)" : "\(s.count) of \(s.of): " + s.actions.joined(separator: ", "))
                for (i, line) in TextWrap.wrap(text, width: 96).enumerated() { out += (i == 0 ? "  " : "    ") + line + "\n" }
            }
        }
        out += "\n\(Plural.count(c.total.total, "State × action pair", "State × action pairs")): \(c.total.improved) improved, "
            + "\(c.total.regressed) regressed, \(c.total.stayed) stayed, \(c.total.other) other\n"
        return Array(TerminalSafe.clean(out, keepNewlines: true).utf8)
    }

    static func symbol(_ direction: RoundComparison.Direction) -> String {
        switch direction {
        case .improved: "▲ improved"
        case .regressed: "▼ regressed"
        case .stayed: "stayed"
        case .other: "other"
        }
    }

    // MARK: - CSV

    public static let csvColumns = [
        "state_code", "state_name", "pillar", "action_id", "action_title", "round_a", "status_a",
        "round_b", "status_b", "direction", "reviewed_in_b",
    ]

    /// One row per State × action, formula-guarded.
    public static func csv(_ c: RoundComparison, excel: Bool = false) -> [UInt8] {
        var out = CSVWriter(byteOrderMark: excel, capacity: (c.rows.count + 1) * 120)
        out.row(csvColumns)
        for r in c.rows {
            out.row([r.state, r.stateName, r.pillar, r.action, r.actionTitle, c.a.name, r.before.rawValue,
                     c.b.name, r.after.rawValue, r.direction.rawValue, r.reviewed ? "true" : "false"])
        }
        return out.bytes
    }

    // MARK: - JSON

    public static func json(_ c: RoundComparison) -> [UInt8] {
        func round(_ r: Round) -> String {
            JSONText.object([("name", JSONText.quote(r.name)), ("opens", JSONText.quote(r.opens)), ("due", JSONText.quote(r.due)),
                             ("closed", JSONText.time(r.closedAt)), ("asOf", JSONText.time(r.snapshotInstant))])
        }
        func tally(_ t: RoundComparison.Tally, _ key: String) -> String {
            JSONText.object([(key, JSONText.quote(t.key)), ("improved", "\(t.improved)"), ("regressed", "\(t.regressed)"),
                             ("stayed", "\(t.stayed)"), ("other", "\(t.other)"), ("notReviewed", "\(t.notReviewed)"), ("total", "\(t.total)")])
        }
        func list(_ items: [String]) -> String { items.isEmpty ? "[]" : "[\n" + items.map { "    " + $0 }.joined(separator: ",\n") + "\n  ]" }
        var out = "{\n  \"a\": \(round(c.a)),\n  \"b\": \(round(c.b)),\n"
        out += "  \"total\": \(tally(c.total, "key")),\n"
        out += "  \"byPillar\": \(list(c.byPillar.map { tally($0, "pillar") })),\n"
        out += "  \"byState\": \(list(c.byState.map { tally($0, "state") })),\n"
        out += "  \"notReviewed\": \(list(notReviewedSummary(c).map { JSONText.object([("state", JSONText.quote($0.code)), ("count", "\($0.count)"), ("actions", JSONText.array($0.actions))]) })),\n"
        let pairs = c.rows.map { r in
            JSONText.object([("state", JSONText.quote(r.state)), ("pillar", JSONText.quote(r.pillar)), ("action", JSONText.quote(r.action)),
                             ("a", JSONText.quote(r.before.rawValue)), ("b", JSONText.quote(r.after.rawValue)),
                             ("direction", JSONText.quote(r.direction.rawValue)), ("reviewed", r.reviewed ? "true" : "false")])
        }
        out += "  \"pairs\": \(list(pairs))\n}\n"
        return Array(out.utf8)
    }

    // MARK: - Markdown

    public static func markdown(_ c: RoundComparison) -> [UInt8] {
        var out = "# Rounds compared\n\n- A: \(MarkdownText.escape(label(c.a)))\n- B: \(MarkdownText.escape(label(c.b)))\n\n"
        out += "\(c.total.total) State × action pairs: \(c.total.improved) improved, \(c.total.regressed) regressed, "
            + "\(c.total.stayed) stayed, \(c.total.other) other; \(c.total.notReviewed) not reviewed in B.\n"
        let headers = ["Improved", "Regressed", "Stayed", "Other", "Not reviewed"]
        out += "\n## By pillar\n\n" + MarkdownText.row(["Pillar"] + headers) + MarkdownText.rule(6, right: [1, 2, 3, 4, 5])
        for t in c.byPillar { out += MarkdownText.row([MarkdownText.escape(t.label)] + counts(t)) }
        out += "\n## By State\n\n" + MarkdownText.row(["State"] + headers) + MarkdownText.rule(6, right: [1, 2, 3, 4, 5])
        for t in c.byState { out += MarkdownText.row([MarkdownText.escape("\(t.key) \(t.label)")] + counts(t)) }
        let moved = c.moved
        if !moved.isEmpty {
            out += "\n## Changed between the rounds\n\n" + MarkdownText.row(["State", "Action", "A", "B", "Direction"]) + MarkdownText.rule(5)
            for r in moved {
                out += MarkdownText.row([MarkdownText.escape(r.stateName), MarkdownText.escape(r.action), r.before.label, r.after.label, symbol(r.direction)])
            }
        }
        out += "\n## Not reviewed in B\n\n"
        let missing = notReviewedSummary(c)
        if missing.isEmpty { out += "Every pair was reviewed.\n" }
        for s in missing {
            out += "- \(MarkdownText.escape("\(s.code) \(s.name)")): " + (s.count == s.of ? "all \(s.of)" : "\(s.count) of \(s.of): " + MarkdownText.escape(s.actions.joined(separator: ", "))) + "\n"
        }
        return Array(out.utf8)
    }
}
