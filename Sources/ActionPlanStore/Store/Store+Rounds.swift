import ActionPlanModel

extension Store {
    /// What `validate` adds about reporting rounds: what the round fold decided about concurrent or
    /// malformed `round.*` records (two offices opening rounds at once, a round closed twice), as warnings
    /// on `office.jsonl`. Nothing is lost: every line stays in the log, and the fold's choice is the same
    /// on every machine.
    static func roundProblems(_ office: [OfficeRecord], file: String) -> [StoreProblem] {
        RoundBook(records: office).problems.map { StoreProblem(.warning, file: file, message: $0.message) }
    }
}
