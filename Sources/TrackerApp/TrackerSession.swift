import ActionPlanModel
import TrackerCore
import TerminalKit

/// One TUI session: TrackerCore's pure `update` and `render`, the store through an `EffectRunner`, on
/// any terminal backend.
///
/// The executable builds one with the ncurses `Terminal`; tests build one with a scripted backend and a
/// store in a temporary folder, and so run exactly what the program runs.
public struct TrackerSession {
    public let runner: EffectRunner
    public let loop: AppLoop<AppState, Command, Effect>

    /// `tickInterval` is how often the store is checked for outside changes (and the clock read).
    public init(runner: EffectRunner, tickInterval: Duration = .milliseconds(1500)) {
        self.runner = runner
        loop = AppLoop(
            key: { .key($0) },
            update: { state, command in TrackerCore.update(&state, command) },
            render: { state, size in TrackerCore.render(state, size: size) },
            perform: { effect, backend in
                // Copying goes to the terminal itself (OSC 52); everything else is the runner's.
                if case .copy(let text) = effect {
                    return .commands([backend.copyToClipboard(text) ? .copied(text) : .copyFailed("this terminal has no clipboard we can reach")])
                }
                return runner.perform(effect)
            },
            tick: { _ in runner.tick() },
            resized: { .resize($0) },
            tickInterval: tickInterval,
            idle: { $0.readAhead.isEmpty ? nil : .idle })
    }

    /// Runs the session from `initial` until the user quits (or the backend's input closes) and returns
    /// the final state. The state learns the time before the first frame.
    public func run(_ initial: AppState, on backend: some TerminalBackend) -> AppState {
        var state = initial
        for command in runner.tick() { _ = TrackerCore.update(&state, command) }
        return loop.run(state, on: backend)
    }
}
