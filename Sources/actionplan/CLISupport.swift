import TerminalKit
import ArgumentParser
import Foundation
import ActionPlanModel
import ActionPlanStore

/// Exit codes, documented in the README and `actionplan --help`.
enum ExitCodes {
    static let problemsFound: Int32 = 1
    static let usage: Int32 = 64
    static let storeError: Int32 = 65
    static let terminalUnusable: Int32 = 69
    /// Someone changed what the command read before it could write: run it again (EX_TEMPFAIL).
    static let headMoved: Int32 = 75
}

/// A failed write as a message and exit code: 75 when a colleague's change came first, 65 otherwise.
func failWrite(_ error: StoreError) -> ExitCode {
    if error.kind == .headMoved {
        return fail(error.moved.map(\.description).joined(separator: "\n  ")
            + "\nnothing was written; run the command again to base it on the new state, or add --force to record it as a concurrent edit",
            code: ExitCodes.headMoved)
    }
    // The store's message already says what was written (nothing, or what is left to complete).
    return fail(error.description, code: ExitCodes.storeError)
}

/// Messages on stderr, in one format: `actionplan: error: …`.
enum Console {
    static func error(_ message: String) { write("actionplan: error: \(message)\n") }
    static func warning(_ message: String) { write("actionplan: warning: \(message)\n") }
    static func note(_ message: String) { write(message + "\n") }

    /// Through the one sanitizer: messages quote values from files and from the command line.
    static func write(_ text: String) { FileHandle.standardError.write(Data(TerminalSafe.clean(text, keepNewlines: true).utf8)) }
}

/// The present of one State's journal (assessments, heads, conflicts) read through its checkpoint, not
/// the whole history, by a command that appends to it next (`set`, `followup`); its line problems are
/// warnings, a store error exits 65.
func journalBeforeWriting(_ store: Store, _ code: String) throws -> Journal {
    do {
        let (read, problems) = try store.readJournal(code, history: .recent, beforeWriting: true)
        for problem in problems { Console.warning(problem.description) }
        return read
    } catch {
        throw fail(error.description, code: ExitCodes.storeError)
    }
}

/// Stops a command with a message on stderr and a documented exit code.
func fail(_ message: String, code: Int32) -> ExitCode {
    Console.error(message)
    return ExitCode(code)
}

extension StoreOptions {
    var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// The store folder after `--store`, `$ACTIONPLAN_STORE`, `$XDG_DATA_HOME`.
    var resolvedPath: String { StoreLocation.resolve(explicit: store, environment: environment) }

    /// Whether neither `--store` nor `$ACTIONPLAN_STORE` names the store (the XDG/home default is used).
    var isDefaultLocation: Bool {
        (store ?? "").isEmpty && (environment["ACTIONPLAN_STORE"] ?? "").isEmpty
    }

    /// Opens the store; a store error exits 65 with its location.
    ///
    /// Only `init` (and the TUI on the default location) pass `create: true`: a mistyped `--store` on a
    /// read command must say "no store here", not create an empty store and report "not assessed".
    func open(create: Bool = false) throws -> Store {
        do { return try Store.open(path: resolvedPath, create: create) } catch {
            throw fail(error.description, code: ExitCodes.storeError)
        }
    }

    /// Opens and loads the store, printing load problems (torn lines, orphans) as warnings.
    /// `history: .recent` reads through checkpoints (the present only: no `--as-of`, no change report).
    func load(states: Set<String>? = nil, create: Bool = false, history: HistoryDepth = .complete) throws -> (Store, LoadedStore) {
        let store = try open(create: create)
        do {
            let loaded = try store.load(states: states, history: history)
            reportProblems(loaded.problems)
            return (store, loaded)
        } catch {
            throw fail(error.description, code: ExitCodes.storeError)
        }
    }

    private func reportProblems(_ problems: [StoreProblem]) {
        for problem in problems.prefix(3) { Console.warning(problem.description) }
        if problems.count > 3 { Console.warning("\(Plural.count(problems.count - 3, "more problem")); run `actionplan validate`") }
    }
}

/// Resolvers that turn a lookup failure into a usage error with "did you mean".
extension Tracker {
    func requireState(_ query: String) throws -> Participant {
        switch directory.lookup(query) {
        case .success(let state): return state
        case .failure(let error): throw fail(error.description, code: ExitCodes.usage)
        }
    }

    func requireAction(_ query: String) throws -> Action {
        switch catalog.lookupAction(query) {
        case .success(let action): return action
        case .failure(let error):
            // An id a catalog installation mapped away: say where its history shows now.
            if let now = RenameBook(records: office).cumulative[query], !now.isEmpty {
                throw fail("action '\(query)' is no longer in the catalog; an installation mapped it to "
                    + now.joined(separator: ", ") + ", where its history shows", code: ExitCodes.usage)
            }
            throw fail(error.description, code: ExitCodes.usage)
        }
    }

    func requirePillar(_ query: String) throws -> Pillar {
        switch catalog.lookupPillar(query) {
        case .success(let pillar): return pillar
        case .failure(let error): throw fail(error.description, code: ExitCodes.usage)
        }
    }
}

func requireStatus(_ query: String) throws -> Status {
    switch Status.lookup(query) {
    case .success(let status): return status
    case .failure(let error): throw fail(error.description, code: ExitCodes.usage)
    }
}

/// An evidence reference under `EvidenceRule` (trimmed, one line, bounded), else a usage error.
func requireEvidence(_ reference: String) throws -> String {
    switch EvidenceRule.check(reference) {
    case .success(let trimmed): return trimmed
    case .failure(let problem): throw fail("--evidence: \(problem)", code: ExitCodes.usage)
    }
}

/// A day (`YYYY-MM-DD`) or a full UTC time, else a usage error naming the option.
func requireDay(_ text: String, option: String, endOfDay: Bool) throws -> Timestamp {
    let parsed = endOfDay ? Timestamp.endOfDay(text) : Timestamp.day(text)
    guard let parsed else {
        throw fail("\(option): '\(text)' is not a date; use YYYY-MM-DD (for example 2026-11-29)", code: ExitCodes.usage)
    }
    return parsed
}

/// Output formats shared by the listing commands.
enum ListFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}

/// Pretty, stable JSON for the commands' `--format json`.
func printJSON<T: Encodable>(_ value: T) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = try encoder.encode(value)
    Swift.print(String(decoding: data, as: UTF8.self))
}
