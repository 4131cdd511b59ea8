import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps every write inside the store and every store file out of the way of other writes.
///
/// A State code becomes a file name (`states/XX.jsonl`), so a code such as `../../escaped` from a
/// hand-edited `states.json` would make `set` write outside the store; a journal or `.lock` that is a
/// symbolic link would send appends to the link's target; an export `--output` inside the store would
/// replace a journal or the manifest. Each of these is refused here, with the offending value named.
public enum SafePath {
    /// The longest State code accepted (ISO codes have 2 or 3 letters; offices may use longer ones).
    public static let maximumCodeLength = 32

    /// Why `code` cannot be a State code (it becomes a file name), or nil when it can.
    ///
    /// Accepted: 1 to 32 ASCII letters, digits, `-` and `_`, starting with a letter or digit. No dots,
    /// slashes, spaces or control characters, so a code never names another folder or a hidden file.
    public static func codeProblem(_ code: String) -> String? {
        let bytes = Array(code.utf8)
        if bytes.isEmpty { return "a State code cannot be empty" }
        if bytes.count > maximumCodeLength { return "a State code has at most \(maximumCodeLength) characters" }
        func isAlnum(_ b: UInt8) -> Bool { (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) }
        guard isAlnum(bytes[0]), bytes.allSatisfy({ isAlnum($0) || $0 == 0x2D || $0 == 0x5F }) else {
            return "a State code becomes a file name: use ASCII letters, digits, '-' and '_' only, starting with a letter or digit"
        }
        return nil
    }

    /// Throws when `code` cannot name a journal file.
    static func requireCode(_ code: String, file: String) throws(StoreError) {
        if let problem = codeProblem(code) {
            throw StoreError(.damaged, file: file, message: "State code '\(code)': \(problem)")
        }
    }

    /// Whether `path` is a symbolic link (not following it).
    public static func isSymbolicLink(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK
    }

    /// Throws when `path` is a symbolic link: the store never writes through one.
    static func refuseLink(_ path: String) throws(StoreError) {
        if isSymbolicLink(path) {
            throw StoreError(.io, file: path, message: "is a symbolic link; the store does not write through links "
                + "(the write would land outside the store). Replace it with a regular file")
        }
    }

    /// The absolute path with every symbolic link resolved, also when the last part does not exist yet.
    public static func resolved(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        if let real = realpath(absolute, nil) {
            defer { free(real) }
            return String(cString: real)
        }
        let url = URL(fileURLWithPath: absolute)
        let parent = url.deletingLastPathComponent().path
        guard parent != absolute, !parent.isEmpty else { return absolute }
        let base = resolved(parent)
        return (base == "/" ? "" : base) + "/" + url.lastPathComponent
    }

    /// Whether `path` (after resolving links) is `folder` or lies inside it.
    public static func isInside(_ path: String, folder: String) -> Bool {
        let target = resolved(path), root = resolved(folder)
        return target == root || target.hasPrefix(root == "/" ? "/" : root + "/")
    }
}

extension Store {
    /// Refuses an output file that would land inside this store (after resolving links): an export
    /// written over `states/AT.jsonl` or `store.json` would destroy the store.
    public func refuseOutputInside(_ output: String) throws(StoreError) {
        if SafePath.isInside(output, folder: path) {
            throw StoreError(.input, file: output, message: "is inside the store \(path); "
                + "an export there could replace a journal or store.json. Write it outside the store")
        }
    }
}
