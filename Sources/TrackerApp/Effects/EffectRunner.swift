import Foundation
import ActionPlanModel
import ActionPlanStore
import TrackerCore

/// Carries out the TUI's effects against the store, and watches the store for other writers.
///
/// This is the loop's only I/O: drafts from `update` get an id, the current time and the author here
/// (the reducer has no clock and no user), and are appended in one durable write. The fingerprint
/// (file sizes and times) is compared on every tick, so an edit made meanwhile by the CLI or a
/// colleague appears on screen within a tick. Every append is a compare-and-append: the drafts name the
/// heads the user saw, and a colleague's change that came first makes the store refuse the write
/// (`.saveRefused`) instead of being written over.
/// The clock and the event ids come in as functions, so a test can run a session deterministically.
public final class EffectRunner {
    private let store: Store
    private let author: String
    private var knownFingerprint: StoreFingerprint
    /// The store as last read (when the session started from a `LoadedStore`): a reload then reads
    /// only what changed on disk, usually the bytes appended to one journal.
    private var known: LoadedStore?
    private let exporter: ExportRunner
    private let now: () -> Timestamp
    private let makeID: () -> String
    private let environment: [String: String]
    /// Runs right after each successful append, before anything else looks at the store. Tests write
    /// a colleague's event here, the moment a fingerprint taken after the append used to swallow.
    private let afterAppend: () -> Void

    public init(store: Store, author: String, fingerprint: StoreFingerprint, exporter: ExportRunner,
                now: @escaping () -> Timestamp = { Timestamp(date: Date()) },
                makeID: @escaping () -> String = EventID.make,
                environment: [String: String] = ProcessInfo.processInfo.environment,
                afterAppend: @escaping () -> Void = {}) {
        self.environment = environment
        self.afterAppend = afterAppend
        self.store = store
        self.author = author
        self.knownFingerprint = fingerprint
        self.exporter = exporter
        self.now = now
        self.makeID = makeID
    }

    /// A runner that reloads incrementally from `loaded` (what the session shows at start).
    public convenience init(store: Store, author: String, loaded: LoadedStore, exporter: ExportRunner,
                            now: @escaping () -> Timestamp = { Timestamp(date: Date()) },
                            makeID: @escaping () -> String = EventID.make,
                            environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.init(store: store, author: author, fingerprint: loaded.fingerprint, exporter: exporter, now: now,
                  makeID: makeID, environment: environment)
        known = loaded
    }

    /// Runs one effect and says which commands follow from it.
    public func perform(_ effect: Effect) -> EffectOutcome<Command> {
        switch effect {
        case .record(let drafts):
            return .commands(record(drafts))
        case .export(let request):
            return .commands([exporter.export(request, now: now())])
        case .sync:
            return .commands(sync())
        case .loadHistory(let request):
            return .commands(loadHistory(request))
        case .loadTrend(let request):
            return .commands([loadTrend(request)])
        case .compareRounds(let request):
            do {
                return .commands([.roundsCompared(request, try store.compareRounds(catalog: request.catalog, a: request.a, b: request.b,
                                                                                   states: request.states))])
            } catch {
                return .commands([.roundsCompareFailed(request, error.description)])
            }
        case .saveView(let view):
            do { try store.saveSharedView(view) } catch { return .commands([.viewSaveFailed(error.description)]) }
            return .commands([.viewSaved(view)])
        case .copy:
            // The loop hands copies to the terminal; a runner alone has no clipboard.
            return .commands([.copyFailed("no terminal to copy to")])
        case .open(let reference):
            return .commands([EvidenceOpener.open(reference, environment: environment)])
        case .quit:
            return .quit
        }
    }

    /// The periodic check: the current time for the reducer, and a reload when the store changed on disk.
    public func tick() -> [Command] {
        var commands: [Command] = [.tick(now())]
        if let reloaded = reloadIfChanged() { commands.append(reloaded) }
        return commands
    }

    // MARK: - Recording

    private func record(_ drafts: [EventDraft]) -> [Command] {
        let time = now()
        let events = drafts.map { $0.stamped(id: makeID(), time: time, author: author) }
        let receipt: AppendReceipt
        do {
            receipt = try store.append(events)
        } catch where error.kind == .headMoved {
            // Show the colleague's change first, then give the drafts back (nothing typed is lost).
            let reason = error.moved.map(\.description).joined(separator: "; ")
            return (reloadIfChanged().map { [$0] } ?? []) + [.saveRefused(reason, drafts)]
        } catch {
            // The store's message already says what was written (nothing, or what is left to complete).
            return [.saveFailed(error.description)]
        }
        afterAppend()
        var commands: [Command] = [.saved(events)]
        if receipt.before == knownFingerprint, let known {
            // Read our own appended bytes so that the next reload starts after them. If the store folded
            // them differently from `update` (an event that does not extend its head, in a journal held
            // without its whole history) or someone wrote right after us, show the store's result.
            var expected = known.tracker
            for event in events { expected.record(event) }
            if let reloaded = reloadIfChanged(), receipt.after != knownFingerprint
                || Set(events.map(\.state)).contains(where: { self.known?.tracker.journals[$0] != expected.journals[$0] }) {
                commands.append(reloaded)
            }
        } else if receipt.before == knownFingerprint {
            // Nothing else was written between our last look and our append (both seen under the lock):
            // the files now differ from what we know by exactly our events.
            knownFingerprint = receipt.after
        } else if let reloaded = reloadIfChanged() {
            // Someone else wrote since our last look: show their changes together with ours.
            commands.append(reloaded)
        }
        return commands
    }

    // MARK: - Sharing

    private func sync() -> [Command] {
        let sync = StoreSync(store: store, author: author, environment: environment)
        let summary: SyncSummary
        do {
            summary = SyncSummary(lines: try sync.run().lines, failed: false)
        } catch {
            summary = SyncSummary(lines: [error.message, "nothing was lost: your changes are in the store (and committed if git got that far)"],
                                  failed: true)
        }
        return (reloadIfChanged().map { [$0] } ?? []) + [.synced(summary)]
    }

    // MARK: - Watching

    /// The newest changes that pass the History screen's filter, read page by page from the end of the
    /// journals: memory stays the size of the page, whatever the length of the history.
    /// The journals held in memory are not read again (a changed store is reloaded first, which reads
    /// only the appended bytes); only their older lines are.
    private func loadHistory(_ request: HistoryPageRequest) -> [Command] {
        let reloaded = reloadIfChanged().map { [$0] } ?? []
        do {
            let since = request.filter.since.flatMap(Timestamp.day)
            let changes = try store.newestChanges(in: known, states: request.states, limit: request.count, since: since,
                                                  matching: request.filter.matches)
            return reloaded + [.historyPage(request, changes)]
        } catch {
            return reloaded + [.reloadFailed(error.description)]
        }
    }

    /// The Dashboard's trend, summed from the tallies the session holds (read with the checkpoints,
    /// moved by every reload); a journal without them is folded by the store on its own, from its
    /// per-journal cache where it is unchanged: the whole history is never held in memory.
    private func loadTrend(_ request: TrendRequest) -> Command {
        do {
            return .trendLoaded(request, try store.trend(in: known, states: request.states, pillars: request.pillars,
                                                        through: request.through, months: request.months))
        } catch {
            return .trendFailed(request, error.description)
        }
    }

    private func reloadIfChanged() -> Command? {
        let current = store.fingerprint()
        guard current != knownFingerprint else { return nil }
        do {
            let loaded: LoadedStore
            if let known { loaded = try store.reload(known); self.known = loaded } else { loaded = try store.load() }
            knownFingerprint = loaded.fingerprint
            return .storeReloaded(loaded.tracker)
        } catch {
            // A store damaged mid-session (e.g. a half-copied store.json): keep what is on screen and try
            // again when the files change next.
            knownFingerprint = current
            return .reloadFailed(error.description)
        }
    }
}
