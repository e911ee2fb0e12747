import Foundation
import Testing

@testable import Client

@Suite struct WhitespaceTests {
    @Test(arguments: [
        "", " ", "\t\t", "abc", "  abc", "abc \t", " \t a b \t ", "\u{00A0}x\u{2003}", "\u{3000}日本\u{3000}",
        "\nkeep newlines\n", " e\u{301} ", "\u{200B}zero width is no space\u{200B}", " 🇫🇷 ",
    ])
    func trimsWhatFoundationsWhitespacesTrims(text: String) {
        #expect(text.trimmingSpacesAndTabs() == text.trimmingCharacters(in: .whitespaces))
        #expect(text[...].trimmingSpacesAndTabs() == text.trimmingCharacters(in: .whitespaces))
    }

    @Test func agreesWithFoundationOnEveryScalarOfTheBasicPlane() {
        let differing = (0...0xFFFF).compactMap(Unicode.Scalar.init).filter { scalar in
            let text = "x" + String(scalar) + "x" + String(scalar)
            return text.trimmingSpacesAndTabs() != text.trimmingCharacters(in: .whitespaces)
        }
        #expect(differing.map { String($0.value, radix: 16) } == [])
    }
}
