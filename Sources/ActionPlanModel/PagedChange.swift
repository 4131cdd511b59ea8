/// One change of a history page: the event, the status of its action just before and after it (in
/// the action's causal order), and whether it is an undo or a redo.
///
/// What a page of history read from the end of the journals can tell exactly without folding every
/// event (the store's `newestChanges`); the History screen and `history --limit` show no more.
public struct PagedChange: Sendable, Equatable {
    public var event: ChangeEvent
    public var statusBefore: Status
    public var statusAfter: Status
    public var compensation: Compensation?

    public init(event: ChangeEvent, statusBefore: Status, statusAfter: Status, compensation: Compensation?) {
        self.event = event
        self.statusBefore = statusBefore
        self.statusAfter = statusAfter
        self.compensation = compensation
    }
}
