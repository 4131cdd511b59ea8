import Foundation
import ActionPlanModel

/// What `Store.installCatalog` did.
public struct CatalogInstall: Sendable, Equatable {
    /// The version now in `store.json`.
    public var version: String
    /// The version it replaced.
    public var from: String
    /// The office record that says who installed what.
    public var record: OfficeRecord
}

/// The catalog as an office edits and installs it: reading a catalog file with located problems,
/// writing it canonically, and its version.
public enum CatalogFile {
    /// Parses a catalog file (the store's `catalog.json` format): syntax and shape errors, then the
    /// catalog's own problems (duplicate ids, empty titles, unknown pillars or tags), each at its
    /// file:line:column.
    public static func decode(_ bytes: [UInt8], file: String) -> (Catalog?, [StoreProblem]) {
        do {
            let (catalog, root) = try CatalogLoader.decodeCatalog(bytes, file: file)
            let problems = CatalogLoader.problems(in: catalog, root: root, bytes: bytes, file: file)
            return problems.isEmpty ? (catalog, []) : (nil, problems)
        } catch {
            return (nil, [StoreProblem(.error, file: error.file, location: error.location, message: error.message)])
        }
    }

    /// The catalog as JSON: pretty, keys sorted, the version label without its content hash, and no
    /// `verified` claim (verifications are office records, never part of an installed file).
    public static func encode(_ catalog: Catalog, keepVerified: Bool) -> [UInt8] {
        var plain = keepVerified ? catalog : VerificationBook(records: []).apply(to: catalog)
        plain.version = label(of: catalog.version)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return [UInt8]((try? encoder.encode(plain)) ?? Data()) + [0x0A]
    }

    /// `2026.11.29+3f9a1c2e` → `2026.11.29`.
    public static func label(of version: String) -> String {
        String(version.split(separator: "+", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
    }

    /// The version of an installed catalog: the file's label and the first 8 hex digits of the FNV-1a
    /// hash of the installed bytes (an office that edits a catalog seldom bumps its label; the hash
    /// tells two installations apart all the same).
    public static func version(label: String, bytes: [UInt8]) -> String {
        let hex = String(FNV1a.of(bytes) >> 32, radix: 16)
        return Self.label(of: label) + "+" + String(repeating: "0", count: 8 - hex.count) + hex
    }
}

extension Store {
    /// Installs `catalog` as the store's `catalog.json`, under the exclusive lock, if the catalog in use
    /// still has the version `expecting` (else `.headMoved`: someone installed another one meanwhile).
    ///
    /// The office record `catalog.install` {version, from, catalog, renames} is appended first, then
    /// `catalog.json` and `store.json` are replaced atomically. A crash in between leaves a record whose
    /// version is not in `store.json`; running the same import again completes it (the mapping applies
    /// the same way twice).
    public func installCatalog(_ catalog: Catalog, expecting: String, renames: [(old: String, new: String)],
                               author: String, time: Timestamp, recordID: String) throws(StoreError) -> CatalogInstall {
        guard isWritable else { throw StoreError(.io, file: path, message: "the store is read-only for this user; nothing was written") }
        return try withLock(.exclusive) { () throws(StoreError) -> CatalogInstall in
            _ = try prepareForWriting()
            let (current, _) = try loadCatalog()
            guard current.version == expecting else {
                throw StoreError(.headMoved, file: catalogPath, message: "the catalog in use changed while this import was checked (now \(current.version), "
                    + "checked against \(expecting)); nothing was written; run the import again")
            }
            let bytes = CatalogFile.encode(catalog, keepVerified: false)
            let version = CatalogFile.version(label: catalog.version, bytes: bytes)
            var fields: [String: OfficeValue] = ["version": .text(version), "from": .text(current.version), "catalog": .text(catalog.id)]
            if !renames.isEmpty { fields["renames"] = .list(renames.map { RenameBook.entry(old: $0.old, new: $0.new) }) }
            let record = OfficeRecord(id: recordID, time: time, author: author, kind: RenameBook.installKind, fields: fields)
            try FileIO.appendLines(Data((OfficeLogCodec.encode(record) + "\n").utf8), to: officeLogPath)
            try FileIO.writeAtomically(Data(bytes), to: catalogPath)
            var manifest = try StoreManifest.decode([UInt8](try FileIO.read(manifestPath)), file: manifestPath)
            manifest.catalogID = catalog.id
            manifest.catalogVersion = version
            try FileIO.writeAtomically(Data(manifest.encoded().utf8), to: manifestPath)
            return CatalogInstall(version: version, from: current.version, record: record)
        }
    }
}
