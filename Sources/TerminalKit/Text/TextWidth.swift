/// Terminal column widths, measured as ncursesw and tmux measure them: per Unicode scalar.
///
/// Rendering is pure and must not depend on the process locale (`swift test` runs in the C locale,
/// where `wcwidth` knows no wide characters), so the widths come from a table generated from glibc.
public enum TextWidth {
    /// Columns taken by one scalar: 0 (combining), 1 or 2 (wide). Control characters count 0 here;
    /// `Sanitizer` replaces them before anything is drawn.
    public static func columns(of scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x7F { return v < 0x20 ? 0 : 1 }
        if v < 0xA0 { return 0 }
        if v < 0x300 { return 1 }
        if contains(zeroWidthRanges, v) { return 0 }
        if v >= 0x1100, contains(doubleWidthRanges, v) { return 2 }
        return 1
    }

    /// Columns taken by a string.
    public static func columns(of text: String) -> Int {
        var total = 0
        for scalar in text.unicodeScalars { total += columns(of: scalar) }
        return total
    }

    /// The longest prefix of `text` that fits in `width` columns, with "…" when something was cut.
    public static func truncate(_ text: String, to width: Int, ellipsis: Bool = true) -> String {
        guard width > 0 else { return "" }
        if columns(of: text) <= width { return text }
        let room = ellipsis ? width - 1 : width
        var used = 0
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let w = columns(of: scalar)
            if used + w > room { break }
            used += w
            out.append(scalar)
        }
        return String(out) + (ellipsis ? "…" : "")
    }

    /// `text` cut or padded with spaces to exactly `width` columns.
    public static func fit(_ text: String, to width: Int) -> String {
        let cut = truncate(text, to: width)
        let pad = width - columns(of: cut)
        return pad > 0 ? cut + String(repeating: " ", count: pad) : cut
    }

    private static func contains(_ ranges: [ClosedRange<UInt32>], _ value: UInt32) -> Bool {
        var low = 0, high = ranges.count - 1
        while low <= high {
            let mid = (low + high) / 2
            if ranges[mid].upperBound < value { low = mid + 1 }
            else if ranges[mid].lowerBound > value { high = mid - 1 }
            else { return true }
        }
        return false
    }
}
