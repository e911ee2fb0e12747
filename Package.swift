// swift-tools-version: 6.2
import PackageDescription

/// libedit is linked on Linux and macOS; KESTRACTL_PLAIN_LINE_INPUT=1 leaves it out (the static Linux
/// SDK's musl sysroot has none), as does Windows: the shell then reads plain lines.
let lineEditor: [Target.Dependency] =
    Context.environment["KESTRACTL_PLAIN_LINE_INPUT"] == nil
    ? [.target(name: "CEditline", condition: .when(platforms: [.linux, .macOS]))] : []

let package = Package(
    name: "kestractl",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "kestractl", targets: ["kestractl"]),
        .executable(name: "kestra-emulator", targets: ["kestra-emulator"]),
        .library(name: "Emulator", targets: ["Emulator"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/swift-server/async-http-client", exact: "1.37.0"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CEditline",
            path: "Sources/CEditline",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"]), .brew(["libedit"])]
        ),
        .target(name: "CMemory"),
        .plugin(name: "BuildStampPlugin", capability: .buildTool()),
        .target(name: "BuildStamp", plugins: ["BuildStampPlugin"]),
        .target(
            name: "Client",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "Commands",
            dependencies: [
                "Client", "BuildStamp", "CMemory",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "Shell",
            dependencies: ["Commands", .product(name: "ArgumentParser", package: "swift-argument-parser")] + lineEditor
        ),
        .target(
            name: "Emulator",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(name: "kestractl", dependencies: ["Client", "Shell", "Commands"]),
        .executableTarget(
            name: "kestra-emulator",
            dependencies: [
                "Emulator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "TestSupport", dependencies: ["Emulator", "CMemory"], path: "Tests/TestSupport"),
        .testTarget(name: "ClientTests", dependencies: ["Client", "Emulator", "TestSupport"]),
        .testTarget(name: "CommandsTests", dependencies: ["Commands", "Emulator", "TestSupport"]),
        .testTarget(name: "ShellTests", dependencies: ["Shell", "Emulator", "TestSupport"], exclude: ["pty"]),
        .testTarget(
            name: "EmulatorTests",
            dependencies: [
                "Emulator", "TestSupport", .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        .testTarget(name: "EndToEndTests", dependencies: ["Emulator", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
