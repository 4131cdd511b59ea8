import ActionPlanModel
import TerminalKit

/// How the TUI was started: which store, which State first, and what the terminal can show.
///
/// These are decided once by the executable (flags, environment, store permissions) and never change
/// while the program runs, so `update` and `render` read them but never write them.
public struct AppOptions: Equatable, Sendable {
    /// The store as the header shows it (usually its folder name).
    public var storeName: String
    /// The State code to start on (`--state`); nil starts on the first visible State.
    public var initialState: String?
    /// Reviewers and non-writable stores: every editing key is refused.
    public var readOnly: Bool
    /// Why the session is read-only when the user did not ask for it ("store is not writable").
    public var readOnlyReason: String?
    /// Use `Status.asciiSymbol` and ASCII bars for terminals without the symbols.
    public var ascii: Bool
    /// Colours on; false under `NO_COLOR` or a monochrome terminal (attributes still carry meaning).
    public var colors: Bool
    /// A note shown in the footer at start ("created a new store at …"), so nothing happens unseen.
    public var notice: String?
    /// The colour theme (the user's config).
    public var theme: ThemeName
    /// Where the export dialog proposes files (the user's config); nil: the current folder.
    public var exportFolder: String?
    /// Saved views at start: the user's, then the store's shared ones.
    public var views: [SavedView]
    /// Rebound keys from the settings (command name → keys), already checked (`KeyRebinding.check`).
    public var keys: [String: [Key]]
    /// Who is using the TUI (`--by`, else `$ACTIONPLAN_USER`, else the login name): an officer listed in
    /// the store opens on their own States and is warned when editing someone else's.
    public var user: String?

    public init(storeName: String, initialState: String? = nil, readOnly: Bool = false,
                readOnlyReason: String? = nil, ascii: Bool = false, colors: Bool = true, notice: String? = nil,
                theme: ThemeName = .standard, exportFolder: String? = nil, views: [SavedView] = [],
                keys: [String: [Key]] = [:], user: String? = nil) {
        self.user = user
        self.views = views
        self.keys = keys
        self.theme = theme
        self.exportFolder = exportFolder
        self.storeName = storeName
        self.initialState = initialState
        self.readOnly = readOnly
        self.readOnlyReason = readOnlyReason
        self.ascii = ascii
        self.colors = colors
        self.notice = notice
    }
}

/// The colour themes a user can choose in the config file.
public enum ThemeName: String, CaseIterable, Sendable {
    /// Red to green, dim for what is not assessed.
    case standard = "default"
    /// No dim text; bold selection and header, for low-contrast screens and projectors.
    case highContrast = "high-contrast"
    /// No red–green pair: magenta, yellow, cyan and blue (symbols carry the status as always).
    case colourBlind = "colour-blind"
}
