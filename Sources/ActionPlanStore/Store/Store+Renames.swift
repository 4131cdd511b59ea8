import Foundation
import ActionPlanModel

extension Store {
    /// The id mapping of every catalog installation (renamed, split, merged actions), folded from the
    /// office log; every journal read applies it (`JournalReader.read`). Read again only when
    /// `office.jsonl` changed, so a store without installations pays one `stat` per journal read.
    /// An unreadable log maps nothing (its problems are reported by the load that reads it).
    func renameBook() -> RenameBook {
        let stamp = FileIO.stamp(officeLogPath)
        if let cached = renameMemo.get(stamp) { return cached }
        let records = (try? readOfficeLogUnlocked().records) ?? []
        let book = RenameBook(records: records)
        renameMemo.set(stamp, book)
        return book
    }
}

/// The last rename book and the office log stamp it was read at, safe to share between threads.
final class RenameMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var entry: (stamp: FileStamp?, book: RenameBook)?

    func get(_ stamp: FileStamp?) -> RenameBook? {
        lock.lock(); defer { lock.unlock() }
        guard let entry, entry.stamp == stamp else { return nil }
        return entry.book
    }

    func set(_ stamp: FileStamp?, _ book: RenameBook) {
        lock.lock(); defer { lock.unlock() }
        entry = (stamp, book)
    }
}
