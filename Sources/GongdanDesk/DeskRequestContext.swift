import Hummingbird

/// The desk's request context: Hummingbird's basic one plus the client's IP address (the sign-in
/// limit is kept by it).
public struct DeskRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The peer's IP address, or `unknown` (an in-process test channel).
    public let clientAddress: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }
}
