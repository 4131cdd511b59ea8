import ActionPlanModel

/// A 1-based line and column in a text file (columns count Unicode scalars, as editors do).
public struct SourceLocation: Sendable, Equatable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The line and column of a byte offset.
    public init(offset: Int, in bytes: [UInt8]) {
        var line = 1, column = 1
        var k = 0
        let end = min(offset, bytes.count)
        while k < end {
            let b = bytes[k]
            if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
            k += 1
        }
        self.init(line: line, column: column)
    }
}

extension JSONValue {
    /// The offset of the value at a catalog path (for messages about a value that parsed but is wrong).
    func offset(of path: [PathComponent]) -> Int {
        deepest(along: path.map { component in
            switch component {
            case .key(let k): .key(k)
            case .index(let i): .index(i)
            }
        }).offset
    }
}
