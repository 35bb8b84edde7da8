// SPDX-License-Identifier: GPL-3.0-or-later

import Foundation

/// A comma-separated table with a header row, keeping each row's line number for errors.
public struct CSVTable: Sendable {
    public struct Row: Sendable {
        public var line: Int
        public var fields: [String]
    }

    public var file: String
    public var header: [String]
    public var rows: [Row]

    /// Parses RFC 4180 CSV: quoted fields may hold commas, quotes ("") and newlines.
    public static func parse(_ text: String, file: String) throws(InputError) -> CSVTable {
        var records: [Row] = []
        var field = ""
        var fields: [String] = []
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var fieldWasQuoted = false
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func endRecord() {
            fields.append(field)
            // Blank lines (a trailing newline, a spreadsheet's empty row) are skipped.
            if !(fields.count == 1 && fields[0].isEmpty && !fieldWasQuoted) {
                records.append(Row(line: recordLine, fields: fields))
            }
            fields = []
            field = ""
            fieldWasQuoted = false
        }
        while let scalar = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if scalar == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.unicodeScalars.append("\"") } else { inQuotes = false; pending = next }
                    } else {
                        inQuotes = false
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"":
                if field.isEmpty {
                    inQuotes = true
                    fieldWasQuoted = true
                } else {
                    throw InputError(
                        file: file, line: line,
                        message:
                            "a quote inside an unquoted field; quote the whole field and double inner quotes (\"\")")
                }
            case ",":
                fields.append(field)
                field = ""
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            default:
                field.unicodeScalars.append(scalar)
            }
        }
        if inQuotes {
            throw InputError(
                file: file, line: recordLine, message: "a quoted field is never closed; add the closing quote")
        }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRecord() }
        guard let first = records.first else {
            throw InputError(file: file, message: "is empty; it needs a header row and at least one data row")
        }
        let header = first.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        if header.count == 1, let only = header.first, only.contains(";") || only.contains("\t") {
            let separator = only.contains(";") ? "';'" : "tabs"
            throw InputError(
                file: file, line: first.line, message: "uses \(separator) to separate columns; save it with commas")
        }
        var table = CSVTable(file: file, header: header, rows: Array(records.dropFirst()))
        for row in table.rows where row.fields.count != header.count {
            throw InputError(
                file: file, line: row.line,
                message:
                    "has \(row.fields.count) fields but the header has \(header.count); check for missing or extra commas"
            )
        }
        table.rows = table.rows.map {
            Row(line: $0.line, fields: $0.fields.map { $0.trimmingCharacters(in: .whitespaces) })
        }
        return table
    }

    /// Column positions for the required and optional names, or an error naming the missing ones.
    public func columns(required: [String], optional: [String] = []) throws(InputError) -> [String: Int] {
        var position: [String: Int] = [:]
        for (i, name) in header.enumerated() {
            let key = name.lowercased()
            if position[key] != nil {
                throw InputError(file: file, line: 1, message: "column '\(name)' appears twice; keep one")
            }
            position[key] = i
        }
        let missing = required.filter { position[$0] == nil }
        if !missing.isEmpty {
            throw InputError(
                file: file, line: 1,
                message:
                    "missing column\(missing.count > 1 ? "s" : "") \(missing.joined(separator: ", ")); the header needs \(required.joined(separator: ","))"
            )
        }
        let known = Set(required + optional)
        if let unknown = header.first(where: { !known.contains($0.lowercased()) }) {
            let hint =
                Suggestion.nearest(to: unknown.lowercased(), in: required + optional).map { "; did you mean '\($0)'?" }
                ?? "."
            throw InputError(
                file: file, line: 1,
                message:
                    "unknown column '\(unknown)'\(hint) Known columns: \((required + optional).joined(separator: ", "))"
            )
        }
        return position
    }
}
