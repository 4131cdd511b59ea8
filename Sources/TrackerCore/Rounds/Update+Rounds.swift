import ActionPlanModel
import TerminalKit

extension AppState {
    /// `r`: the "not reviewed this round" filter on or off.
    mutating func toggleNotReviewed() {
        filter.notReviewed.toggle()
        rebuildTree()
        if filter.notReviewed, let round = rounds.current {
            message = Message("not reviewed in '\(round.name)' (no event since \(round.opens)): "
                + "\(Plural.count(tree.items.filter { $0.id.actionID != nil }.count, "action")); r again shows all", kind: .info)
        } else {
            message = Message(filter.isActive ? "filter: \(filter.summary)" : "filter cleared", kind: .info)
        }
    }

    /// Per State in scope, the actions with an event since the current round opened (for the filter).
    mutating func refreshReviewed() {
        guard filter.notReviewed, let round = rounds.current else {
            reviewedThisRound = [:]
            return
        }
        let codes = selection.code.map { [$0] } ?? states.map(\.code)
        var reviewed: [String: Set<String>] = [:]
        for code in codes { reviewed[code] = tracker.journal(code).reviewedActions(from: round.opensAt, to: nil) }
        reviewedThisRound = reviewed
    }

    /// `C`: the comparison of the last two rounds (B: the current round, or the last one).
    mutating func openRoundComparison() -> [Effect] {
        let count = rounds.rounds.count
        let b = rounds.current.flatMap { current in rounds.rounds.firstIndex(of: current) } ?? count - 1
        let a = b > 0 ? b - 1 : (b + 1) % count
        return showComparison(RoundCompareView(a: a, b: b))
    }

    /// Keys while the comparison is open.
    mutating func handleRoundComparison(_ view: RoundCompareView, _ command: Command) -> [Effect] {
        var view = view
        let count = rounds.rounds.count
        let page = max(1, size.height - 8)
        switch command {
        case .cycleRoundA:
            view.a = (view.a + 1) % count
            if view.a == view.b { view.a = (view.a + 1) % count }
            view.scroll = 0
            return showComparison(view)
        case .cycleRoundB:
            view.b = (view.b + 1) % count
            if view.b == view.a { view.b = (view.b + 1) % count }
            view.scroll = 0
            return showComparison(view)
        case .moveUp: view.scroll -= 1
        case .moveDown: view.scroll += 1
        case .pageUp: view.scroll -= page
        case .pageDown: view.scroll += page
        default: break
        }
        let lines = view.comparison.map { RoundCompareView.lines($0, width: max(10, size.width - 6)).count } ?? 0
        view.scroll = max(0, min(view.scroll, lines - page))
        mode = .roundComparison(view)
        return []
    }

    /// Computes the view's comparison in memory when the session holds every event (or no closed round
    /// is involved); otherwise asks the store for it (`.compareRounds`), which reads one whole journal at
    /// a time, so the whole history is never loaded into the session.
    private mutating func showComparison(_ view: RoundCompareView) -> [Effect] {
        var view = view
        let a = rounds.rounds[view.a], b = rounds.rounds[view.b]
        if (a.isClosed || b.isClosed), !tracker.isHistoryComplete {
            view.comparison = nil
            view.waiting = true
            mode = .roundComparison(view)
            return [.compareRounds(RoundCompareRequest(catalog: tracker.catalog, a: a, b: b, states: states))]
        }
        view.waiting = false
        view.comparison = RoundComparison(tracker: tracker, a: a, b: b, states: states)
        mode = .roundComparison(view)
        return []
    }

    /// The store's answer: shown if the view still compares those two rounds (an older answer is dropped).
    mutating func roundsCompared(_ request: RoundCompareRequest, _ comparison: RoundComparison) {
        guard case .roundComparison(var view) = mode, view.waiting, isCurrent(request, view) else { return }
        view.waiting = false
        view.comparison = comparison
        mode = .roundComparison(view)
    }

    mutating func roundsCompareFailed(_ request: RoundCompareRequest, _ reason: String) {
        guard case .roundComparison(let view) = mode, view.waiting, isCurrent(request, view) else { return }
        mode = .browsing
        message = Message("the rounds could not be compared: \(reason)", kind: .error)
    }

    private func isCurrent(_ request: RoundCompareRequest, _ view: RoundCompareView) -> Bool {
        view.a < rounds.rounds.count && view.b < rounds.rounds.count
            && rounds.rounds[view.a] == request.a && rounds.rounds[view.b] == request.b && request.states == states
    }

    /// After a save or a reload: the open comparison asks the store again when it cannot be made here.
    var roundComparisonNeeded: [Effect] {
        guard case .roundComparison(let view) = mode, view.waiting,
              view.a < rounds.rounds.count, view.b < rounds.rounds.count else { return [] }
        return [.compareRounds(RoundCompareRequest(catalog: tracker.catalog, a: rounds.rounds[view.a], b: rounds.rounds[view.b],
                                                   states: states))]
    }

    /// After the store changed (a save, a reload, the whole history arriving): the open comparison again.
    mutating func refreshRoundComparison() {
        guard case .roundComparison(var view) = mode else { return }
        guard view.a < rounds.rounds.count, view.b < rounds.rounds.count, view.a != view.b else {
            mode = .browsing
            return
        }
        let a = rounds.rounds[view.a], b = rounds.rounds[view.b]
        guard !(a.isClosed || b.isClosed) || tracker.isHistoryComplete else {
            // The store compares again (`roundComparisonNeeded`); the last comparison stays on screen meanwhile.
            view.waiting = true
            mode = .roundComparison(view)
            return
        }
        view.waiting = false
        view.comparison = RoundComparison(tracker: tracker, a: a, b: b, states: states)
        mode = .roundComparison(view)
    }
}

extension Chrome {
    /// The current round and its countdown for the header ("2027 survey · 43 days left"), fitted into
    /// `room` columns by shortening the name first; nil without an open round or room for it.
    static func roundNote(_ state: AppState, room: Int) -> String? {
        guard let round = state.rounds.current else { return nil }
        let name = Sanitizer.line(round.name)
        guard let today = state.now?.day else { return TextWidth.columns(of: name) <= room ? name : nil }
        let countdown = round.countdown(today: today)
        let nameRoom = room - TextWidth.columns(of: countdown) - 3
        guard nameRoom >= 4 else { return nil }
        return TextWidth.truncate(name, to: nameRoom) + " · " + countdown
    }
}
