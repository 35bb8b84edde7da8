// SPDX-License-Identifier: GPL-3.0-or-later

// libFuzzer target: any bytes as a CSV table, read as a municipality table and as a cohort table.
import Foundation
import SettleCore
import SettleIO

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTables(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    guard let text = try? TextFile.decode(bytes, name: "fuzz.csv") else { return 0 }
    if let table = try? CSVTable.parse(text, file: "fuzz.csv") {
        _ = try? table.columns(required: ["a", "b"], optional: ["c"])
    }
    let municipalities = try? MunicipalityTableReader.parse(text, file: "fuzz.csv")
    let known = Set((municipalities ?? []).map(\.id) + ["0301", "4601"])
    _ = try? CohortTableReader.parse(text, file: "fuzz.csv", municipalities: known)
    _ = try? CohortTableReader.parse(text, file: "fuzz.csv")
    return 0
}
