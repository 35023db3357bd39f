import Foundation
import GongdanCore
import GongdanStore
import GongdanSync
import Hummingbird

/// What the hub's operator and their monitoring ask without a credential: `GET /healthz` (the
/// server answers and its store can be read) and `GET /metrics` (``HubMetrics``, Prometheus text).
struct OperatorController: Sendable {
    let store: HubStore
    let executor: StoreExecutor
    let metrics: HubMetrics
    let now: @Sendable () -> Date

    func addRoutes(to router: Router<HubRequestContext>) {
        router.get("healthz") { _, _ in
            let store = store
            do {
                let district = try await executor.run { try store.requireInfo().district }
                return JSONBody.response(["status": "ok", "protocol": ProtocolVersion.current.description, "district": district])
            } catch {
                return JSONBody.response(["status": "unavailable", "protocol": ProtocolVersion.current.description,
                                          "reason": "the hub cannot read its store: \(error)"],
                                         status: .serviceUnavailable)
            }
        }
        router.get("metrics") { _, _ in
            let store = store, metrics = metrics, time = now()
            let text = try await executor.runFolded { try metrics.scrape(store, now: time) }
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: text)))
        }
    }
}
