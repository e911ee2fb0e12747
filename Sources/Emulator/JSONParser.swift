/// A small JSON parser producing `JSONValue`s that keep number text exactly.
struct JSONParser {
    /// The reason a text is not valid JSON.
    struct Failure: Error {
        var offset: Int
    }

    private let bytes: [UInt8]
    private var position = 0

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Parses a complete JSON text.
    static func parse(_ text: String) throws(Failure) -> JSONValue {
        try parse(bytes: Array(text.utf8))
    }

    /// Parses a complete JSON text given as UTF-8 bytes.
    static func parse(bytes: [UInt8]) throws(Failure) -> JSONValue {
        var parser = JSONParser(bytes: bytes)
        parser.skipWhitespace()
        let value = try parser.parseValue()
        parser.skipWhitespace()
        guard parser.position == bytes.count else { throw Failure(offset: parser.position) }
        return value
    }

    private mutating func skipWhitespace() {
        while position < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[position]) {
            position += 1
        }
    }

    private mutating func parseValue() throws(Failure) -> JSONValue {
        guard position < bytes.count else { throw Failure(offset: position) }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"):
            try expect("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expect("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expect("null")
            return .null
        default: return try parseNumber()
        }
    }

    private mutating func expect(_ word: String) throws(Failure) {
        for byte in word.utf8 {
            guard position < bytes.count, bytes[position] == byte else { throw Failure(offset: position) }
            position += 1
        }
    }

    private mutating func parseObject() throws(Failure) -> JSONValue {
        position += 1
        var members: [(String, JSONValue)] = []
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            position += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw Failure(offset: position) }
            let key = try parseString()
            skipWhitespace()
            try expect(":")
            skipWhitespace()
            members.append((key, try parseValue()))
            skipWhitespace()
            guard position < bytes.count else { throw Failure(offset: position) }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
                continue
            }
            try expect("}")
            return .object(members)
        }
    }

    private mutating func parseArray() throws(Failure) -> JSONValue {
        position += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
            position += 1
            return .array(items)
        }
        while true {
            skipWhitespace()
            items.append(try parseValue())
            skipWhitespace()
            guard position < bytes.count else { throw Failure(offset: position) }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
                continue
            }
            try expect("]")
            return .array(items)
        }
    }

    private mutating func parseString() throws(Failure) -> String {
        position += 1
        var scalars = String.UnicodeScalarView()
        var chunkStart = position
        var result = ""
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                result += String(decoding: bytes[chunkStart..<position], as: UTF8.self)
                position += 1
                return result
            }
            if byte == UInt8(ascii: "\\") {
                result += String(decoding: bytes[chunkStart..<position], as: UTF8.self)
                position += 1
                guard position < bytes.count else { throw Failure(offset: position) }
                let escape = bytes[position]
                position += 1
                switch escape {
                case UInt8(ascii: "n"): result += "\n"
                case UInt8(ascii: "t"): result += "\t"
                case UInt8(ascii: "r"): result += "\r"
                case UInt8(ascii: "b"): result += "\u{08}"
                case UInt8(ascii: "f"): result += "\u{0C}"
                case UInt8(ascii: "u"):
                    var code = try parseHex4()
                    if (0xD800..<0xDC00).contains(code), position + 1 < bytes.count,
                        bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u")
                    {
                        position += 2
                        let low = try parseHex4()
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    scalars = String.UnicodeScalarView()
                    scalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
                    result += String(scalars)
                default: result += String(UnicodeScalar(escape))
                }
                chunkStart = position
                continue
            }
            position += 1
        }
        throw Failure(offset: position)
    }

    private mutating func parseHex4() throws(Failure) -> UInt32 {
        guard position + 4 <= bytes.count,
            let code = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16)
        else { throw Failure(offset: position) }
        position += 4
        return code
    }

    private mutating func parseNumber() throws(Failure) -> JSONValue {
        let start = position
        if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
        let digitsStart = position
        while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) {
            position += 1
        }
        guard position > digitsStart else { throw Failure(offset: start) }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            let fractionStart = position
            while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) {
                position += 1
            }
            guard position > fractionStart else { throw Failure(offset: position) }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            let exponentStart = position
            while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) {
                position += 1
            }
            guard position > exponentStart else { throw Failure(offset: position) }
        }
        return .number(String(decoding: bytes[start..<position], as: UTF8.self))
    }
}
