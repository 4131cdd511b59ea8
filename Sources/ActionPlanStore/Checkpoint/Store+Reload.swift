import ActionPlanModel

extension Store {
    /// The store as it is now, read from `previous` by reading only what changed.
    ///
    /// A journal whose file (inode) is the same and grew is read from where `previous` stopped: only the
    /// appended bytes. Its new events are applied in place when each extends its action's head (or the
    /// journal holds its whole history); otherwise, and for a journal that shrank or was replaced (git
    /// checkout, a rewrite), the journal is read again through its checkpoint. A change to `store.json`,
    /// the catalog or the list of States, or a batch this user cannot complete, reloads everything.
    public func reload(_ previous: LoadedStore) throws(StoreError) -> LoadedStore {
        try completeInterruptedBatches()
        return try withLock(.shared) { () throws(StoreError) -> LoadedStore in
            let now = fingerprint()
            let control = [manifestPath, catalogPath, statesListPath]
            // A new id mapping (a colleague's catalog installation, merged by sync) changes every fold.
            guard control.allSatisfy({ now.stamps[$0] == previous.fingerprint.stamps[$0] }), committedBatches().isEmpty,
                  renameBook().digest == RenameBook(records: previous.tracker.office).digest else {
                return try loadUnlocked(states: nil, history: previous.history)
            }
            var loaded = previous
            loaded.fingerprint = now
            loaded.problems = []
            if now.stamps[officeLogPath] != previous.fingerprint.stamps[officeLogPath] {
                let office = try readOfficeLogUnlocked()
                loaded.tracker.office = office.records
                loaded.tracker.catalog = VerificationBook(records: office.records).apply(to: loaded.tracker.catalog)
                loaded.problems += office.problems
            }
            var seen: Set<String> = []
            for file in FileIO.list(statesFolder) where file.hasSuffix(".jsonl") {
                let code = String(file.dropLast(6))
                guard loaded.tracker.directory.resolve(code)?.code == code else { continue }
                seen.insert(code)
                guard now.stamps[file] != previous.fingerprint.stamps[file] || previous.positions[code] == nil else { continue }
                let read = try readChange(code, stamp: now.stamps[file] ?? nil, from: previous.positions[code],
                                          journal: previous.tracker.journals[code], trend: previous.trends[code], depth: previous.history)
                loaded.tracker.journals[code] = read.journal
                loaded.positions[code] = read.position
                loaded.trends[code] = read.trend.flatMap { $0.length == read.position.length ? $0 : nil }
                if read.ordered ?? (previous.ordered.contains(code) && read.appendedInOrder) { loaded.ordered.insert(code) } else { loaded.ordered.remove(code) }
                loaded.problems += read.problems
            }
            for code in loaded.tracker.journals.keys where !seen.contains(code) {
                loaded.tracker.journals[code] = nil
                loaded.positions[code] = nil
                loaded.ordered.remove(code)
                loaded.trends[code] = nil
            }
            return loaded
        }
    }

    /// One changed journal: the appended bytes only when that is safe, else a read through the checkpoint.
    private func readChange(_ code: String, stamp: FileStamp?, from position: JournalPosition?, journal: Journal?,
                            trend held: TrendCache?, depth: HistoryDepth) throws(StoreError) -> JournalRead {
        guard let stamp, let position, var journal, stamp.inode == position.inode, stamp.size >= position.length else {
            return try readJournal(code, depth: depth)
        }
        let file = journalPath(code)
        let tail = try JournalBytes.read(file, from: position.length, meter: meter)
        let whole = JournalBytes.wholeLines(tail)
        let (events, problems) = JournalReader.read(tail, file: file, state: code, firstLine: position.lines + 1, renames: renameBook())
        let inOrder = whole.length == tail.count && ActionPlanStore.inOrder(events, after: journal.events.last)
        // The session's trend tallies move with the journal (when they covered exactly what was read).
        var trend = held.flatMap { $0.length == position.length ? $0 : nil }
        for event in events {
            guard journal.isComplete || (journal.extendsHead(event) && journal.knowsCompensation(of: event)) else {
                return try readJournal(code, depth: depth)
            }
            TrendCache.append(event, to: &journal, moving: &trend)
        }
        var read = JournalRead(journal: journal, problems: problems,
                               position: JournalPosition(inode: stamp.inode, length: position.length + Int64(whole.length),
                                                         lines: position.lines + whole.lines))
        read.appendedInOrder = inOrder
        if whole.length == tail.count, var moved = trend {
            moved.length = read.position.length
            read.trend = moved
        }
        return read
    }
}
