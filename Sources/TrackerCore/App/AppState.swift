import ActionPlanModel
import TerminalKit

/// The whole state of the TUI: one value, written only by `update`, read by `render`.
///
/// Derived data (progress figures, the filtered tree, the history rows) lives here too, refreshed by
/// `update` when its inputs change, so that a frame never recomputes anything proportional to the store.
public struct AppState: Equatable, Sendable {
    public let options: AppOptions
    /// The key table of this session: the defaults with the settings' rebound keys.
    public let keymap: [Binding]
    public internal(set) var tracker: Tracker
    /// The States the store tracks (participating, plus partners when the store settings say so).
    public internal(set) var states: [Participant] {
        didSet { statesByName = Self.byName(states) }
    }
    /// The same by name, in the user's language order (the Matrix's default order): sorted when the
    /// States change, not on every frame (a first collation loads the locale's rules, about a millisecond).
    public private(set) var statesByName: [Participant] = []
    public internal(set) var selection: StateSelection
    public internal(set) var figures: Figures

    public internal(set) var screen: ScreenID = .tree
    /// Where Esc on the help screen returns.
    public internal(set) var screenBeforeHelp: ScreenID = .tree
    public internal(set) var mode: Mode = .browsing
    public internal(set) var size = Size(width: 80, height: 24)

    public internal(set) var tree: TreeCursor
    public internal(set) var filter = TreeFilter()
    public internal(set) var search: SearchResults?
    /// Marked action ids (Space), for a bulk status change in the current State.
    public internal(set) var marks: Set<String> = []

    public internal(set) var matrix = MatrixCursor()
    public internal(set) var history = HistoryView()
    /// The Dashboard's monthly trend, computed while the Dashboard is shown.
    public internal(set) var trend = DashboardTrend()
    public internal(set) var helpScroll = 0
    /// How far the details pane is scrolled, and for which node (another node starts at the top).
    public internal(set) var detailsScroll = DetailsScroll()

    public internal(set) var undo = UndoHistory()
    /// Notes closed with Esc before saving, by "STATE/action": offered again when the editor reopens.
    public internal(set) var noteDrafts: [String: TextBuffer] = [:]
    /// The heads each kept note draft was begun on, by the same key: saving it later is based on them.
    public internal(set) var noteDraftBases: [String: [String]] = [:]
    /// The footer message answering the last key ("saved", "read-only", an error).
    public internal(set) var message: Message?
    /// The latest time the runner reported (`.tick`); the dashboard dates its figures with it.
    public internal(set) var now: Timestamp?
    /// Saved views: the user's (settings) and the store's (shared), recalled with `:view NAME`.
    public internal(set) var views: [SavedView] = []
    /// The reporting rounds (the fold of the office log), refreshed with the tracker.
    public internal(set) var rounds: RoundBook
    /// For the "not reviewed this round" filter: per State in scope, the actions with an event since the
    /// current round opened (refreshed with the tree).
    var reviewedThisRound: [String: Set<String>] = [:]
    /// The officers and their States (the office log's `officer.*` records), refreshed with the tracker.
    public internal(set) var roster: OfficerRoster
    /// `M`: only the States the user follows are listed (on at start for an officer with States).
    public internal(set) var myStatesOnly = false
    /// Follow-ups due and progress per officer, for the Dashboard (refreshed with the figures and each day).
    public internal(set) var desk = DeskFigures()

    public init(tracker: Tracker, options: AppOptions) {
        self.options = options
        keymap = KeyRebinding.table(options.keys)
        self.tracker = tracker
        roster = OfficerRoster(records: tracker.office)
        states = tracker.states()
        // An officer opens on their own States: the filter on, the first of them selected.
        if let user = options.user, let mine = roster.officer(named: user)?.states, !mine.isEmpty {
            myStatesOnly = true
            states = Self.shownStates(tracker: tracker, mine: mine)
        }
        if let wanted = options.initialState, let found = tracker.directory.resolve(wanted) {
            selection = .state(found.code)
            if !states.contains(found) { states.append(found) }
        } else if let first = states.first {
            selection = .state(first.code)
        } else {
            selection = .all
        }
        figures = Figures(tracker: tracker, states: states)
        statesByName = Self.byName(states)
        rounds = RoundBook(records: tracker.office)
        views = options.views
        desk = DeskFigures(tracker: tracker, roster: roster, states: states.map(\.code), today: nil)
        tree = TreeCursor(items: TreeBuilder.items(catalog: tracker.catalog, keep: { _ in true }))
        if options.readOnly {
            message = Message(options.readOnlyReason.map { "read-only: \($0)" } ?? "read-only session", kind: .info)
        } else if let notice = options.notice {
            message = Message(notice, kind: .info)
        }
    }

    /// The participant currently shown, nil under "All States".
    public var currentState: Participant? {
        selection.code.flatMap { code in states.first { $0.code == code } ?? tracker.directory.resolve(code) }
    }

    /// The action under the tree cursor.
    public var selectedAction: Action? {
        tree.selectedNode?.actionID.flatMap { tracker.catalog.action(id: $0) }
    }
}

/// The details pane's scroll offset, remembered for the node it was scrolled on.
public struct DetailsScroll: Equatable, Sendable {
    public var node: NodeID?
    public var offset = 0

    public init(node: NodeID? = nil, offset: Int = 0) {
        self.node = node
        self.offset = offset
    }
}

/// A line in the footer answering the last key.
public struct Message: Equatable, Sendable {
    public enum Kind: Equatable, Sendable { case info, success, error }
    public var text: String
    public var kind: Kind

    public init(_ text: String, kind: Kind) {
        self.text = text
        self.kind = kind
    }
}

/// The tree filter (`f`): which actions stay visible.
public struct TreeFilter: Equatable, Sendable {
    public var status: Status?
    public var pillar: String?
    public var tag: String?
    /// `YYYY-MM-DD`: only actions whose assessment changed on or after that day.
    public var changedSince: String?
    /// Only actions not reviewed in the current round (no event since it opened) by the State shown, or
    /// by some State under "All States".
    public var notReviewed = false

    public init(status: Status? = nil, pillar: String? = nil, tag: String? = nil, changedSince: String? = nil, notReviewed: Bool = false) {
        self.status = status
        self.pillar = pillar
        self.tag = tag
        self.changedSince = changedSince
        self.notReviewed = notReviewed
    }

    public var isActive: Bool { status != nil || pillar != nil || tag != nil || changedSince != nil || notReviewed }

    /// "status=implemented pillar=prevention" for the header.
    public var summary: String {
        var parts: [String] = []
        if let status { parts.append("status=\(status.rawValue)") }
        if let pillar { parts.append("pillar=\(pillar)") }
        if let tag { parts.append("tag=\(tag)") }
        if let changedSince { parts.append("since=\(changedSince)") }
        if notReviewed { parts.append("not reviewed this round") }
        return parts.joined(separator: " ")
    }
}

extension AppState {
    static func byName(_ states: [Participant]) -> [Participant] {
        states.sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
    }
}
