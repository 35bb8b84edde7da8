// SPDX-License-Identifier: GPL-3.0-or-later

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// Thin wrappers so the core needs no Foundation.
@inline(__always) func _log(_ x: Double) -> Double { log(x) }
@inline(__always) func _exp(_ x: Double) -> Double { exp(x) }
@inline(__always) func _cos(_ x: Double) -> Double { cos(x) }
@inline(__always) func _log10(_ x: Double) -> Double { log10(x) }
@inline(__always) func _pow(_ x: Double, _ y: Double) -> Double { pow(x, y) }

/// The logistic function, 1 / (1 + e^-x).
@inline(__always) public func logistic(_ x: Double) -> Double { 1 / (1 + _exp(-x)) }

/// The log-odds of a probability; ±infinity at 0 and 1.
@inline(__always) public func logit(_ p: Double) -> Double { _log(p / (1 - p)) }

/// Great-circle distance in kilometres.
public func haversineKilometres(lat1: Double, lon1: Double, lat2: Double, lon2: Double) -> Double {
    let radians = Double.pi / 180
    let dLat = (lat2 - lat1) * radians
    let dLon = (lon2 - lon1) * radians
    let a = sin(dLat / 2) * sin(dLat / 2) + cos(lat1 * radians) * cos(lat2 * radians) * sin(dLon / 2) * sin(dLon / 2)
    return 2 * 6371.0 * asin(min(1, a.squareRoot()))
}
