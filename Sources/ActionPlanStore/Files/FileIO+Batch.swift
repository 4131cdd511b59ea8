import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The file operations an atomic batch needs: sizes, exact tails, truncation, renames and removals,
/// each reported as a `StoreError` naming the file.
extension FileIO {
    /// The size of a file in bytes (0 when it does not exist).
    static func size(_ path: String) -> Int64 {
        var st = stat()
        return lstat(path, &st) == 0 ? Int64(st.st_size) : 0
    }

    /// The bytes of `path` from `offset` to the end.
    static func tail(_ path: String, from offset: Int64) throws(StoreError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw StoreError(.io, file: path, message: "cannot open: \(errnoText())") }
        defer { close(fd) }
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var position = offset
        while true {
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, $0.count, off_t(position)) }
            if n < 0 { if errno == EINTR { continue }; throw StoreError(.io, file: path, message: "read failed: \(errnoText())") }
            if n == 0 { break }
            result += buffer[0..<n]
            position += Int64(n)
        }
        return result
    }

    /// Cuts `path` back to `length` bytes and `fsync`s it (undoing an append that failed half-way).
    static func truncate(_ path: String, to length: Int64) throws(StoreError) {
        let fd = open(path, O_WRONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { throw StoreError(.io, file: path, message: "cannot open to undo a failed write: \(errnoText())") }
        defer { close(fd) }
        guard ftruncate(fd, off_t(length)) == 0 else {
            throw StoreError(.io, file: path, message: "cannot undo a failed write: \(errnoText())")
        }
        guard fsync(fd) == 0 else { throw StoreError(.io, file: path, message: "fsync failed: \(errnoText())") }
    }

    /// Writes a new file (which must not exist) and `fsync`s it; on failure nothing is left behind.
    static func writeNew(_ data: Data, to path: String) throws(StoreError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { throw StoreError(.io, file: path, message: "cannot create: \(errnoText())") }
        var failure: StoreError?
        let written: Bool = data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 { if errno == EINTR { continue }; return false }
                offset += n
            }
            return true
        }
        if !written { failure = StoreError(.io, file: path, message: "write failed: \(errnoText())") }
        else if fsync(fd) != 0 { failure = StoreError(.io, file: path, message: "fsync failed: \(errnoText())") }
        close(fd)
        if let failure { unlink(path); throw failure }
    }

    /// Renames a file and makes the rename durable (the commit point of a batch).
    static func renameDurably(_ from: String, to: String) throws(StoreError) {
        guard rename(from, to) == 0 else { throw StoreError(.io, file: from, message: "rename failed: \(errnoText())") }
        syncFolder(URL(fileURLWithPath: to).deletingLastPathComponent().path)
    }

    /// Removes a file and makes the removal durable.
    static func removeDurably(_ path: String) throws(StoreError) {
        guard unlink(path) == 0 || errno == ENOENT else { throw StoreError(.io, file: path, message: "cannot remove: \(errnoText())") }
        syncFolder(URL(fileURLWithPath: path).deletingLastPathComponent().path)
    }

    /// Makes a folder's entries durable (after a create, rename or unlink in it).
    static func syncFolder(_ folder: String) {
        let fd = open(folder, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }
}
