import Foundation
import TestSupport
import Testing

/// `actionplan config check` and `config example`, with the file under `$XDG_CONFIG_HOME`.
@Suite("CLI: config")
struct ConfigCLITests {
    func runner(config: String?) throws -> (CLIRunner, String) {
        var cli = try PowerCLITests().store()
        let folder = URL(fileURLWithPath: cli.store).deletingLastPathComponent().path + "/config"
        try FileManager.default.createDirectory(atPath: folder + "/actionplan", withIntermediateDirectories: true)
        if let config { try Data(config.utf8).write(to: URL(fileURLWithPath: folder + "/actionplan/config.json")) }
        cli.environment["XDG_CONFIG_HOME"] = folder
        return (cli, folder + "/actionplan/config.json")
    }

    @Test("the example, saved as the config, checks clean once its State exists")
    func exampleChecksClean() throws {
        let (cli, path) = try runner(config: nil); defer { cli.cleanUp() }
        let example = try cli.run("config", "example")
        #expect(example.status == 0)
        #expect(example.stdout.contains("\"theme\": \"default\""))
        try Data(example.stdout.replacingOccurrences(of: "\"AT\"", with: "\"Borduria\"").utf8).write(to: URL(fileURLWithPath: path))
        let check = try cli.run("config", "check")
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout == "\(path): no problems\n")
    }

    @Test("problems are listed with file:line:column and exit 1; no file is fine")
    func problemsListed() throws {
        let (cli, path) = try runner(config: "{\n  \"theme\": \"dark\",\n  \"defualtState\": \"XA\"\n}\n"); defer { cli.cleanUp() }
        let check = try cli.run("config", "check")
        #expect(check.status == 1)
        #expect(check.stdout.contains("\(path):2:12: unknown theme 'dark'"))
        #expect(check.stdout.contains("\(path):3:19: unknown key 'defualtState'; did you mean 'defaultState'?"))
        #expect(check.stderr.contains("2 problems"))
        try FileManager.default.removeItem(atPath: path)
        let none = try cli.run("config", "check")
        #expect(none.status == 0)
        #expect(none.stdout.contains("no settings file; the defaults apply"))
    }

    @Test("an unknown default State is a problem when the store is there to ask")
    func unknownState() throws {
        let (cli, _) = try runner(config: "{\"defaultState\": \"Avalon\"}"); defer { cli.cleanUp() }
        let check = try cli.run("config", "check")
        #expect(check.status == 1)
        #expect(check.stdout.contains("defaultState: unknown State 'Avalon'; did you mean 'Avalonia'?"), "\(check.stdout)")
    }
}

extension ConfigCLITests {
    @Test("rebound keys: an unknown command or a clash is reported at its line")
    func keyProblems() throws {
        let (cli, path) = try runner(config: "{\n  \"keys\": {\n    \"status\": \"q\",\n    \"nte\": \"w\"\n  }\n}\n"); defer { cli.cleanUp() }
        let check = try cli.run("config", "check")
        #expect(check.status == 1)
        #expect(check.stdout.contains("\(path):4:12: keys: unknown command 'nte'; did you mean 'note'?"), "\(check.stdout)")
        try Data("{\"keys\": {\"status\": \"q\"}}".utf8).write(to: URL(fileURLWithPath: path))
        let clash = try cli.run("config", "check")
        #expect(clash.stdout == "\(path):1:21: keys: q is also 'quit' (Everywhere); choose another key\n")
    }
}
