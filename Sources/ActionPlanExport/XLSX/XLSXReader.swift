import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// Reads the cells of every worksheet of an XLSX file, as a spreadsheet saved it.
///
/// Handles what Excel, LibreOffice and openpyxl write when a desk officer saves the file again:
/// shared strings and inline strings (rich-text runs joined, phonetic runs ignored), `_xHHHH_` escapes,
/// numbers, booleans, rows and cells without their `r` reference, namespace prefixes. A cell holding a
/// formula or an error value is reported rather than read: its text was not typed by anyone.
public enum XLSXReader {
    /// One worksheet: its name and its rows (row number → cells by column index).
    public struct Sheet: Sendable, Equatable {
        public var name: String
        public var rows: [Row]
    }

    /// One row as stored: its spreadsheet row number and its cells by column index (0 = A).
    public struct Row: Sendable, Equatable {
        public var number: Int
        public var cells: [Int: Cell]
    }

    /// A cell's value as the spreadsheet stored it.
    public enum Cell: Sendable, Equatable {
        case text(String)
        case number(Double)
        case formula
        case error(String)
    }

    /// Why a file could not be read at all.
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// A file that unpacks to more than this is refused (a ZIP bomb must not exhaust memory).
    public static let maximumUnpackedBytes = 256 << 20

    /// Every worksheet, in workbook order.
    public static func sheets(_ bytes: [UInt8]) -> Result<[Sheet], Failure> {
        let archive: Archive
        do { archive = try Archive(data: Data(bytes), accessMode: .read) } catch {
            return .failure(Failure(message: "not an XLSX file (it is not a ZIP archive); save it as an Excel workbook (.xlsx)"))
        }
        var unpacked = 0
        func part(_ path: String) throws(Failure) -> Data? {
            guard let entry = archive[path] else { return nil }
            unpacked += Int(clamping: entry.uncompressedSize)
            guard unpacked <= maximumUnpackedBytes else {
                throw Failure(message: "the workbook unpacks to more than \(maximumUnpackedBytes >> 20) MiB; refused")
            }
            var data = Data()
            do { _ = try archive.extract(entry, skipCRC32: false) { data.append($0) } } catch {
                throw Failure(message: "\(path) inside the workbook is damaged (\(error))")
            }
            return data
        }
        do throws(Failure) {
            guard let workbook = try part("xl/workbook.xml") else {
                return .failure(Failure(message: "not an XLSX workbook (no xl/workbook.xml); save it as an Excel workbook (.xlsx)"))
            }
            let relationships = try part("xl/_rels/workbook.xml.rels").map(parseRelationships) ?? [:]
            let shared = try part("xl/sharedStrings.xml").map(parseSharedStrings) ?? []
            var sheets: [Sheet] = []
            for (name, id) in try parseWorkbook(workbook) {
                guard let target = relationships[id] else { throw Failure(message: "sheet '\(name)' has no part in the workbook") }
                let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
                guard let data = try part(path) else { throw Failure(message: "sheet '\(name)' is missing (\(path))") }
                sheets.append(Sheet(name: name, rows: try parseSheet(data, shared: shared, name: name)))
            }
            return .success(sheets)
        } catch {
            return .failure(error)
        }
    }

    // MARK: - Parts

    /// Sheet names and relationship ids, in workbook order.
    static func parseWorkbook(_ data: Data) throws(Failure) -> [(String, String)] {
        var sheets: [(String, String)] = []
        try XMLWalk.run(data, part: "xl/workbook.xml") { event in
            if case .start("sheet", let attributes) = event, let name = attributes["name"] {
                let id = attributes.first { $0.key == "id" || $0.key.hasSuffix(":id") }?.value ?? ""
                sheets.append((name, id))
            }
        }
        return sheets
    }

    static func parseRelationships(_ data: Data) throws(Failure) -> [String: String] {
        var targets: [String: String] = [:]
        try XMLWalk.run(data, part: "xl/_rels/workbook.xml.rels") { event in
            if case .start("Relationship", let attributes) = event, let id = attributes["Id"], let target = attributes["Target"] {
                targets[id] = target
            }
        }
        return targets
    }

    static func parseSharedStrings(_ data: Data) throws(Failure) -> [String] {
        var strings: [String] = []
        var current = "", inText = false, phonetic = 0
        try XMLWalk.run(data, part: "xl/sharedStrings.xml") { event in
            switch event {
            case .start("si", _): current = ""
            case .end("si"): strings.append(XMLText.unescape(current))
            case .start("rPh", _): phonetic += 1
            case .end("rPh"): phonetic -= 1
            case .start("t", _): inText = phonetic == 0
            case .end("t"): inText = false
            case .text(let text) where inText: current += text
            default: break
            }
        }
        return strings
    }

    static func parseSheet(_ data: Data, shared: [String], name: String) throws(Failure) -> [Row] {
        var rows: [Row] = []
        var row = Row(number: 0, cells: [:])
        var column = -1, type = "n", value = "", text = "", inValue = false, inText = false, phonetic = 0
        var hasFormula = false
        var badIndex: Int?
        try XMLWalk.run(data, part: "sheet '\(name)'") { event in
            switch event {
            case .start("row", let attributes):
                row = Row(number: attributes["r"].flatMap { Int($0) } ?? (rows.last?.number ?? 0) + 1, cells: [:])
                column = -1
            case .end("row"):
                rows.append(row)
            case .start("c", let attributes):
                column = attributes["r"].flatMap(columnIndex) ?? column + 1
                type = attributes["t"] ?? "n"
                value = ""; text = ""; hasFormula = false
            case .start("f", _): hasFormula = true
            case .start("v", _): inValue = true
            case .end("v"): inValue = false
            case .start("rPh", _): phonetic += 1
            case .end("rPh"): phonetic -= 1
            case .start("t", _): inText = phonetic == 0
            case .end("t"): inText = false
            case .text(let chunk):
                if inValue { value += chunk } else if inText { text += chunk }
            case .end("c"):
                let cell: Cell?
                if hasFormula {
                    cell = .formula
                } else {
                    switch type {
                    case "inlineStr": cell = .text(XMLText.unescape(text))
                    case "s":
                        if let index = Int(value.trimmingCharacters(in: .whitespaces)), shared.indices.contains(index) {
                            cell = .text(shared[index])
                        } else {
                            badIndex = row.number
                            cell = nil
                        }
                    case "str", "d": cell = .text(XMLText.unescape(value))
                    case "b": cell = .text(value.trimmingCharacters(in: .whitespaces) == "1" ? "TRUE" : "FALSE")
                    case "e": cell = .error(value)
                    default:
                        let trimmed = value.trimmingCharacters(in: .whitespaces)
                        cell = trimmed.isEmpty ? nil : Double(trimmed).map { .number($0) } ?? .text(trimmed)
                    }
                }
                if let cell, column >= 0 { row.cells[column] = cell }
            default: break
            }
        }
        if let badIndex { throw Failure(message: "sheet '\(name)', row \(badIndex): a shared string is missing; the file is damaged") }
        return rows
    }

    /// The column index of a reference such as `M12` (0 = A), or nil.
    static func columnIndex(_ reference: String) -> Int? {
        var index = 0, letters = 0
        for scalar in reference.unicodeScalars {
            guard ("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar) else { break }
            index = index * 26 + Int(scalar.properties.uppercaseMapping.unicodeScalars.first!.value) - 64
            letters += 1
        }
        return letters == 0 || letters > 3 ? nil : index - 1
    }
}

/// A callback walk over an XML part (FoundationXML's SAX parser), element names without prefixes.
enum XMLWalk {
    enum Event {
        case start(String, [String: String])
        case end(String)
        case text(String)
    }

    static func run(_ data: Data, part: String, _ visit: @escaping (Event) -> Void) throws(XLSXReader.Failure) {
        let parser = XMLParser(data: data)
        let delegate = Delegate(visit: visit)
        parser.delegate = delegate
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        guard parser.parse() else {
            let reason = parser.parserError.map { "\($0.localizedDescription)" } ?? "unreadable XML"
            throw XLSXReader.Failure(message: "\(part) inside the workbook is not well-formed XML (line \(parser.lineNumber): \(reason))")
        }
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        let visit: (Event) -> Void
        init(visit: @escaping (Event) -> Void) { self.visit = visit }

        private func local(_ name: String) -> String {
            name.split(separator: ":").last.map(String.init) ?? name
        }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            visit(.start(local(elementName), attributeDict))
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            visit(.end(local(elementName)))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            visit(.text(string))
        }
    }
}
