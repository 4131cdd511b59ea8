import Foundation
import ActionPlanModel
import ZIPFoundation

/// Puts worksheets into an Office Open XML package (a ZIP of XML parts) and returns its bytes.
///
/// ZIPFoundation builds the archive in memory; this target still touches no file. Only the parts a
/// spreadsheet needs are written: content types, the package and workbook relationships, the
/// workbook (with the autofilter's hidden defined names), the styles and one part per sheet. Every
/// entry carries the same modification time (the export's), so the same snapshot gives the same bytes.
enum XLSXPackage {
    static func bytes(_ sheets: [XLSXSheet], modified: Timestamp) -> [UInt8] {
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes(sheets.count)),
            ("_rels/.rels", packageRelationships),
            ("xl/workbook.xml", workbook(sheets)),
            ("xl/_rels/workbook.xml.rels", workbookRelationships(sheets.count)),
            ("xl/styles.xml", XLSXStyle.stylesXML),
        ]
        for (i, sheet) in sheets.enumerated() { parts.append(("xl/worksheets/sheet\(i + 1).xml", sheet.xml)) }
        do {
            let archive = try Archive(accessMode: .create)
            // ZIP (DOS) times start in 1980; an earlier snapshot time is clamped there.
            let date = Date(timeIntervalSince1970: max(Double(modified.milliseconds) / 1000, 315_532_800 + 86_400))
            for (path, text) in parts {
                let data = Data(text.utf8)
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                                     compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { preconditionFailure("an in-memory archive has data") }
            return [UInt8](data)
        } catch {
            // Writing to memory can only fail through a programming error (a duplicate path, say).
            preconditionFailure("building the XLSX package failed: \(error)")
        }
    }

    private static let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    private static let relationshipNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"
    private static let officeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    private static func contentTypes(_ count: Int) -> String {
        header + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
            + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
            + #"<Default Extension="xml" ContentType="application/xml"/>"#
            + #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
            + #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
            + (1...max(count, 1)).map {
                #"<Override PartName="/xl/worksheets/sheet\#($0).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
            }.joined()
            + "</Types>"
    }

    private static var packageRelationships: String {
        header + #"<Relationships xmlns="\#(relationshipNamespace)">"#
            + #"<Relationship Id="rId1" Type="\#(officeRelationships)/officeDocument" Target="xl/workbook.xml"/>"#
            + "</Relationships>"
    }

    private static func workbook(_ sheets: [XLSXSheet]) -> String {
        var out = header + #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="\#(officeRelationships)">"#
        out += "<sheets>"
        for (i, sheet) in sheets.enumerated() {
            out += #"<sheet name="\#(XMLText.escape(sheet.name))" sheetId="\#(i + 1)" r:id="rId\#(i + 1)"/>"#
        }
        out += "</sheets>"
        let filtered = sheets.enumerated().filter { $0.element.isTable }
        if !filtered.isEmpty {
            out += "<definedNames>"
            for (i, sheet) in filtered {
                let quoted = "'" + sheet.name.replacingOccurrences(of: "'", with: "''") + "'"
                let range = sheet.tableRange.split(separator: ":").map { cell in
                    "$" + String(cell.prefix { $0.isLetter }) + "$" + String(cell.drop { $0.isLetter })
                }.joined(separator: ":")
                out += #"<definedName name="_xlnm._FilterDatabase" localSheetId="\#(i)" hidden="1">"#
                    + XMLText.escape(quoted + "!" + range) + "</definedName>"
            }
            out += "</definedNames>"
        }
        return out + "</workbook>"
    }

    private static func workbookRelationships(_ count: Int) -> String {
        header + #"<Relationships xmlns="\#(relationshipNamespace)">"#
            + (1...max(count, 1)).map {
                #"<Relationship Id="rId\#($0)" Type="\#(officeRelationships)/worksheet" Target="worksheets/sheet\#($0).xml"/>"#
            }.joined()
            + #"<Relationship Id="rId\#(count + 1)" Type="\#(officeRelationships)/styles" Target="styles.xml"/>"#
            + "</Relationships>"
    }
}
