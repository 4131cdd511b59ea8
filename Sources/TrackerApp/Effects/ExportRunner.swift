import Foundation
import ActionPlanModel
import ActionPlanStore
import ActionPlanExport
import TrackerCore

/// Writes the export the user asked for in the TUI's export dialog, with the same writers as the CLI.
///
/// The snapshot is built from the store as it is on disk at that moment (every edit made in the TUI is
/// already there), so the file also includes changes another process made since the last reload.
public struct ExportRunner: Sendable {
    let store: Store
    /// `$HOME`, for paths typed as `~/…`.
    let home: String?

    public init(store: Store, home: String? = ProcessInfo.processInfo.environment["HOME"]) {
        self.store = store
        self.home = home
    }

    /// Writes the file and answers `.exported(path)`, or `.exportFailed(reason)` with nothing half-written.
    public func export(_ request: ExportRequest, now: Timestamp) -> Command {
        var asOf: Timestamp?
        if let day = request.asOf, !day.isEmpty {
            guard let end = Timestamp.endOfDay(day) else {
                return .exportFailed("'\(day)' is not a date; use YYYY-MM-DD (for example 2026-11-29)")
            }
            asOf = end
        }
        let path = Self.expand(request.path, home: home)
        guard !path.isEmpty else { return .exportFailed("no file name given") }
        do {
            let scope: ExportScope
            switch request.scope {
            case .state(let code): scope = ExportScope(states: [code])
            case .allStates: scope = ExportScope(includePartners: try store.load(states: [], history: .recent).tracker.settings.includePartners)
            }
            // The same use case as `actionplan export`, reading only the journals it needs.
            let export = StatusExport(format: request.format, scope: scope, asOf: asOf)
            let loaded = try store.load(states: export.journals, history: export.needsCompleteHistory ? .complete : .recent)
            let trend = try export.trendStates(in: loaded.tracker).map { codes throws(StoreError) in
                try store.trendTallies(states: codes, pillars: loaded.tracker.catalog.pillars, through: export.trendEnd(now: now))
            }
            // The change list's period, page by page from the end of the journals (not the whole history).
            let changes = try export.changeStates(in: loaded.tracker).map { codes throws(StoreError) in
                Dictionary(grouping: try store.newestChanges(states: codes, limit: Int.max, since: export.changesStart(now: now)), by: \.event.state)
            }
            let output = export.run(on: loaded.tracker, storeFormat: loaded.manifest.format, now: now, trend: trend, changes: changes)
            try store.refuseOutputInside(path)
            try FileIO.writeAtomically(Data(output.bytes), to: path)
            return .exported(path)
        } catch {
            return .exportFailed(error.description)
        }
    }

    /// `~/x` → `$HOME/x`; other paths are used as typed (relative to the working directory).
    static func expand(_ path: String, home: String?) -> String {
        let trimmed = path.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("~/"), let home else { return trimmed }
        return home + trimmed.dropFirst()
    }
}
