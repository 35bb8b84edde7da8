// SPDX-License-Identifier: GPL-3.0-or-later

import Testing

@testable import SettleIO

/// The scan that refuses alias keys before Yams hashes them must see where quoted scalars
/// really are: a quote inside a plain scalar once hid the rest of a file from it.
struct AliasKeyGuardTests {
    func line(of text: String) -> Int? {
        do {
            try AliasKeyGuard.check(text, file: "f.yaml")
            return nil
        } catch {
            return error.line ?? -1
        }
    }

    @Test func quotesAfterPropertiesAndInsidePlainScalarsAreFine() {
        #expect(
            line(of: "name: &n 'quoted: *n'\ndescription: it's 'fine'\nseed: !!int 3\nother: !!str '*n: x'\n") == nil)
        #expect(line(of: "a: &a [1]\nlist: [\"*a: quoted\", *a]\n") == nil)
    }

    @Test func anAliasKeyAfterAStrayQuoteIsFound() {
        // Closed or not, a quote after "folde " is part of the plain scalar and hides nothing.
        #expect(line(of: "a: &a [1]\nb: folde 'x\nc: [*a: 1]\n") == 3)
        #expect(line(of: "a: &a [1]\nb: folde 'x\nc: [*a: 1]\nd: y'\n") == 3)
        #expect(line(of: "a: &a [1]\nb: [x-'y, *a: 1]\nd: y'\n") == 2)
    }

    @Test func anAliasKeyAfterARealQuotedScalarIsFound() {
        #expect(line(of: "a: &a [1]\nb: 'it''s'\nc: [*a: 1]\n") == 3)
    }
}
