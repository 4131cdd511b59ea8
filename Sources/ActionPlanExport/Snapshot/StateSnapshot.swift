import ActionPlanModel

/// One State in a snapshot: its figures overall and per pillar, and one row per trackable action.
public struct StateSnapshot: Sendable, Equatable {
    public var participant: Participant
    public var overall: Progress
    /// Figures per pillar id, for the pillars in scope.
    public var byPillar: [String: Progress]
    public var rows: [StatusRow]

    public init(participant: Participant, overall: Progress, byPillar: [String: Progress], rows: [StatusRow]) {
        self.participant = participant
        self.overall = overall
        self.byPillar = byPillar
        self.rows = rows
    }

    /// Folds the rows and figures of one State from its assessments (already as of the export date).
    public init(participant: Participant, pillars: [Pillar], assessments: [String: Assessment],
                heads: [String: [String]] = [:]) {
        self.participant = participant
        var overall = Progress()
        var byPillar: [String: Progress] = [:]
        var rows: [StatusRow] = []
        for pillar in pillars {
            var figures = Progress()
            for area in pillar.areas {
                for action in area.actions where action.isTrackable {
                    let assessment = assessments[action.id] ?? .unassessed
                    figures.add(assessment.status)
                    rows.append(StatusRow(state: participant, pillar: pillar, area: area, action: action,
                                          assessment: assessment, base: heads[action.id] ?? []))
                }
            }
            byPillar[pillar.id] = figures
            overall.merge(figures)
        }
        self.overall = overall
        self.byPillar = byPillar
        self.rows = rows
    }

    /// Whether anything is recorded for this State in scope: a status, a note or evidence.
    public var hasData: Bool {
        rows.contains { $0.assessment.status != .notAssessed || !$0.assessment.note.isEmpty || !$0.assessment.evidence.isEmpty }
    }

    /// The rows of one pillar, in catalog order.
    public func rows(ofPillar id: String) -> [StatusRow] { rows.filter { $0.pillarID == id } }
}

/// One State × action: where the action sits in the catalog and its assessment.
public struct StatusRow: Sendable, Equatable {
    public var stateCode: String
    public var stateName: String
    public var pillarID: String
    public var pillarTitle: String
    public var areaID: String
    public var areaTitle: String
    public var actionID: String
    public var actionTitle: String
    public var assessment: Assessment
    /// The head event ids behind the assessment (`[]`: never assessed), written to the CSV's `base`
    /// column so that an import can tell whether the store changed since the export.
    public var base: [String]

    public init(state: Participant, pillar: Pillar, area: Area, action: Action, assessment: Assessment,
                base: [String] = []) {
        self.base = base
        stateCode = state.code
        stateName = state.name
        pillarID = pillar.id
        pillarTitle = pillar.title
        areaID = area.id
        areaTitle = area.title
        actionID = action.id
        actionTitle = action.title
        self.assessment = assessment
    }
}
