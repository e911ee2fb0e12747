import Client
import Foundation
import Testing

@Suite struct JSONValueTests {
    private func roundTrip(_ text: String) throws -> String {
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        return String(decoding: try KestraJSON.makeEncoder().encode(value), as: UTF8.self)
    }

    @Test func bigIntegerRoundTripsExactly() throws {
        #expect(try roundTrip("1725000000000000001") == "1725000000000000001")
        #expect(try roundTrip("18446744073709551615") == "18446744073709551615")
        #expect(try roundTrip("-9223372036854775808") == "-9223372036854775808")
        #expect(try roundTrip("123456789012345678901234567890") == "123456789012345678901234567890")
        #expect(try roundTrip("[-98765432109876543210987,2.5]") == "[-98765432109876543210987,2.5]")
    }

    @Test func bigIntegerKeepsItsDigits() throws {
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(#"{"n":1725000000000000001}"#.utf8))
        guard case .number(let number)? = value["n"] else {
            Issue.record("not a number: \(value)")
            return
        }
        #expect(number.text == "1725000000000000001")
        #expect(number.int64Value == 1_725_000_000_000_000_001)
    }

    @Test func nestedValues() throws {
        let text = #"{"a":[1,2.5,true,null,"x",{"b":[]}],"c":{}}"#
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        #expect(
            value
                == .object([
                    "a": .array([
                        .number(JSONNumber(1)), .number(JSONNumber(2.5)), .bool(true), .null, .string("x"),
                        .object(["b": .array([])]),
                    ]),
                    "c": .object([:]),
                ]))
        #expect(try roundTrip(text) == text)
    }

    @Test func numbersAreNotBooleans() throws {
        #expect(try JSONDecoder().decode(JSONValue.self, from: Data("1".utf8)) == .number(JSONNumber(1)))
        #expect(try JSONDecoder().decode(JSONValue.self, from: Data("0".utf8)) == .number(JSONNumber(0)))
        #expect(try JSONDecoder().decode(JSONValue.self, from: Data("false".utf8)) == .bool(false))
    }

    @Test func fractionalNumbersKeepTheirValue() throws {
        #expect(try roundTrip("[0.1,3.14,-2.5e-3]") == "[0.1,3.14,-0.0025]")
        #expect(JSONNumber(text: "1e3")?.doubleValue == 1000)
        #expect(JSONNumber(text: "abc") == nil)
    }
}
