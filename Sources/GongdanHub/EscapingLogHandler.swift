import GongdanCore
import Logging

/// A log handler that writes through another one with every control character in the message and the
/// metadata escaped (``GongdanCore/ControlCharacters/escapedForLog(_:)``): a viewer name, an order
/// number or a path with a newline in it stays on its one line and cannot forge an entry of its own.
///
/// ```swift
/// let logger = Logger(label: "gongdan.hub") { EscapingLogHandler(StreamLogHandler.standardError(label: $0)) }
/// ```
public struct EscapingLogHandler: LogHandler {
    private var wrapped: any LogHandler

    public init(_ wrapped: any LogHandler) {
        self.wrapped = wrapped
    }

    public var metadataProvider: Logger.MetadataProvider? {
        get { wrapped.metadataProvider }
        set { wrapped.metadataProvider = newValue }
    }

    public var metadata: Logger.Metadata {
        get { wrapped.metadata }
        set { wrapped.metadata = Self.escaped(newValue) }
    }

    public var logLevel: Logger.Level {
        get { wrapped.logLevel }
        set { wrapped.logLevel = newValue }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { wrapped[metadataKey: key] }
        set { wrapped[metadataKey: key] = newValue.map(Self.escaped) }
    }

    public func log(event: LogEvent) {
        var event = event
        event.message = Logger.Message(stringLiteral: ControlCharacters.escapedForLog(event.message.description))
        event.metadata = event.metadata.map(Self.escaped)
        wrapped.log(event: event)
    }

    static func escaped(_ metadata: Logger.Metadata) -> Logger.Metadata {
        metadata.mapValues(escaped)
    }

    static func escaped(_ value: Logger.Metadata.Value) -> Logger.Metadata.Value {
        switch value {
        case .string(let text): .string(ControlCharacters.escapedForLog(text))
        case .stringConvertible(let convertible): .string(ControlCharacters.escapedForLog(convertible.description))
        case .array(let values): .array(values.map(escaped))
        case .dictionary(let dictionary): .dictionary(escaped(dictionary))
        }
    }
}

extension EscapingLogHandler {
    /// The hub's log as `hub serve` and `demo` keep it: standard error, at `level`, control characters escaped.
    public static func hubLogger(level: Logger.Level) -> Logger {
        var logger = Logger(label: "gongdan.hub") { EscapingLogHandler(StreamLogHandler.standardError(label: $0)) }
        logger.logLevel = level
        return logger
    }
}
