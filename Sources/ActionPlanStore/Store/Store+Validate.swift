import ActionPlanModel

extension Store {
    /// What `validate` adds about the shared history: open conflicts, duplicate lines, one id in two
    /// places, and clocks that run ahead (more than a day after `now`, or before the event's base).
    static func causalProblems(_ tracker: Tracker, folder: String, now: Timestamp) -> [StoreProblem] {
        var problems: [StoreProblem] = []
        let tomorrow = Timestamp(milliseconds: now.milliseconds + 86_400_000)
        var owner: [String: String] = [:]
        for code in tracker.journals.keys.sorted() {
            let journal = tracker.journals[code]!
            let file = folder + "/\(code).jsonl"
            if journal.duplicateCount > 0 {
                problems.append(StoreProblem(.warning, file: file, message:
                    "\(journal.duplicateCount) duplicate line\(journal.duplicateCount == 1 ? "" : "s") (the same event twice, as a git union merge can leave); each event is counted once"))
            }
            var byID: [String: Timestamp] = [:]
            for event in journal.events {
                byID[event.id] = event.time
                if let other = owner[event.id], other != code {
                    problems.append(StoreProblem(.error, file: file, message: "event id \(event.id) is also used in the journal of \(other)"))
                }
                owner[event.id] = code
                if event.time > tomorrow {
                    problems.append(StoreProblem(.warning, file: file, message:
                        "event \(event.id) (\(event.action), by \(event.author)) is dated \(event.time), more than a day ahead of this machine's clock; its order comes from its base, not its time"))
                }
            }
            for event in journal.events {
                guard let base = event.base else { continue }
                if let later = base.compactMap({ byID[$0] }).max(), later > event.time {
                    problems.append(StoreProblem(.warning, file: file, message:
                        "event \(event.id) (\(event.action), by \(event.author)) is dated \(event.time), before the event it is based on (\(later)); a clock was wrong, the order is unaffected"))
                }
            }
            for conflict in journal.conflicts {
                let sides = conflict.sides.map { side in
                    "\(side.head.author) \(side.assessment.status.rawValue) at \(side.head.time.shortDescription)"
                }.joined(separator: " / ")
                problems.append(StoreProblem(.warning, file: file, message:
                    "conflict on \(code) \(conflict.action): concurrent changes disagree (\(sides)); resolve with `actionplan conflicts` and `actionplan set`, or in the TUI"))
            }
        }
        return problems
    }
}
