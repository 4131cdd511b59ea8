import Foundation
import Synchronization
import ActionPlanModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A store on disk: a folder with `store.json`, an optional `catalog.json` and one journal per State.
///
/// ```
/// STORE/
///   store.json          format version, catalog id and version, settings
///   catalog.json        optional: overrides the embedded catalog
///   states.json         optional: overrides the embedded list of States
///   states/AT.jsonl     append-only journal of Austria, one change event a line
///   office.jsonl        append-only office log: rounds, officers, catalog installations, verifications
///   .gitattributes      *.jsonl merge=union (two offices can share the store through git)
///   .lock               advisory lock for writers
/// ```
/// The only code that touches the disk lives in this target; see docs/store-format.md.
public final class Store: Sendable {
    public let path: String
    /// The last journal parsed by `readJournalUnlocked`, reused while its file is unchanged.
    let lastJournal = JournalMemo()
    /// The last journal read through its checkpoint, with its file's stamp (see `readJournal(_:depth:)`).
    let lastRecentRead = Mutex<(file: String, stamps: [FileStamp?], read: JournalRead)?>(nil)
    /// Counts the journal bytes this store has read (tests check that a reload reads only what was appended).
    public let meter = ReadMeter()
    /// The catalog installations' id mapping, remembered while `office.jsonl` is unchanged.
    let renameMemo = RenameMemo()
    /// The trend tallies folded by this process, per journal (see `Store.trend`).
    let trendMemo = TrendMemo()
    /// The pillars of the last catalog this process loaded without problems: a journal read whole to
    /// rebuild its checkpoint also writes its trend cache with them (`cacheTrend`).
    let catalogPillars = Mutex<[Pillar]?>(nil)
    /// Entered while a load parses the catalog beside the journals: a journal read whole meanwhile
    /// waits for the pillars to write its trend cache (see `pillarsForTrend`).
    let catalogParse = Mutex<DispatchGroup?>(nil)

    private init(path: String) { self.path = path }

    var manifestPath: String { path + "/store.json" }
    var catalogPath: String { path + "/catalog.json" }
    var statesFolder: String { path + "/states" }
    var statesListPath: String { path + "/states.json" }
    var lockPath: String { path + "/.lock" }
    func journalPath(_ code: String) -> String { statesFolder + "/\(code).jsonl" }

    // MARK: - Opening

    /// Opens the store at `path`; with `create`, a missing store is created with the embedded catalog.
    public static func open(path: String, create: Bool = true) throws(StoreError) -> Store {
        let store = Store(path: path)
        if !FileIO.exists(store.manifestPath) {
            guard create else {
                throw StoreError(.io, file: path, message: "no store here (store.json is missing); run `actionplan init --store \(path)`")
            }
            try store.create()
        }
        return store
    }

    /// Creates the folder layout and `store.json` (nothing is overwritten if it already exists).
    private func create() throws(StoreError) {
        if FileIO.exists(path), !FileIO.list(path).filter({ !$0.hasPrefix(".") }).isEmpty {
            throw StoreError(.io, file: path, message: "the folder exists and is not empty, but has no store.json; choose an empty or new folder")
        }
        try FileIO.makeFolder(statesFolder)
        let bytes = try CatalogLoader.embeddedCatalogBytes()
        let (catalog, _) = try CatalogLoader.decodeCatalog(bytes, file: "(embedded) catalog.json")
        let manifest = StoreManifest(catalogID: catalog.id, catalogVersion: catalog.version,
                                     createdAt: Timestamp(date: Date()))
        try writeGitFiles()
        try FileIO.writeAtomically(Data(manifest.encoded().utf8), to: manifestPath)
    }

    /// Whether this process may write to the store (folders writable; `states/` is made on demand).
    public var isWritable: Bool {
        access(path, W_OK) == 0 && (!FileIO.exists(statesFolder) || access(statesFolder, W_OK) == 0)
    }

    // MARK: - Loading

    /// Reads the whole store (or only the journals of `states`), folding every journal.
    ///
    /// With `history: .recent` each journal is read through its checkpoint and keeps only each action's
    /// newest events (see `HistoryDepth`); the present is the same either way.
    /// Throws for what makes the store unusable (damaged `store.json` or catalog, newer format);
    /// damaged journal lines and orphan events are returned as problems and never dropped silently.
    public func load(states only: Set<String>? = nil, history: HistoryDepth = .complete) throws(StoreError) -> LoadedStore {
        let recovered = try completeInterruptedBatches()
        var loaded = try withLock(.shared) { () throws(StoreError) -> LoadedStore in try loadUnlocked(states: only, history: history) }
        loaded.problems = recovered + loaded.problems
        return loaded
    }

    /// A committed batch left by a writer that died is completed before reading, so a reader never
    /// folds part of a batch. A reader that cannot write folds the batch's events in memory instead.
    @discardableResult
    func completeInterruptedBatches() throws(StoreError) -> [StoreProblem] {
        guard !committedBatches().isEmpty || FileIO.list(pendingFolder).contains(where: { $0.hasSuffix(".tmp") }),
              isWritable else { return [] }
        return try withLock(.exclusive) { () throws(StoreError) -> [StoreProblem] in try recoverPendingBatches() }
    }

    /// The events of committed batches still in `.pending/` (only when the store cannot be written).
    func pendingEvents(for code: String) -> [ChangeEvent] {
        let renames = renameBook()
        return committedBatches().flatMap { name -> [ChangeEvent] in
            guard let data = try? FileIO.read(pendingFolder + "/" + name),
                  case .success(let batch) = PendingBatch.decode(data) else { return [] }
            return renames.apply(batch.lines.filter { $0.state == code }
                .compactMap { try? EventCodec.decode(ArraySlice(Array($0.line.utf8.dropLast()))) })
        }
    }

    func loadUnlocked(states only: Set<String>?, history: HistoryDepth = .complete) throws(StoreError) -> LoadedStore {
        let fingerprint = self.fingerprint()
        let manifest = try StoreManifest.decode([UInt8](try FileIO.read(manifestPath)), file: manifestPath)
        let pending = !committedBatches().isEmpty
        let files = FileIO.list(statesFolder).filter { $0.hasSuffix(".jsonl") && only?.contains(String($0.dropLast(6))) != false }
        // The catalog is parsed on one core while the journals are read on the others (start-up).
        let parse = DispatchGroup()
        parse.enter()
        catalogParse.withLock { $0 = parse }
        catalogPillars.withLock { $0 = nil }   // the catalog may have been replaced since the last load
        let (catalogResult, reads) = readJournals(pending ? [] : files.map { String($0.dropLast(6)) }, depth: history,
                                                 alongside: { () throws(StoreError) in
            defer { parse.leave() }
            let loaded = try self.loadCatalog()
            if loaded.1.isEmpty { self.catalogPillars.withLock { $0 = loaded.0.pillars } }
            return loaded
        })
        catalogParse.withLock { if $0 === parse { $0 = nil } }
        let (catalog, catalogProblems) = try catalogResult.get()
        if let first = catalogProblems.first {
            throw StoreError(.damaged, file: first.file, location: first.location,
                message: first.message + (catalogProblems.count > 1 ? " (and \(catalogProblems.count - 1) more; run `actionplan validate`)" : ""))
        }
        let directory = try CatalogLoader.states(ownFile: FileIO.exists(statesListPath) ? statesListPath : nil)
        var problems: [StoreProblem] = []
        if manifest.catalogID != catalog.id {
            problems.append(StoreProblem(.warning, file: manifestPath,
                message: "the store follows catalog '\(manifest.catalogID)' but the catalog in use is '\(catalog.id)'"))
        }
        var journals: [String: Journal] = [:]
        var positions: [String: JournalPosition] = [:]
        var ordered: Set<String> = []
        var trends: [String: TrendCache] = [:]
        if pending {
            problems.append(StoreProblem(.warning, file: pendingFolder,
                message: "an interrupted batch is waiting in .pending/ and this user cannot complete it; it is shown whole; run `actionplan repair` as a user who can write"))
        }
        for file in files {
            let code = String(file.dropLast(6))
            let filePath = statesFolder + "/" + file
            if pending {
                // A batch that this user cannot complete is folded in memory, whole (rare; no checkpoint).
                var (events, lineProblems) = JournalReader.read(try JournalBytes.read(filePath, meter: meter), file: filePath, state: code, renames: renameBook())
                events += pendingEvents(for: code)
                problems += lineProblems
                guard directory.resolve(code)?.code == code else {
                    problems.append(Self.unknownJournal(code, file: filePath))
                    continue
                }
                let journal = Journal(state: code, events: events)
                problems += Self.historyProblems(journal, file: filePath)
                journals[code] = journal
                continue
            }
            let read = try reads[code]!.get()
            guard directory.resolve(code)?.code == code else {
                problems += read.problems.filter { $0.location != nil }
                problems.append(Self.unknownJournal(code, file: filePath))
                continue
            }
            problems += read.problems
            journals[code] = read.journal
            positions[code] = read.position
            if read.ordered == true { ordered.insert(code) }
            if let trend = read.trend, trend.length == read.position.length { trends[code] = trend }
        }
        let office = try readOfficeLogUnlocked()
        problems += office.problems
        // Verified marks come from verification records only, never from the catalog file.
        var tracker = Tracker(catalog: VerificationBook(records: office.records).apply(to: catalog), directory: directory,
                              journals: journals, settings: manifest.settings, office: office.records)
        problems += orphanProblems(tracker)
        tracker.settings = manifest.settings
        return LoadedStore(tracker: tracker, manifest: manifest, problems: problems, fingerprint: fingerprint,
                           positions: pending ? [:] : positions, history: history, ordered: pending ? [] : ordered,
                           trends: pending ? [:] : trends)
    }

    static func unknownJournal(_ code: String, file: String) -> StoreProblem {
        StoreProblem(.warning, file: file, message: "journal for an unknown State code '\(code)'; kept on disk, not shown")
    }

    /// Events whose action the catalog does not have, counted per action (kept on disk, not counted).
    func orphanProblems(_ tracker: Tracker) -> [StoreProblem] {
        var counts: [String: (events: Int, states: [String])] = [:]
        for code in tracker.journals.keys.sorted() {
            let journal = tracker.journals[code]!
            for action in journal.current.keys where tracker.catalog.action(id: action) == nil {
                counts[action, default: (0, [])].events += journal.eventCount(of: action)
                counts[action]!.states.append(code)
            }
        }
        return counts.sorted(by: { $0.key < $1.key }).map { action, entry in
            StoreProblem(.warning, file: statesFolder, message: "\(entry.events) event(s) for action '\(action)', which the catalog "
                + "does not have (orphans, kept): \(entry.states.joined(separator: ", "))")
        }
    }

    /// The store's own catalog if it has one, else the embedded one, with its validation problems.
    func loadCatalog() throws(StoreError) -> (Catalog, [StoreProblem]) {
        let own = FileIO.exists(catalogPath)
        let file = own ? catalogPath : "(embedded) catalog.json"
        let bytes = own ? [UInt8](try FileIO.read(catalogPath)) : try CatalogLoader.embeddedCatalogBytes()
        var (catalog, root) = try CatalogLoader.decodeCatalog(bytes, file: file)
        let problems = CatalogLoader.problems(in: catalog, root: root, bytes: bytes, file: file)
        // A store's own catalog is known by its label and a hash of its bytes (see `CatalogFile.version`).
        if own { catalog.version = CatalogFile.version(label: catalog.version, bytes: bytes) }
        return (catalog, problems)
    }

    /// One State's journal, read under the shared lock (for commands that touch a single State).
    /// `beforeWriting`: the command appends to it next (`set`), which moves its checkpoint anyway.
    public func readJournal(_ code: String, history: HistoryDepth = .complete, beforeWriting: Bool = false) throws(StoreError) -> (Journal, [StoreProblem]) {
        try completeInterruptedBatches()
        return try withLock(.shared) { () throws(StoreError) -> (Journal, [StoreProblem]) in
            try SafePath.requireCode(code, file: statesFolder)
            let pending = pendingEvents(for: code)
            if pending.isEmpty, history == .recent {
                let read = try readJournalRemembered(code, settle: !beforeWriting)
                return (read.journal, read.problems)
            }
            var (journal, problems) = try readJournalUnlocked(code)
            if !pending.isEmpty { journal = Journal(state: code, events: journal.events + pending) }
            return (journal, problems)
        }
    }

    /// One State's journal; the caller holds the lock.
    ///
    /// The last journal read is remembered with its file's size, time and inode: `set` reads the journal
    /// and then `append` checks the bases under the lock, and a file that has not changed in between
    /// (journals only grow, so any write changes the size) is not parsed twice.
    func readJournalUnlocked(_ code: String) throws(StoreError) -> (Journal, [StoreProblem]) {
        let file = journalPath(code)
        guard FileIO.exists(file) else { return (Journal(state: code), []) }
        let stamp = FileIO.stamp(file)
        if let stamp, let cached = lastJournal.get(file: file, stamp: stamp) { return cached }
        let (events, problems) = JournalReader.read(try JournalBytes.read(file, meter: meter), file: file, state: code, renames: renameBook())
        let journal = Journal(state: code, events: events)
        let result = (journal, problems + Self.historyProblems(journal, file: file))
        if let stamp { lastJournal.set(file: file, stamp: stamp, result) }
        return result
    }

    /// What the causal fold worked around: base ids that never arrived, cycles, one id with two contents.
    static func historyProblems(_ journal: Journal, file: String) -> [StoreProblem] {
        var problems: [StoreProblem] = []
        for (action, ids) in journal.missingBases.sorted(by: { $0.key < $1.key }) {
            problems.append(StoreProblem(.warning, file: file, message: "\(journal.state) \(action): history incomplete; "
                + "base event(s) \(ids.joined(separator: ", ")) never arrived (a partial sync?); the events are kept"))
        }
        for issue in journal.issues {
            switch issue {
            case .conflictingDuplicate(let id):
                problems.append(StoreProblem(.error, file: file, message: "event id \(id) appears twice with different content; the first (in time order) is used"))
            case .cycle(let id):
                problems.append(StoreProblem(.error, file: file, message: "event \(id) is, through its bases, based on itself; that link is ignored"))
            }
        }
        return problems
    }

    /// Every problem in the store: damaged files, catalog errors, torn lines, orphans.
    public func validate(now: Timestamp = Timestamp(date: Date())) -> [StoreProblem] {
        validate(now: now, holdingLock: false)
    }

    /// Loads while the caller already holds the lock (a second `flock` from this process would wait
    /// for ourselves).
    func loadHoldingLock() throws(StoreError) -> LoadedStore { try loadUnlocked(states: nil, history: .complete) }

    func validate(now: Timestamp = Timestamp(date: Date()), holdingLock: Bool) -> [StoreProblem] {
        var problems: [StoreProblem] = linkProblems()
        do {
            _ = try StoreManifest.decode([UInt8](try FileIO.read(manifestPath)), file: manifestPath)
        } catch {
            problems.append(StoreProblem(.error, file: error.file, location: error.location, message: error.message))
        }
        do {
            let (_, catalogProblems) = try loadCatalog()
            problems += catalogProblems
            if catalogProblems.isEmpty, problems.isEmpty {
                let loaded = holdingLock ? try loadUnlocked(states: nil) : try load()
                problems += loaded.problems
                problems += Self.causalProblems(loaded.tracker, folder: statesFolder, now: now)
                problems += Self.roundProblems(loaded.tracker.office, file: officeLogPath)
            }
        } catch {
            problems.append(StoreProblem(.error, file: error.file, location: error.location, message: error.message))
        }
        return problems
    }

    // MARK: - Writing

    /// Changes the settings in `store.json` (atomic rewrite under the lock).
    public func updateSettings(_ change: (inout StoreSettings) -> Void) throws(StoreError) {
        try withLock(.exclusive) { () throws(StoreError) in
            _ = try prepareForWriting()
            var manifest = try StoreManifest.decode([UInt8](try FileIO.read(manifestPath)), file: manifestPath)
            change(&manifest.settings)
            try FileIO.writeAtomically(Data(manifest.encoded().utf8), to: manifestPath)
        }
    }

    /// A cheap summary of the files' sizes and times: it changes whenever another process writes.
    public func fingerprint() -> StoreFingerprint {
        var stamps: [String: FileStamp] = [:]
        for file in [manifestPath, catalogPath, statesListPath, officeLogPath] { stamps[file] = FileIO.stamp(file) }
        for file in FileIO.list(statesFolder) { stamps[file] = FileIO.stamp(statesFolder + "/" + file) }
        return StoreFingerprint(stamps: stamps)
    }
}

/// What `Store.load` returns.
public struct LoadedStore: Sendable {
    public var tracker: Tracker
    public var manifest: StoreManifest
    public var problems: [StoreProblem]
    public var fingerprint: StoreFingerprint
    /// How far each journal was read (for `Store.reload`).
    var positions: [String: JournalPosition] = [:]
    /// How much history the journals hold.
    public var history: HistoryDepth = .complete
    /// The journals whose lines up to `positions` are known to be in (time, id) order (see `Store.newestChanges`).
    var ordered: Set<String> = []
    /// Each journal's trend tallies up to `positions`, when its `.trend` cache was read with its
    /// checkpoint; moved by `Store.reload` over appended events (see `Store.trend(in:…)`). Only their
    /// tallies and `length` move with a reload (its `hash` is the last checkpoint's): they are held, never
    /// written back from here.
    var trends: [String: TrendCache] = [:]
}

/// Sizes and modification times of a store's files; equal fingerprints mean nothing changed.
public struct StoreFingerprint: Sendable, Equatable {
    var stamps: [String: FileStamp]
}

/// One remembered journal read (file, stamp, result), safe to share between threads.
final class JournalMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var entry: (file: String, stamp: FileStamp, result: (Journal, [StoreProblem]))?

    func get(file: String, stamp: FileStamp) -> (Journal, [StoreProblem])? {
        lock.lock(); defer { lock.unlock() }
        guard let entry, entry.file == file, entry.stamp == stamp else { return nil }
        return entry.result
    }

    func set(file: String, stamp: FileStamp, _ result: (Journal, [StoreProblem])) {
        lock.lock(); defer { lock.unlock() }
        entry = (file, stamp, result)
    }
}
