import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An advisory lock (`flock`) on the store's `.lock` file.
///
/// Writers hold it exclusively while they append, so lines from two processes never interleave;
/// readers hold it shared, so they never see a line that is still being written.
final class FileLock {
    private let fd: Int32

    enum Mode { case shared, exclusive }

    init(path: String, mode: Mode) throws(StoreError) {
        // O_NOFOLLOW: a `.lock` that is a symbolic link must not create or lock a file outside the store.
        try SafePath.refuseLink(path)
        var fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        if fd < 0, mode == .shared { fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW) }
        guard fd >= 0 else {
            // A read-only store without a lock file can still be read; writers need the lock.
            if mode == .shared { self.fd = -1; return }
            throw StoreError(.io, file: path, message: "cannot open the lock file: \(errnoText())")
        }
        while flock(fd, mode == .shared ? LOCK_SH : LOCK_EX) != 0 {
            if errno == EINTR { continue }
            let reason = errnoText()
            close(fd)
            throw StoreError(.io, file: path, message: "cannot lock the store: \(reason)")
        }
        self.fd = fd
    }

    deinit {
        if fd >= 0 {
            flock(fd, LOCK_UN)
            close(fd)
        }
    }
}

extension Store {
    /// Runs `body` while holding the store's lock.
    func withLock<T>(_ mode: FileLock.Mode, _ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        let lock = try FileLock(path: lockPath, mode: mode)
        defer { withExtendedLifetime(lock) {} }
        return try body()
    }
}
