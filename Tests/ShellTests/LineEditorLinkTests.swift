import Testing

@testable import Shell

@Suite struct LineEditorLinkTests {
    @Test func libeditIsLinkedAndItsHistoryAPIWorks() {
        #expect(LineEditorLink.historyIsAvailable())
    }
}
