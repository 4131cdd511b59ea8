import ActionPlanModel
import TerminalKit

/// `C`: two reporting rounds side by side, as the CLI's `round compare` shows them.
///
/// The comparison is computed by `update` (when the view opens, a round is changed, or the store
/// reloads), never while drawing. A closed round's snapshot needs the whole history, so a store opened
/// with recent history only asks the store to compare (`waiting`), which reads one whole journal at a
/// time: the session never holds the whole history.
public struct RoundCompareView: Equatable, Sendable {
    /// Indexes into `RoundBook.rounds`.
    public var a: Int
    public var b: Int
    public var scroll = 0
    public var comparison: RoundComparison?
    /// The comparison was asked of the store (`.compareRounds`); it follows when it arrives.
    public var waiting = false

    public init(a: Int, b: Int) {
        self.a = a
        self.b = b
    }

    /// The rows the view shows, at most `width` columns each: counts per pillar and per State, what
    /// moved, and per State what B did not review.
    static func lines(_ c: RoundComparison, width: Int) -> [String] {
        func pad(_ text: String, _ w: Int) -> String { TextWidth.fit(text, to: w) }
        func counts(_ t: RoundComparison.Tally) -> String {
            [t.improved, t.regressed, t.stayed, t.other, t.notReviewed].map { pad(String($0), 10) }.joined(separator: " ")
        }
        let head = ["▲ better", "▼ worse", "= same", "other", "unreviewed"].map { pad($0, 10) }.joined(separator: " ")
        let label = max(12, min(28, width - 56))
        var lines = [pad("PILLAR", label) + " " + head]
        for t in c.byPillar { lines.append(pad(t.label, label) + " " + counts(t)) }
        lines.append("")
        lines.append(pad("STATE", label) + " " + head)
        for t in c.byState { lines.append(pad("\(t.key) \(t.label)", label) + " " + counts(t)) }
        lines.append(pad("Total", label) + " " + counts(c.total))
        let moved = c.moved
        lines.append("")
        lines.append("Changed between the rounds: \(moved.count)")
        for r in moved {
            let mark = switch r.direction { case .improved: "▲"; case .regressed: "▼"; default: "·" }
            lines.append("  \(mark) \(r.state) \(r.action)  \(r.before.label) → \(r.after.label)")
        }
        lines.append("")
        lines.append("Not reviewed in '\(c.b.name)' (no event since \(c.b.opens)): \(Plural.count(c.total.notReviewed, "pair"))")
        for t in c.byState where t.notReviewed > 0 {
            let actions = c.rows.filter { $0.state == t.key && !$0.reviewed }.map(\.action)
            let text = "\(t.key) \(t.label): " + (t.notReviewed == t.total ? "all \(t.total)" : "\(t.notReviewed) of \(t.total): " + actions.joined(separator: ", "))
            for (i, row) in TextWrap.wrap(Sanitizer.line(text), width: max(10, width - 4)).enumerated() {
                lines.append((i == 0 ? "  " : "    ") + row)
            }
        }
        return lines.map { TextWidth.truncate(Sanitizer.line($0), to: width) }
    }
}

/// Draws the comparison over the body of the screen.
enum RoundCompareDrawing {
    static func draw(_ state: AppState, _ view: RoundCompareView, into canvas: inout Canvas) {
        let screen = canvas.screen
        let rect = Rect(x: 1, y: 2, width: screen.width - 2, height: screen.height - 3)
        let rounds = state.rounds.rounds
        guard view.a < rounds.count, view.b < rounds.count else { return }
        canvas.box(rect, title: "Rounds compared")
        let inner = rect.width - 4
        func describe(_ r: Round) -> String {
            "\(r.name) (" + (r.closedAt.map { "as of its close \($0.shortDescription)" } ?? "open: as of now") + ")"
        }
        canvas.text("A " + describe(rounds[view.a]), x: rect.x + 2, y: rect.y + 1, width: inner, style: .bold)
        canvas.text("B " + describe(rounds[view.b]), x: rect.x + 2, y: rect.y + 2, width: inner, style: .bold)
        let top = rect.y + 4, height = rect.maxY - 1 - top
        guard let comparison = view.comparison else {
            canvas.text(view.waiting ? "comparing the rounds, one State's history at a time…" : "", x: rect.x + 2, y: top, width: inner, style: canvas.theme.dim)
            return
        }
        let lines = RoundCompareView.lines(comparison, width: inner)
        for (i, line) in lines.dropFirst(view.scroll).prefix(height).enumerated() {
            let heading = line.hasPrefix("PILLAR") || line.hasPrefix("STATE ") || line.hasPrefix("Changed") || line.hasPrefix("Not reviewed")
            canvas.text(line, x: rect.x + 2, y: top + i, width: inner, style: heading ? canvas.theme.title : .plain)
        }
    }
}

/// What the TUI asks the store to compare (`Effect.compareRounds`) when the session holds only recent
/// history: the store reads one whole journal at a time, so the whole history is never in memory.
public struct RoundCompareRequest: Equatable, Sendable {
    public var catalog: Catalog
    public var a: Round
    public var b: Round
    public var states: [Participant]

    public init(catalog: Catalog, a: Round, b: Round, states: [Participant]) {
        self.catalog = catalog
        self.a = a
        self.b = b
        self.states = states
    }
}
