// SPDX-License-Identifier: GPL-3.0-or-later

import SettleCore

/// The `lifecycle:` block: the years after settlement.
extension ScenarioDecoder {
    enum LifecycleKeys {
        static let all = [
            "years", "introduction_programme_months", "first_card", "extension", "stays_abroad", "births",
        ]
        static let firstCard = ["police_share", "appointment_days"]
        static let extension_ = [
            "processing_days_before_expiry", "digital_share", "post_days", "exception_share", "card_days",
            "fingerprint_age_limit", "fingerprint_days",
        ]
        static let staysAbroad = [
            "residence_share", "travel_share", "long_stay_share", "short_days", "long_days", "tax_report_days",
            "return_share",
        ]
        static let births = [
            "rate_per_1000", "women_share", "mother_ages", "parents", "family_immigration_share", "application_days",
            "processing_days",
        ]
    }

    static func lifecycle(_ reader: MappingReader) throws(InputError) -> LifecycleSpec {
        var spec = LifecycleSpec()
        spec.years = try reader.int("years", in: 1...10) ?? spec.years
        spec.programmeMonths = try reader.int("introduction_programme_months", in: 0...60) ?? spec.programmeMonths
        let year = LifecycleCalendar.yearDays
        if let r = try reader.mapping("first_card", allowed: LifecycleKeys.firstCard) {
            var rule = FirstCardRule()
            rule.policeShare = try r.double("police_share", in: 0...1) ?? rule.policeShare
            rule.appointmentDays = try dayRange(r, "appointment_days", in: 0...year) ?? rule.appointmentDays
            spec.firstCard = rule
        }
        if let r = try reader.mapping("extension", allowed: LifecycleKeys.extension_) {
            var rule = ExtensionRule()
            rule.processingDaysBeforeExpiry =
                try r.int("processing_days_before_expiry", in: 0...(year - 1)) ?? rule.processingDaysBeforeExpiry
            rule.digitalShare = try r.double("digital_share", in: 0...1) ?? rule.digitalShare
            rule.postDays = try dayRange(r, "post_days", in: 0...90) ?? rule.postDays
            rule.exceptionShare = try r.double("exception_share", in: 0...1) ?? rule.exceptionShare
            rule.cardDays = try dayRange(r, "card_days", in: 0...90) ?? rule.cardDays
            rule.fingerprintAgeLimit = try r.int("fingerprint_age_limit", in: 0...17) ?? rule.fingerprintAgeLimit
            rule.fingerprintDays = try dayRange(r, "fingerprint_days", in: 0...180) ?? rule.fingerprintDays
            spec.extensions = rule
        }
        if let r = try reader.mapping("stays_abroad", allowed: LifecycleKeys.staysAbroad) {
            var rule = StaysAbroadRule()
            rule.residenceShare = try r.double("residence_share", in: 0...1) ?? rule.residenceShare
            rule.travelShare = try r.double("travel_share", in: 0...1) ?? rule.travelShare
            rule.longStayShare = try r.double("long_stay_share", in: 0...1) ?? rule.longStayShare
            rule.shortDays = try dayRange(r, "short_days", in: 1...year) ?? rule.shortDays
            rule.longDays = try dayRange(r, "long_days", in: 1...year) ?? rule.longDays
            rule.taxReportDays = try r.int("tax_report_days", in: 0...year) ?? rule.taxReportDays
            rule.returnShare = try r.double("return_share", in: 0...1) ?? rule.returnShare
            spec.staysAbroad = rule
        }
        if let r = try reader.mapping("births", allowed: LifecycleKeys.births) {
            var rule = BirthRule()
            rule.ratePer1000 = try r.double("rate_per_1000", in: 0...1_000) ?? rule.ratePer1000
            rule.womenShare = try r.double("women_share", in: 0...1) ?? rule.womenShare
            rule.motherAges = try dayRange(r, "mother_ages", in: 10...70) ?? rule.motherAges
            rule.familyImmigrationShare =
                try r.double("family_immigration_share", in: 0...1) ?? rule.familyImmigrationShare
            rule.applicationDays = try dayRange(r, "application_days", in: 0...(3 * year)) ?? rule.applicationDays
            rule.processingDays = try r.int("processing_days", in: 0...year) ?? rule.processingDays
            if let pairs = try r.pairs("parents") {
                var shares: [ParentSituation: Double] = [:]
                let names = ParentSituation.allCases.map(\.rawValue)
                for (name, keyNode, value) in pairs {
                    let path = r.keyPath("parents") + ".\(name)"
                    guard let situation = ParentSituation(rawValue: name) else {
                        let hint = Suggestion.nearest(to: name, in: names).map { "did you mean '\($0)'? " } ?? ""
                        throw r.context.error(
                            keyNode, path: path, "unknown situation; \(hint)use \(names.joined(separator: ", "))")
                    }
                    shares[situation] = try ScalarReader.double(
                        value, path: path, in: 0...1_000_000, context: r.context)
                }
                try requirePositive(shares.values, reader: r, key: "parents")
                rule.parents = shares
            }
            spec.births = rule
        }
        return spec
    }

    /// A `{min: a, max: b}` range of whole numbers (days or years), min not above max.
    static func dayRange(_ reader: MappingReader, _ key: String, in bounds: ClosedRange<Int>) throws(InputError)
        -> ClosedRange<Int>?
    {
        guard let range = try reader.mapping(key, allowed: ["min", "max"]) else { return nil }
        guard range.has("min"), range.has("max") else {
            throw reader.context.error(
                range.node, path: reader.keyPath(key),
                "give both min and max, e.g. {min: \(bounds.lowerBound), max: \(bounds.upperBound)}")
        }
        let low = try range.int("min", in: bounds) ?? bounds.lowerBound
        let high = try range.int("max", in: bounds) ?? bounds.upperBound
        guard low <= high else {
            throw reader.context.error(
                range.node, path: reader.keyPath(key), "min (\(low)) is above max (\(high)); swap them")
        }
        return low...high
    }
}
