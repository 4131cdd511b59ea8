import TrackerCore
import TerminalKit

/// A terminal backend for tests: plays a script of input and keeps every frame the loop draws.
///
/// After each key it reports "nothing waiting" once, so the loop draws a frame per key; at the end of
/// the script it reports `.closed` and the loop ends. A step can also run code (another writer
/// changing the store mid-session).
final class ScriptedBackend: TerminalBackend {
    enum Step {
        case input(InputEvent)
        case idle
        case run(() -> Void)
    }

    var size: Size
    private var script: [Step]
    private(set) var frames: [Screen] = []
    /// What the session put on the clipboard (OSC 52 on a real terminal).
    private(set) var copies: [String] = []

    func copyToClipboard(_ text: String) -> Bool {
        copies.append(text)
        return true
    }

    init(size: Size = Size(width: 100, height: 30), _ script: [Step]) {
        self.size = size
        self.script = script
    }

    /// Keys one after the other, a frame after each.
    convenience init(size: Size = Size(width: 100, height: 30), keys: [Key]) {
        self.init(size: size, keys.flatMap { [Step.input(.key($0)), .idle] })
    }

    /// The steps not played yet (a session that quit early leaves some).
    var remaining: Int { script.count }

    func read(timeoutMilliseconds: Int) -> InputEvent? {
        guard !script.isEmpty else { return .closed }
        switch script.removeFirst() {
        case .input(let event):
            if case .resize(let new) = event { size = new }
            return event
        case .idle: return nil
        case .run(let body):
            body()
            return nil
        }
    }

    func draw(_ screen: Screen) { frames.append(screen) }

    func invalidate() {}

    /// The last frame as text, for failure messages and checks.
    var lastScreen: String { frames.last?.plainText() ?? "(no frame)" }

    /// The bottom row of a frame.
    static func footer(_ screen: Screen) -> String {
        String(screen.plainText().split(separator: "\n", omittingEmptySubsequences: false).last ?? "")
    }
}

extension ScriptedBackend {
    /// "Enter" four times: from the first pillar to its first action (pillar, area, action).
    static let toFirstAction: [Key] = [.enter, .enter, .enter, .enter]
}
