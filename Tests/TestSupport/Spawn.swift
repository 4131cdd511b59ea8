import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program with `posix_spawn`, a clean signal mask and default signal actions: the one process
/// runner of the tests (the CLI, Python as an independent reader, chromium, tmux).
///
/// Foundation's `Process` hands the test runner's blocked signals (SIGCHLD, SIGWINCH, SIGTERM) down to
/// the child; tmux then cannot reap its panes and the app never sees a resize. Output goes to files,
/// not pipes, because the tmux server daemonizes and could keep a pipe open forever.
public enum Spawn {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        public init(description: String) { self.description = description }
    }

    /// The test process's environment with `changes` applied (nil removes a variable).
    public static func environment(_ changes: [String: String?] = [:]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in changes { environment[key] = value }
        return environment
    }

    /// Runs with `input` on standard input (written to a temporary file first).
    public static func run(_ arguments: [String], environment: [String: String], input: [UInt8]) throws -> Result {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("spawn-in-\(UUID().uuidString)").path
        try Data(input).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try run(arguments, environment: environment, stdin: path)
    }

    /// Runs `arguments[0]` (looked up in PATH) with exactly `environment`, waits, and returns its output.
    public static func run(_ arguments: [String], environment: [String: String], stdin: String = "/dev/null") throws -> Result {
        try start(arguments, environment: environment, stdin: stdin).wait()
    }

    /// A started child; `wait` collects its exit status and output.
    public struct Running: Sendable {
        let pid: pid_t
        let folder: URL

        /// Waits for the child to end and returns what it printed (exit status 128+n for signal n).
        public func wait() -> Result {
            defer { try? FileManager.default.removeItem(at: folder) }
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1, errno == EINTR {}
            let exitCode = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
            // Decoded as they are: a byte order mark stays (String(contentsOfFile:) would drop it).
            func text(_ name: String) -> String {
                String(decoding: FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) ?? Data(), as: UTF8.self)
            }
            let out = text("out"), err = text("err")
            return Result(status: exitCode, stdout: out, stderr: err)
        }
    }

    /// Starts `arguments[0]` (looked up in PATH) with exactly `environment`, without waiting for it.
    public static func start(_ arguments: [String], environment: [String: String], stdin: String = "/dev/null") throws -> Running {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spawn-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let outPath = folder.appendingPathComponent("out").path
        let errPath = folder.appendingPathComponent("err").path

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            try? FileManager.default.removeItem(at: folder)
            throw Failure(description: "could not start \(arguments[0]): \(String(cString: strerror(spawned)))")
        }
        return Running(pid: pid, folder: folder)
    }
}
