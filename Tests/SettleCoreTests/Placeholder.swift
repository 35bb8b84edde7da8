import Testing

@Test func placeholderSettleCoreTests() { #expect(1 + 1 == 2) }
