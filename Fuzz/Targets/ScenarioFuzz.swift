// SPDX-License-Identifier: GPL-3.0-or-later

// libFuzzer target: any bytes as a scenario file, through the same path as `settle validate`.
// Thrown InputErrors are the expected answer to bad input; a trap, a crash or a hang is a finding.
import Foundation
import SettleCore
import SettleIO

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenario(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    do {
        let text = try TextFile.decode(bytes, name: "fuzz.yaml")
        // Tables are looked up in a folder that does not exist, so the file system is not part of the run.
        let spec = try ScenarioDecoder.decode(text, file: "fuzz.yaml", folder: "/nonexistent-settle-fuzz")
        // Resolving draws every household: only for small scenarios, so each input stays fast.
        if case .generated(let m) = spec.municipalities, m.count <= 60,
            case .generated(let c) = spec.cohort, c.households <= 300
        {
            let scenario = try Scenario.resolve(spec)
            _ = scenario.persons
        }
    } catch {
        _ = "\(error)"
    }
    return 0
}
