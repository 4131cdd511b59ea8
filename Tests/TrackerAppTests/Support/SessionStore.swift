import Foundation
import ActionPlanModel
import ActionPlanStore
import TrackerApp
import TrackerCore

/// A real store in a temporary folder, tracking two FICTIONAL States, and a session on it.
final class SessionStore {
    let folder: String
    let store: Store
    /// The clock the runner reads: a fixed day, one minute further at each reading.
    private var minutes = 0

    static let statesJSON = """
        [{"code":"XA","iso3":"XAV","name":"Avalonia","kind":"participating","group":"fiction"},
         {"code":"XB","iso3":"XBO","name":"Borduria","kind":"participating","group":"fiction"}]
        """

    init() throws {
        folder = NSTemporaryDirectory() + "actionplan-session-\(UUID().uuidString)"
        store = try Store.open(path: folder + "/store", create: true)
        try Data(Self.statesJSON.utf8).write(to: URL(fileURLWithPath: store.path + "/states.json"))
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    /// Runs a whole session (loop, effects, this store) on `backend` and returns the final state.
    @discardableResult
    func run(on backend: ScriptedBackend, readOnly: Bool = false, tickInterval: Duration = .seconds(3600)) throws -> AppState {
        // As the program does: the present through checkpoints, the rest of the history on demand.
        let loaded = try store.load(history: .recent)
        var counter = 0
        let runner = EffectRunner(store: store, author: "tester", loaded: loaded,
                                  exporter: ExportRunner(store: store, home: folder),
                                  now: { [unowned self] in
                                      minutes += 1
                                      return Timestamp(parsing: "2026-11-01T10:00:00Z")!.adding(milliseconds: Int64(minutes) * 60_000)
                                  },
                                  makeID: { counter += 1; return "session-\(counter)" })
        let options = AppOptions(storeName: "session-store", initialState: "XA", readOnly: readOnly)
        return TrackerSession(runner: runner, tickInterval: tickInterval).run(AppState(tracker: loaded.tracker, options: options), on: backend)
    }

    /// The events on disk for one State.
    func journal(_ code: String) throws -> [ChangeEvent] {
        try store.readJournal(code).0.events
    }
}
