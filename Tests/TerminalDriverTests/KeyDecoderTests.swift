import Testing
import TrackerCore
@testable import TerminalDriver

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
