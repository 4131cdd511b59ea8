import Foundation
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
///   .gitattributes      *.jsonl merge=union (two offices can share the store through git)
///   .lock               advisory lock for writers
/// ```
/// The only code that touches the disk lives in this target; see docs/store-format.md.
public final class Store: Sendable {
    public let path: String

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
        try FileIO.writeAtomically(Data("*.jsonl merge=union\n".utf8), to: path + "/.gitattributes")
        try FileIO.writeAtomically(Data(".lock\n.*.tmp-*\n".utf8), to: path + "/.gitignore")
        try FileIO.writeAtomically(Data(manifest.encoded().utf8), to: manifestPath)
    }

    /// Whether this process may write to the store (folders writable).
    public var isWritable: Bool { access(path, W_OK) == 0 && access(statesFolder, W_OK) == 0 }

    // MARK: - Loading

    /// Reads the whole store (or only the journals of `states`), folding every journal.
    ///
    /// Throws for what makes the store unusable (damaged `store.json` or catalog, newer format);
    /// damaged journal lines and orphan events are returned as problems and never dropped silently.
    public func load(states only: Set<String>? = nil) throws(StoreError) -> LoadedStore {
        try withLock(.shared) { () throws(StoreError) -> LoadedStore in try loadUnlocked(states: only) }
    }

    private func loadUnlocked(states only: Set<String>?) throws(StoreError) -> LoadedStore {
        let fingerprint = self.fingerprint()
        let manifest = try StoreManifest.decode([UInt8](try FileIO.read(manifestPath)), file: manifestPath)
        let (catalog, catalogProblems) = try loadCatalog()
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
        for file in FileIO.list(statesFolder) where file.hasSuffix(".jsonl") {
            let code = String(file.dropLast(6))
            if let only, !only.contains(code) { continue }
            let filePath = statesFolder + "/" + file
            let (events, lineProblems) = JournalReader.read(try FileIO.read(filePath), file: filePath, state: code)
            problems += lineProblems
            if directory.resolve(code)?.code != code {
                problems.append(StoreProblem(.warning, file: filePath,
                    message: "journal for an unknown State code '\(code)'; kept on disk, not shown"))
                continue
            }
            journals[code] = Journal(state: code, events: events)
        }
        var tracker = Tracker(catalog: catalog, directory: directory, journals: journals, settings: manifest.settings)
        let orphans = tracker.orphans
        for (action, count) in Dictionary(grouping: orphans, by: \.action).mapValues(\.count).sorted(by: { $0.key < $1.key }) {
            let states = Set(orphans.filter { $0.action == action }.map(\.state)).sorted().joined(separator: ", ")
            problems.append(StoreProblem(.warning, file: statesFolder,
                message: "\(count) event(s) for action '\(action)', which the catalog does not have (orphans, kept): \(states)"))
        }
        tracker.settings = manifest.settings
        return LoadedStore(tracker: tracker, manifest: manifest, problems: problems, fingerprint: fingerprint)
    }

    /// The store's own catalog if it has one, else the embedded one, with its validation problems.
    func loadCatalog() throws(StoreError) -> (Catalog, [StoreProblem]) {
        let own = FileIO.exists(catalogPath)
        let file = own ? catalogPath : "(embedded) catalog.json"
        let bytes = own ? [UInt8](try FileIO.read(catalogPath)) : try CatalogLoader.embeddedCatalogBytes()
        let (catalog, root) = try CatalogLoader.decodeCatalog(bytes, file: file)
        return (catalog, CatalogLoader.problems(in: catalog, root: root, bytes: bytes, file: file))
    }

    /// One State's journal, read under the shared lock (for commands that touch a single State).
    public func readJournal(_ code: String) throws(StoreError) -> (Journal, [StoreProblem]) {
        try withLock(.shared) { () throws(StoreError) -> (Journal, [StoreProblem]) in
            try SafePath.requireCode(code, file: statesFolder)
            let file = journalPath(code)
            guard FileIO.exists(file) else { return (Journal(state: code), []) }
            let (events, problems) = JournalReader.read(try FileIO.read(file), file: file, state: code)
            return (Journal(state: code, events: events), problems)
        }
    }

    /// Every problem in the store: damaged files, catalog errors, torn lines, orphans.
    public func validate() -> [StoreProblem] {
        var problems: [StoreProblem] = linkProblems()
        do {
            _ = try StoreManifest.decode([UInt8](try FileIO.read(manifestPath)), file: manifestPath)
        } catch {
            problems.append(StoreProblem(.error, file: error.file, location: error.location, message: error.message))
        }
        do {
            let (_, catalogProblems) = try loadCatalog()
            problems += catalogProblems
            if catalogProblems.isEmpty, problems.isEmpty { problems += try load().problems }
        } catch {
            problems.append(StoreProblem(.error, file: error.file, location: error.location, message: error.message))
        }
        return problems
    }

    // MARK: - Writing

    /// Appends events to their States' journals under the exclusive lock, `fsync`ed before returning.
    public func append(_ events: [ChangeEvent]) throws(StoreError) {
        guard !events.isEmpty else { return }
        guard isWritable else { throw StoreError(.io, file: path, message: "the store is read-only for this user") }
        try withLock(.exclusive) { () throws(StoreError) in
            var byState: [String: [ChangeEvent]] = [:]
            for event in events { byState[event.state, default: []].append(event) }
            for code in byState.keys { try SafePath.requireCode(code, file: statesFolder) }
            FileIO.removeStaleTemps(in: path)
            for code in byState.keys.sorted() {
                let lines = byState[code]!.map { EventCodec.encode($0) + "\n" }.joined()
                try FileIO.appendLines(Data(lines.utf8), to: journalPath(code))
            }
        }
    }

    /// Changes the settings in `store.json` (atomic rewrite under the lock).
    public func updateSettings(_ change: (inout StoreSettings) -> Void) throws(StoreError) {
        try withLock(.exclusive) { () throws(StoreError) in
            var manifest = try StoreManifest.decode([UInt8](try FileIO.read(manifestPath)), file: manifestPath)
            change(&manifest.settings)
            try FileIO.writeAtomically(Data(manifest.encoded().utf8), to: manifestPath)
        }
    }

    /// A cheap summary of the files' sizes and times: it changes whenever another process writes.
    public func fingerprint() -> StoreFingerprint {
        var stamps: [String: FileStamp] = [:]
        for file in [manifestPath, catalogPath, statesListPath] { stamps[file] = FileIO.stamp(file) }
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
}

/// Sizes and modification times of a store's files; equal fingerprints mean nothing changed.
public struct StoreFingerprint: Sendable, Equatable {
    var stamps: [String: FileStamp]
}
