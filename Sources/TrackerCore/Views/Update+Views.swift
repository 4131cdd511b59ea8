import ActionPlanModel

/// Saved views: what the screen shows now, as a `SavedView`, and a view applied back.
extension AppState {
    /// The current screen, State, tree filter and matrix sort under `name`.
    func currentView(named name: String) -> SavedView {
        SavedView(name: name, screen: (screen == .help ? screenBeforeHelp : screen).title.lowercased(),
                  state: selection.code ?? "all", status: filter.status?.rawValue, pillar: filter.pillar, tag: filter.tag,
                  changedSince: filter.changedSince, sort: matrix.sort == .progress ? "progress" : "name")
    }

    /// Shows `view`; parts the store does not know (a State, a status) are skipped and named in the footer.
    mutating func apply(_ view: SavedView) {
        var skipped: [String] = []
        if let state = view.state {
            if state.lowercased() == "all" {
                select(.all)
            } else if let participant = tracker.directory.resolve(state) {
                if !states.contains(participant) { states.append(participant) }
                select(.state(participant.code))
            } else {
                skipped.append("State '\(state)'")
            }
        }
        var newFilter = TreeFilter(pillar: view.pillar, tag: view.tag, changedSince: view.changedSince)
        if let status = view.status {
            if case .success(let parsed) = Status.lookup(status) { newFilter.status = parsed } else { skipped.append("status '\(status)'") }
        }
        if newFilter != filter {
            filter = newFilter
            rebuildTree()
        }
        if let sort = view.sort { matrix.sort = sort == "progress" ? .progress : .name }
        if let name = view.screen {
            if let target = ScreenID.allCases.first(where: { $0.title.lowercased() == name.lowercased() }) { show(target) } else {
                skipped.append("screen '\(name)'")
            }
        }
        keepCursorsVisible()
        message = Message("view “\(view.name)”" + (skipped.isEmpty ? "" : "; not in this store: " + skipped.joined(separator: ", ")),
                          kind: skipped.isEmpty ? .success : .info)
    }

    /// The runner saved a view in the store: it is offered from now on.
    mutating func viewSaved(_ view: SavedView) {
        views.removeAll { $0.name == view.name }
        views.append(view)
        message = Message("saved the view “\(view.name)” in the store (shared through sync)", kind: .success)
    }
}
