import ActionPlanModel

/// What `update` asks the outside world to do; the runner performs it and answers with a `Command`.
///
/// Keeping effects as values is what lets the reducer be tested without a disk, a clock or a terminal.
public enum Effect: Equatable, Sendable {
    /// Stamp each draft with an id, the time and the author, append them all to the store in one write,
    /// then answer `.saved(events)` or `.saveFailed(message)`.
    case record([EventDraft])
    /// Write an export file, then answer `.exported(path)` or `.exportFailed(message)`.
    case export(ExportRequest)
    /// Share the store through git (`actionplan sync`), then answer `.synced(summary)` and reload.
    case sync
    /// Read the newest changes that pass the History screen's filter, page by page from the end of the
    /// journals (a store opened through checkpoints holds only the newest in memory), then answer
    /// `.historyPage(request, changes)`.
    case loadHistory(HistoryPageRequest)
    /// Fold the Dashboard's trend in the store, journal by journal (a store opened with recent history
    /// only), then answer `.trendLoaded(request, series)` or `.trendFailed(request, message)`.
    case loadTrend(TrendRequest)
    /// Compare two reporting rounds in the store, one whole journal at a time (a store opened with recent
    /// history only), then answer `.roundsCompared(request, comparison)` or `.roundsCompareFailed`.
    case compareRounds(RoundCompareRequest)
    /// Save a view in the store's shared views, then answer `.viewSaved` or `.viewSaveFailed`.
    case saveView(SavedView)
    /// Put text on the terminal's clipboard (OSC 52), then answer `.copied` or `.copyFailed`.
    case copy(String)
    /// Open an evidence reference with `$BROWSER` or `xdg-open`, then answer `.opened` or `.openFailed`.
    case open(String)
    /// Restore the terminal and leave.
    case quit
}

/// A change event before the runner gives it an id, a time and an author.
///
/// `update` reads no clock and knows no author, so it can only say *what* changes.
public struct EventDraft: Equatable, Sendable {
    public var state: String
    public var action: String
    /// What the draft changes (the same value the event will carry).
    public var change: Change
    /// The id of the event this draft compensates (undo and redo).
    public var undoes: String?
    /// The heads of this State × action the user saw when the change began (the event's `base`); the
    /// store refuses the write if they moved meanwhile, so a colleague's change is never written over.
    public var base: [String]?

    public init(state: String, action: String, status: Status? = nil, note: String? = nil,
                evidenceAdded: [String]? = nil, evidenceRemoved: [String]? = nil, undoes: String? = nil,
                base: [String]? = nil) {
        self.base = base
        self.state = state
        self.action = action
        change = Change(status: status, note: note, evidenceAdded: evidenceAdded, evidenceRemoved: evidenceRemoved)
        self.undoes = undoes
    }

    public var status: Status? { get { change.status } set { change.status = newValue } }
    public var note: String? { get { change.note } set { change.note = newValue } }
    public var evidenceAdded: [String]? { get { change.evidenceAdded } set { change.evidenceAdded = newValue } }
    public var evidenceRemoved: [String]? { get { change.evidenceRemoved } set { change.evidenceRemoved = newValue } }

    /// The event the runner appends.
    public func stamped(id: String, time: Timestamp, author: String) -> ChangeEvent {
        ChangeEvent(id: id, time: time, author: author, state: state, action: action, base: base, change: change, undoes: undoes)
    }
}

/// An export the user asked for in the `x` dialog: plain values the exporter understands.
public struct ExportRequest: Equatable, Sendable {

    public enum Scope: Equatable, Sendable {
        /// One State, by code.
        case state(String)
        /// Every visible State.
        case allStates
    }

    public var format: ExportFormat
    public var scope: Scope
    /// `YYYY-MM-DD`: the state of implementation at the end of that day; nil for now.
    public var asOf: String?
    /// Where to write, as typed (relative to the working directory).
    public var path: String

    public init(format: ExportFormat, scope: Scope, asOf: String? = nil, path: String) {
        self.format = format
        self.scope = scope
        self.asOf = asOf
        self.path = path
    }
}
