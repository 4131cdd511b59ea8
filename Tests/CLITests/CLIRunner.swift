import Foundation
import TestSupport

/// Runs the built `actionplan` binary and captures what it printed and how it exited.
struct CLIRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// `.build/debug/actionplan` beside this package, or `$ACTIONPLAN_BIN`.
    static var binary: String { BuiltBinary.expectedPath }

    let store: String
    var environment: [String: String]

    /// A runner on a store in a fresh temporary folder.
    init() {
        self.init(store: NSTemporaryDirectory() + "actionplan-cli-\(UUID().uuidString)/store")
    }

    /// A runner on the store at `store` (the default for every command, through $ACTIONPLAN_STORE).
    init(store: String) {
        self.store = store
        environment = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "ACTIONPLAN_STORE": store,
                       "ACTIONPLAN_USER": "cli-test", "LANG": "C.UTF-8"]
    }

    /// A runner whose store was made by `actionplan init` (only `init` creates a store).
    static func initialised() throws -> CLIRunner {
        let cli = CLIRunner()
        let made = try cli.run("init")
        guard made.status == 0 else { throw CLIError("actionplan init failed (\(made.status)): \(made.stderr)") }
        return cli
    }

    func cleanUp() { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: store).deletingLastPathComponent().path) }

    @discardableResult
    func run(_ arguments: String...) throws -> Result { try run(arguments) }

    func run(_ arguments: [String]) throws -> Result {
        let result = try Spawn.run([try BuiltBinary.path()] + arguments, environment: environment)
        return Result(status: result.status, stdout: result.stdout, stderr: result.stderr)
    }

    func file(_ relative: String) throws -> String {
        String(decoding: try Data(contentsOf: URL(fileURLWithPath: store + "/" + relative)), as: UTF8.self)
    }

    func write(_ relative: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: store + "/" + relative))
    }
}

struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

