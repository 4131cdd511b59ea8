/// Text inside SpreadsheetML: XML-escaped, with the characters XML 1.0 cannot carry written as `_xHHHH_`.
///
/// XML 1.0 has no way to write most control characters (a note holding an escape sequence would make
/// the workbook unreadable); a carriage return is written `&#13;`, which parsers keep. Excel's own
/// convention (ECMA-376 Part 1, 22.9.2.19 `ST_Xstring`) writes such a character as `_xHHHH_`, and an
/// underscore that would start such a pattern as `_x005F_`, so `escape` and `unescape` are a bijection:
/// every note comes back exactly as it was written.
enum XMLText {
    /// The text as element content or an attribute value (quotes escaped too).
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        let scalars = Array(text.unicodeScalars)
        for (i, scalar) in scalars.enumerated() {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "_" where startsEscape(scalars, at: i): out += "_x005F_"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            case "\r": out += "&#13;"
            default:
                if needsEscape(scalar) {
                    out += "_x" + hex4(scalar.value) + "_"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// Undoes the `_xHHHH_` escapes of a cell's text (after the XML parser has undone the entities).
    static func unescape(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if startsEscape(scalars, at: i),
               let value = UInt32(String(String.UnicodeScalarView(scalars[(i + 2)..<(i + 6)])), radix: 16),
               let decoded = Unicode.Scalar(value) {
                out.append(decoded)
                i += 7
            } else {
                out.append(scalars[i])
                i += 1
            }
        }
        return String(out)
    }

    /// Whether `_xHHHH_` (four hex digits) starts at `i`.
    private static func startsEscape(_ scalars: [Unicode.Scalar], at i: Int) -> Bool {
        guard i + 6 < scalars.count, scalars[i] == "_", scalars[i + 1] == "x", scalars[i + 6] == "_" else { return false }
        return scalars[(i + 2)..<(i + 6)].allSatisfy { $0.properties.isASCIIHexDigit }
    }

    /// Characters XML 1.0 cannot hold (C0 controls but tab, line feed and carriage return; the C1
    /// controls, which are legal but invisible; U+FFFE and U+FFFF).
    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || v == 0xFFFE || v == 0xFFFF
    }

    private static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
