import Foundation
import ActionPlanModel

/// What an append did: the store's fingerprint just before and just after it, taken under the lock.
///
/// A watcher (the TUI) whose last known fingerprint equals `before` saw everything up to this write,
/// and may take `after` as known; otherwise someone else wrote meanwhile and it must reload.
public struct AppendReceipt: Sendable {
    public var before: StoreFingerprint
    public var after: StoreFingerprint
    public var events: [ChangeEvent]
}

extension Store {
    var pendingFolder: String { path + "/.pending" }
    var quarantineFolder: String { path + "/.quarantine" }

    // MARK: - Compare and append

    /// Appends events under the exclusive lock, all or nothing, `fsync`ed before returning.
    ///
    /// Each event that carries a `base` is checked in the same critical section: its base must still be
    /// the set of heads of its State × action (events earlier in the same batch count). When a head
    /// moved, nothing is written and the error (kind `.headMoved`) names who changed what; `force`
    /// writes anyway, as a concurrent edit that shows up as a conflict.
    ///
    /// One event is appended directly; several go through a batch in `.pending/` first, so a kill -9,
    /// a full disk or any write error leaves the whole batch visible or none of it.
    @discardableResult
    public func append(_ events: [ChangeEvent], force: Bool = false) throws(StoreError) -> AppendReceipt {
        guard !events.isEmpty else { return AppendReceipt(before: fingerprint(), after: fingerprint(), events: []) }
        do throws(StoreError) {
            guard isWritable else { throw StoreError(.io, file: path, message: "the store is read-only for this user") }
            for code in Set(events.map(\.state)) { try SafePath.requireCode(code, file: statesFolder) }
            return try appendLocked(events, force: force)
        } catch where error.kind != .headMoved && !error.wroteSomething {
            // Every failure below happens before the commit point, or is undone: say so, once, here.
            var stated = error
            stated.message += "; nothing was written"
            throw stated
        }
    }

    private func appendLocked(_ events: [ChangeEvent], force: Bool) throws(StoreError) -> AppendReceipt {
        try withLock(.exclusive) { () throws(StoreError) -> AppendReceipt in
            _ = try prepareForWriting()
            FileIO.removeStaleTemps(in: path)
            let before = fingerprint()
            let reads = force ? [:] : try checkBases(events)
            if events.count == 1 {
                try appendOne(events[0])
            } else {
                try appendBatch(events)
            }
            // Still under the lock: the journals we read are ours plus these lines; keep their checkpoints
            // current so that the next command trusts them without reading the journal again.
            for (code, read) in reads { advanceCheckpoint(read, code: code) }
            return AppendReceipt(before: before, after: fingerprint(), events: events)
        }
    }

    private func checkBases(_ events: [ChangeEvent]) throws(StoreError) -> [String: JournalRead] {
        let checked = events.filter { $0.base != nil }
        guard !checked.isEmpty else { return [:] }
        var reads: [String: JournalRead] = [:]
        for code in Set(checked.map(\.state)) { reads[code] = try readJournalRemembered(code, settle: false) }
        let journals = reads.mapValues(\.journal)
        var moved: [MovedHead] = []
        var inBatch: [String: [String]] = [:]   // heads made by earlier events of this batch
        for event in checked {
            let key = event.state + "\u{0}" + event.action
            let heads = inBatch[key] ?? journals[event.state]!.headIDs(of: event.action)
            if Set(heads) != Set(event.base!) {
                let journal = journals[event.state]!
                moved.append(MovedHead(state: event.state, action: event.action, expected: event.base!,
                                       current: journal.heads(of: event.action), now: journal.assessment(of: event.action)))
            }
            inBatch[key] = [event.id]
        }
        if !moved.isEmpty {
            let list = moved.prefix(5).map(\.description).joined(separator: "; ")
            throw StoreError(.headMoved, file: path, message: list + (moved.count > 5 ? "; and \(moved.count - 5) more" : ""),
                             moved: moved)
        }
        return reads
    }

    /// One line: appended directly; on a write error the journal is cut back to its old length.
    private func appendOne(_ event: ChangeEvent) throws(StoreError) {
        let file = journalPath(event.state)
        let length = FileIO.size(file)
        do {
            try FileIO.appendLines(Data((EventCodec.encode(event) + "\n").utf8), to: file)
        } catch {
            do { if FileIO.size(file) != length { try FileIO.truncate(file, to: length) } } catch let undo {
                var torn = StoreError(.io, file: error.file, message: error.message + "; the journal could not be cut back ("
                    + undo.message + "): its last line may be torn, which validate reports and the fold ignores")
                torn.wroteSomething = true
                throw torn
            }
            throw error
        }
    }

    /// Several lines: batch file, commit by rename, appends, then the batch file is removed.
    private func appendBatch(_ events: [ChangeEvent]) throws(StoreError) {
        var offsets: [String: Int64] = [:]
        for code in Set(events.map(\.state)) { offsets[code] = FileIO.size(journalPath(code)) }
        let batch = PendingBatch(id: EventID.make(), lines: events.map { ($0.state, EventCodec.encode($0) + "\n") },
                                 offsets: offsets)
        try FileIO.makeFolder(pendingFolder)
        let temp = pendingFolder + "/\(batch.id).tmp"
        let committed = pendingFolder + "/\(batch.id).jsonl"
        try FileIO.writeNew(batch.encoded(), to: temp)
        do { try FileIO.renameDurably(temp, to: committed) } catch {
            try? FileIO.removeDurably(temp)
            throw error
        }
        do {
            for code in batch.states { try FileIO.appendLines(Data(batch.bytes(for: code)), to: journalPath(code)) }
        } catch {
            // Undo: cut every journal back, then forget the batch. If that fails too, the committed
            // batch stays in .pending/ and the next reader or writer completes it.
            do {
                for code in batch.states where FileIO.size(journalPath(code)) != offsets[code]! {
                    try FileIO.truncate(journalPath(code), to: offsets[code]!)
                }
                try FileIO.removeDurably(committed)
            } catch let undo {
                var pending = StoreError(.io, file: error.file, message: error.message + "; could not undo (" + undo.message
                    + "): the \(events.count) events are committed in .pending/\(batch.id).jsonl and will be completed "
                    + "whole by the next command or `actionplan repair`")
                pending.wroteSomething = true
                throw pending
            }
            throw error
        }
        do { try FileIO.removeDurably(committed) } catch {
            // Every event is in its journal; only the finished batch file is left, which the next command
            // removes (completing it finds nothing missing).
            var done = error
            done.message += "; the \(events.count) events were written, the finished batch file stays in .pending/ until the next command"
            done.wroteSomething = true
            throw done
        }
    }

    // MARK: - Before any write

    /// Under the exclusive lock: completes or discards interrupted batches, creates `states/` (git does
    /// not keep empty folders, so a fresh clone lacks it), and upgrades a format-1 `store.json`.
    /// Returns what was done, for `repair` and `validate`.
    @discardableResult
    func prepareForWriting() throws(StoreError) -> [StoreProblem] {
        var done = try recoverPendingBatches()
        if !FileIO.exists(statesFolder) { try FileIO.makeFolder(statesFolder) }
        let manifest = try StoreManifest.decode([UInt8](try FileIO.read(manifestPath)), file: manifestPath)
        if manifest.format < StoreManifest.currentFormat {
            var upgraded = manifest
            upgraded.format = StoreManifest.currentFormat
            try FileIO.writeAtomically(Data(upgraded.encoded().utf8), to: manifestPath)
            try writeGitFiles()
            done.append(StoreProblem(.warning, file: manifestPath,
                message: "upgraded the store from format \(manifest.format) to \(StoreManifest.currentFormat) (docs/store-format.md, Migration)"))
        }
        return done
    }

    /// `.gitattributes` and `.gitignore` as this format wants them.
    func writeGitFiles() throws(StoreError) {
        try FileIO.writeAtomically(Data("*.jsonl merge=union eol=lf\n".utf8), to: path + "/.gitattributes")
        try FileIO.writeAtomically(Data(".lock\n.*.tmp-*\n.pending/\n.quarantine/\n.checkpoints/\n".utf8), to: path + "/.gitignore")
    }

    /// Committed batches not yet removed: their names in `.pending/`.
    func committedBatches() -> [String] {
        FileIO.list(pendingFolder).filter { $0.hasSuffix(".jsonl") }
    }

    /// Discards uncommitted batches (`.tmp`) and completes committed ones; damaged ones are moved to
    /// `.quarantine/`. Must run under the exclusive lock.
    func recoverPendingBatches() throws(StoreError) -> [StoreProblem] {
        var done: [StoreProblem] = []
        for name in FileIO.list(pendingFolder) where name.hasSuffix(".tmp") {
            try FileIO.removeDurably(pendingFolder + "/" + name)
            done.append(StoreProblem(.warning, file: pendingFolder + "/" + name,
                                     message: "discarded a batch that was never committed (an interrupted write; none of it was visible)"))
        }
        for name in committedBatches() {
            let file = pendingFolder + "/" + name
            switch PendingBatch.decode(try FileIO.read(file)) {
            case .failure(let damage):
                try FileIO.makeFolder(quarantineFolder)
                try FileIO.renameDurably(file, to: quarantineFolder + "/" + name)
                done.append(StoreProblem(.error, file: file,
                    message: "damaged batch (\(damage.reason)) moved to .quarantine/\(name); none of it was applied"))
            case .success(let batch):
                for code in batch.states { try complete(batch, journal: code) }
                try FileIO.removeDurably(file)
                done.append(StoreProblem(.warning, file: file,
                    message: "completed an interrupted batch of \(batch.lines.count) event(s) (\(batch.states.joined(separator: ", ")))"))
            }
        }
        return done
    }

    /// Rolls one journal of a committed batch forward: a torn or partial append of exactly this batch
    /// is cut off and written again; otherwise only the events not yet in the journal are appended.
    private func complete(_ batch: PendingBatch, journal code: String) throws(StoreError) {
        let file = journalPath(code)
        let expected = batch.bytes(for: code)
        let offset = batch.offsets[code] ?? 0
        let size = FileIO.size(file)
        if size >= offset {
            let tail = size > offset ? try FileIO.tail(file, from: offset) : []
            let fenced = [0x0A] + expected
            if tail.count <= fenced.count, tail.elementsEqual(fenced.prefix(tail.count)) || tail.elementsEqual(expected.prefix(tail.count)) {
                if size > offset { try FileIO.truncate(file, to: offset) }
                try FileIO.appendLines(Data(expected), to: file)
                return
            }
        }
        let present = Set(FileIO.exists(file) ? JournalReader.read(try FileIO.read(file), file: file, state: code, renames: RenameBook(installs: [])).0.map(\.id) : [])
        let missing = batch.lines.filter { $0.state == code }.filter { line in
            guard let event = try? EventCodec.decode(ArraySlice(Array(line.line.utf8.dropLast()))) else { return false }
            return !present.contains(event.id)
        }
        if !missing.isEmpty { try FileIO.appendLines(Data(missing.map(\.line).joined().utf8), to: file) }
    }

    /// Completes interrupted batches now (`actionplan repair`); returns what was done.
    public func repair() throws(StoreError) -> [StoreProblem] {
        guard isWritable else { throw StoreError(.io, file: path, message: "the store is read-only for this user") }
        return try withLock(.exclusive) { () throws(StoreError) -> [StoreProblem] in try prepareForWriting() }
    }
}
