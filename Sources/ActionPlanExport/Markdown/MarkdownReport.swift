import ActionPlanModel

/// The Markdown export: an overview table of States × pillars, then per State its figures and one
/// table per pillar with every action's status, note and evidence.
public enum MarkdownReport {
    public static func write(_ snapshot: StatusSnapshot) -> [UInt8] {
        var out = header(snapshot.metadata)
        out += overview(snapshot)
        for state in snapshot.states { out += section(state, pillars: snapshot.pillars) }
        return Array(out.utf8)
    }

    static func header(_ m: SnapshotMetadata) -> String {
        var out = "# Action Plan implementation: status report\n\n"
        out += "- Catalog: \(MarkdownText.escape(m.catalogTitle)) (\(MarkdownText.escape(m.catalogID)), version \(MarkdownText.escape(m.catalogVersion)))\n"
        if let round = m.roundText { out += "- Round: \(MarkdownText.escape(round))\n" }
        out += "- Status as of: \(m.asOfText)\n"
        out += "- Generated: \(m.generatedAt.shortDescription) UTC\n"
        if let open = m.openConflicts {
            out += "- Open conflicts: \(open)" + (open > 0 ? " (concurrent changes not yet resolved; `actionplan conflicts` lists them)" : "") + "\n"
        }
        if let pillar = m.scope.pillar { out += "- Pillar: \(MarkdownText.escape(pillar))\n" }
        if !m.omittedStates.isEmpty {
            out += "- Left out (no data recorded): " + m.omittedStates.map {
                "\(MarkdownText.escape($0.name)) (\(MarkdownText.escape($0.code)))"
            }.joined(separator: ", ") + "\n"
        }
        if let notice = m.catalogNotice { out += "\n> \(MarkdownText.escape(notice))\n" }
        out += "\nImplementation is the weighted mean over assessed actions (not started 0, in progress ⅓, "
            + "partially implemented ⅔, implemented 1; not applicable excluded). Coverage is the share of actions assessed.\n"
        return out
    }

    static func overview(_ snapshot: StatusSnapshot) -> String {
        var out = "\n## Overview\n\n"
        let titles = ["State"] + snapshot.pillars.map { MarkdownText.escape($0.title) } + ["Overall", "Coverage"]
        out += MarkdownText.row(titles)
        out += MarkdownText.rule(titles.count, right: Set(1..<titles.count))
        for state in snapshot.states {
            var cells = ["\(MarkdownText.escape(state.participant.name)) (\(MarkdownText.escape(state.participant.code)))"]
            cells += snapshot.pillars.map { Progress.percent(state.byPillar[$0.id]?.implementation) }
            cells += [Progress.percent(state.overall.implementation), Progress.percent(state.overall.coverage)]
            out += MarkdownText.row(cells)
        }
        return out
    }

    static func section(_ state: StateSnapshot, pillars: [Pillar]) -> String {
        let p = state.overall
        var out = "\n## \(MarkdownText.escape(state.participant.name)) (\(MarkdownText.escape(state.participant.code)))\n\n"
        out += "Implementation \(Progress.percent(p.implementation)); coverage \(Progress.percent(p.coverage)) "
            + "(\(p.assessed) of \(p.trackable) actions assessed).\n\n"
        out += Status.allCases.map { "\($0.label): \(p.count($0))" }.joined(separator: " · ") + "\n"
        for pillar in pillars {
            let rows = state.rows(ofPillar: pillar.id)
            guard !rows.isEmpty else { continue }
            let figures = state.byPillar[pillar.id] ?? Progress()
            out += "\n### \(MarkdownText.escape(pillar.title)) (implementation \(Progress.percent(figures.implementation)))\n\n"
            out += MarkdownText.row(["Action", "Title", "Status", "Note", "Evidence", "Updated"])
            out += MarkdownText.rule(6)
            for row in rows {
                let a = row.assessment
                let updated = (a.updatedAt.map { "\($0.day) \(MarkdownText.escape(a.updatedBy ?? ""))" } ?? "")
                    + (a.followUp.map { "<br>follow-up \($0.date)" + ($0.owner.map { " (\(MarkdownText.escape($0)))" } ?? "") } ?? "")
                out += MarkdownText.row([
                    MarkdownText.escape(row.actionID), MarkdownText.escape(row.actionTitle),
                    "\(a.status.symbol) \(a.status.label)", MarkdownText.escape(a.note),
                    a.evidence.map(MarkdownText.escape).joined(separator: "<br>"), updated,
                ])
            }
        }
        return out
    }
}
