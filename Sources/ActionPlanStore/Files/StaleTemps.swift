import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension FileIO {
    /// Removes the temporary files (`.NAME.tmp-PID-RAND`) that processes killed mid-write left in `folder`.
    ///
    /// `writeAtomically` writes to such a file and renames it; `kill -9` between the two leaves it
    /// behind. A file is removed only when the process that made it no longer exists, so a write in
    /// progress in another process is never disturbed. Runs before every atomic write, so the store and
    /// the folders that receive exports are cleaned by the next write there.
    static func removeStaleTemps(in folder: String) {
        for name in list(folder) {
            guard let pid = temporaryFileOwner(name), pid != getpid() else { continue }
            if kill(pid, 0) != 0, errno == ESRCH { unlink(folder + "/" + name) }
        }
    }

    /// The process id in a temporary file's name `.NAME.tmp-PID-RAND`, or nil for any other name.
    static func temporaryFileOwner(_ name: String) -> pid_t? {
        guard name.hasPrefix("."), let marker = name.range(of: ".tmp-", options: .backwards) else { return nil }
        let parts = name[marker.upperBound...].split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let pid = pid_t(parts[0]), pid > 0, UInt32(parts[1]) != nil else { return nil }
        return pid
    }
}
