import Foundation
import ActionPlanModel

/// The store's shared saved views (`views.json`), which travel with the store through git.
extension Store {
    /// `views.json` in the store folder.
    public var viewsPath: String { path + "/views.json" }

    /// The shared views (none when the file does not exist).
    public func sharedViews() throws(StoreError) -> [SavedView] {
        guard FileIO.exists(viewsPath) else { return [] }
        let data = try FileIO.read(viewsPath)
        do { return try JSONDecoder().decode([SavedView].self, from: data) } catch {
            throw StoreError(.damaged, file: viewsPath, message: "not a list of views: \(error)")
        }
    }

    /// Adds `view` to the shared views, replacing one of the same name, under the exclusive lock and
    /// with an atomic write, so two desk officers saving at once both keep their view.
    public func saveSharedView(_ view: SavedView) throws(StoreError) {
        guard isWritable else { throw StoreError(.io, file: path, message: "the store is read-only for this user") }
        try withLock(.exclusive) { () throws(StoreError) in
            var views = try sharedViews()
            views.removeAll { $0.name == view.name }
            views.append(view)
            views.sort { $0.name < $1.name }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data: Data
            do { data = try encoder.encode(views) + Data("\n".utf8) } catch {
                throw StoreError(.io, file: viewsPath, message: "cannot encode the views: \(error)")
            }
            try FileIO.writeAtomically(data, to: viewsPath)
        }
    }
}
