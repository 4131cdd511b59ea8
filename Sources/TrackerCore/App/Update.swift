import ActionPlanModel
import TerminalKit

/// Applies one command to the state and returns what the runner must do.
///
/// Pure: no I/O and no clock, so every behaviour of the TUI can be tested as a sequence of commands.
/// Every key arrives as `.key` and is resolved here, once, through `Keymap`: the table is the only place
/// that knows keys, and each key clears the footer message whatever it turns out to mean.
public func update(_ state: inout AppState, _ command: Command) -> [Effect] {
    switch command {
    case .key(let key):
        state.message = nil
        switch Keymap.resolve(key, in: state) {
        case .unbound:
            return []
        case .text(let key):
            guard state.fitsLayout else { return [] }
            state.typeIntoPopup(key)
            return []
        case .command(let resolved, _):
            // Below the minimum size nothing is on screen to act on, so only quitting works.
            guard state.fitsLayout || resolved == .quit else { return [] }
            return update(&state, resolved)
        }
    case .resize(let size):
        state.size = size
        state.keepCursorsVisible()
        return []
    case .idle:
        return state.readAhead
    case .tick(let now):
        let newDay = state.now.map(ReviewDate.init) != ReviewDate(now)
        state.now = now
        if newDay { state.refreshDesk() }
        return []
    case .saved(let events):
        state.applySaved(events)
        return state.trendNeeded + state.roundComparisonNeeded
    case .saveFailed(let message):
        state.failPendingSave(message)
        return []
    case .saveRefused(let message, let drafts):
        state.refusePendingSave(message, drafts: drafts)
        return []
    case .synced(let summary):
        state.mode = .syncReport(summary)
        state.message = Message(summary.failed ? "sync stopped: nothing was lost" : "synced", kind: summary.failed ? .error : .success)
        return []
    case .storeReloaded(let tracker):
        // The runner may reload after its own append; only a real outside change is worth a message.
        guard tracker != state.tracker else { return [] }
        state.replaceTracker(tracker)
        state.message = Message("the store changed on disk; reloaded", kind: .info)
        return state.trendNeeded + state.roundComparisonNeeded
    case .trendLoaded(let request, let series):
        state.trend.loaded(request, series)
        return []
    case .trendFailed(let request, let reason):
        state.trend.failed(request)
        state.message = Message("the trend could not be read: \(reason)", kind: .error)
        return []
    case .roundsCompared(let request, let comparison):
        state.roundsCompared(request, comparison)
        return []
    case .roundsCompareFailed(let request, let reason):
        state.roundsCompareFailed(request, reason)
        return []
    case .historyPage(let request, let changes):
        state.history.receive(changes, for: request)
        state.history.keepVisible(height: max(1, state.bodyHeight - 2))
        return state.historyNeeded
    case .reloadFailed(let message):
        // Not a save failure: no pending change is affected, only the user is told.
        state.message = Message("the store changed on disk but could not be read again (showing the last good data): \(message)", kind: .error)
        return []
    case .exported(let path):
        state.message = Message("exported to \(path)", kind: .success)
        return []
    case .exportFailed(let message):
        state.message = Message("export failed: \(message)", kind: .error)
        return []
    case .viewSaved(let view):
        state.viewSaved(view)
        return []
    case .viewSaveFailed(let reason):
        state.message = Message("the view was not saved: \(reason)", kind: .error)
        return []
    case .copied(let text):
        state.message = Message("copied \(text) to the clipboard", kind: .success)
        return []
    case .copyFailed(let reason):
        state.message = Message("could not copy: \(reason)", kind: .error)
        return []
    case .opened(let reference):
        state.message = Message("opened \(reference)", kind: .success)
        return []
    case .openFailed(let reason):
        state.message = Message("could not open: \(reason)", kind: .error)
        return []
    case .quit:
        return [.quit]
    default:
        break
    }
    if !state.mode.isPopup, let reason = command.unavailableReason(in: state) {
        state.message = Message(reason, kind: .error)
        return []
    }
    if state.mode.isPopup { return state.handlePopup(command) }
    return state.handleBrowsing(command)
}

extension AppState {
    /// The smallest terminal the layouts are made for; below it `render` shows only a notice.
    public static let minimumSize = Size(width: 80, height: 24)

    /// Whether the last known terminal size is large enough for the layouts (and so for keys to act).
    public var fitsLayout: Bool { size.width >= Self.minimumSize.width && size.height >= Self.minimumSize.height }

    /// The rows available to the body of every screen (header two rows, footer one).
    var bodyHeight: Int { max(1, size.height - 3) }

    /// Scroll offsets follow the cursors after a move or a resize.
    mutating func keepCursorsVisible() {
        tree.keepVisible(height: bodyHeight)
        history.keepVisible(height: max(1, bodyHeight - 2))
        clampMatrix()
    }

    /// Navigation and the keys that open popups, when no popup is open.
    mutating func handleBrowsing(_ command: Command) -> [Effect] {
        switch command {
        case .switchScreen(let screen): show(screen); return historyNeeded
        case .nextScreen:
            show(ScreenID(rawValue: screen == .help ? 1 : screen.rawValue % 4 + 1) ?? .tree)
            return historyNeeded
        case .previousScreen:
            show(ScreenID(rawValue: screen == .help ? 4 : (screen.rawValue + 2) % 4 + 1) ?? .tree)
            return historyNeeded
        case .openStatePicker:
            var picker = StatePicker()
            picker.highlighted = stateChoices(matching: "").firstIndex(of: selection) ?? 0
            mode = .statePicker(picker)
        case .previousState: stepState(-1)
        case .nextState: stepState(1)
        case .openExport: mode = .form(exportForm())
        case .openPalette: mode = .palette(Palette())
        case .manageEvidence:
            guard let code = selection.code, let id = tree.selectedNode?.actionID else { return [] }
            return handleEvidenceList(EvidenceList(state: code, action: id), .moveUp)
        case .back: goBack()
        case .click(let position) where position.y == 1:
            let hit = Chrome.tabs.first { position.x >= $0.2 && position.x < $0.2 + TextWidth.columns(of: $0.1) }
            if let (target, _, _) = hit { show(target); return historyNeeded }
        case .openStatusPicker, .editNote, .addEvidence, .toggleMark, .undo, .redo, .editFollowUp:
            return edit(command)
        case .toggleMyStates: toggleMyStates()
        case .resolveConflict:
            guard let code = selection.code, let id = tree.selectedNode?.actionID,
                  let conflict = tracker.journal(code).conflict(of: id) else { return [] }
            mode = .conflictChooser(ConflictChooser(conflict: conflict))
        case .sync:
            message = Message("syncing…", kind: .info)
            return [.sync]
        case .compareRounds: return openRoundComparison()
        case .toggleNotReviewed: toggleNotReviewed()
        default:
            switch screen {
            case .tree: treeCommand(command)
            case .matrix: matrixCommand(command)
            case .history: historyCommand(command); return historyNeeded
            case .help: helpCommand(command)
            case .dashboard: break
            }
        }
        return []
    }

    /// The History screen shows the newest changes from what is in memory; a filter with no rows yet, or
    /// the cursor within a page of the end of a truncated list, asks the runner for the next page (the
    /// rows so far and two screens more), read from the end of the journals.
    /// The Dashboard asks for its trend instead (`trendNeeded`).
    var historyNeeded: [Effect] {
        if screen == .dashboard { return trendNeeded }
        guard screen == .history, history.truncated, history.rows.isEmpty || history.selected + bodyHeight >= history.rows.count
        else { return [] }
        return nextHistoryPage
    }

    /// What to read while the user is idle (`.idle`, which the loop sends only when no input is
    /// waiting): the History screen's next page once the cursor is within three screens of the end of
    /// what is loaded, so that scrolling on finds it there; a key reads only when the cursor reaches the
    /// last screen loaded (`historyNeeded`: someone scrolling faster than the reads).
    public var readAhead: [Effect] {
        guard screen == .history, history.truncated, !history.rows.isEmpty,
              history.selected + 3 * bodyHeight >= history.rows.count else { return [] }
        return nextHistoryPage
    }

    /// The rows so far and two screens more, unless that is what was read last.
    private var nextHistoryPage: [Effect] {
        let request = HistoryPageRequest(filter: history.filter, states: history.filter.state.map { [$0] } ?? states.map(\.code),
                                         count: history.rows.count + 2 * max(bodyHeight, 20))
        return history.requested == request ? [] : [.loadHistory(request)]
    }

    /// The Dashboard's trend, when it must be asked of the runner (a store read without its whole history).
    var trendNeeded: [Effect] { screen == .dashboard ? trend.effects : [] }

    mutating func show(_ target: ScreenID) {
        if target == .help, screen != .help { screenBeforeHelp = screen }
        screen = target
        if target == .history, history.stale { history.refresh(tracker: tracker, states: states) }
        if target == .dashboard, trend.stale { trend.refresh(tracker: tracker, states: states, now: now) }
        keepCursorsVisible()
    }

    private mutating func goBack() {
        switch screen {
        case .help: screen = screenBeforeHelp
        case .tree:
            if search != nil { search = nil; message = Message("search ended", kind: .info) }
        case .matrix: matrixCommand(.back)
        default: break
        }
    }

    /// Switches the current State to `selection` and refreshes what depends on it.
    mutating func select(_ newSelection: StateSelection) {
        guard newSelection != selection else { return }
        selection = newSelection
        marks = []
        if filter.status != nil || filter.changedSince != nil || filter.notReviewed { rebuildTree() }
        if let search { self.search = SearchResults(query: search.query, matches: matches(for: search.query)) }
    }

    /// `[` and `]`: the previous or next State in the list, wrapping, with "All States" between the ends.
    private mutating func stepState(_ delta: Int) {
        let choices: [StateSelection] = [.all] + states.map { .state($0.code) }
        let index = choices.firstIndex(of: selection) ?? 0
        select(choices[(index + delta + choices.count) % choices.count])
    }

    /// Replaces the tracker (a save or a reload) and refreshes every derived figure.
    mutating func replaceTracker(_ newTracker: Tracker) {
        tracker = newTracker
        roster = OfficerRoster(records: tracker.office)
        states = shownStates()
        if let code = selection.code, !states.contains(where: { $0.code == code }),
           let participant = tracker.directory.resolve(code) {
            states.append(participant)
        }
        refreshDerived()
    }

    mutating func refreshDerived() {
        figures = Figures(tracker: tracker, states: states)
        rounds = RoundBook(records: tracker.office)
        refreshRoundComparison()
        refreshDesk()
        rebuildTree()
        if let query = search?.query {
            let found = matches(for: query)
            search?.matches = found
        }
        history.stale = true
        if screen == .history { history.refresh(tracker: tracker, states: states) }
        trend.stale = true
        if screen == .dashboard { trend.refresh(tracker: tracker, states: states, now: now) }
        keepCursorsVisible()
    }
}
