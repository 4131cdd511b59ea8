import ActionPlanModel
import ActionPlanStore
import TerminalKit
import TrackerCore

/// The user's config, as the TUI uses it: never a reason not to start.
///
/// A missing file gives the defaults silently; a file with problems (or naming an unknown State) gives
/// the defaults and a footer notice that says what was wrong and how to check it.
struct TUISettings {
    var defaultState: String?
    var theme: ThemeName = .standard
    var exportFolder: String?
    var views: [SavedView] = []
    var keys: [String: [Key]] = [:]
    /// Shown in the footer at start when the config could not be used.
    var notice: String?

    static func load(environment: [String: String], directory: StateDirectory) -> TUISettings {
        let path = ConfigLocation.path(environment: environment)
        var settings = TUISettings()
        switch ConfigLocation.load(path) {
        case .absent:
            break
        case .unreadable(let reason):
            settings.notice = "settings not used (\(path): \(reason)); started with the defaults"
        case .problems(let problems):
            settings.notice = "settings not used: \(path):\(problems[0])"
                + (problems.count > 1 ? " (and \(problems.count - 1) more)" : "")
                + "; started with the defaults; run `actionplan config check`"
        case .loaded(let config):
            switch KeyRebinding.check(config.keys.map { ($0.name, $0.keys) }) {
            case .success(let keys): settings.keys = keys
            case .failure(let problems):
                let first = problems.all[0]
                let at = config.keys.first { $0.name == first.name }?.location
                settings.notice = "settings not used: \(path):" + (at.map { "\($0.line):\($0.column): " } ?? " ")
                    + "keys: \(first.message); started with the defaults; run `actionplan config check`"
                return settings
            }
            settings.theme = config.theme.flatMap(ThemeName.init(rawValue:)) ?? .standard
            settings.exportFolder = config.exportFolder
            settings.views = config.views
            if let query = config.defaultState {
                switch directory.lookup(query) {
                case .success(let participant): settings.defaultState = participant.code
                case .failure(let error): settings.notice = "settings: defaultState: \(error.description); started on the first State"
                }
            }
        }
        return settings
    }
}
