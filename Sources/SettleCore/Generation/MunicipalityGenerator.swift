// SPDX-License-Identifier: GPL-3.0-or-later

/// Generates a Norway-like set of municipalities: the 2024 counties with their
/// real number of municipalities, population totals and rough locations, and a
/// skewed population spread within each county (one regional centre, many small
/// places), as in Statistics Norway's figures.
public enum MunicipalityGenerator {
    struct CountyProfile {
        let id: String
        let name: String
        let municipalities: Int
        let population: Int
        let latitude: Double
        let longitude: Double
    }

    // 2024 structure (Statistics Norway): municipalities, population, approximate centre.
    static let counties: [CountyProfile] = [
        CountyProfile(id: "03", name: "Oslo", municipalities: 1, population: 717_710, latitude: 59.9, longitude: 10.7),
        CountyProfile(
            id: "32", name: "Akershus", municipalities: 21, population: 728_803, latitude: 60.0, longitude: 10.9),
        CountyProfile(
            id: "46", name: "Vestland", municipalities: 43, population: 651_299, latitude: 60.8, longitude: 5.9),
        CountyProfile(
            id: "11", name: "Rogaland", municipalities: 23, population: 499_417, latitude: 59.0, longitude: 5.9),
        CountyProfile(
            id: "50", name: "Trøndelag", municipalities: 38, population: 482_956, latitude: 63.7, longitude: 11.0),
        CountyProfile(
            id: "34", name: "Innlandet", municipalities: 46, population: 376_304, latitude: 61.2, longitude: 10.5),
        CountyProfile(id: "42", name: "Agder", municipalities: 25, population: 319_850, latitude: 58.6, longitude: 7.9),
        CountyProfile(
            id: "31", name: "Østfold", municipalities: 12, population: 312_152, latitude: 59.3, longitude: 11.2),
        CountyProfile(
            id: "15", name: "Møre og Romsdal", municipalities: 27, population: 270_624, latitude: 62.6, longitude: 7.0),
        CountyProfile(
            id: "33", name: "Buskerud", municipalities: 18, population: 269_819, latitude: 60.2, longitude: 9.4),
        CountyProfile(
            id: "39", name: "Vestfold", municipalities: 6, population: 256_432, latitude: 59.3, longitude: 10.2),
        CountyProfile(
            id: "18", name: "Nordland", municipalities: 41, population: 243_081, latitude: 67.0, longitude: 14.0),
        CountyProfile(
            id: "40", name: "Telemark", municipalities: 17, population: 177_093, latitude: 59.4, longitude: 8.9),
        CountyProfile(
            id: "55", name: "Troms", municipalities: 21, population: 169_610, latitude: 69.2, longitude: 18.8),
        CountyProfile(
            id: "56", name: "Finnmark", municipalities: 18, population: 75_053, latitude: 70.3, longitude: 26.4),
    ]

    public static let maximumCounties = 15

    /// Records for `spec.count` municipalities in the first `spec.counties` counties.
    public static func generate(_ spec: GeneratedMunicipalities, rng: inout SplitMix64) -> [MunicipalityRecord] {
        let chosen = Array(counties.prefix(max(1, min(spec.counties, maximumCounties))))
        let realCounts = chosen.map(\.municipalities)
        let perCounty =
            spec.count == realCounts.reduce(0, +)
            ? realCounts
            : apportion(total: max(spec.count, chosen.count), weights: realCounts.map(Double.init), minimum: 1)
        let countyPopulation = apportion(
            total: spec.population, weights: chosen.map { Double($0.population) }, minimum: 0)
        var records: [MunicipalityRecord] = []
        records.reserveCapacity(spec.count)
        for (c, county) in chosen.enumerated() {
            let n = perCounty[c]
            // One regional centre, the rest log-normal: a few towns, many small places.
            var weights = (0..<n).map { _ in _exp(1.1 * rng.normal()) }
            if n > 1 { weights[0] *= 10 }
            let populations = apportion(
                total: countyPopulation[c], weights: weights, minimum: min(200, countyPopulation[c] / n))
            for i in 0..<n {
                let number = county.id + String(i + 1).leftPadded(to: 2)
                let latitude = county.latitude + (i == 0 ? 0 : 0.6 * rng.normal())
                let longitude = county.longitude + (i == 0 ? 0 : 1.2 * rng.normal())
                let area = 50 + 900 * rng.uniform() * (i == 0 ? 0.5 : 1)
                records.append(
                    MunicipalityRecord(
                        id: number, name: "\(county.name) \(i + 1)", countyID: county.id, county: county.name,
                        population: populations[i], areaKm2: (area * 100).rounded() / 100,
                        latitude: (latitude * 1e4).rounded() / 1e4, longitude: (longitude * 1e4).rounded() / 1e4))
            }
        }
        return records
    }

    /// Splits `total` into integers proportional to `weights` (largest remainder), each at least `minimum`.
    public static func apportion(total: Int, weights: [Double], minimum: Int) -> [Int] {
        guard !weights.isEmpty else { return [] }
        let floorTotal = minimum * weights.count
        let rest = max(0, total - floorTotal)
        let sum = weights.reduce(0, +)
        let shares = weights.map { sum > 0 ? Double(rest) * $0 / sum : Double(rest) / Double(weights.count) }
        var result = shares.map { minimum + Int($0.rounded(.down)) }
        var remaining = max(0, total - result.reduce(0, +))
        // Hand out what rounding down left, biggest fraction first; ties by index for determinism.
        let order = shares.indices.sorted {
            let a = shares[$0] - shares[$0].rounded(.down)
            let b = shares[$1] - shares[$1].rounded(.down)
            return a != b ? a > b : $0 < $1
        }
        var k = 0
        while remaining > 0 {
            result[order[k % order.count]] += 1
            remaining -= 1
            k += 1
        }
        return result
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
