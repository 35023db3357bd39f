import Logging
import NIOCore
import NIOHTTPTypes

/// Enforces ``ConnectionLimits`` on one connection: refuses it when its address holds too many, and
/// closes it when a request's head or body does not arrive in time. One per connection, in the HTTP
/// pipeline after the decoder (it sees whole request heads, body parts and the answer's end).
final class ConnectionGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let limits: ConnectionLimits
    private let ledger: ConnectionLedger
    private let logger: Logger
    private let metrics: HubMetrics
    private var admitted: String?
    private var started = false
    private var deadline: Scheduled<Void>?

    init(limits: ConnectionLimits, ledger: ConnectionLedger, logger: Logger, metrics: HubMetrics) {
        self.limits = limits
        self.ledger = ledger
        self.logger = logger
        self.metrics = metrics
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { start(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        start(context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        finish()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        finish()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head: arm(context, after: limits.bodyTimeout, waitingFor: "body")
        case .body: break
        case .end: disarm()  // the answer may take as long as the store needs
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { arm(context, after: limits.headTimeout, waitingFor: "head") }
        context.write(data, promise: promise)
    }

    private func start(_ context: ChannelHandlerContext) {
        guard !started else { return }
        started = true
        if let address = context.channel.remoteAddress?.ipAddress {
            guard ledger.admit(address) else {
                logger.notice("connection refused: too many open", metadata: ["address": "\(address)", "max": "\(ledger.maxPerAddress)"])
                metrics.recordConnectionCut("too_many")
                context.close(promise: nil)
                return
            }
            admitted = address
        }
        arm(context, after: limits.headTimeout, waitingFor: "head")
    }

    private func finish() {
        disarm()
        if let admitted { ledger.release(admitted) }
        admitted = nil
    }

    private func arm(_ context: ChannelHandlerContext, after timeout: Duration, waitingFor part: String) {
        disarm()
        let address = admitted ?? "?"
        let logger = logger, metrics = metrics
        deadline = context.eventLoop.assumeIsolatedUnsafeUnchecked().scheduleTask(in: TimeAmount(timeout)) {
            logger.notice("connection closed: the request \(part) did not arrive in time", metadata: ["address": "\(address)"])
            metrics.recordConnectionCut("\(part)_timeout")
            context.close(promise: nil)
        }
    }

    private func disarm() {
        deadline?.cancel()
        deadline = nil
    }
}
