import Testing
import TestSupport
import ActionPlanModel
@testable import TrackerCore
import TerminalKit

/// A named way to reach a screen or popup from the fixture's start.
struct Scenario: Sendable, CustomTestStringConvertible {
    var name: String
    var readOnly = false
    var initialState: String? = "XA"
    var prepare: @Sendable (inout AppState) -> Void

    var testDescription: String { name }

    func state(size: Size) -> AppState {
        var state = Fixture.state(readOnly: readOnly, initialState: initialState, size: size)
        prepare(&state)
        return state
    }

    static let all: [Scenario] = [
        Scenario(name: "tree") { $0.go(to: "PV-A-1") },
        Scenario(name: "treeAllStates") { s in s.press(.character("[")); s.go(to: "PV-A-1"); s.tree.reveal(.action("PR-A-1")); s.go(to: "PV-A-1") },
        Scenario(name: "treeReadOnly", readOnly: true) { $0.press(.enter) },
        Scenario(name: "treeFiltered") { s in s.press(.character("f"), .right, .right); s.press(.enter); s.expandAll() },
        Scenario(name: "treeSearchActive") { s in s.press(.character("/")); s.type("train"); s.press(.enter, .character("n")) },
        Scenario(name: "matrix") { $0.press(.character("2"), .down, .right) },
        Scenario(name: "matrixDrill") { $0.press(.character("2"), .enter, .character("o")) },
        Scenario(name: "dashboard") { s in _ = update(&s, .tick(Fixture.time("2026-11-29T05:10:00Z"))); s.press(.character("3")) },
        Scenario(name: "history") { $0.press(.character("4"), .down) },
        Scenario(name: "help") { $0.press(.character("?")) },
        Scenario(name: "statusPicker") { s in s.go(to: "PV-A-1"); s.press(.character("s"), .up) },
        Scenario(name: "noteEditor") { s in s.go(to: "PV-A-1"); s.press(.character("n"), .up, .home) },
        Scenario(name: "evidenceInput") { s in s.go(to: "PV-A-2"); s.press(.character("e")); s.type("Law nr 12/2026 Закон") },
        Scenario(name: "statePicker") { s in s.press(.character("S")); s.type("r"); s.press(.down) },
        Scenario(name: "searchPrompt") { s in s.press(.character("/")); s.type("train") },
        Scenario(name: "treeFilterDialog") { s in s.press(.character("f"), .right, .down, .down, .down); s.type("2026-1") },
        Scenario(name: "historyFilterDialog") { s in s.press(.character("4"), .character("f")); s.type("XA") },
        Scenario(name: "exportDialog") { s in s.press(.character("x"), .right, .down) },
        Scenario(name: "exportDialogError") { s in s.press(.character("x"), .down, .down); s.type("soon"); s.press(.enter) },
        Scenario(name: "savedMessage") { s in
            var runner = FakeRunner()
            s.go(to: "PV-A-2")
            _ = runner.perform(s.press(.character("s"), .character("3")), on: &s)
        },
    ]
}

struct ScreenGoldenTests {
    @Test(arguments: Scenario.all)
    func screenAt80x24(_ scenario: Scenario) {
        let size = Size(width: 80, height: 24)
        Golden.check(render(scenario.state(size: size), size: size).plainText(), named: "\(scenario.name)-80x24")
    }

    @Test(arguments: Scenario.all)
    func screenAt120x40(_ scenario: Scenario) {
        let size = Size(width: 120, height: 40)
        Golden.check(render(scenario.state(size: size), size: size).plainText(), named: "\(scenario.name)-120x40")
    }

    @Test(arguments: ["tree", "matrix", "statusPicker", "dashboard", "history"])
    func styleMaskAt80x24(_ name: String) throws {
        let scenario = try #require(Scenario.all.first { $0.name == name })
        let size = Size(width: 80, height: 24)
        Golden.check(render(scenario.state(size: size), size: size).styleMask(), named: "\(name)-mask-80x24")
    }

    @Test func monochromeKeepsMeaningInAttributes() {
        var state = AppState(tracker: Fixture.tracker(), options: AppOptions(storeName: "fixture-store", initialState: "XA", colors: false))
        _ = update(&state, .resize(Size(width: 80, height: 24)))
        state.go(to: "PV-A-1")
        let screen = render(state, size: Size(width: 80, height: 24))
        #expect(screen.cells.allSatisfy { $0.style.foreground == .default && $0.style.background == .default })
        Golden.check(screen.styleMask(), named: "tree-monochrome-mask-80x24")
    }

    @Test func asciiSymbolsAndBoxes() {
        var state = AppState(tracker: Fixture.tracker(), options: AppOptions(storeName: "fixture-store", initialState: "XA", ascii: true))
        _ = update(&state, .resize(Size(width: 80, height: 24)))
        state.go(to: "PV-A-1")
        state.press(.character("s"))
        Golden.check(render(state, size: Size(width: 80, height: 24)).plainText(), named: "statusPicker-ascii-80x24")
    }

    @Test(arguments: [Size(width: 79, height: 24), Size(width: 80, height: 23), Size(width: 60, height: 20)])
    func tooSmall(_ size: Size) {
        let text = render(Fixture.state(size: size), size: size).plainText()
        #expect(text.contains("terminal too small (need 80×24)"))
        #expect(text.contains("now \(size.width)×\(size.height)"))
    }

    @Test func tooSmallGolden() {
        let size = Size(width: 60, height: 20)
        Golden.check(render(Fixture.state(size: size), size: size).plainText(), named: "tooSmall-60x20")
    }
}
