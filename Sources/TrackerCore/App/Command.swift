import ActionPlanModel
import TerminalKit

/// Everything `update` understands: keys, answers from the runner, and the named actions of the keymap.
///
/// One flat enum (no component framework): the keymap turns a `Key` into one of these for the current
/// context, and the runner feeds back the results of effects as `.saved`, `.exported` and friends.
public enum Command: Equatable, Sendable {
    // MARK: - From the terminal and the runner
    /// A raw key; `update` resolves it through `Keymap`, or gives it to the open text field.
    case key(Key)
    case resize(Size)
    /// The runner's clock, so the reducer never reads one.
    case tick(Timestamp)
    /// Nothing is waiting for the user: the moment to read ahead (`AppState.readAhead`).
    case idle
    /// The drafts of the last `.record` effect, stamped and durably appended.
    case saved([ChangeEvent])
    case saveFailed(String)
    /// A colleague changed one of the drafts' actions first: nothing was written. The runner sends the
    /// reloaded store first, so the screen already shows their change; the drafts come back so that
    /// nothing the user typed is lost.
    case saveRefused(String, [EventDraft])
    /// What a sync did (or why it stopped), line by line.
    case synced(SyncSummary)
    /// Another process changed the store; the runner loaded it again.
    case storeReloaded(Tracker)
    /// The newest changes asked for by `.loadHistory`, newest first (fewer than asked when no more exist).
    case historyPage(HistoryPageRequest, [PagedChange])
    /// The Dashboard's trend, folded by the store for the request.
    case trendLoaded(TrendRequest, TrendSeries)
    /// The store could not fold the trend (the Dashboard keeps what it showed).
    case trendFailed(TrendRequest, String)
    /// The store's comparison of two rounds (`Effect.compareRounds`).
    case roundsCompared(RoundCompareRequest, RoundComparison)
    case roundsCompareFailed(RoundCompareRequest, String)
    /// Another process changed the store, but it could not be read again; the screen keeps the last good data.
    case reloadFailed(String)
    case exported(String)
    case exportFailed(String)

    // MARK: - Moving around
    case moveUp, moveDown, moveLeft, moveRight
    case pageUp, pageDown, top, bottom
    /// Enter: expand a tree node, drill into a matrix column, confirm a popup.
    case activate
    /// Esc: close a popup, leave a drill-down, end a search.
    case back
    case switchScreen(ScreenID)
    case nextScreen, previousScreen
    case click(Position)
    case scroll(Int)
    /// `J` / `K`: scroll the tree's details pane by this many rows.
    case scrollDetails(Int)

    // MARK: - States, search, filter
    case openStatePicker
    case previousState, nextState
    case startSearch
    case nextMatch, previousMatch
    case openFilter
    case clearFilter
    case toggleSort

    // MARK: - Editing
    case openStatusPicker
    case pickStatus(Status)
    case editNote
    case addEvidence
    /// `E`: the action's evidence list; in it `d` removes and `o` opens the highlighted reference.
    case manageEvidence, removeEvidence, openEvidence, copyEvidence
    /// The terminal took a copy (or could not).
    case copied(String)
    case copyFailed(String)
    /// The runner saved a view in the store (or could not).
    case viewSaved(SavedView)
    case viewSaveFailed(String)
    /// The runner handed a reference to the browser (or could not).
    case opened(String)
    case openFailed(String)
    case toggleMark
    /// `d`: set or clear the follow-up date and owner of the selected action.
    case editFollowUp
    /// `M`: show only the States the user follows (officers), or every State again.
    case toggleMyStates
    case undo, redo
    /// Ctrl-S in the note editor.
    case save
    /// Ctrl-U in the note editor: back to the saved note, forgetting a kept draft.
    case discardDraft

    // MARK: - Popups with several fields
    case nextField, previousField

    // MARK: - Sharing
    /// `R` on an action in conflict: choose a side to keep, or set a new status or note.
    case resolveConflict
    /// `y`: sync the store with the other offices through git.
    case sync

    // MARK: - Reporting rounds
    /// `r` in the tree: show only the actions not reviewed this round (no event since it opened).
    case toggleNotReviewed
    /// `C`: compare two reporting rounds (read-only; reviewers may use it).
    case compareRounds
    /// In the comparison: the next round as A, or as B.
    case cycleRoundA, cycleRoundB

    // MARK: - Other
    /// `:`: the command palette.
    case openPalette
    case openExport
    case quit
}

/// The screens, in the order of the number keys.
public enum ScreenID: Int, CaseIterable, Sendable {
    case tree = 1, matrix, dashboard, history, help

    public var title: String {
        switch self {
        case .tree: "Tree"
        case .matrix: "Matrix"
        case .dashboard: "Dashboard"
        case .history: "History"
        case .help: "Help"
        }
    }
}

/// The outcome of a sync, as lines for people.
public struct SyncSummary: Equatable, Sendable {
    public var lines: [String]
    public var failed: Bool

    public init(lines: [String], failed: Bool) {
        self.lines = lines
        self.failed = failed
    }
}
