import Foundation
import ActionPlanModel

/// Shares a store that is a git work tree: commit our new journal lines, merge the remote's, check
/// the result, push. Runs the git on PATH; holds the store's exclusive lock throughout, because git
/// does not honour our `flock` and a merge replaces files, so nothing else may write meanwhile.
public struct StoreSync: Sendable {
    public let store: Store
    /// Who the commit is by when git has no identity configured.
    public let author: String
    public let environment: [String: String]

    public init(store: Store, author: String, environment: [String: String]) {
        self.store = store
        self.author = author
        self.environment = environment
    }

    /// Why a sync stopped; `kind` chooses the exit code.
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public enum Kind: Sendable, Equatable {
            /// No git on PATH.
            case gitMissing
            /// Not a repository, no remote, a detached HEAD, unrelated changes: the user must act.
            case setup
            /// The merge or the push failed (a conflict outside the journals, a refused push).
            case git
            /// The store itself could not be read or written.
            case store
        }
        public var kind: Kind
        public var message: String
        public var description: String { message }
    }

    /// What a sync did.
    public struct Report: Sendable, Equatable {
        /// Our events committed in this sync.
        public var committedEvents: Int
        /// Events that came in from the remote, by State code.
        public var incoming: [String: Int]
        /// Conflicts that exist now and did not before the merge.
        public var newConflicts: [Conflict]
        /// Every open conflict after the sync.
        public var openConflicts: Int
        /// Problems `validate` finds after the merge (missing bases, duplicates, damaged lines).
        public var problems: [StoreProblem]
        /// The remote and branch, and whether anything was pushed.
        public var remote: String
        public var branch: String
        public var pushed: Bool

        /// Lines for a terminal: what came in, what went out, what needs attention.
        public var lines: [String] {
            var out: [String] = []
            out.append(committedEvents > 0 ? "sent \(committedEvents) event\(committedEvents == 1 ? "" : "s")"
                : pushed ? "sent the store's files (no new events)" : "nothing new to send")
            let total = incoming.values.reduce(0, +)
            if total == 0 {
                out.append("nothing new from \(remote)/\(branch)")
            } else {
                let per = incoming.keys.sorted().map { "\($0) \(incoming[$0]!)" }.joined(separator: ", ")
                out.append("received \(total) event\(total == 1 ? "" : "s") from \(remote)/\(branch): \(per)")
            }
            for conflict in newConflicts {
                let sides = conflict.sides.map { "\($0.head.author): \($0.assessment.status.rawValue)" }.joined(separator: " / ")
                out.append("new conflict: \(conflict.state) \(conflict.action) (\(sides))")
            }
            if openConflicts > 0 { out.append("\(openConflicts) open conflict\(openConflicts == 1 ? "" : "s"); see `actionplan conflicts`") }
            for problem in problems { out.append(problem.description) }
            return out
        }
    }

    /// Runs the whole sync; `remote` nil means `origin`, else the only remote.
    public func run(remote wanted: String? = nil) throws(Failure) -> Report {
        guard let executable = GitRunner.find(environment: environment) else {
            throw Failure(kind: .gitMissing, message: "git is not installed (not found on PATH); install git to share a store")
        }
        let git = GitRunner(executable: executable, folder: store.path)
        let top = git.run("rev-parse", "--show-toplevel")
        guard top.ok else {
            throw Failure(kind: .setup, message: "\(store.path) is not in a git repository; clone the office's shared "
                + "repository (`git clone URL FOLDER`) and use that folder as the store, or run `git init` there and add a remote")
        }
        do {
            let lock = try FileLock(path: store.lockPath, mode: .exclusive)
            defer { withExtendedLifetime(lock) {} }
            return try locked(git, wanted: wanted)
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(kind: .store, message: "\(error)")
        }
    }

    private func locked(_ git: GitRunner, wanted: String?) throws -> Report {
        do { try store.prepareForWriting() } catch { throw Failure(kind: .store, message: error.description) }
        let prefix = git.run("rev-parse", "--show-prefix").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let remotes = git.run("remote").stdout.split(separator: "\n").map(String.init)
        guard !remotes.isEmpty else {
            throw Failure(kind: .setup, message: "the repository has no remote; add the shared one with `git remote add origin URL`")
        }
        let remote = wanted ?? (remotes.contains("origin") ? "origin" : remotes[0])
        guard remotes.contains(remote) else {
            throw Failure(kind: .setup, message: "no remote named '\(remote)'; remotes: \(remotes.joined(separator: ", "))")
        }
        let branchOutput = git.run("symbolic-ref", "--short", "-q", "HEAD")
        guard branchOutput.ok else { throw Failure(kind: .setup, message: "HEAD is detached; check out a branch first") }
        let branch = branchOutput.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try refuseUnrelatedChanges(git, prefix: prefix)

        let before = try loadTracker()
        let committed = try commitOurs(git, prefix: prefix, tracker: before)
        var pushed = false
        var attempts = 0
        while true {
            attempts += 1
            try merge(git, remote: remote, branch: branch)
            let ahead = git.run("rev-list", "--count", "\(remote)/\(branch)..HEAD")
            if ahead.ok, ahead.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0" { break }
            let push = git.run("push", remote, "HEAD:refs/heads/\(branch)")
            if push.ok { pushed = true; break }
            let rejected = push.stderr.contains("rejected") || push.stderr.contains("fetch first") || push.stderr.contains("non-fast-forward")
            guard rejected, attempts < 4 else {
                throw Failure(kind: .git, message: "git push to \(remote) was refused: \(push.message)")
            }
        }
        _ = git.run("branch", "--set-upstream-to=\(remote)/\(branch)")
        let after = try loadTracker()
        var incoming: [String: Int] = [:]
        for (code, journal) in after.journals {
            let known = Set(before.journals[code]?.events.map(\.id) ?? [])
            // Distinct ids: an event of a split action is folded once under each new id.
            let count = Set(journal.events.map(\.id)).subtracting(known).count
            if count > 0 { incoming[code] = count }
        }
        let oldConflicts = Set(before.conflicts().map { $0.state + " " + $0.action + " " + $0.headIDs.joined(separator: ",") })
        let now = after.conflicts()
        let fresh = now.filter { !oldConflicts.contains($0.state + " " + $0.action + " " + $0.headIDs.joined(separator: ",")) }
        let problems = store.validate(holdingLock: true).filter { !$0.message.hasPrefix("conflict on ") }
        return Report(committedEvents: committed, incoming: incoming, newConflicts: fresh, openConflicts: now.count,
                      problems: problems, remote: remote, branch: branch, pushed: pushed)
    }

    /// Only the store's own files may have changes: anything else is the user's to commit.
    private func refuseUnrelatedChanges(_ git: GitRunner, prefix: String) throws {
        let status = git.run("status", "--porcelain=v1", "--untracked-files=all", "--", ":/")
        guard status.ok else { throw Failure(kind: .git, message: "git status failed: \(status.message)") }
        let own = ["store.json", "catalog.json", "states.json", "views.json", "office.jsonl", ".gitattributes", ".gitignore"]
        var unrelated: [String] = []
        for line in status.stdout.split(separator: "\n") where line.count > 3 {
            let code = line.prefix(2)
            var file = String(line.dropFirst(3))
            if let arrow = file.range(of: " -> ") { file = String(file[arrow.upperBound...]) }
            if file.hasPrefix("\"") { file = String(file.dropFirst().dropLast()) }
            guard file.hasPrefix(prefix) else { unrelated.append(file); continue }
            let inside = String(file.dropFirst(prefix.count))
            let isJournal = inside.hasPrefix("states/") && inside.hasSuffix(".jsonl") && !inside.dropFirst(7).contains("/")
            if code.contains("U") { unrelated.append(file + " (unmerged)"); continue }
            if !(isJournal || own.contains(inside)) { unrelated.append(file) }
        }
        guard unrelated.isEmpty else {
            throw Failure(kind: .setup, message: "the work tree has changes that are not the store's: "
                + unrelated.prefix(10).joined(separator: ", ") + (unrelated.count > 10 ? " and \(unrelated.count - 10) more" : "")
                + "; commit or stash them first (sync commits only the store's files)")
        }
        // Journals and the office log only grow: a removed line is a mistake to look at, not to share.
        let removed = git.run("diff", "--numstat", "HEAD", "--", prefix + "states", prefix + "office.jsonl")
        for line in removed.stdout.split(separator: "\n") {
            let fields = line.split(separator: "\t")
            if fields.count == 3, let deleted = Int(fields[1]), deleted > 0 {
                throw Failure(kind: .setup, message: "\(fields[2]) has \(deleted) line(s) removed or changed since the last commit; "
                    + "journals only grow. Look at `git diff \(fields[2])` and restore it with `git checkout -- \(fields[2])` if that was not intended")
            }
        }
    }

    /// Commits the store's files; returns how many events went into the commit.
    private func commitOurs(_ git: GitRunner, prefix: String, tracker: Tracker) throws -> Int {
        let files = ["states", "store.json", "catalog.json", "states.json", "views.json", "office.jsonl", ".gitattributes", ".gitignore"]
            .filter { FileManager.default.fileExists(atPath: store.path + "/" + $0) }
        let add = git.run(["add", "--all", "--"] + files)
        guard add.ok else { throw Failure(kind: .git, message: "git add failed: \(add.message)") }
        let staged = git.run("diff", "--cached", "--numstat", "--", ".")
        guard !staged.stdout.isEmpty else { return 0 }
        var events = 0
        var perState: [String: Int] = [:]
        for line in staged.stdout.split(separator: "\n") {
            let fields = line.split(separator: "\t")
            guard fields.count == 3, let added = Int(fields[0]) else { continue }
            let name = String(fields[2])
            if name.hasSuffix(".jsonl"), name.contains("states/") {
                events += added
                let code = String(name.split(separator: "/").last!.dropLast(6))
                perState[code, default: 0] += added
            }
        }
        let detail = perState.keys.sorted().map { "\($0) +\(perState[$0]!)" }.joined(separator: ", ")
        let message = "actionplan sync: \(events) event\(events == 1 ? "" : "s")" + (detail.isEmpty ? "" : " (\(detail))") + " by \(author)"
        var arguments = ["commit", "-q", "-m", message]
        if git.run("config", "user.email").stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            let safe = author.filter { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_" }
            arguments = ["-c", "user.name=\(author)", "-c", "user.email=\(safe.isEmpty ? "actionplan" : safe)@actionplan.invalid"] + arguments
        }
        let commit = git.run(arguments)
        guard commit.ok else { throw Failure(kind: .git, message: "git commit failed: \(commit.message)") }
        return events
    }

    /// Fetches the remote branch and merges it (journals merge by union); aborts on any other conflict.
    private func merge(_ git: GitRunner, remote: String, branch: String) throws {
        let fetch = git.run("fetch", "-q", remote)
        guard fetch.ok else { throw Failure(kind: .git, message: "git fetch from \(remote) failed: \(fetch.message)") }
        guard git.run("rev-parse", "-q", "--verify", "refs/remotes/\(remote)/\(branch)").ok else { return }   // empty remote: first push
        var arguments = ["merge", "--no-edit", "-q", "\(remote)/\(branch)"]
        if git.run("config", "user.email").stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            arguments = ["-c", "user.name=\(author)", "-c", "user.email=actionplan@actionplan.invalid"] + arguments
        }
        let merged = git.run(arguments)
        if !merged.ok {
            let conflicted = git.run("diff", "--name-only", "--diff-filter=U").stdout
                .split(separator: "\n").joined(separator: ", ")
            _ = git.run("merge", "--abort")
            throw Failure(kind: .git, message: "the merge with \(remote)/\(branch) stopped"
                + (conflicted.isEmpty ? ": \(merged.message)" : " on \(conflicted) (journals never conflict; these files need a person)")
                + "; the merge was undone, your events are committed locally")
        }
    }

    private func loadTracker() throws -> Tracker {
        do {
            return try store.loadHoldingLock().tracker
        } catch { throw Failure(kind: .store, message: error.description) }
    }
}

