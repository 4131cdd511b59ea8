import Foundation
import TestSupport

/// A store in a temporary folder tracking two FICTIONAL States, created by the real binary.
///
/// `actionplan init` makes the store; a `states.json` beside `store.json` then replaces the embedded
/// list with Avalonia (XA) and Borduria (XB), so no test ever records anything about a real State.
final class FictionalStore {
    let folder: TemporaryFolder
    let path: String
    let binary: String

    static let statesJSON = """
        [{"code":"XA","iso3":"XAV","name":"Avalonia","kind":"participating","group":"fiction"},
         {"code":"XB","iso3":"XBO","name":"Borduria","kind":"participating","group":"fiction"}]
        """

    init(label: String) throws {
        binary = try BuiltBinary.path()
        folder = try TemporaryFolder(label)
        path = folder.path("store")
        let result = try Spawn.run([binary, "init", "--store", path], environment: Self.plainEnvironment)
        guard result.status == 0 else {
            throw Spawn.Failure(description: "actionplan init failed (\(result.status)): \(result.stderr)")
        }
        try Data(Self.statesJSON.utf8).write(to: URL(fileURLWithPath: path + "/states.json"))
    }

    /// An environment without a terminal, for running CLI commands directly.
    static var plainEnvironment: [String: String] {
        ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": NSTemporaryDirectory()]
    }

    /// The journal lines of one State (empty when nothing was recorded).
    func journal(_ code: String) -> [String] {
        guard let text = try? String(contentsOfFile: path + "/states/\(code).jsonl", encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map(String.init)
    }

    /// Appends one raw line to a State's journal, as another tool (or an attacker) might.
    func appendRaw(_ line: String, to code: String) throws {
        let file = path + "/states/\(code).jsonl"
        if !FileManager.default.fileExists(atPath: file) { _ = FileManager.default.createFile(atPath: file, contents: nil) }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((line + "\n").utf8))
    }

    /// Starts the TUI on this store in a fresh tmux server.
    /// `prefix` runs the binary through another program (e.g. `setpriv` to drop privileges).
    func startTUI(_ options: [String] = [], width: Int = 120, height: Int = 40, noColor: Bool = false,
                  prefix: [String] = [], binary: String? = nil, socketName: String = "tmux.sock") throws -> TmuxSession {
        try TmuxSession(arguments: prefix + [binary ?? self.binary, "--store", path] + options, width: width, height: height,
                        environment: ["ACTIONPLAN_USER": "e2e.tester", "HOME": folder.url.path], noColor: noColor,
                        folder: folder.url, socketName: socketName)
    }
}
