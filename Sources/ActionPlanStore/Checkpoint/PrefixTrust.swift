import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The rule every file derived from a journal prefix is trusted by (checkpoints, trend tallies), and the
/// way such a file is written: one rule, so that a derived file is never trusted where a checkpoint
/// would not be.
extension Store {
    /// Whether `code`'s journal (now `stamp`) still starts with the `length` bytes of hash `hash` (`PrefixHash`) that
    /// the derived file at `derived` covers: true when its `stat` proves it without reading a byte,
    /// false when the prefix was read and hashed, nil when it does not match.
    ///
    /// When the journal's `stat` (inode, size, modification time) is the one recorded, the covered bytes
    /// are the whole file and unchanged, as git trusts its index: no journal byte is read. As in git,
    /// a journal modified in the same clock tick as the derived file was written is "racy": its stamp is
    /// not trusted (the derived file must be strictly newer), and the prefix is hashed instead.
    func trustsPrefix(_ code: String, stamp: FileStamp, length: Int64, hash: UInt64, recorded: FileStamp?,
                      derived: String) -> Bool? {
        var read: PrefixRead?
        return trustsPrefix(code, stamp: stamp, length: length, hash: hash, recorded: recorded, derived: derived, read: &read)
    }

    /// The same; when the journal had to be read to hash its prefix, `read` holds its bytes from the
    /// prefix's last 8-byte word to its end (what the caller needs next: the hash goes on from there over
    /// the appended lines). A `read` given from offset 0 is the whole file, already read.
    func trustsPrefix(_ code: String, stamp: FileStamp, length: Int64, hash: UInt64, recorded: FileStamp?,
                      derived: String, read: inout PrefixRead?) -> Bool? {
        guard length <= stamp.size else { return nil }
        if let recorded, recorded == stamp, recorded.size == length,
           let own = FileIO.stamp(derived),
           (recorded.seconds, recorded.nanoseconds) < (own.seconds, own.nanoseconds) {
            return true
        }
        if let whole = read, whole.from == 0 {
            guard whole.bytes.count >= length, PrefixHash.of(whole.bytes[..<Int(length)]) == hash else { return nil }
            return false
        }
        guard let (taken, rest) = try? JournalBytes.hashPrefix(journalPath(code), length: length, meter: meter),
              taken == hash else { return nil }
        read = rest
        return false
    }

    /// Writes a file derived from the journals into `.checkpoints/` atomically (temporary file, rename),
    /// creating the folder and its `.gitignore` (`*`) first: the folder ignores itself, so git and `sync`
    /// never see a derived file, whatever the store's own .gitignore says (stores made before
    /// checkpoints existed). Not `fsync`ed: a file torn by a crash fails its own hash and is rebuilt.
    /// Failures are ignored (a derived file only saves time); returns whether the file is in place.
    @discardableResult
    func writeDerived(_ bytes: [UInt8], name: String) -> Bool {
        let folder = checkpointFolder
        if !FileIO.exists(folder) {
            guard (try? FileIO.makeFolder(folder)) != nil else { return false }
        }
        if !FileIO.exists(folder + "/.gitignore") {
            try? Data("*\n".utf8).write(to: URL(fileURLWithPath: folder + "/.gitignore"), options: .atomic)
        }
        FileIO.removeStaleTemps(in: folder)
        let temp = folder + "/.\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: temp))
        } catch {
            unlink(temp)
            return false
        }
        guard rename(temp, folder + "/" + name) == 0 else { unlink(temp); return false }
        return true
    }
}
