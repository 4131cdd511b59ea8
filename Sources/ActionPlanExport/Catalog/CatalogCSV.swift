import ActionPlanModel

/// The catalog as a table an office edits in a spreadsheet: one row per action.
///
/// Only the actions travel: pillars, areas (their titles and order), documents, tags and the catalog's
/// id, title and notice come from the catalog in use (the *frame*), so a row names an area that exists
/// (a new area needs the JSON form). Cells are formula-guarded on export and restored on import with
/// the same `CSVCell` pair as the status CSV, so export → import gives back the catalog exactly.
/// `chapter`, `section` and `paragraph` are empty for none; `tags` are ids separated by `;`.
public enum CatalogCSV {
    public static let columns = ["id", "pillar", "area", "title", "summary", "document", "chapter", "section",
                                 "paragraph", "verified", "tags", "addressee"]

    /// The catalog's actions in tree order, with a header row (UTF-8, CRLF).
    public static func write(_ catalog: Catalog) -> [UInt8] {
        var out = CSVCell.record(columns)
        for pillar in catalog.pillars {
            for area in pillar.areas {
                for action in area.actions {
                    let s = action.source
                    out += CSVCell.record([action.id, pillar.id, area.id, action.title, action.summary, s.document,
                                           s.chapter ?? "", s.section ?? "", s.paragraph ?? "", s.verified ? "true" : "false",
                                           action.tags.joined(separator: ";"), action.addressee.rawValue])
                }
            }
        }
        return Array(out.utf8)
    }

    /// Reads an edited table into a catalog on `frame`, or every problem at its row and column.
    ///
    /// Checks what the tracker relies on, row by row: the header, a typeable unique id, a known pillar
    /// and an area of that pillar, a title, a document, `true`/`false` in `verified`, known tags and
    /// addressee. Actions keep the order of the rows within each area; areas keep the frame's order.
    public static func read(_ bytes: [UInt8], frame: Catalog) -> Result<Catalog, CSVReader.Problems> {
        let separator = CSVReader.separator(of: bytes)
        var problems = CSVReader.problems(in: bytes, separator: separator)
        guard problems.isEmpty else { return .failure(problems) }
        var records = Array(CSVReader.records(bytes, separator: separator))
        guard let header = records.first else {
            return .failure(CSVReader.Problems(all: [CSVReader.Problem(row: 1, column: nil, message: "empty file; expected the header " + columns.joined(separator: ","))]))
        }
        let names = header.cells.map { CSVCell.restore($0).trimmingCharacters(in: .whitespaces) }
        guard names == columns else {
            let i = Array(zip(names, columns)).firstIndex { $0.0 != $0.1 } ?? min(names.count, columns.count)
            return .failure(CSVReader.Problems(all: [CSVReader.Problem(row: header.row, column: i,
                message: "wrong header: expected " + columns.joined(separator: ",") + "; found " + names.joined(separator: ","))]))
        }
        records.removeFirst()
        var catalog = frame
        for p in catalog.pillars.indices { for a in catalog.pillars[p].areas.indices { catalog.pillars[p].areas[a].actions = [] } }
        let knownTags = frame.tags.map(\.id)
        var seen: [String: Int] = [:]
        for record in records {
            if record.cells.allSatisfy({ $0.isEmpty }) { continue }
            func problem(_ column: Int, _ message: String) { problems.append(CSVReader.Problem(row: record.row, column: column, message: message)) }
            guard record.cells.count == columns.count else {
                problem(min(record.cells.count, columns.count - 1),
                        "expected \(columns.count) cells (\(columns.joined(separator: ","))), found \(record.cells.count)")
                continue
            }
            let c = record.cells.map(CSVCell.restore)
            let id = c[0].trimmingCharacters(in: .whitespaces)
            if !Catalog.isTypeableID(id) { problem(0, "id '\(id)' must be letters, digits and single hyphens, like AP03-IV-1-a") }
            if let first = seen[id] { problem(0, "duplicate id '\(id)' (first used in row \(first))") } else { seen[id] = record.row }
            guard let p = catalog.pillars.firstIndex(where: { $0.id == c[1] }) else {
                let close = Suggestions.closest(to: c[1], among: catalog.pillars.map(\.id))
                problem(1, "unknown pillar '\(c[1])'; valid: " + catalog.pillars.map(\.id).joined(separator: ", ")
                    + (close.isEmpty ? "" : " (did you mean '\(close[0])'?)"))
                continue
            }
            guard let a = catalog.pillars[p].areas.firstIndex(where: { $0.id == c[2] }) else {
                let valid = catalog.pillars[p].areas.map(\.id)
                let elsewhere = catalog.pillars.first { $0.areas.contains { $0.id == c[2] } }
                problem(2, "unknown area '\(c[2])' in pillar '\(c[1])'"
                    + (elsewhere.map { "; it belongs to pillar '\($0.id)'" } ?? "")
                    + "; valid: " + valid.joined(separator: ", ") + " (a new area needs the JSON form)")
                continue
            }
            if c[3].trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { problem(3, "empty title") }
            if c[5].trimmingCharacters(in: .whitespaces).isEmpty { problem(5, "empty document (for example PC.DEC/557)") }
            let verified: Bool
            switch c[9].trimmingCharacters(in: .whitespaces).lowercased() {
            case "true": verified = true
            case "false", "": verified = false
            default: problem(9, "verified must be true or false, found '\(c[9])'"); verified = false
            }
            let tags = c[10].split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            for tag in tags where !knownTags.contains(tag) {
                problem(10, "unknown tag '\(tag)'; valid: " + knownTags.joined(separator: ", "))
            }
            guard let addressee = Addressee(rawValue: c[11].trimmingCharacters(in: .whitespaces)) else {
                problem(11, "unknown addressee '\(c[11])'; valid: " + Addressee.allCases.map(\.rawValue).joined(separator: ", "))
                continue
            }
            func optional(_ text: String) -> String? { text.isEmpty ? nil : text }
            let source = SourceReference(document: c[5], chapter: optional(c[6]), section: optional(c[7]),
                                         paragraph: optional(c[8]), verified: verified)
            catalog.pillars[p].areas[a].actions.append(Action(id: id, title: c[3], summary: c[4], source: source,
                                                              tags: tags, addressee: addressee))
        }
        guard problems.isEmpty else { return .failure(problems) }
        // Rebuild the id index over the new actions; the whole-catalog rules (an action for States) last.
        let rebuilt = Catalog(id: catalog.id, version: catalog.version, title: catalog.title, notice: catalog.notice,
                              documents: catalog.documents, tags: catalog.tags, pillars: catalog.pillars)
        if let whole = rebuilt.validate().first {
            return .failure(CSVReader.Problems(all: [CSVReader.Problem(row: 1, column: nil, message: whole.description)]))
        }
        return .success(rebuilt)
    }
}

/// The id mapping file of `catalog import --renames`: a header `old_id,new_id`, then one line per pair.
/// A split lists the old id twice; a merge lists the new id twice.
public enum RenameMapCSV {
    public static let columns = ["old_id", "new_id"]

    /// The pairs with their row numbers, or the problems (syntax, header, cell count, empty ids).
    public static func read(_ bytes: [UInt8]) -> Result<[(line: Int, old: String, new: String)], CSVReader.Problems> {
        let separator = CSVReader.separator(of: bytes)
        var problems = CSVReader.problems(in: bytes, separator: separator)
        guard problems.isEmpty else { return .failure(problems) }
        var records = Array(CSVReader.records(bytes, separator: separator))
        guard let header = records.first,
              header.cells.map({ CSVCell.restore($0).trimmingCharacters(in: .whitespaces) }) == columns else {
            return .failure(CSVReader.Problems(all: [CSVReader.Problem(row: 1, column: 0,
                message: "wrong header: expected old_id,new_id, found '\(records.first?.cells.joined(separator: ",") ?? "")'")]))
        }
        records.removeFirst()
        var pairs: [(line: Int, old: String, new: String)] = []
        for record in records where !record.cells.allSatisfy({ $0.isEmpty }) {
            guard record.cells.count == 2 else {
                problems.append(CSVReader.Problem(row: record.row, column: min(record.cells.count, 1),
                    message: "expected 2 cells (old_id,new_id), found \(record.cells.count)"))
                continue
            }
            let old = CSVCell.restore(record.cells[0]).trimmingCharacters(in: .whitespaces)
            let new = CSVCell.restore(record.cells[1]).trimmingCharacters(in: .whitespaces)
            if old.isEmpty { problems.append(CSVReader.Problem(row: record.row, column: 0, message: "empty old_id")) }
            if new.isEmpty { problems.append(CSVReader.Problem(row: record.row, column: 1, message: "empty new_id")) }
            if !old.isEmpty, !new.isEmpty { pairs.append((record.row, old, new)) }
        }
        return problems.isEmpty ? .success(pairs) : .failure(problems)
    }
}
