import Testing
import ActionPlanModel

/// The one sanitizer: what may reach a terminal from a file or an argument.
struct TerminalSafeTests {
    @Test("escape sequences, controls and reordering characters come out inert", arguments: [
        ("OSC 52 clipboard \u{1B}]52;c;cHduZWQ=\u{07}", "OSC 52 clipboard ␛]52;c;cHduZWQ=␇"),
        ("title \u{1B}]2;owned\u{1B}\\", "title ␛]2;owned␛\\"),
        ("CSI \u{1B}[2J\u{1B}[H", "CSI ␛[2J␛[H"),
        ("8-bit CSI \u{9B}31m", "8-bit CSI \u{FFFD}31m"),
        ("right-to-left override \u{202E}gnp.exe", "right-to-left override \u{FFFD}gnp.exe"),
        ("isolates \u{2066}a\u{2069} marks \u{200E}\u{200F}\u{061C}", "isolates \u{FFFD}a\u{FFFD} marks \u{FFFD}\u{FFFD}\u{FFFD}"),
        ("separators a\u{2028}b\u{2029}c", "separators a\u{FFFD}b\u{FFFD}c"),
        ("NUL \u{0} DEL \u{7F} tab\tend", "NUL ␀ DEL ␡ tab end"),
        ("joiner 👩\u{200D}💻 selector ☃\u{FE0F}", "joiner 👩💻 selector ☃"),
        ("plain Türkiye 中文 é", "plain Türkiye 中文 é"),
    ])
    func cleaned(input: String, expected: String) {
        #expect(TerminalSafe.clean(input) == expected)
    }

    @Test("line breaks are kept only when asked for")
    func newlines() {
        #expect(TerminalSafe.clean("a\nb\rc") == "a␊b␍c")
        #expect(TerminalSafe.clean("a\nb\rc", keepNewlines: true) == "a\nb␍c")
    }

    @Test("nothing below U+0020, DEL or C1 survives, whatever the input")
    func noControlSurvives() {
        var text = ""
        for v in 0..<0x250 { text.unicodeScalars.append(Unicode.Scalar(v)!) }
        for v in 0x2000..<0x2070 { text.unicodeScalars.append(Unicode.Scalar(v)!) }
        let cleaned = TerminalSafe.clean(text)
        #expect(!cleaned.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value) })
    }
}
