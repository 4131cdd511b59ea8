import TrackerCore
import TerminalKit

/// The Elm-style program loop: read input, wrap it in a command, `update`, run effects, render, draw.
///
/// It knows nothing of the tracker: the application supplies its pure functions and one impure effect
/// handler (store writes, exports), which runs here, between `update` and the next frame. A periodic
/// tick lets the application notice changes made by other processes while the user is idle. The
/// terminal is any `TerminalBackend`: ncurses in the program, a scripted fake in tests.
public struct AppLoop<State, Command, Effect> {
    /// The command that hands a key to `update`, which resolves it (the loop never interprets keys).
    public var key: (Key) -> Command
    /// The pure state transition; returns the effects to carry out.
    public var update: (inout State, Command) -> [Effect]
    /// The pure frame for a state at a terminal size.
    public var render: (State, Size) -> Screen
    /// Carries out one effect (the only I/O in the loop) and says what follows from it.
    /// Runs an effect; the backend is there for the few effects that are the terminal's (the clipboard).
    public var perform: (Effect, any TerminalBackend) -> EffectOutcome<Command>
    /// Commands to run every `tickInterval`, e.g. "the store changed on disk: reload".
    public var tick: (State) -> [Command]
    /// The command that tells the state about a new terminal size, if the state keeps one.
    public var resized: ((Size) -> Command)?
    /// How often `tick` runs while no key arrives.
    public var tickInterval: Duration
    /// Work to do ahead of the user, as a command, when there is some: applied only when no input is
    /// waiting, and once between two inputs (or ticks), so a key never waits for it unless it arrives
    /// while it runs (reading the next page of a long list before the cursor gets there).
    public var idle: (State) -> Command?

    public init(key: @escaping (Key) -> Command,
                update: @escaping (inout State, Command) -> [Effect],
                render: @escaping (State, Size) -> Screen,
                perform: @escaping (Effect, any TerminalBackend) -> EffectOutcome<Command>,
                tick: @escaping (State) -> [Command] = { _ in [] },
                resized: ((Size) -> Command)? = nil,
                tickInterval: Duration = .milliseconds(1500),
                idle: @escaping (State) -> Command? = { _ in nil }) {
        self.key = key
        self.update = update
        self.render = render
        self.perform = perform
        self.tick = tick
        self.resized = resized
        self.tickInterval = tickInterval
        self.idle = idle
    }

    /// Runs until an effect handler answers `.quit` or the input is closed, and returns the final state.
    /// The caller owns `backend` and stops it afterwards.
    public func run(_ initial: State, on backend: some TerminalBackend) -> State {
        var state = initial
        var size = backend.size
        if let resized { if apply(resized(size), to: &state, backend) { return state } }
        backend.draw(render(state, size))
        let clock = ContinuousClock()
        var nextTick = clock.now.advanced(by: tickInterval)
        var idleDone = false
        while true {
            var events: [InputEvent] = []
            if !idleDone, let command = idle(state) {
                idleDone = true
                if let waiting = backend.read(timeoutMilliseconds: 0) {
                    events.append(waiting)   // the user first
                } else {
                    if apply(command, to: &state, backend) { return state }
                    backend.draw(render(state, size))
                    continue
                }
            }
            let wait = max(0, Self.milliseconds(clock.now.duration(to: nextTick)))
            if events.isEmpty, let first = backend.read(timeoutMilliseconds: wait) { events.append(first) }
            if !events.isEmpty {
                idleDone = false
                // Take whatever else is already waiting (key repeat, fast typing) before drawing once.
                while events.count < 256, let more = backend.read(timeoutMilliseconds: 0) { events.append(more) }
            }
            for event in events {
                switch event {
                case .resize(let newSize):
                    size = newSize
                    backend.invalidate()
                    if let resized, apply(resized(newSize), to: &state, backend) { return state }
                case .key(let pressed):
                    if apply(key(pressed), to: &state, backend) { return state }
                case .closed:
                    return state
                }
            }
            if clock.now >= nextTick {
                for command in tick(state) where apply(command, to: &state, backend) { return state }
                nextTick = clock.now.advanced(by: tickInterval)
                idleDone = false
            }
            backend.draw(render(state, size))
        }
    }

    /// Runs `command` and every command its effects lead to; true when the program should end.
    private func apply(_ command: Command, to state: inout State, _ backend: some TerminalBackend) -> Bool {
        var queue = [command]
        while !queue.isEmpty {
            let next = queue.removeFirst()
            for effect in update(&state, next) {
                let outcome = backend.critical { perform(effect, backend) }
                switch outcome {
                case .commands(let followUps): queue.append(contentsOf: followUps)
                case .quit: return true
                }
            }
        }
        return false
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }
}
