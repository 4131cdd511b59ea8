import Foundation
import ActionPlanModel
import TerminalKit

extension AppState {
    /// Commands while a popup has the keyboard: Esc closes it, Enter confirms, arrows move inside it.
    mutating func handlePopup(_ command: Command) -> [Effect] {
        if command == .back {
            if case .search(let prompt) = mode, let origin = prompt.origin {
                tree.reveal(origin)
                tree.keepVisible(height: bodyHeight)
            }
            if case .noteEditor(let draft) = mode { closeNoteEditor(draft) }
            mode = .browsing
            return []
        }
        switch mode {
        case .browsing: return []
        case .syncReport: return []
        case .evidenceList(let list): return handleEvidenceList(list, command)
        case .roundComparison(let view): return handleRoundComparison(view, command)
        case .palette(var palette):
            let count = Palette.entries(for: palette.query.text, in: self).count
            switch command {
            case .moveUp: palette.highlighted = max(0, palette.highlighted - 1)
            case .moveDown: palette.highlighted = min(max(0, count - 1), palette.highlighted + 1)
            case .activate: return runPalette(palette)
            default: break
            }
            mode = .palette(palette)
        case .conflictChooser(var chooser):
            switch command {
            case .moveUp: chooser.highlighted = max(0, chooser.highlighted - 1)
            case .moveDown: chooser.highlighted = min(chooser.rowCount - 1, chooser.highlighted + 1)
            case .activate: return choose(chooser)
            default: break
            }
            mode = .conflictChooser(chooser)
        case .statusPicker(var picker):
            let all = Status.allCases
            switch command {
            case .moveUp: picker.highlighted = all[max(0, picker.highlighted.rank - 1)]
            case .moveDown: picker.highlighted = all[min(all.count - 1, picker.highlighted.rank + 1)]
            case .activate: return setStatus(picker.highlighted, picker: picker)
            case .pickStatus(let status): return setStatus(status, picker: picker)
            default: break
            }
            mode = .statusPicker(picker)
        case .noteEditor(var draft):
            if command == .discardDraft {
                draft.buffer = TextBuffer(tracker.assessment(state: draft.state, action: draft.action).note)
                noteDrafts[Self.draftKey(draft.state, draft.action)] = nil
                mode = .noteEditor(draft)
                message = Message("draft dropped: back to the saved note", kind: .info)
                return []
            }
            guard command == .save else { return [] }
            mode = .browsing
            noteDrafts[Self.draftKey(draft.state, draft.action)] = nil
            noteDraftBases[Self.draftKey(draft.state, draft.action)] = nil
            var after = tracker.assessment(state: draft.state, action: draft.action)
            after.note = draft.buffer.text
            return record([(draft.action, after)], state: draft.state, what: "note of \(draft.action)",
                          bases: draft.base.map { [draft.action: $0] } ?? [:])
        case .evidenceInput(let draft):
            guard command == .activate else { return [] }
            mode = .browsing
            guard !draft.input.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return [] }
            let reference: String
            switch EvidenceRule.check(draft.input.text) {
            case .success(let checked): reference = checked
            case .failure(let problem):
                mode = .evidenceInput(draft)              // kept open, so the reference can be fixed
                message = Message(problem.description, kind: .error)
                return []
            }
            var after = tracker.assessment(state: draft.state, action: draft.action)
            if let old = draft.replacing, let index = after.evidence.firstIndex(of: old) {
                // An edit: the reference keeps its place; one event removes the old and adds the new.
                guard reference != old else { return [] }
                after.evidence[index] = reference
                after.evidence = after.evidence.enumerated().filter { $0.offset == index || $0.element != reference }.map(\.element)
                return record([(draft.action, after)], state: draft.state, what: "evidence of \(draft.action) edited")
            }
            guard !after.evidence.contains(reference) else {
                message = Message("already listed as evidence", kind: .info)
                return []
            }
            after.evidence.append(reference)
            return record([(draft.action, after)], state: draft.state, what: "evidence for \(draft.action)")
        case .statePicker(var picker):
            let choices = stateChoices(matching: picker.query.text)
            switch command {
            case .moveUp: picker.highlighted = max(0, picker.highlighted - 1)
            case .moveDown: picker.highlighted = min(max(0, choices.count - 1), picker.highlighted + 1)
            case .pageUp: picker.highlighted = max(0, picker.highlighted - statePickerPage)
            case .pageDown: picker.highlighted = min(max(0, choices.count - 1), picker.highlighted + statePickerPage)
            case .activate:
                guard picker.highlighted < choices.count else { return [] }
                mode = .browsing
                select(choices[picker.highlighted])
                return []
            default: break
            }
            mode = .statePicker(picker)
        case .search(let prompt):
            guard command == .activate else { return [] }
            mode = .browsing
            let found = matches(for: prompt.query.text)
            search = prompt.query.text.isEmpty ? nil : SearchResults(query: prompt.query.text, matches: found)
            message = Message(found.isEmpty ? "no match for “\(prompt.query.text)”"
                              : "\(Plural.count(found.count, "match", "matches")); n/N step, Esc ends", kind: .info)
        case .form(var form):
            switch command {
            case .nextField: form.nextField()
            case .previousField: form.previousField()
            case .activate: return apply(form)
            default: break
            }
            mode = .form(form)
        }
        return []
    }

    /// The rows of the State picker's list (its box is the screen height minus four, less three rows).
    var statePickerPage: Int { max(1, size.height - 7) }

    /// A key the keymap left to the open text field.
    mutating func typeIntoPopup(_ key: Key) {
        switch mode {
        case .noteEditor(var draft):
            draft.buffer.handle(key)
            mode = .noteEditor(draft)
        case .evidenceInput(var draft):
            draft.input.handle(key)
            mode = .evidenceInput(draft)
        case .statePicker(var picker):
            picker.query.handle(key)
            picker.highlighted = 0
            mode = .statePicker(picker)
        case .palette(var palette):
            palette.query.handle(key)
            palette.highlighted = 0
            mode = .palette(palette)
        case .search(var prompt):
            prompt.query.handle(key)
            mode = .search(prompt)
            // Incremental: the cursor follows the first match while typing.
            if let first = matches(for: prompt.query.text).first {
                tree.reveal(first)
                tree.keepVisible(height: bodyHeight)
            }
        case .form(var form):
            let before = form
            form.handle(key)
            if form.kind == .export { followDefaultPath(from: before, to: &form) }
            mode = .form(form)
        default: break
        }
    }

    /// Keeps the export path in step with the format and scope while the user has not typed one.
    private func followDefaultPath(from before: Form, to form: inout Form) {
        guard let pathIndex = form.fields.firstIndex(where: { $0.label == "Path" }),
              before.value("Path") == exportDefaultPath(before) else { return }
        let path = exportDefaultPath(form)
        if path != before.value("Path") { form.fields[pathIndex].value = .text(LineInput(path)) }
    }

    /// `actionplan-XA.csv`, `actionplan-all.md`: the path the export dialog proposes.
    func exportDefaultPath(_ form: Form) -> String {
        let format = ExportFormat.allCases[form.choice("Format")]
        let scope = form.value("Scope") == "All States" ? "all" : (selection.code ?? "all")
        let name = "actionplan-\(scope).\(format.fileExtension)"
        guard let folder = options.exportFolder, !folder.isEmpty else { return name }
        return folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// The picker's choices: "All States" then every State whose code or name matches the query.
    ///
    /// A code matches by prefix, a name anywhere, ignoring case and diacritics ("turk" finds Türkiye);
    /// as a last resort the letters of the query in order ("brdr" finds Borduria), as lazygit and k9s do.
    /// The best matches come first (the code itself, then names starting with the query), so typing a
    /// code or the start of a name and pressing Enter picks the State the user meant.
    func stateChoices(matching query: String) -> [StateSelection] {
        let needle = Self.folded(query.trimmingCharacters(in: .whitespaces))
        let all: [StateSelection] = needle.isEmpty || Self.folded("All States").contains(needle) ? [.all] : []
        guard !needle.isEmpty else { return all + states.map { .state($0.code) } }
        let ranked = states.compactMap { state -> (Int, Participant)? in
            let code = Self.folded(state.code), name = Self.folded(state.name)
            if code == needle || Self.folded(state.iso3) == needle { return (0, state) }
            if name.hasPrefix(needle) { return (1, state) }
            if code.hasPrefix(needle) { return (2, state) }
            if name.contains(needle) { return (3, state) }
            if Self.isSubsequence(needle, of: name) { return (4, state) }
            return nil
        }
        let sorted = ranked.enumerated().sorted { $0.element.0 != $1.element.0 ? $0.element.0 < $1.element.0 : $0.offset < $1.offset }
        return all + sorted.map { .state($0.element.1.code) }
    }

    /// Whether the characters of `needle` appear in `text` in order (not necessarily together).
    static func isSubsequence(_ needle: String, of text: String) -> Bool {
        var rest = needle[...]
        for character in text where character == rest.first {
            rest = rest.dropFirst()
            if rest.isEmpty { return true }
        }
        return rest.isEmpty
    }

    private mutating func setStatus(_ status: Status, picker: StatusPicker) -> [Effect] {
        mode = .browsing
        let changes = picker.actions.map { action -> (action: String, after: Assessment) in
            var after = tracker.assessment(state: picker.state, action: action)
            after.status = status
            return (action, after)
        }
        let what = picker.actions.count == 1 ? "\(picker.actions[0]) → \(status.label)"
            : "\(picker.actions.count) actions → \(status.label)"
        if !marks.isEmpty, picker.actions == orderedMarks { marks = [] }
        return record(changes, state: picker.state, what: what)
    }

    /// Enter in the conflict chooser: keep a side (one event based on every head, with that side's
    /// values), or go on to the status picker or the note editor, which are based on every head too.
    private mutating func choose(_ chooser: ConflictChooser) -> [Effect] {
        let conflict = chooser.conflict
        mode = .browsing
        if chooser.highlighted < conflict.sides.count {
            let side = conflict.sides[chooser.highlighted]
            return record([(conflict.action, side.assessment)], state: conflict.state,
                          what: "conflict on \(conflict.action) resolved: kept \(Sanitizer.line(side.head.author))'s")
        }
        if chooser.highlighted == conflict.sides.count {
            mode = .statusPicker(StatusPicker(state: conflict.state, actions: [conflict.action], highlighted: conflict.shown.status))
        } else {
            mode = .noteEditor(NoteDraft(state: conflict.state, action: conflict.action, buffer: TextBuffer(conflict.shown.note),
                                         base: conflict.headIDs))
        }
        return []
    }
}
