import ActionPlanModel

/// The XLSX layout of a status export (docs/export-formats.md, "XLSX").
///
/// An Overview sheet (implementation per State and pillar), then one sheet per pillar or per State with
/// exactly the CSV's columns, so the workbook imports like the CSV, then a Legend sheet (the status
/// colours, and what was exported). Text cells are inline strings, written as they are: an XLSX text
/// cell is never evaluated, so no apostrophe is needed against formula injection.
public enum StatusXLSX {
    /// How the rows are split into sheets.
    public enum Sheets: String, CaseIterable, Sendable {
        /// One sheet per pillar (every State in each).
        case pillar
        /// One sheet per State (every pillar in each).
        case state
    }

    /// The names of the sheets that are not status tables; the importer skips them.
    public static let overviewName = "Overview", legendName = "Legend"

    /// The workbook's bytes.
    public static func write(_ snapshot: StatusSnapshot, sheets: Sheets = .pillar) -> [UInt8] {
        XLSXPackage.bytes(workbook(snapshot, sheets: sheets), modified: snapshot.metadata.generatedAt)
    }

    /// The sheets, in workbook order.
    static func workbook(_ snapshot: StatusSnapshot, sheets: Sheets) -> [XLSXSheet] {
        var out = [overview(snapshot)]
        switch sheets {
        case .pillar:
            for pillar in snapshot.pillars {
                let rows = snapshot.states.flatMap { $0.rows(ofPillar: pillar.id) }
                out.append(statusSheet(name: sheetName(pillar.title, taken: out.map(\.name)), rows: rows))
            }
        case .state:
            for state in snapshot.states {
                let name = sheetName(state.participant.code + " " + state.participant.name, taken: out.map(\.name))
                out.append(statusSheet(name: name, rows: state.rows))
            }
        }
        out.append(legend(snapshot))
        return out
    }

    // MARK: - Sheets

    static func statusSheet(name: String, rows: [StatusRow]) -> XLSXSheet {
        let cells = rows.map { row -> [XLSXCell] in
            let a = row.assessment
            return [
                XLSXCell(.text(row.stateCode)), XLSXCell(.text(row.stateName)), XLSXCell(.text(row.pillarTitle)),
                XLSXCell(.text(row.areaTitle)), XLSXCell(.text(row.actionID)), XLSXCell(.text(row.actionTitle), style: .wrap),
                XLSXCell(.text(a.status.rawValue), style: .status(a.status)),
                XLSXCell(.text(a.status.label), style: .status(a.status)),
                XLSXCell(.text(a.note), style: .wrap),
                XLSXCell(.text(a.evidence.joined(separator: StatusCSV.evidenceSeparator)), style: .wrap),
                XLSXCell(a.updatedAt.map { .date($0) } ?? .empty, style: .date),
                XLSXCell(.text(a.updatedBy ?? "")),
                XLSXCell(.text(StatusCSV.baseCell(row.base))),
                XLSXCell(.text(a.followUp?.date.description ?? "")),
                XLSXCell(.text(a.followUp?.owner ?? "")),
            ]
        }
        return XLSXSheet(name: name, header: StatusCSV.columns, rows: cells,
                         widths: [6, 18, 13, 24, 15, 48, 22, 22, 40, 30, 20, 14, 28, 14, 16])
    }

    static func overview(_ snapshot: StatusSnapshot) -> XLSXSheet {
        let header = ["state_code", "state_name"] + snapshot.pillars.map(\.title)
            + ["overall", "coverage", "assessed", "trackable"]
        func percent(_ value: Double?) -> XLSXCell { XLSXCell(value.map { .number($0) } ?? .empty, style: .percent) }
        let rows = snapshot.states.map { state -> [XLSXCell] in
            [XLSXCell(.text(state.participant.code)), XLSXCell(.text(state.participant.name))]
                + snapshot.pillars.map { percent(state.byPillar[$0.id]?.implementation) }
                + [percent(state.overall.implementation), percent(state.overall.coverage),
                   XLSXCell(.number(Double(state.overall.assessed))), XLSXCell(.number(Double(state.overall.trackable)))]
        }
        return XLSXSheet(name: overviewName, header: header, rows: rows,
                         widths: [10, 24] + snapshot.pillars.map { _ in 13 } + [10, 10, 10, 10])
    }

    static func legend(_ snapshot: StatusSnapshot) -> XLSXSheet {
        var rows = Status.allCases.map { status -> [XLSXCell] in
            [XLSXCell(.text(status.rawValue), style: .status(status)), XLSXCell(.text(status.label), style: .status(status)),
             XLSXCell(.text(status.symbol))]
        }
        let m = snapshot.metadata
        rows.append([])
        rows.append([XLSXCell(.text("catalog")), XLSXCell(.text("\(m.catalogTitle) (\(m.catalogID) \(m.catalogVersion))"))])
        if let round = m.roundText { rows.append([XLSXCell(.text("round")), XLSXCell(.text(round))]) }
        rows.append([XLSXCell(.text("as of")), XLSXCell(.text(m.asOfText))])
        rows.append([XLSXCell(.text("generated")), XLSXCell(.date(m.generatedAt), style: .date)])
        if let notice = m.catalogNotice { rows.append([XLSXCell(.text("notice")), XLSXCell(.text(notice))]) }
        return XLSXSheet(name: legendName, header: ["status_id", "status_label", "symbol"], rows: rows,
                         widths: [24, 24, 8], isTable: false)
    }

    // MARK: - Names

    /// A valid, unique sheet name: at most 31 characters, none of `[]:*?/\`, not starting or ending with `'`.
    static func sheetName(_ wanted: String, taken: [String]) -> String {
        var base = String(wanted.map { "[]:*?/\\".contains($0) ? "-" : $0 })
        base = String(base.drop { $0 == "'" })
        while base.last == "'" { base.removeLast() }
        if base.isEmpty { base = "Sheet" }
        var name = String(base.prefix(31)), n = 2
        while taken.contains(where: { $0.lowercased() == name.lowercased() }) {
            let suffix = " (\(n))"
            name = String(base.prefix(31 - suffix.count)) + suffix
            n += 1
        }
        return name
    }
}
