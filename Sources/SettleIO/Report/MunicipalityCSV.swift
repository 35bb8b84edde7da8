// SPDX-License-Identifier: GPL-3.0-or-later

import Foundation
import SettleCore

/// One row per municipality, for spreadsheets and maps.
public enum MunicipalityCSV {
    public static let header =
        "kommunenummer,name,county,population,decided,settled_by_imdi,self_settled,used,declined_offers,declined_arrivals,unaccompanied_minors,self_settlement,centrality"

    public static func render(_ outcomes: Outcomes) -> String {
        var lines = [header]
        for a in outcomes.municipalities {
            let fields = [
                a.id, a.name, a.county, String(a.population), String(a.decided), String(a.settledByIMDi),
                String(a.selfSettled), String(a.used), String(a.declinedOffers), String(a.declinedArrivals),
                String(a.unaccompaniedMinors),
                a.takesPartInSelfSettlement ? "yes" : "no", a.centralityClass.map(String.init) ?? "",
            ]
            lines.append(fields.map(escape).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
