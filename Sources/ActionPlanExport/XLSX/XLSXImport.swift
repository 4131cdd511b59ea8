import ActionPlanModel

/// Plans an import from an edited XLSX export, with the CSV's checks and the same all-or-nothing rule.
///
/// Every sheet whose header names `state_code` (A) and `action_id` (E) is a status table (the per-pillar or per-State sheets);
/// the others (Overview, Legend, a sheet the office added) are not read, and the report names them.
/// Each table goes through `ImportPlanner` exactly as a CSV file would (header, State, action, status,
/// evidence, `base`), and a State × action that appears on two sheets is a problem too. Problems name
/// the sheet, the row and the column.
public enum XLSXImport {
    /// The plan, sheet by sheet.
    public struct Plan: Sendable, Equatable {
        /// The plan of each status table, in workbook order.
        public var sheets: [(name: String, plan: ImportPlan)]
        /// Sheets that are not status tables.
        public var ignored: [String]

        /// All sheets' changes as one plan, for one batch of events.
        public var combined: ImportPlan {
            var all = ImportPlan()
            for (_, plan) in sheets {
                all.changes += plan.changes
                all.unchanged += plan.unchanged
                all.skipped += plan.skipped
            }
            return all
        }

        public static func == (lhs: Plan, rhs: Plan) -> Bool {
            lhs.ignored == rhs.ignored && lhs.sheets.map(\.name) == rhs.sheets.map(\.name)
                && lhs.sheets.map(\.plan) == rhs.sheets.map(\.plan)
        }
    }

    /// One problem, on a named sheet (nil: the file as a whole).
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public var sheet: String?
        public var problem: ImportProblem

        public var description: String {
            sheet.map { "sheet '\(TerminalText.clean($0))', " } .map { $0 + problem.description } ?? TerminalText.clean(problem.message)
        }
    }

    /// Every problem found (the first 50, and how many more).
    public struct Problems: Error, Sendable, Equatable {
        public var all: [Problem]
        public var omitted: Int
        public var total: Int { all.count + omitted }
    }

    /// Whether the bytes are a ZIP archive (an XLSX workbook), whatever the file is called.
    public static func isWorkbook(_ bytes: [UInt8]) -> Bool { bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) }

    public static func plan(xlsx bytes: [UInt8], tracker: Tracker, today: ReviewDate? = nil) -> Result<Plan, Problems> {
        let sheets: [XLSXReader.Sheet]
        switch XLSXReader.sheets(bytes) {
        case .success(let read): sheets = read
        case .failure(let failure):
            return .failure(Problems(all: [Problem(sheet: nil, problem: ImportProblem(row: 0, message: failure.message))], omitted: 0))
        }
        var problems: [Problem] = []
        var omitted = 0
        var plan = Plan(sheets: [], ignored: [])
        var firstSeen: [String: (sheet: String, row: Int)] = [:]
        for sheet in sheets {
            guard isStatusTable(sheet) else {
                plan.ignored.append(sheet.name)
                continue
            }
            var cellProblems: [ImportProblem] = []
            let records = self.records(sheet, problems: &cellProblems)
            cellProblems += duplicates(records, sheet: sheet.name, tracker: tracker, firstSeen: &firstSeen)
            switch ImportPlanner.plan(records: records, tracker: tracker, today: today) {
            case .success(let sheetPlan) where cellProblems.isEmpty:
                plan.sheets.append((sheet.name, sheetPlan))
            case .success:
                break
            case .failure(let found):
                cellProblems += found.all
                omitted += found.omitted
            }
            for problem in cellProblems.sorted(by: { ($0.row, $0.column ?? -1) < ($1.row, $1.column ?? -1) }) {
                if problems.count < CSVReader.Problems.shownLimit {
                    problems.append(Problem(sheet: sheet.name, problem: problem))
                } else {
                    omitted += 1
                }
            }
        }
        if plan.sheets.isEmpty, problems.isEmpty {
            problems.append(Problem(sheet: nil, problem: ImportProblem(row: 0, message:
                "no sheet has the layout of `actionplan export --format xlsx` (state_code in A1, action_id in E1); sheets: "
                + sheets.map { "'\($0.name)'" }.joined(separator: ", "))))
        }
        return problems.isEmpty && omitted == 0 ? .success(plan) : .failure(Problems(all: problems, omitted: omitted))
    }

    /// A sheet whose first row names `state_code` in A and `action_id` in E (the two columns that
    /// identify a row); any other mistake in its header is then reported, not skipped.
    static func isStatusTable(_ sheet: XLSXReader.Sheet) -> Bool {
        let header = sheet.rows.first { $0.number == 1 }?.cells ?? [:]
        func named(_ column: Int) -> Bool {
            guard case .text(let text)? = header[column] else { return false }
            return text.trimmingCharacters(in: .whitespaces).lowercased() == StatusCSV.columns[column]
        }
        return named(RowCheck.Column.state) && named(RowCheck.Column.action)
    }

    /// The rows of a sheet as the planner's records: cells as text, padded to the header's width.
    ///
    /// The planner undoes the CSV's formula guard (one apostrophe off `'=…`); an XLSX text cell has no
    /// guard, so each cell is given the guard first and comes out of the planner exactly as typed.
    /// `updated_at` dates become ISO text, `follow_up_date` dates a calendar day; formulas and error
    /// values are problems.
    static func records(_ sheet: XLSXReader.Sheet, problems: inout [ImportProblem]) -> [CSVReader.Record] {
        let width = (sheet.rows.first { $0.number == 1 }?.cells.keys.max() ?? 0) + 1
        return sheet.rows.map { row in
            let last = max(width - 1, row.cells.filter { if case .text(let t) = $0.value { return !t.isEmpty } else { return true } }
                .keys.max() ?? 0)
            let cells = (0...last).map { column -> String in
                switch row.cells[column] {
                case nil: return ""
                case .text(let text)?: return CSVCell.neutralise(text)
                case .number(let number)? where column == RowCheck.Column.updatedAt && row.number > 1:
                    return XLSXDate.time(serial: number).description
                case .number(let number)? where column == RowCheck.Column.followUpDate && row.number > 1 && number == number.rounded():
                    // A date typed into the cell is stored as a day serial: the day it names.
                    return ReviewDate(XLSXDate.time(serial: number)).description
                case .number(let number)?:
                    return number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
                case .formula?:
                    problems.append(ImportProblem(row: row.number, column: column, message:
                        "the cell holds a formula; type the value itself (formulas are never imported)"))
                    return ""
                case .error(let code)?:
                    problems.append(ImportProblem(row: row.number, column: column, message: "the cell holds the error value \(code)"))
                    return ""
                }
            }
            return CSVReader.Record(row: row.number, cells: cells)
        }
    }

    /// A State × action already given on an earlier sheet (duplicates within a sheet are the planner's).
    static func duplicates(_ records: [CSVReader.Record], sheet: String, tracker: Tracker,
                           firstSeen: inout [String: (sheet: String, row: Int)]) -> [ImportProblem] {
        var found: [ImportProblem] = []
        var here: [String: Int] = [:]
        for record in records.dropFirst() where record.cells.count > RowCheck.Column.action {
            guard let state = tracker.directory.resolve(record.cells[RowCheck.Column.state].trimmingCharacters(in: .whitespaces)),
                  case .success(let action) = tracker.catalog.lookupAction(record.cells[RowCheck.Column.action].trimmingCharacters(in: .whitespaces))
            else { continue }
            let key = state.code + "\u{0}" + action.id
            if let earlier = firstSeen[key] {
                found.append(ImportProblem(row: record.row, message:
                    "duplicate of sheet '\(earlier.sheet)' row \(earlier.row) (\(state.code) \(action.id) appears twice)"))
            } else if here[key] == nil {
                here[key] = record.row
            }
        }
        for (key, row) in here { firstSeen[key] = (sheet, row) }
        return found
    }
}
