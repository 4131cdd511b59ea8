import ActionPlanModel

/// The JSON export: metadata, figures per State, then one object per State × action.
///
/// The layout is specified by docs/export-schema.json (JSON Schema draft 2020-12); each status is on
/// its own line so the file stays readable and diffs well.
public enum StatusJSON {
    public static let schemaID = "https://actionplan.example/schemas/export-v1.json"

    public static func write(_ snapshot: StatusSnapshot) -> [UInt8] {
        let m = snapshot.metadata
        var out = "{\n"
        out += "  \"$schema\": \(JSONText.quote(schemaID)),\n"
        out += "  \"generatedAt\": \(JSONText.time(m.generatedAt)),\n"
        out += "  \"asOf\": \(JSONText.time(m.asOf)),\n"
        if let round = m.round {
            out += "  \"round\": " + JSONText.object([("name", JSONText.quote(round.name)), ("opens", JSONText.quote(round.opens)),
                ("due", JSONText.quote(round.due)), ("closed", JSONText.time(round.closed))]) + ",\n"
        }
        out += "  \"storeFormat\": \(m.storeFormat),\n"
        out += "  \"openConflicts\": \(m.openConflicts.map(String.init) ?? "null"),\n"
        out += "  \"catalog\": " + JSONText.object([("id", JSONText.quote(m.catalogID)),
            ("version", JSONText.quote(m.catalogVersion)), ("title", JSONText.quote(m.catalogTitle))]) + ",\n"
        out += "  \"scope\": " + JSONText.object([
            ("states", JSONText.array(snapshot.states.map(\.participant.code))),
            ("pillar", JSONText.optional(m.scope.pillar)),
            ("includePartners", m.scope.includePartners ? "true" : "false")]) + ",\n"
        out += "  \"states\": [\n"
        out += snapshot.states.map { "    " + figures($0, pillars: snapshot.pillars) }.joined(separator: ",\n")
        out += snapshot.states.isEmpty ? "  ],\n" : "\n  ],\n"
        out += "  \"statuses\": [\n"
        out += snapshot.rows.map { "    " + status($0) }.joined(separator: ",\n")
        out += snapshot.rows.isEmpty ? "  ]\n}\n" : "\n  ]\n}\n"
        return Array(out.utf8)
    }

    static func figures(_ state: StateSnapshot, pillars: [Pillar]) -> String {
        JSONText.object([
            ("code", JSONText.quote(state.participant.code)),
            ("name", JSONText.quote(state.participant.name)),
            ("kind", JSONText.quote(state.participant.kind.rawValue)),
            ("overall", progress(state.overall)),
            ("pillars", JSONText.object(pillars.map { ($0.id, progress(state.byPillar[$0.id] ?? Progress())) })),
        ])
    }

    static func progress(_ p: Progress) -> String {
        JSONText.object([
            ("trackable", "\(p.trackable)"), ("assessed", "\(p.assessed)"),
            ("coverage", JSONText.ratio(p.coverage)), ("implementation", JSONText.ratio(p.implementation)),
            ("counts", JSONText.object(Status.allCases.map { ($0.rawValue, "\(p.count($0))") })),
        ])
    }

    static func status(_ row: StatusRow) -> String {
        let a = row.assessment
        return JSONText.object([
            ("state", JSONText.quote(row.stateCode)),
            ("pillar", JSONText.quote(row.pillarID)),
            ("area", JSONText.quote(row.areaID)),
            ("action", JSONText.quote(row.actionID)),
            ("status", JSONText.quote(a.status.rawValue)),
            ("note", JSONText.quote(a.note)),
            ("evidence", JSONText.array(a.evidence)),
            ("updatedAt", JSONText.time(a.updatedAt)),
            ("updatedBy", JSONText.optional(a.updatedBy)),
            ("followUp", a.followUp.map { followUp in
                JSONText.object([("date", JSONText.quote(followUp.date.description)), ("owner", JSONText.optional(followUp.owner))])
            } ?? "null"),
        ])
    }
}
