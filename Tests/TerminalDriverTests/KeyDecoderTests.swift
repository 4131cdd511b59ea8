import Testing
@testable import TerminalDriver
import TerminalKit

/// Characters as `wget_wch` delivers them under `raw()` and `nonl()`, and the keys they become.
@Suite("KeyDecoder: characters to keys")
struct KeyDecoderTests {
    @Test("control codes", arguments: [
        (UInt32(13), Key.enter), (10, .enter), (9, .tab), (27, .escape), (127, .backspace), (8, .backspace),
        (3, .control("c")), (18, .control("r")), (1, .control("a")), (26, .control("z")),
    ])
    func controls(code: UInt32, key: Key) {
        #expect(KeyDecoder.character(code) == key)
    }

    @Test("printable text, including non-ASCII", arguments: ["a", "Q", "/", "ü", "Ж", "中", "😀"])
    func printable(text: String) {
        let scalar = text.unicodeScalars.first!
        #expect(KeyDecoder.character(scalar.value) == .character(Character(scalar)))
    }

    @Test("codes that mean nothing are dropped", arguments: [UInt32(0), 28, 31, 0x85, 0x9B])
    func ignored(code: UInt32) {
        #expect(KeyDecoder.character(code) == nil)
    }

    @Test("options: NO_COLOR non-empty or --no-color turn colour off")
    func colourOptions() {
        #expect(TerminalOptions.resolve(environment: [:], noColorFlag: false).color)
        #expect(TerminalOptions.resolve(environment: ["NO_COLOR": ""], noColorFlag: false).color)
        #expect(!TerminalOptions.resolve(environment: ["NO_COLOR": "1"], noColorFlag: false).color)
        #expect(!TerminalOptions.resolve(environment: [:], noColorFlag: true).color)
    }
}

/// SGR mouse reports (DEC mode 1006), as tmux and xterm send them once asked.
struct SGRMouseTests {
    @Test(arguments: [
        ("0;12;5", true, Key.mouse(MouseEvent(kind: .click, position: Position(x: 11, y: 4)))),
        ("0;300;90", true, .mouse(MouseEvent(kind: .click, position: Position(x: 299, y: 89)))),
        ("64;1;1", true, .mouse(MouseEvent(kind: .wheelUp, position: Position(x: 0, y: 0)))),
        ("65;3;2", true, .mouse(MouseEvent(kind: .wheelDown, position: Position(x: 2, y: 1)))),
        ("16;12;5", true, .mouse(MouseEvent(kind: .click, position: Position(x: 11, y: 4)))),
    ])
    func reportsBecomeMouseKeys(body: String, pressed: Bool, key: Key) {
        #expect(SGRMouse.decode(body, pressed: pressed) == key)
    }

    @Test(arguments: [("0;12;5", false), ("2;12;5", true), ("32;12;5", true), ("0;12", true), ("0;0;5", true), ("x;1;1", true)])
    func releasesDragsAndGarbageAreDropped(body: String, pressed: Bool) {
        #expect(SGRMouse.decode(body, pressed: pressed) == nil)
    }
}
