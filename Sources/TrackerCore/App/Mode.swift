import ActionPlanModel

/// What has the keyboard: the screen itself, or one popup with its own draft.
///
/// An enum with payloads rather than a set of booleans and optionals: a popup's draft exists exactly
/// while the popup is open, and Esc drops it by returning to `.browsing`.
public enum Mode: Equatable, Sendable {
    case browsing
    case statusPicker(StatusPicker)
    case noteEditor(NoteDraft)
    case evidenceInput(EvidenceDraft)
    case statePicker(StatePicker)
    case search(SearchPrompt)
    case form(Form)
    case conflictChooser(ConflictChooser)
    /// The outcome of a sync, until Esc or Enter.
    case syncReport(SyncSummary)
    /// `:`: every command by name.
    case palette(Palette)
    /// `E`: an action's evidence, to edit, remove or open.
    case evidenceList(EvidenceList)
    /// `C`: two reporting rounds compared.
    case roundComparison(RoundCompareView)

    public var isPopup: Bool { self != .browsing }
}

/// The status picker: which actions it will set, and the highlighted status.
public struct StatusPicker: Equatable, Sendable {
    public var state: String
    /// One action, or every marked action (bulk set).
    public var actions: [String]
    public var highlighted: Status

    public init(state: String, actions: [String], highlighted: Status) {
        self.state = state
        self.actions = actions
        self.highlighted = highlighted
    }
}

/// The note being edited for one action of one State.
public struct NoteDraft: Equatable, Sendable {
    public var state: String
    public var action: String
    public var buffer: TextBuffer
    /// The heads of the action when the editor opened: saving is based on them, so a note written
    /// over a colleague's newer change is refused instead of silently replacing it.
    public var base: [String]?

    public init(state: String, action: String, buffer: TextBuffer, base: [String]? = nil) {
        self.state = state
        self.action = action
        self.buffer = buffer
        self.base = base
    }
}

/// The evidence reference being typed (a URL, a law, a document number).
public struct EvidenceDraft: Equatable, Sendable {
    public var state: String
    public var action: String
    public var input: LineInput
    /// The reference being edited (nil: a new one is added).
    public var replacing: String?

    public init(state: String, action: String, input: LineInput = LineInput(), replacing: String? = nil) {
        self.state = state
        self.action = action
        self.input = input
        self.replacing = replacing
    }
}

/// The State picker: the query typed so far and the highlighted row of the filtered list.
public struct StatePicker: Equatable, Sendable {
    public var query = LineInput()
    public var highlighted = 0

    public init() {}
}

/// The `/` prompt: the query, and where the cursor was before so Esc can go back.
public struct SearchPrompt: Equatable, Sendable {
    public var query = LineInput()
    public var origin: NodeID?

    public init(origin: NodeID?) { self.origin = origin }
}

/// The result of a search that stays active after Enter, for `n` / `N`.
public struct SearchResults: Equatable, Sendable {
    public var query: String
    public var matches: [NodeID]
    public var index: Int

    public init(query: String, matches: [NodeID], index: Int = 0) {
        self.query = query
        self.matches = matches
        self.index = index
    }
}

/// `R` on an action in conflict: every side (a head and the values its writer left), then "set another
/// status" and "edit the note". Whatever is chosen is written as one event based on every head.
public struct ConflictChooser: Equatable, Sendable {
    public var conflict: Conflict
    /// 0..<sides.count keeps a side; sides.count sets another status; sides.count + 1 edits the note.
    public var highlighted = 0

    public init(conflict: Conflict) { self.conflict = conflict }

    public var rowCount: Int { conflict.sides.count + 2 }
}
