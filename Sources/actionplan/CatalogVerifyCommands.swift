import ArgumentParser
import Foundation
import TerminalKit
import ActionPlanModel
import ActionPlanStore

/// `actionplan catalog verify ACTION --document …`: records that a reference was checked.
struct CatalogVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Record that an action's source reference was checked against an official document.",
        discussion: """
            Writes a catalog.verify office record (action, the reference as the catalog gives it now, the \
            document checked against, who). The reference then shows as verified until a catalog import \
            changes it (document, chapter, section or paragraph), or `catalog unverify` withdraws it.
            """)

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "The action id.") var action: String
    @Option(help: ArgumentHelp("The official document checked against (symbol, edition, where it was read).", valueName: "TEXT"))
    var document: String
    @OptionGroup var author: AuthorOptions

    func validate() throws {
        let trimmed = document.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty || trimmed.contains(where: \.isNewline) || trimmed.count > 500 {
            throw ValidationError("--document: give the document on one line (1–500 characters), for example \"PC.DEC/557/Rev.1, official PDF\"")
        }
    }

    func run() throws {
        let (store, loaded) = try storeOptions.load(states: [])
        let found = try loaded.tracker.requireAction(action)
        let who = Author.resolve(explicit: author.by, environment: ProcessInfo.processInfo.environment)
        let reference = found.source.locator
        let text = document.trimmingCharacters(in: .whitespacesAndNewlines)
        let written: OfficeRecord?
        do {
            written = try store.appendOffice { log throws(StoreError) -> OfficeRecord? in
                if let standing = VerificationBook(records: log.records).standing[found.id],
                   standing.reference == reference, standing.document == text { return nil }
                return OfficeRecord(id: EventID.make(), time: Timestamp(date: Date()), author: who, kind: VerificationBook.verifyKind,
                                    fields: ["action": .text(found.id), "reference": .text(reference), "document": .text(text), "by": .text(who)])
            }
        } catch {
            throw fail(error.description, code: ExitCodes.storeError)
        }
        if written == nil {
            print("\(found.id): '\(reference)' is already verified against '\(TerminalSafe.clean(text))'; nothing written")
        } else {
            print("\(found.id): '\(reference)' verified against '\(TerminalSafe.clean(text))' by \(TerminalSafe.clean(who))")
        }
    }
}

/// `actionplan catalog unverify ACTION`: withdraws a recorded verification.
struct CatalogUnverifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unverify",
        abstract: "Withdraw the verification of an action's source reference.")

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "The action id.") var action: String
    @OptionGroup var author: AuthorOptions

    func run() throws {
        let (store, loaded) = try storeOptions.load(states: [])
        let found = try loaded.tracker.requireAction(action)
        let who = Author.resolve(explicit: author.by, environment: ProcessInfo.processInfo.environment)
        let written: OfficeRecord?
        do {
            written = try store.appendOffice { log throws(StoreError) -> OfficeRecord? in
                guard VerificationBook(records: log.records).standing[found.id] != nil else { return nil }
                return OfficeRecord(id: EventID.make(), time: Timestamp(date: Date()), author: who, kind: VerificationBook.unverifyKind,
                                    fields: ["action": .text(found.id), "reference": .text(found.source.locator)])
            }
        } catch {
            throw fail(error.description, code: ExitCodes.storeError)
        }
        print(written == nil ? "\(found.id) has no verification; nothing written"
                             : "\(found.id): verification withdrawn by \(TerminalSafe.clean(who))")
    }
}
