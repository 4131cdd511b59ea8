import Foundation
import ActionPlanModel
import ActionPlanStore
import TrackerCore

/// Carries out the TUI's effects against the store, and watches the store for other writers.
///
/// This is the loop's only I/O: drafts from `update` get an id, the current time and the author here
/// (the reducer has no clock and no user), and are appended in one durable write. The fingerprint
/// (file sizes and times) is compared on every tick, so an edit made meanwhile by the CLI or a
/// colleague appears on screen within a tick and is never written over — journals are append-only.
/// The clock and the event ids come in as functions, so a test can run a session deterministically.
public final class EffectRunner {
    private let store: Store
    private let author: String
    private var knownFingerprint: StoreFingerprint
    private let exporter: ExportRunner
    private let now: () -> Timestamp
    private let makeID: () -> String

    public init(store: Store, author: String, fingerprint: StoreFingerprint, exporter: ExportRunner,
                now: @escaping () -> Timestamp = { Timestamp(date: Date()) },
                makeID: @escaping () -> String = EventID.make) {
        self.store = store
        self.author = author
        self.knownFingerprint = fingerprint
        self.exporter = exporter
        self.now = now
        self.makeID = makeID
    }

    /// Runs one effect and says which commands follow from it.
    public func perform(_ effect: Effect) -> EffectOutcome<Command> {
        switch effect {
        case .record(let drafts):
            return .commands(record(drafts))
        case .export(let request):
            return .commands([exporter.export(request, now: now())])
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
        let changedBefore = store.fingerprint() != knownFingerprint
        do {
            try store.append(events)
        } catch {
            return [.saveFailed(error.description + "; nothing was written")]
        }
        var commands: [Command] = [.saved(events)]
        if changedBefore, let reloaded = reloadIfChanged() {
            // Someone else wrote since our last look: show their changes together with ours.
            commands.append(reloaded)
        } else {
            knownFingerprint = store.fingerprint()
        }
        return commands
    }

    // MARK: - Watching

    private func reloadIfChanged() -> Command? {
        let current = store.fingerprint()
        guard current != knownFingerprint else { return nil }
        do {
            let loaded = try store.load()
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
