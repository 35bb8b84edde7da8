import Testing

@Test func placeholderSettleIOTests() { #expect(1 + 1 == 2) }
