/// A strict JSON parser over UTF-8 bytes (RFC 8259) that reports where and what it expected.
public struct JSONParser {
    /// A syntax error at a byte offset.
    public struct SyntaxError: Error, Sendable, Equatable {
        public var offset: Int
        public var message: String
    }

    private let bytes: [UInt8]
    private var i = 0
    private var depth = 0

    public static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> JSONValue {
        var parser = JSONParser(bytes: bytes)
        parser.skipSpace()
        if parser.i < bytes.count, bytes[parser.i] == 0xEF, bytes.count >= 3, bytes[1] == 0xBB, bytes[2] == 0xBF {
            parser.i = 3
            parser.skipSpace()
        }
        let value = try parser.value()
        parser.skipSpace()
        if parser.i < bytes.count {
            throw SyntaxError(offset: parser.i, message: "expected end of document after the value, found \(parser.describeHere())")
        }
        return value
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private mutating func value() throws(SyntaxError) -> JSONValue {
        guard i < bytes.count else { throw SyntaxError(offset: i, message: "unexpected end of data; expected a value") }
        let start = i
        switch bytes[i] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string(), offset: start)
        case UInt8(ascii: "t"): try literal("true"); return .bool(true, offset: start)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false, offset: start)
        case UInt8(ascii: "n"): try literal("null"); return .null(offset: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number(), offset: start)
        default:
            throw SyntaxError(offset: i, message: "expected a value (object, array, string, number, true, false or null), found \(describeHere())")
        }
    }

    private mutating func object() throws(SyntaxError) -> JSONValue {
        let start = i
        try enter()
        i += 1
        var members: [JSONValue.Member] = []
        skipSpace()
        if peek(UInt8(ascii: "}")) { i += 1; depth -= 1; return .object(members, offset: start) }
        while true {
            skipSpace()
            guard peek(UInt8(ascii: "\"")) else {
                throw SyntaxError(offset: i, message: "expected a quoted key, found \(describeHere())")
            }
            let key = try string()
            skipSpace()
            guard peek(UInt8(ascii: ":")) else { throw SyntaxError(offset: i, message: "expected ':' after key \"\(key)\", found \(describeHere())") }
            i += 1
            skipSpace()
            members.append(.init(key: key, value: try value()))
            skipSpace()
            if peek(UInt8(ascii: ",")) { i += 1; continue }
            if peek(UInt8(ascii: "}")) { i += 1; depth -= 1; return .object(members, offset: start) }
            throw SyntaxError(offset: i, message: "expected ',' or '}' in object, found \(describeHere())")
        }
    }

    private mutating func array() throws(SyntaxError) -> JSONValue {
        let start = i
        try enter()
        i += 1
        var items: [JSONValue] = []
        skipSpace()
        if peek(UInt8(ascii: "]")) { i += 1; depth -= 1; return .array(items, offset: start) }
        while true {
            skipSpace()
            items.append(try value())
            skipSpace()
            if peek(UInt8(ascii: ",")) { i += 1; continue }
            if peek(UInt8(ascii: "]")) { i += 1; depth -= 1; return .array(items, offset: start) }
            throw SyntaxError(offset: i, message: "expected ',' or ']' in array, found \(describeHere())")
        }
    }

    private mutating func enter() throws(SyntaxError) {
        depth += 1
        if depth > 256 { throw SyntaxError(offset: i, message: "nesting deeper than 256 levels") }
    }

    private mutating func string() throws(SyntaxError) -> String {
        let start = i
        i += 1
        var out: [UInt8] = []
        var runStart = i
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                if out.isEmpty {
                    // The common case, no escapes: decode the run directly (validating only non-ASCII).
                    let run = bytes[runStart..<i]
                    i += 1
                    if run.allSatisfy({ $0 < 0x80 }) { return String(decoding: run, as: UTF8.self) }
                    guard let text = String(validating: run, as: UTF8.self) else {
                        throw SyntaxError(offset: start, message: "string is not valid UTF-8")
                    }
                    return text
                }
                out.append(contentsOf: bytes[runStart..<i])
                i += 1
                guard let text = String(validating: out, as: UTF8.self) else {
                    throw SyntaxError(offset: start, message: "string is not valid UTF-8")
                }
                return text
            }
            if b < 0x20 {
                throw SyntaxError(offset: i, message: b == 0x0A ? "unterminated string (a line break inside quotes)" : "control character U+00\(hex2(b)) inside a string; escape it")
            }
            if b == UInt8(ascii: "\\") {
                out.append(contentsOf: bytes[runStart..<i])
                i += 1
                guard i < bytes.count else { break }
                switch bytes[i] {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800...0xDBFF).contains(scalar), i + 2 < bytes.count, bytes[i + 1] == UInt8(ascii: "\\"), bytes[i + 2] == UInt8(ascii: "u") {
                        i += 2
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw SyntaxError(offset: i - 5, message: "invalid surrogate pair") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let u = Unicode.Scalar(scalar) else { throw SyntaxError(offset: i - 5, message: "invalid \\u escape (lone surrogate)") }
                    out.append(contentsOf: Array(String(Character(u)).utf8))
                default:
                    throw SyntaxError(offset: i - 1, message: "invalid escape '\\\(Character(Unicode.Scalar(bytes[i])))'")
                }
                i += 1
                runStart = i
                continue
            }
            i += 1
        }
        throw SyntaxError(offset: start, message: "unterminated string")
    }

    private mutating func hex4() throws(SyntaxError) -> UInt32 {
        guard i + 4 < bytes.count else { throw SyntaxError(offset: i, message: "incomplete \\u escape") }
        var value: UInt32 = 0
        for k in 1...4 {
            let b = bytes[i + k]
            let d: UInt32
            switch b {
            case 48...57: d = UInt32(b - 48)
            case 65...70: d = UInt32(b - 55)
            case 97...102: d = UInt32(b - 87)
            default: throw SyntaxError(offset: i + k, message: "expected a hex digit in \\u escape")
            }
            value = value * 16 + d
        }
        i += 4
        return value
    }

    private mutating func number() throws(SyntaxError) -> Double {
        let start = i
        if peek(UInt8(ascii: "-")) { i += 1 }
        guard i < bytes.count, (48...57).contains(bytes[i]) else { throw SyntaxError(offset: i, message: "expected a digit") }
        if bytes[i] == 48 { i += 1 } else { while i < bytes.count, (48...57).contains(bytes[i]) { i += 1 } }
        if peek(UInt8(ascii: ".")) {
            i += 1
            guard i < bytes.count, (48...57).contains(bytes[i]) else { throw SyntaxError(offset: i, message: "expected a digit after '.'") }
            while i < bytes.count, (48...57).contains(bytes[i]) { i += 1 }
        }
        if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
            i += 1
            if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { i += 1 }
            guard i < bytes.count, (48...57).contains(bytes[i]) else { throw SyntaxError(offset: i, message: "expected a digit in exponent") }
            while i < bytes.count, (48...57).contains(bytes[i]) { i += 1 }
        }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        guard let value = Double(text) else { throw SyntaxError(offset: start, message: "number out of range") }
        return value
    }

    private mutating func literal(_ word: StaticString) throws(SyntaxError) {
        let expected = Array(UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount))
        guard i + expected.count <= bytes.count, Array(bytes[i..<(i + expected.count)]) == expected else {
            throw SyntaxError(offset: i, message: "expected a value, found \(describeHere())")
        }
        i += expected.count
    }

    private func peek(_ b: UInt8) -> Bool { i < bytes.count && bytes[i] == b }

    private mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    private func describeHere() -> String {
        guard i < bytes.count else { return "end of data" }
        let b = bytes[i]
        if b >= 0x21, b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        return "byte 0x\(hex2(b))"
    }
}

private func hex2(_ b: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return String([digits[Int(b >> 4)], digits[Int(b & 0xF)]])
}
