import Testing
import Foundation

/// The bad-input corpus (`Tests/CLITests/BadInput/*.case`), run against the built binary.
///
/// Each case file describes one hostile or broken input and what the program must do with it:
///
/// ```
/// # what the case is about (first line: the description)
/// copy: Resources/catalog.json -> store/catalog.json        # a repository file into the case folder
/// edit: store/store.json: "format": 1 => "format": 1e300      # replace text in a file
/// generate: store/states/XA.jsonl nested-line 100000         # a large input made by a generator
/// symlink: store/states/XA.jsonl -> ../../outside.txt         # a symbolic link
/// append: store/states/XA.jsonl: {"id":"x",…}                 # one line appended (append-raw: no line break)
/// run: validate                                               # the command ($ROOT, $STORE expand)
/// exit: 1                                                     # the documented exit code
/// message: XA.jsonl:2:8                                       # fragments of stdout + stderr (one or more)
/// --- store/states.json                                       # a whole file follows, up to a line "---"
/// ```
/// Paths are relative to the case's folder, which holds `store/` (made by `init`, tracking the FICTIONAL
/// States Avalonia XA and Borduria XB, with one event for XA). In `---` sections, `append:` and `run:`,
/// `\xHH` is a byte and `\\` a backslash. Every case must also: leave every file in the case's folder
/// byte-identical (no write, no new file, no file outside the store), and print nothing that a terminal
/// would take as a control sequence.
@Suite("CLI: bad-input corpus")
struct BadInputCorpusTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("BadInput").path
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    static func caseNames() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".case") }.sorted()
    }

    @Test("the corpus has a case for every item of issue 8 and the listed malformations")
    func corpusIsComplete() {
        let names = Self.caseNames()
        #expect(names.count >= 30, "\(names)")
        for needed in ["format-1e300", "states-path-code", "journal-symlink", "export-into-journal", "escape-in-journal",
                       "markdown-", "evidence-line-break", "typo-store", "catalog-year-fraction", "import-duplicates",
                       "invalid-utf8", "bom", "crlf", "nul", "nesting-100k", "line-50mb", "unknown-fields",
                       "catalog-duplicate-ids", "states-duplicate-codes"] {
            #expect(names.contains { $0.hasPrefix(needed) }, "no case for \(needed)")
        }
    }

    @Test("each case: documented exit code, a clear message, an inert terminal, an unchanged store", arguments: caseNames())
    func run(name: String) throws {
        let spec = try CaseFile(path: Self.folder + "/" + name)
        let root = NSTemporaryDirectory() + "actionplan-bad-input-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.copyItem(atPath: try Self.template(), toPath: root)
        for step in spec.setup { try step.apply(in: root) }

        let before = try StoreSnapshot(root)
        let cli = CLIRunner(store: root + "/store")
        let result = try cli.run(spec.arguments.map { $0.replacingOccurrences(of: "$ROOT", with: root).replacingOccurrences(of: "$STORE", with: root + "/store") })
        let output = result.stdout + result.stderr

        #expect(result.status == spec.exit, "\(spec.description): exit \(result.status)\n\(output.prefix(2000))")
        for fragment in spec.messages {
            #expect(output.contains(fragment), "\(spec.description): no '\(fragment)' in\n\(output.prefix(2000))")
        }
        let raw = output.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value) }
        #expect(raw.isEmpty, "\(spec.description): raw control characters \(raw.map { String($0.value, radix: 16) }) reached the terminal")
        #expect(!output.contains("Fatal error") && result.status < 128, "\(spec.description): crashed\n\(output.prefix(2000))")
        let after = try StoreSnapshot(root)
        #expect(after == before, "\(spec.description): files changed\nbefore: \(before)\nafter: \(after)")
    }

    /// A folder with `store/` made once per test process by the real binary (copied for each case).
    /// Cases run in parallel: each makes a candidate and renames it into place; the first rename wins.
    static func template() throws -> String {
        let path = NSTemporaryDirectory() + "actionplan-bad-input-template-\(getpid())"
        if FileManager.default.fileExists(atPath: path + "/store/store.json") { return path }
        let cli = try FictionalCLI.make()
        let candidate = URL(fileURLWithPath: cli.store).deletingLastPathComponent().path
        if rename(candidate, path) != 0 { cli.cleanUp() }
        return path
    }
}

/// One parsed `.case` file.
struct CaseFile {
    enum Step {
        case copy(from: String, to: String)
        case edit(file: String, old: String, new: String)
        case generate(file: String, kind: String, size: Int)
        case symlink(at: String, target: String)
        case append(file: String, bytes: [UInt8], newline: Bool)
        case write(file: String, bytes: [UInt8])

        func apply(in root: String) throws {
            let manager = FileManager.default
            func url(_ relative: String) -> URL { URL(fileURLWithPath: root + "/" + relative) }
            switch self {
            case .copy(let from, let to):
                try? manager.removeItem(at: url(to))
                try manager.copyItem(atPath: BadInputCorpusTests.repository + "/" + from, toPath: url(to).path)
            case .edit(let file, let old, let new):
                let text = try String(contentsOf: url(file), encoding: .utf8)
                guard text.contains(old) else { throw CLIError("edit: '\(old)' is not in \(file)") }
                try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: url(file))
            case .generate(let file, let kind, let size):
                try Data(try Generators.make(kind, size: size)).write(to: url(file))
            case .symlink(let at, let target):
                try? manager.removeItem(at: url(at))
                try manager.createSymbolicLink(atPath: url(at).path, withDestinationPath: target)
            case .append(let file, let bytes, let newline):
                var data = (try? Data(contentsOf: url(file))) ?? Data()
                data.append(contentsOf: bytes + (newline ? [0x0A] : []))
                try data.write(to: url(file))
            case .write(let file, let bytes):
                try manager.createDirectory(at: url(file).deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(bytes).write(to: url(file))
            }
        }
    }

    var description = ""
    var setup: [Step] = []
    var arguments: [String] = []
    var exit: Int32 = -1
    var messages: [String] = []

    init(path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var section: (file: String, lines: [String])?
        func flush() {
            if let (file, lines) = section { setup.append(.write(file: String(decoding: Self.unescape(file), as: UTF8.self), bytes: Self.unescape(lines.joined(separator: "\n") + "\n"))) }
            section = nil
        }
        for line in text.components(separatedBy: "\n") {
            if line == "---" { flush(); continue }
            if line.hasPrefix("--- ") { flush(); section = (String(line.dropFirst(4)), []); continue }
            if section != nil { section!.lines.append(line); continue }
            if line.hasPrefix("#") { if description.isEmpty { description = line.dropFirst().trimmingCharacters(in: .whitespaces) }; continue }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon], value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "run": arguments = value.split(separator: " ").map { String(decoding: Self.unescape(String($0)), as: UTF8.self) }
            case "exit": exit = Int32(value) ?? -1
            case "message": messages.append(value)
            case "copy":
                let parts = value.components(separatedBy: " -> ")
                setup.append(.copy(from: parts[0], to: parts[1]))
            case "symlink":
                let parts = value.components(separatedBy: " -> ")
                setup.append(.symlink(at: parts[0], target: parts[1]))
            case "edit":
                let fileEnd = value.range(of: ": ")!
                let change = value[fileEnd.upperBound...].components(separatedBy: " => ")
                setup.append(.edit(file: String(value[..<fileEnd.lowerBound]), old: change[0], new: change[1]))
            case "append", "append-raw":           // append-raw: without the final line break (a torn line)
                let fileEnd = value.range(of: ": ")!
                setup.append(.append(file: String(value[..<fileEnd.lowerBound]), bytes: Self.unescape(String(value[fileEnd.upperBound...])),
                                     newline: key == "append"))
            case "generate":
                let parts = value.split(separator: " ").map(String.init)
                setup.append(.generate(file: parts[0], kind: parts[1], size: Int(parts[2]) ?? 0))
            default: continue
            }
        }
        flush()
        guard exit >= 0, !arguments.isEmpty, !messages.isEmpty else { throw CLIError("\(path): needs run:, exit: and message:") }
    }

    /// `\xHH` → the byte, `\\` → a backslash; everything else as UTF-8.
    static func unescape(_ text: String) -> [UInt8] {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x5C, i + 1 < bytes.count, bytes[i + 1] == 0x5C { out.append(0x5C); i += 2; continue }
            if bytes[i] == 0x5C, i + 3 < bytes.count, bytes[i + 1] == UInt8(ascii: "x"),
               let value = UInt8(String(decoding: bytes[(i + 2)...(i + 3)], as: UTF8.self), radix: 16) {
                out.append(value); i += 4; continue
            }
            out.append(bytes[i]); i += 1
        }
        return out
    }
}

/// Inputs too large to write into a case file.
enum Generators {
    static let eventPrefix = "{\"id\":\"big\",\"time\":\"2026-02-01T00:00:00.000Z\",\"author\":\"a\",\"state\":\"XA\",\"action\":\"AP03-III-1-a\""

    static func make(_ kind: String, size: Int) throws -> [UInt8] {
        switch kind {
        case "nested-line":        // a journal line that opens `size` arrays and closes them
            return Array((eventPrefix + ",\"note\":" + String(repeating: "[", count: size) + String(repeating: "]", count: size) + "}\n").utf8)
        case "nested-document":    // a whole JSON document nested `size` deep
            return Array((String(repeating: "{\"a\":", count: size) + "1" + String(repeating: "}", count: size) + "\n").utf8)
        case "unterminated-line":  // a journal line of `size` bytes whose note string never ends
            let head = Array((eventPrefix + ",\"note\":\"").utf8)
            return head + [UInt8](repeating: UInt8(ascii: "x"), count: max(0, size - head.count - 1)) + [0x0A]
        case "duplicate-rows":     // an import file: the header and `size` copies of one row
            let header = "state_code,state_name,pillar,area,action_id,action_title,status_id,status_label,note,evidence,updated_at,updated_by\r\n"
            let row = "XA,Avalonia,prevention,x,AP03-III-1-a,t,implemented,Implemented,,,,\r\n"
            return Array((header + String(repeating: row, count: size)).utf8)
        default:
            throw CLIError("unknown generator '\(kind)'")
        }
    }
}
