import Foundation

/// The reporting rounds of a store: the fold of the office log's `round.open` and `round.close` records.
///
/// A writer checks its record against the book under the store's lock (`refusalToOpen`,
/// `roundToClose`), so one office cannot open two rounds at once or close a round twice. Two offices
/// can still do so concurrently on two machines: git's union merge keeps both lines. The fold then
/// decides the same way on every machine, and reports what it decided (`problems`, shown by `validate`):
///
/// - Records are read in (time, id) order; every `round.open` is applied before any `round.close`, so a
///   close is never lost to a colleague's clock running behind.
/// - A second `round.open` of a name (without regard to case) is ignored: the first in fold order is the
///   round.
/// - A second `round.close` of a round is ignored: the first close in fold order sets the snapshot.
/// - Rounds that are open at once, or whose periods overlap, are all kept (nothing recorded is dropped)
///   and reported; the current round is the open one that opened last (then the later record).
/// - A record with a missing or malformed field is ignored and reported with its id.
public struct RoundBook: Sendable, Equatable {
    public static let openKind = "round.open"
    public static let closeKind = "round.close"

    /// Every round, in the order it opened (opening day, then record order).
    public private(set) var rounds: [Round] = []
    /// What the fold had to decide (concurrent or malformed records), for `validate`.
    public private(set) var problems: [RoundProblem] = []

    public init(records: [OfficeRecord]) {
        let ordered = records.sorted(by: OfficeRecord.foldOrder)
        var byKey: [String: Int] = [:]
        var byID: [String: Int] = [:]
        var opened: [Round] = []
        for record in ordered where record.kind == Self.openKind {
            guard let name = record.text("name").flatMap(RoundName.check), let opens = record.text("opens").flatMap(RoundDay.parse),
                  let due = record.text("due").flatMap(RoundDay.parse), opens <= due else {
                problems.append(RoundProblem(recordID: record.id, message: "round.open record \(record.id) by \(record.author) has a missing or malformed name, opens or due; it is ignored"))
                continue
            }
            if let first = byKey[Round.key(name)] {
                problems.append(RoundProblem(recordID: record.id, message: "round '\(name)' was opened twice (by \(opened[first].openedBy) at \(opened[first].openedAt.shortDescription) and by \(record.author) at \(record.time.shortDescription) UTC); the first is the round, record \(record.id) is ignored"))
                continue
            }
            byKey[Round.key(name)] = opened.count
            byID[record.id] = opened.count
            opened.append(Round(name: name, opens: opens, due: due, openID: record.id, openedAt: record.time, openedBy: record.author))
        }
        for record in ordered where record.kind == Self.closeKind {
            let index = record.text("round").flatMap { byID[$0] } ?? record.text("name").flatMap { byKey[Round.key($0)] }
            guard let index else {
                problems.append(RoundProblem(recordID: record.id, message: "round.close record \(record.id) by \(record.author) names no known round ('\(record.text("name") ?? "")'); it is ignored"))
                continue
            }
            let at = record.text("at").map { Timestamp(parsing: $0) } ?? record.time
            guard let at else {
                problems.append(RoundProblem(recordID: record.id, message: "round.close record \(record.id) has a malformed \"at\" time; it is ignored"))
                continue
            }
            if let closed = opened[index].closedAt {
                problems.append(RoundProblem(recordID: record.id, message: "round '\(opened[index].name)' was closed twice (by \(opened[index].closedBy ?? "?") as of \(closed.shortDescription) and by \(record.author) as of \(at.shortDescription) UTC); the first close holds, record \(record.id) is ignored"))
                continue
            }
            opened[index].closedAt = at
            opened[index].closedBy = record.author
        }
        rounds = opened.enumerated().sorted { a, b in
            a.element.opens != b.element.opens ? a.element.opens < b.element.opens : a.offset < b.offset
        }.map(\.element)
        let open = rounds.filter { !$0.isClosed }
        if open.count > 1 {
            problems.append(RoundProblem(recordID: nil, message: "\(open.count) rounds are open at once (\(open.map { "'\($0.name)'" }.joined(separator: ", "))), probably opened concurrently by two offices; close all but one with `actionplan round close NAME`"))
        }
        for (i, a) in rounds.enumerated() {
            for b in rounds[(i + 1)...] where a.isClosed && b.isClosed && Self.overlap(a.opens, a.lastDay, b.opens, b.lastDay) {
                problems.append(RoundProblem(recordID: nil, message: "rounds '\(a.name)' (\(a.opens) to \(a.lastDay)) and '\(b.name)' (\(b.opens) to \(b.lastDay)) overlap"))
            }
        }
    }

    // MARK: - Queries

    /// The rounds not yet closed.
    public var openRounds: [Round] { rounds.filter { !$0.isClosed } }

    /// The open round (the one opened last if a concurrent open left several).
    public var current: Round? {
        openRounds.max { a, b in a.opens != b.opens ? a.opens < b.opens : a.openedAt < b.openedAt }
    }

    /// The round of that name, without regard to case.
    public func round(named name: String) -> Round? {
        let key = Round.key(name)
        return rounds.first { Round.key($0.name) == key }
    }

    /// The round of that name, or a refusal that lists the rounds (with "did you mean").
    public func lookup(_ name: String) -> Result<Round, RoundRefusal> {
        if let found = round(named: name) { return .success(found) }
        if rounds.isEmpty { return .failure(RoundRefusal("unknown round '\(name)': no round has been opened yet (`actionplan round open NAME --due YYYY-MM-DD`)")) }
        let close = Suggestions.closest(to: name, among: rounds.map(\.name), limit: 1)
        return .failure(RoundRefusal("unknown round '\(name)'" + (close.first.map { "; did you mean '\($0)'?" } ?? "")
            + " (rounds: \(rounds.map { "'\($0.name)'" }.joined(separator: ", ")))"))
    }

    /// The rounds as marks on a time axis (for charts).
    public var marks: [RoundMark] { rounds.map { RoundMark(name: $0.name, opens: $0.opens, due: $0.due, closed: $0.closedAt) } }

    /// The dates a trend chart marks for each round: its opening day, and its close (or, while it is
    /// open, its deadline).
    public var chartMarks: [ChartMark] {
        rounds.flatMap { round -> [ChartMark] in
            let end = round.closedAt.map { ChartMark(date: $0, label: "\(round.name) closed") }
                ?? Timestamp.day(round.due).map { ChartMark(date: $0, label: "\(round.name) due") }
            return [ChartMark(date: round.opensAt, label: "\(round.name) opened")] + (end.map { [$0] } ?? [])
        }
    }

    // MARK: - Rules for a new record

    /// Why a round may not open (nil: it may).
    ///
    /// Refused: a name already used; while another round is open; a period that overlaps a closed
    /// round's (sharing only the closing day is allowed, so the next round can open the day the last one
    /// closed); a due date before the opening day; a due date before `today` unless `allowPast` (for
    /// recording a past round such as the 2021 survey).
    public func refusalToOpen(name: String, opens: String, due: String, today: String, allowPast: Bool) -> RoundRefusal? {
        if let existing = round(named: name) {
            return RoundRefusal("a round named '\(existing.name)' already exists \(existing.described); choose another name")
        }
        if due < opens { return RoundRefusal("--due \(due) is before the opening day \(opens)") }
        if due < today, !allowPast {
            return RoundRefusal("--due \(due) is in the past (today is \(today)); to record a past round, give --opens and --allow-past")
        }
        if let open = openRounds.first {
            return RoundRefusal("round \(open.described) is still open; close it first with `actionplan round close \"\(open.name)\"`")
        }
        if let clash = rounds.first(where: { Self.overlap(opens, due, $0.opens, $0.lastDay) }) {
            return RoundRefusal("the period \(opens) to \(due) overlaps round \(clash.described); rounds may share only the day one closes and the next opens")
        }
        return nil
    }

    /// The round to close: `name`, or the open round; refused for an unknown or closed round, a close
    /// instant before the round opened, or no open round.
    public func roundToClose(name: String?, at instant: Timestamp) -> Result<Round, RoundRefusal> {
        let round: Round
        if let name {
            switch lookup(name) {
            case .success(let found): round = found
            case .failure(let refusal): return .failure(refusal)
            }
        } else {
            let open = openRounds
            guard let only = open.first else {
                return .failure(RoundRefusal("no round is open" + (rounds.isEmpty ? "" : " (rounds: \(rounds.map { "'\($0.name)'" }.joined(separator: ", ")))")))
            }
            guard open.count == 1 else {
                return .failure(RoundRefusal("\(open.count) rounds are open (\(open.map { "'\($0.name)'" }.joined(separator: ", "))); name the one to close"))
            }
            round = only
        }
        if let closedAt = round.closedAt {
            return .failure(RoundRefusal("round '\(round.name)' is already closed (by \(round.closedBy ?? "?"), as of \(closedAt.shortDescription) UTC); its snapshot cannot change"))
        }
        if instant < round.opensAt {
            return .failure(RoundRefusal("the close (\(instant.day)) would come before round '\(round.name)' opens (\(round.opens)); a round closes on or after its opening day"))
        }
        return .success(round)
    }

    // MARK: - Records

    /// The `round.open` record: `name`, `opens`, `due`.
    public static func openRecord(id: String, time: Timestamp, author: String, name: String, opens: String, due: String) -> OfficeRecord {
        OfficeRecord(id: id, time: time, author: author, kind: openKind,
                     fields: ["name": .text(name), "opens": .text(opens), "due": .text(due)])
    }

    /// The `round.close` record: the round's `name`, its open record (`round`) and the snapshot instant (`at`).
    public static func closeRecord(id: String, time: Timestamp, author: String, round: Round, at: Timestamp) -> OfficeRecord {
        OfficeRecord(id: id, time: time, author: author, kind: closeKind,
                     fields: ["name": .text(round.name), "round": .text(round.openID), "at": .text(at.description)])
    }

    /// Whether two day ranges share more than a boundary day.
    static func overlap(_ a1: String, _ a2: String, _ b1: String, _ b2: String) -> Bool {
        (a1 < b2 && b1 < a2) || (a1 == b1)
    }
}

/// Why a round record was refused, in words for the desk officer.
public struct RoundRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Something the round fold decided about concurrent or malformed records.
public struct RoundProblem: Sendable, Equatable {
    /// The record concerned, nil for a problem of several rounds.
    public var recordID: String?
    public var message: String
}

/// Round names: one line of text, 1–80 characters.
public enum RoundName {
    /// The trimmed name, or nil when it is empty, too long or holds a control character.
    public static func check(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= 80,
              !trimmed.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) else { return nil }
        return trimmed
    }
}
