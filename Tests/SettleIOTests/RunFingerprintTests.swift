// SPDX-License-Identifier: GPL-3.0-or-later

import Testing

@testable import SettleCore
@testable import SettleIO

@Suite struct RunFingerprintTests {
    @Test func sha256MatchesTheStandardVectors() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        // Two blocks: the padding crosses a block boundary.
        #expect(
            SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func canonicalTextIgnoresDictionaryOrderButNotContent() {
        var a = CohortMix()
        a.householdSize = [1: 0.5, 2: 0.3, 3: 0.2]
        var b = CohortMix()
        b.householdSize = [3: 0.2, 2: 0.3]
        b.householdSize[1] = 0.5
        #expect(CanonicalText.of(a) == CanonicalText.of(b))
        b.householdSize[1] = 0.50000000000001
        #expect(CanonicalText.of(a) != CanonicalText.of(b))
        #expect(CanonicalText.of(["a,b"]) != CanonicalText.of(["a", "b"]))
        // Sorted, so the text is the same in every process (hash order is seeded per process).
        let many = Dictionary(uniqueKeysWithValues: (10..<40).map { ($0, "v") })
        #expect(CanonicalText.of(many) == "{" + (10..<40).map { "[\($0),\"v\",]" }.joined(separator: ",") + "}")
    }

    @Test func fingerprintNamesTheKeyThatDiffers() {
        let spec = ScenarioSpec()
        let plan = ComparisonPlan(name: "t", variantNames: ["a"], specs: [spec], replications: 4, baseSeed: spec.seed)
        let same = RunFingerprint(plan: plan, overrides: [])
        #expect(RunFingerprint(plan: plan, overrides: []).difference(from: same) == nil)
        var changed = plan
        changed.specs[0].decline.baseRate += 0.01
        let other = RunFingerprint(plan: changed, overrides: ["decline.base_rate=0.2"])
        let difference = other.difference(from: same)
        #expect(difference?.hasPrefix("the resolved scenario's decline differs (") == true)
        #expect(difference?.hasSuffix("no --set in there, --set decline.base_rate=0.2 in here)") == true)
        var longer = plan
        longer.replications = 5
        #expect(
            RunFingerprint(plan: longer, overrides: []).difference(from: same)
                == "--replications differs (4 in there, 5 in here)")
        let newer = RunFingerprint(plan: plan, overrides: [], settleVersion: "9.9.9")
        #expect(newer.difference(from: same)?.hasPrefix("settle's version") == true)
    }
}
