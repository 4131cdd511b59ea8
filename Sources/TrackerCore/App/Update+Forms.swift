import Foundation
import ActionPlanModel

extension AppState {
    // MARK: - Building the dialogs from the current values

    func treeFilterForm() -> Form {
        let catalog = tracker.catalog
        let statuses = ["any"] + Status.allCases.map(\.label)
        let pillars = ["any"] + catalog.pillars.map(\.title)
        let tags = ["any"] + catalog.tags.map(\.label)
        return Form(kind: .treeFilter, title: "Filter the tree", fields: [
            .init("Status", .choice(statuses, index: filter.status.map { $0.rank + 1 } ?? 0)),
            .init("Pillar", .choice(pillars, index: filter.pillar.flatMap { id in catalog.pillars.firstIndex { $0.id == id } }.map { $0 + 1 } ?? 0)),
            .init("Tag", .choice(tags, index: filter.tag.flatMap { id in catalog.tags.firstIndex { $0.id == id } }.map { $0 + 1 } ?? 0)),
            .init("Changed since", .text(LineInput(filter.changedSince ?? "")), hint: "YYYY-MM-DD"),
        ])
    }

    func historyFilterForm() -> Form {
        let f = history.filter
        return Form(kind: .historyFilter, title: "Filter the history", fields: [
            .init("State", .text(LineInput(f.state ?? "")), hint: "code or name"),
            .init("Action", .text(LineInput(f.action ?? "")), hint: "action id"),
            .init("Author", .text(LineInput(f.author ?? ""))),
            .init("Since", .text(LineInput(f.since ?? "")), hint: "YYYY-MM-DD"),
        ])
    }

    func exportForm() -> Form {
        let scopeLabel = currentState.map { "\($0.code) \($0.name)" } ?? "(choose a State)"
        var form = Form(kind: .export, title: "Export", fields: [
            .init("Format", .choice(ExportFormat.allCases.map(\.rawValue), index: 0)),
            .init("Scope", .choice(selection == .all ? ["All States", scopeLabel] : [scopeLabel, "All States"], index: 0)),
            .init("As of", .text(LineInput("")), hint: "YYYY-MM-DD, empty: now"),
            .init("Path", .text(LineInput(""))),
        ])
        form.fields[3].value = .text(LineInput(exportDefaultPath(form)))
        return form
    }

    // MARK: - Enter

    /// Validates and applies a dialog; a problem keeps the dialog open with the error shown.
    mutating func apply(_ form: Form) -> [Effect] {
        var form = form
        switch form.kind {
        case .treeFilter:
            let since = form.value("Changed since")
            guard since.isEmpty || Timestamp.day(since) != nil else {
                form.error = "“\(since)” is not a date like 2026-01-31"
                mode = .form(form)
                return []
            }
            let catalog = tracker.catalog
            let s = form.choice("Status"), p = form.choice("Pillar"), t = form.choice("Tag")
            filter = TreeFilter(status: s == 0 ? nil : Status.allCases[s - 1],
                                pillar: p == 0 ? nil : catalog.pillars[p - 1].id,
                                tag: t == 0 ? nil : catalog.tags[t - 1].id,
                                changedSince: since.isEmpty ? nil : since,
                                notReviewed: filter.notReviewed)  // `r`'s flag is not a field of the dialog: it stays
            mode = .browsing
            rebuildTree()
            tree.keepVisible(height: bodyHeight)
            message = Message(filter.isActive ? "filter: \(filter.summary) (\(actionRowCount) actions; F clears)" : "filter cleared", kind: .info)
        case .historyFilter:
            var filter = HistoryView.Filter()
            let state = form.value("State"), action = form.value("Action")
            let author = form.value("Author"), since = form.value("Since")
            if !state.isEmpty {
                guard let found = tracker.directory.resolve(state) else {
                    form.error = LookupError.describe(tracker.directory.lookup(state))
                    mode = .form(form)
                    return []
                }
                filter.state = found.code
            }
            if !action.isEmpty {
                guard case .success(let found) = tracker.catalog.lookupAction(action) else {
                    form.error = LookupError.describe(tracker.catalog.lookupAction(action))
                    mode = .form(form)
                    return []
                }
                filter.action = found.id
            }
            guard since.isEmpty || Timestamp.day(since) != nil else {
                form.error = "“\(since)” is not a date like 2026-01-31"
                mode = .form(form)
                return []
            }
            filter.author = author.isEmpty ? nil : author
            filter.since = since.isEmpty ? nil : since
            history.filter = filter
            history.selected = 0
            history.refresh(tracker: tracker, states: states)
            history.keepVisible(height: max(1, bodyHeight - 2))
            mode = .browsing
            return historyNeeded
        case .export:
            let format = ExportFormat.allCases[form.choice("Format")]
            let wantsAll = form.fields[1].text == "All States"
            let asOf = form.value("As of"), path = form.value("Path")
            if !wantsAll, selection.code == nil {
                form.error = "choose a State first (S), or export All States"
            } else if !asOf.isEmpty, Timestamp.day(asOf) == nil {
                form.error = "“\(asOf)” is not a date like 2026-01-31"
            } else if path.isEmpty {
                form.error = "give a file path"
            }
            if form.error != nil {
                mode = .form(form)
                return []
            }
            mode = .browsing
            message = Message("exporting…", kind: .info)
            let scope: ExportRequest.Scope = wantsAll ? .allStates : .state(selection.code ?? "")
            return [.export(ExportRequest(format: format, scope: scope, asOf: asOf.isEmpty ? nil : asOf, path: path))]
        case .followUp(let code, let action, let base):
            return applyFollowUp(form, state: code, action: action, base: base)
        }
        return []
    }

    private var actionRowCount: Int { tree.items.filter { $0.id.actionID != nil }.count }
}

extension LookupError {
    /// The message of a failed lookup, or "" for a success.
    static func describe<T>(_ result: Result<T, LookupError>) -> String {
        if case .failure(let error) = result { return error.description }
        return ""
    }
}
