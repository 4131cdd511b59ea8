import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Counts the journal bytes a store has read, so that a test can check that a reload read only what
/// was appended (bytes, not time).
public final class ReadMeter: Sendable {
    private let count = Mutex<Int>(0)

    public init() {}

    /// Journal bytes read since the store was opened or the meter was last reset.
    public var bytes: Int { count.withLock { $0 } }

    public func reset() { count.withLock { $0 = 0 } }

    func add(_ n: Int) { count.withLock { $0 += n } }
}

/// Where the store's reading of a journal stands: the file (inode) and how far it has been read, up to
/// the end of the last whole line.
public struct JournalPosition: Sendable, Equatable {
    var inode: UInt64
    /// Bytes read, up to and including the last newline.
    var length: Int64
    /// Lines in those bytes (the number of the next line is `lines + 1`).
    var lines: Int
}

/// The journal file layer of reading: every journal byte the store reads goes through here.
enum JournalBytes {
    /// The bytes of `path` from `offset` to its end, counted by `meter`.
    static func read(_ path: String, from offset: Int64 = 0, meter: ReadMeter) throws(StoreError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw StoreError(.io, file: path, message: "cannot open: \(errnoText())") }
        defer { close(fd) }
        var st = stat()
        let expected = fstat(fd, &st) == 0 ? max(0, Int(st.st_size) - Int(offset)) : 0
        // Room for what `fstat` said plus a little: the read that finds the end (0 bytes) then needs no
        // larger array (growing one would copy megabytes once more).
        var result = [UInt8](repeating: 0, count: expected + 4096)
        var filled = 0
        var position = offset
        while true {
            if filled == result.count { result.append(contentsOf: [UInt8](repeating: 0, count: max(64 * 1024, result.count / 2))) }
            let n = result.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + filled, $0.count - filled, off_t(position)) }
            if n < 0 {
                if errno == EINTR { continue }
                throw StoreError(.io, file: path, message: "read failed: \(errnoText())")
            }
            if n == 0 { break }
            filled += n
            position += Int64(n)
        }
        result.removeSubrange(filled...)
        meter.add(filled)
        return result
    }

    /// The `PrefixHash` of the first `length` bytes of `path`, read in blocks through one small buffer
    /// (a journal of megabytes is not copied into memory whole), and the file's bytes from the start of
    /// the prefix's last 8-byte word to its end (what continues the hash, then what was appended).
    /// Every byte is counted by `meter`; nil when the file is shorter than `length`.
    static func hashPrefix(_ path: String, length: Int64, meter: ReadMeter) throws(StoreError) -> (hash: UInt64, rest: PrefixRead)? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw StoreError(.io, file: path, message: "cannot open: \(errnoText())") }
        defer { close(fd) }
        let keepFrom = length - length % 8
        var hash = PrefixHash()
        var rest: [UInt8] = []
        var block = [UInt8](repeating: 0, count: 256 * 1024)
        var position: Int64 = 0
        while true {
            let n = block.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, $0.count, off_t(position)) }
            if n < 0 {
                if errno == EINTR { continue }
                throw StoreError(.io, file: path, message: "read failed: \(errnoText())")
            }
            if n == 0 { break }
            meter.add(n)
            let end = position + Int64(n)
            if position < length { hash.add(block[..<Int(min(end, length) - position)]) }
            if end > keepFrom { rest += block[Int(max(keepFrom, position) - position)..<n] }
            position = end
        }
        guard position >= length else { return nil }
        return (hash.value, PrefixRead(from: keepFrom, bytes: rest))
    }

    /// `count` bytes of `path` from `offset` (fewer at the end of the file), counted by `meter`.
    static func read(_ path: String, from offset: Int64, count: Int, meter: ReadMeter) throws(StoreError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw StoreError(.io, file: path, message: "cannot open: \(errnoText())") }
        defer { close(fd) }
        var result = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let n = result.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + filled, count - filled, off_t(offset + Int64(filled))) }
            if n < 0 {
                if errno == EINTR { continue }
                throw StoreError(.io, file: path, message: "read failed: \(errnoText())")
            }
            if n == 0 { break }
            filled += n
        }
        result.removeSubrange(filled...)
        meter.add(filled)
        return result
    }

    /// The length of `bytes` up to and including its last newline, and how many newlines that holds.
    static func wholeLines(_ bytes: [UInt8]) -> (length: Int, lines: Int) {
        var lines = 0
        var last = -1
        bytes.withUnsafeBufferPointer { buffer in
            for i in 0..<buffer.count where buffer[i] == 0x0A {
                lines += 1
                last = i
            }
        }
        return (last + 1, lines)
    }
}

/// Bytes of a journal from an offset to its end, as read.
struct PrefixRead {
    var from: Int64
    var bytes: [UInt8]

    /// The bytes from `offset` (at or after `from`) to the end.
    func suffix(from offset: Int64) -> ArraySlice<UInt8> { bytes[Int(offset - from)...] }

    /// The bytes from `start` up to `end`.
    func slice(_ start: Int64, _ end: Int64) -> ArraySlice<UInt8> { bytes[Int(start - from)..<Int(end - from)] }
}

/// FNV-1a, 64 bits, byte by byte: the hash recorded in files that outlive a program version (a
/// catalog's installed version, a batch file's checksum), so it never changes.
enum FNV1a {
    static func of(_ bytes: some Collection<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return hash
    }
}

/// The hash of the journal prefix a checkpoint covers (a cache key, not a defence against someone
/// forging a file), 64 bits, computed 8 bytes at a time: the journals are megabytes, and a checkpoint
/// written in the same clock tick as its journal's last line is trusted only after this hash is taken
/// again (`Store.trustsPrefix`), which then costs about a millisecond for 3.6 MB, not five.
///
/// Words are taken at offsets that are multiples of 8 from the start of the file, so that the hash of a
/// prefix can be continued over appended bytes: its value is the state after the prefix's whole words
/// with its last `length % 8` bytes folded in one by one (FNV-1a steps, which can be undone), so
/// `init(continuing:last:)` recovers the state after the whole words from the value and those bytes.
struct PrefixHash {
    static let prime: UInt64 = 0x0000_0100_0000_01b3
    /// The inverse of `prime` modulo 2^64 (`prime &* inverse == 1`): undoes an FNV-1a byte step.
    static let inverse: UInt64 = 0xce96_5057_aff6_957b

    /// The state after the whole 8-byte words.
    private var words: UInt64
    /// The bytes after them (0 to 7).
    private var pending: [UInt8]

    /// A new hash.
    init() {
        words = 0xcbf2_9ce4_8422_2325
        pending = []
    }

    /// The hash of a prefix of value `value` continued: `last` are the prefix's last `length % 8` bytes.
    init(continuing value: UInt64, last: ArraySlice<UInt8>) {
        precondition(last.count < 8, "a prefix ends with at most 7 bytes after its whole words")
        var h = value
        for byte in last.reversed() { h = (h &* Self.inverse) ^ UInt64(byte) }
        words = h
        pending = Array(last)
    }

    /// The hash's value: the whole words, then the bytes after them one by one.
    var value: UInt64 {
        var h = words
        for byte in pending { h = (h ^ UInt64(byte)) &* Self.prime }
        return h
    }

    mutating func add(_ bytes: ArraySlice<UInt8>) {
        var rest = bytes[...]
        if !pending.isEmpty {
            let take = min(8 - pending.count, rest.count)
            pending += rest.prefix(take)
            rest = rest.dropFirst(take)
            guard pending.count == 8 else { return }
            words = Self.word(words, pending.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) })
            pending = []
        }
        var h = words
        let whole = rest.count / 8 * 8
        rest.withUnsafeBytes { raw in
            var i = 0
            while i < whole {
                h = Self.word(h, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                i += 8
            }
        }
        words = h
        pending = Array(rest.suffix(rest.count - whole))
    }

    @inline(__always)
    private static func word(_ h: UInt64, _ word: UInt64) -> UInt64 {
        var next = (h ^ UInt64(littleEndian: word)) &* prime
        next ^= next >> 29
        return next
    }

    static func of(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var hash = PrefixHash()
        hash.add(bytes)
        return hash.value
    }

    /// A check of a checkpoint's own bytes, 8 bytes at a time (a torn file fails it; it never continues).
    static func check(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count)
        bytes.withUnsafeBytes { raw in
            var i = 0
            while i + 8 <= raw.count {
                h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x0000_0100_0000_01b3
                h ^= h >> 29
                i += 8
            }
            while i < raw.count {
                h = (h ^ UInt64(raw[i])) &* 0x0000_0100_0000_01b3
                i += 1
            }
        }
        return h
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
