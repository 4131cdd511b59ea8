import ActionPlanModel

/// Officers in the TUI: "my States", and the warning when someone edits a State another officer follows.
extension AppState {
    /// The States the user follows, when the user is a listed officer (empty otherwise).
    var myStates: [String] {
        guard let user = options.user else { return [] }
        return roster.officer(named: user)?.states ?? []
    }

    /// The States listed: every State the store tracks, or only the user's under "my States" (a State
    /// of theirs that is a partner hidden by the settings is listed too).
    func shownStates() -> [Participant] {
        myStatesOnly && !myStates.isEmpty ? Self.shownStates(tracker: tracker, mine: myStates) : tracker.states()
    }

    static func shownStates(tracker: Tracker, mine: [String]) -> [Participant] {
        let all = tracker.states()
        let listed = all.filter { mine.contains($0.code) }
        let extra = mine.filter { code in !listed.contains { $0.code == code } }.compactMap { tracker.directory.resolve($0) }
        return listed + extra
    }

    /// `M`: only my States, or every State again. The selection moves to the first of mine when the
    /// current State is not one of them.
    mutating func toggleMyStates() {
        myStatesOnly.toggle()
        states = shownStates()
        if myStatesOnly, let first = states.first, !states.contains(where: { $0.code == selection.code }) {
            selection = .state(first.code)
            marks = []
        } else if let code = selection.code, !states.contains(where: { $0.code == code }), let found = tracker.directory.resolve(code) {
            states.append(found)
        }
        refreshDerived()
        message = Message(myStatesOnly ? "my States: \(states.map(\.code).joined(separator: " ")) (M shows all)"
                                       : "all States (M shows only yours)", kind: .info)
    }

    /// "XA is followed by bob, not alice" when the user edits a State that other officers follow and
    /// they do not; nil when the user follows it, nobody does, or the user is unknown.
    func ownershipWarning(for codes: [String]) -> String? {
        guard let user = options.user else { return nil }
        var parts: [String] = []
        for code in codes where !parts.contains(where: { $0.hasPrefix(code + " ") }) {
            let followers = roster.officers(following: code)
            guard !followers.isEmpty, !followers.contains(where: { $0.lowercased() == user.lowercased() }) else { continue }
            parts.append("\(code) is followed by \(followers.joined(separator: " and "))")
        }
        return parts.isEmpty ? nil : "note: " + parts.joined(separator: "; ") + ", not \(user)"
    }

    // MARK: - The follow-up dialog

    func followUpForm(state code: String, action: String) -> Form {
        let current = tracker.assessment(state: code, action: action).followUp
        let officers = roster.officers.map(\.name)
        var form = Form(kind: .followUp(state: code, action: action, base: tracker.headIDs(state: code, action: action)),
                        title: "Follow-up: \(code) \(action)", fields: [
            .init("Date", .text(LineInput(current?.date.description ?? "")), hint: "YYYY-MM-DD, empty: clear"),
            .init("Owner", .text(LineInput(current?.owner ?? options.user.flatMap { roster.officer(named: $0)?.name } ?? "")),
                  hint: officers.isEmpty ? "optional" : officers.prefix(3).joined(separator: ", ") + (officers.count > 3 ? ", …" : "")),
        ])
        form.focus = 0
        return form
    }

    /// Enter in the follow-up dialog: a real date not in the past (or empty to clear) and a valid owner.
    mutating func applyFollowUp(_ form: Form, state code: String, action: String, base: [String]) -> [Effect] {
        var form = form
        let dateText = form.value("Date"), ownerText = form.value("Owner")
        var followUp: FollowUp?
        if dateText.isEmpty {
            if !ownerText.isEmpty { form.error = "give a date for \(ownerText) to follow up, or empty both to clear" }
        } else if let date = ReviewDate(parsing: dateText) {
            let today = now.map(ReviewDate.init)
            if let today, date < today, tracker.assessment(state: code, action: action).followUp?.date != date {
                form.error = "\(date) is in the past (today is \(today))"
            } else if ownerText.isEmpty {
                followUp = FollowUp(date: date)
            } else {
                switch PersonName.validate(ownerText) {
                case .success(let name): followUp = FollowUp(date: date, owner: roster.officer(named: name)?.name ?? name)
                case .failure(let error): form.error = error.description
                }
            }
        } else {
            form.error = "“\(dateText)” is not a date like 2026-01-31"
        }
        if form.error != nil {
            mode = .form(form)
            return []
        }
        mode = .browsing
        var after = tracker.assessment(state: code, action: action)
        after.followUp = followUp
        let what = followUp.map { "follow-up \($0.description)" } ?? "follow-up cleared"
        return record([(action, after)], state: code, what: "\(code) \(action) \(what)", bases: [action: base])
    }
}

/// What the Dashboard shows about follow-ups and officers, computed when the tracker or the day changes.
public struct DeskFigures: Equatable, Sendable {
    /// How far ahead "due soon" looks, in days.
    public static let soon: Int64 = 30
    /// Overdue and due-soon follow-ups of the listed States; nil until the runner reports the time.
    public var agenda: FollowUpAgenda?
    public var officers: [OfficerProgress] = []

    public init() {}

    public init(tracker: Tracker, roster: OfficerRoster, states: [String], today: ReviewDate?) {
        agenda = today.map { FollowUpAgenda(tracker: tracker, states: states, today: $0, within: Self.soon) }
        officers = today.map { OfficerProgress.all(roster: roster, tracker: tracker, today: $0) }
            ?? roster.officers.map { officer in
                var total = Progress()
                for code in officer.states { total.merge(tracker.progress(state: code)) }
                return OfficerProgress(officer: officer.name, states: officer.states, progress: total, overdue: 0)
            }
    }
}

extension AppState {
    mutating func refreshDesk() {
        desk = DeskFigures(tracker: tracker, roster: roster, states: states.map(\.code), today: now.map(ReviewDate.init))
    }
}
