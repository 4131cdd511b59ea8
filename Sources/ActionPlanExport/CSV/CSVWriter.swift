import ActionPlanModel

/// Writes CSV records straight into a byte buffer: the fast path behind every CSV export.
///
/// Exporting a large store writes hundreds of thousands of cells; building a `String` per cell and
/// joining them cost more than reading the store. Every trigger and special character of `CSVCell` is
/// ASCII, and ASCII bytes never occur inside a multi-byte UTF-8 sequence, so the checks can run on bytes.
/// The output is byte-for-byte what `CSVCell.record` produces (a test holds the two together).
public struct CSVWriter {
    public private(set) var bytes: [UInt8]
    private var atRowStart = true

    public init(byteOrderMark: Bool = false, capacity: Int = 0) {
        bytes = byteOrderMark ? StatusCSV.byteOrderMark : []
        bytes.reserveCapacity(capacity)
    }

    /// Appends one cell: neutralised against formulas, quoted when it holds `,` `"` CR or LF.
    public mutating func cell(_ text: String) {
        separate()
        var text = text
        text.withUTF8 { utf8 in
            var first = 0
            while first < utf8.count, utf8[first] == 0x27 { first += 1 }
            let apostrophe = first < utf8.count && Self.isTrigger(utf8[first])
            guard utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
                if apostrophe { bytes.append(0x27) }
                bytes.append(contentsOf: utf8)
                return
            }
            bytes.append(0x22)
            if apostrophe { bytes.append(0x27) }
            for byte in utf8 {
                if byte == 0x22 { bytes.append(0x22) }
                bytes.append(byte)
            }
            bytes.append(0x22)
        }
    }

    /// Appends a time as `2026-11-29T04:40:06.123Z` (never quoted: it has no special character).
    public mutating func cell(_ time: Timestamp?) {
        guard let time else { separate(); return }
        separate()
        let c = time.components
        digits(c.year, 4); bytes.append(0x2D); digits(c.month, 2); bytes.append(0x2D); digits(c.day, 2); bytes.append(0x54)
        digits(c.hour, 2); bytes.append(0x3A); digits(c.minute, 2); bytes.append(0x3A)
        digits(c.second, 2); bytes.append(0x2E); digits(c.millisecond, 3); bytes.append(0x5A)
    }

    /// Ends the record with CRLF, as RFC 4180 asks.
    public mutating func endRow() {
        bytes.append(0x0D)
        bytes.append(0x0A)
        atRowStart = true
    }

    public mutating func row(_ cells: [String]) {
        for text in cells { cell(text) }
        endRow()
    }

    private mutating func separate() {
        if !atRowStart { bytes.append(0x2C) }
        atRowStart = false
    }

    private static func isTrigger(_ byte: UInt8) -> Bool {
        byte == 0x3D || byte == 0x2B || byte == 0x2D || byte == 0x40 || byte == 0x09 || byte == 0x0D
    }

    private mutating func digits(_ value: Int64, _ width: Int) {
        var value = value
        var buffer: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &buffer) { raw in
            repeat {
                raw[count] = UInt8(48 + value % 10)
                value /= 10
                count += 1
            } while (value > 0 || count < width) && count < 6
            for i in stride(from: count - 1, through: 0, by: -1) { bytes.append(raw[i]) }
        }
    }
}
