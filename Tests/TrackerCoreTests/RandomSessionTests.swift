import Testing
import TestSupport
import ActionPlanModel
@testable import TrackerCore
import TerminalKit

/// Long random sessions: whatever the keys, sizes and runner answers, nothing traps and every frame holds.
///
/// The generator is a seeded SplitMix64, so a failing seed replays exactly.
struct RandomSessionTests {

    static let pool: [Key] = Keymap.bindings.flatMap(\.keys).reduce(into: [Key]()) { if !$0.contains($1) { $0.append($1) } } + [
        .character("a"), .character("ü"), .character("中"), .character("\u{1B}"), .paste("x\ny\u{1B}[2J"),
        .backspace, .delete, .home, .end, .insert, .function(5), .control("a"), .control("e"), .control("u"),
        .mouse(MouseEvent(kind: .click, position: Position(x: 10, y: 5))),
        .mouse(MouseEvent(kind: .click, position: Position(x: 40, y: 1))),
        .mouse(MouseEvent(kind: .wheelDown, position: Position(x: 10, y: 5))),
        .mouse(MouseEvent(kind: .wheelUp, position: Position(x: 10, y: 5))),
    ]

    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 60, height: 20),
                        Size(width: 200, height: 60), Size(width: 81, height: 25)]

    /// Seed 69 scrolled an empty tree (a filter matching nothing) to row -1, and the next State change
    /// trapped; it stays in the list.
    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8, 69] as [UInt64])
    func randomSessionKeepsEveryInvariant(seed: UInt64) {
        Self.session(seed: seed)
    }

    static func session(seed: UInt64) {
        var rng = SeededRandom(seed: seed)
        var state = Fixture.state(readOnly: seed == 8)
        var runner = FakeRunner()
        var size = Size(width: 80, height: 24)
        for step in 0..<600 {
            let roll = Int.random(in: 0..<100, using: &rng)
            var effects: [Effect] = []
            if roll < 3 {
                size = Self.sizes.randomElement(using: &rng)!
                effects = update(&state, .resize(size))
            } else {
                effects = update(&state, .key(Self.pool.randomElement(using: &rng)!))
            }
            if effects.contains(where: { if case .record = $0 { true } else { false } }) {
                if Bool.random(using: &rng) {
                    effects = runner.perform(effects, on: &state)
                } else {
                    effects = update(&state, .saveFailed("simulated"))
                }
            }
            if state.options.readOnly { #expect(runner.written.isEmpty, "seed \(seed) step \(step)") }
            let screen = render(state, size: size)
            #expect(screen.width == size.width && screen.height == size.height)
            if let cursor = screen.cursor {
                #expect(cursor.x >= 0 && cursor.x <= size.width && cursor.y >= 0 && cursor.y < size.height,
                        "seed \(seed) step \(step): cursor \(cursor)")
            }
            #expect(state.tree.selected >= 0 && (state.tree.visible.isEmpty || state.tree.selected < state.tree.visible.count),
                    "seed \(seed) step \(step): tree row \(state.tree.selected) of \(state.tree.visible.count)")
            #expect(!screen.cells.contains { $0.text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) } },
                    "seed \(seed) step \(step)")
            if effects.contains(.quit) { state.press(.character("1")) }
        }
    }
}
