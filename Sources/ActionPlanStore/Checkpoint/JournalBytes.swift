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
        var result = [UInt8](repeating: 0, count: expected)
        var filled = 0
        var position = offset
        while true {
            if filled == result.count { result.append(contentsOf: [UInt8](repeating: 0, count: 64 * 1024)) }
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

/// FNV-1a, 64 bits: the hash of the journal prefix a checkpoint covers (a cache key, not a defence
/// against someone forging a file).
struct PrefixHash {
    private(set) var value: UInt64

    /// A new hash, or the hash of a prefix continued (FNV-1a's state is its value).
    init(continuing value: UInt64 = 0xcbf2_9ce4_8422_2325) { self.value = value }

    mutating func add(_ bytes: ArraySlice<UInt8>) {
        var h = value
        bytes.withUnsafeBufferPointer { buffer in
            for byte in buffer {
                h ^= UInt64(byte)
                h = h &* 0x0000_0100_0000_01b3
            }
        }
        value = h
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
