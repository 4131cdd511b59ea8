import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Durable file operations: whole-file writes are temp file, `fsync`, `rename`; appends are `fsync`ed.
///
/// A command that reports success must have its bytes on disk, and a crash in the middle of a write
/// must leave either the old file or the new one, never half of each.
public enum FileIO {
    /// Reads a whole file.
    public static func read(_ path: String) throws(StoreError) -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDir: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDir)
            let reason = !exists ? "no such file" : isDir.boolValue ? "is a folder, not a file" : "cannot be read (permission denied?)"
            throw StoreError(.io, file: path, message: reason)
        }
        return data
    }

    /// Reads a whole file straight into bytes (one copy in memory, not two: imports can be large).
    public static func readBytes(_ path: String) throws(StoreError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return [UInt8](try read(path)) }          // the same messages as `read`
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return [UInt8](try read(path)) }
        var bytes = [UInt8](repeating: 0, count: Int(st.st_size))
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + offset, $0.count - offset, off_t(offset)) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { break }
            offset += n
        }
        return offset == bytes.count ? bytes : Array(bytes[..<offset])
    }

    /// Whether a file or folder exists at `path`.
    public static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    /// Replaces (or creates) `path` with `data` atomically: readers see the old or the new file, never a mix.
    public static func writeAtomically(_ data: Data, to path: String) throws(StoreError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDir), isDir.boolValue else {
            throw StoreError(.io, file: path, message: "the folder \(folder) does not exist")
        }
        removeStaleTemps(in: folder)
        let temp = folder + "/." + url.lastPathComponent + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw StoreError(.io, file: path, message: "cannot create a file here: \(errnoText())") }
        do throws(StoreError) {
            try writeAll(fd, data, path: path)
            guard fsync(fd) == 0 else { throw StoreError(.io, file: path, message: "fsync failed: \(errnoText())") }
            close(fd)
            guard rename(temp, path) == 0 else { throw StoreError(.io, file: path, message: "rename failed: \(errnoText())") }
        } catch {
            close(fd)
            unlink(temp)
            throw error
        }
        syncFolder(folder)
    }

    /// Appends `data` (whole lines) to `path`, starting on a fresh line, and `fsync`s before returning.
    ///
    /// If the file ends without a newline (a torn last line), a newline is written first so the torn
    /// line is kept as it is (and reported) instead of being glued to the new event.
    public static func appendLines(_ data: Data, to path: String) throws(StoreError) {
        try SafePath.refuseLink(URL(fileURLWithPath: path).deletingLastPathComponent().path)
        try SafePath.refuseLink(path)
        let created = !exists(path)
        let fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { throw StoreError(.io, file: path, message: "cannot open for writing: \(errnoText())") }
        defer { close(fd) }
        var payload = data
        var st = stat()
        let sizeBefore = fstat(fd, &st) == 0 ? st.st_size : -1
        if sizeBefore > 0 {
            var last: UInt8 = 0
            if pread(fd, &last, 1, off_t(sizeBefore - 1)) == 1, last != 0x0A { payload.insert(0x0A, at: 0) }
        }
        do throws(StoreError) {
            try writeAll(fd, payload, path: path)
            guard fsync(fd) == 0 else { throw StoreError(.io, file: path, message: "fsync failed: \(errnoText())") }
        } catch {
            // A full disk (or a file size limit) can take half a line: cut the file back to what it was,
            // so a failed write leaves no torn line behind.
            if sizeBefore >= 0, ftruncate(fd, off_t(sizeBefore)) == 0 { _ = fsync(fd) }
            throw error
        }
        if created { syncFolder(URL(fileURLWithPath: path).deletingLastPathComponent().path) }
    }

    /// Creates a folder (and its parents) if needed.
    public static func makeFolder(_ path: String) throws(StoreError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw StoreError(.io, file: path, message: "cannot create the folder: \(error.localizedDescription)")
        }
    }

    /// Names of the entries in a folder, sorted; empty when it does not exist.
    public static func list(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    /// Size and modification time, for cheap change detection.
    static func stamp(_ path: String) -> FileStamp? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return FileStamp(size: Int64(st.st_size), seconds: Int64(st.st_mtim.tv_sec), nanoseconds: Int64(st.st_mtim.tv_nsec),
                         inode: UInt64(st.st_ino))
    }

    private static func writeAll(_ fd: Int32, _ data: Data, path: String) throws(StoreError) {
        let failure: String? = data.withUnsafeBytes { raw -> String? in
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errnoText()
                }
                offset += n
            }
            return nil
        }
        if let failure { throw StoreError(.io, file: path, message: "write failed: \(failure)") }
    }

}

/// What `stat` says about a file, enough to notice that another process changed it.
public struct FileStamp: Sendable, Hashable {
    var size: Int64
    var seconds: Int64
    var nanoseconds: Int64
    var inode: UInt64
}

func errnoText() -> String { String(cString: strerror(errno)) }
