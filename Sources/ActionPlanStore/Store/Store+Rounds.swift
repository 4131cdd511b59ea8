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

extension Store {
    /// Two rounds compared over `states`, reading one State's whole journal at a time (under the shared
    /// lock, through the catalog's id mapping like every read): the snapshots of closed rounds need the
    /// whole history, but never all of it in memory at once. Equal to `RoundComparison(tracker:…)` on a
    /// tracker holding every event.
    public func compareRounds(catalog: Catalog, a: Round, b: Round, states: [Participant], pillar: String? = nil) throws(StoreError) -> RoundComparison {
        try RoundComparison(catalog: catalog, a: a, b: b, states: states, pillar: pillar) { code throws(StoreError) -> Journal in
            try readJournal(code, history: .complete).0
        }
    }
}
