import Testing
@testable import TerminalDriver
import TerminalKit

/// The painter writes only what changed; these cases pin down which cells that is.
@Suite("FrameDiff: which cells the driver writes")
struct FrameDiffTests {
    private func screen(_ lines: [String], width: Int = 6) -> Screen {
        var screen = Screen(width: width, height: lines.count)
        for (y, line) in lines.enumerated() { screen.put(line, x: 0, y: y) }
        return screen
    }

    @Test("the first frame and a new size redraw every cell")
    func fullRedraw() {
        let new = screen(["ab", "cd"])
        #expect(FrameDiff.needsFullRedraw(from: nil, to: new))
        #expect(FrameDiff.changedColumns(from: nil, to: new) == [[0, 1, 2, 3, 4, 5], [0, 1, 2, 3, 4, 5]])
        #expect(FrameDiff.needsFullRedraw(from: screen(["ab"], width: 5), to: screen(["ab"], width: 6)))
    }

    @Test("an unchanged frame writes nothing")
    func nothingChanged() {
        let frame = screen(["hello", "world"])
        #expect(!FrameDiff.needsFullRedraw(from: frame, to: frame))
        #expect(FrameDiff.changedColumns(from: frame, to: frame) == [[], []])
    }

    @Test("only the changed cells of the changed row are written")
    func oneCell() {
        #expect(FrameDiff.changedColumns(from: screen(["hello", "world"]), to: screen(["hallo", "world"])) == [[1], []])
    }

    @Test("a style change counts as a change")
    func style() {
        let old = screen(["ab"])
        var new = old
        new[1, 0].style = .reverse
        #expect(FrameDiff.changedColumns(from: old, to: new) == [[1]])
    }

    @Test("a wide character is written from its left cell, never from its continuation")
    func wideCharacter() {
        // "a中b" → cells a | 中 | (continuation) | b
        let old = screen(["a中b"])
        let new = screen(["a文b"])
        #expect(FrameDiff.changedColumns(from: old, to: new) == [[1]])
        // Narrow text replacing the wide character writes both cells it covered.
        #expect(FrameDiff.changedColumns(from: old, to: screen(["axyb"])) == [[1, 2]])
        // A wide character replacing narrow text is written once, from its left cell.
        #expect(FrameDiff.changedColumns(from: screen(["axyb"]), to: old) == [[1]])
    }

    @Test("a combining mark changes its base cell only")
    func combining() {
        #expect(FrameDiff.changedColumns(from: screen(["Cote"]), to: screen(["Co\u{302}te"])) == [[1]])
    }
}

/// OSC 52: the sequence a terminal turns into a clipboard copy.
struct ClipboardTests {
    @Test(arguments: [("hello", "aGVsbG8="), ("ab", "YWI="), ("abc", "YWJj"), ("Ü日", "w5zml6U=")])
    func base64(_ text: String, _ encoded: String) {
        #expect(String(decoding: Clipboard.base64(Array(text.utf8)), as: UTF8.self) == encoded)
    }

    @Test func theSequenceIsOSC52AndLongOrEmptyTextIsNotSent() {
        #expect(Clipboard.sequence("hi").map { String(decoding: $0, as: UTF8.self) } == "\u{1B}]52;c;aGk=\u{07}")
        #expect(Clipboard.sequence("") == nil)
        #expect(Clipboard.sequence(String(repeating: "x", count: Clipboard.limit + 1)) == nil)
    }
}
