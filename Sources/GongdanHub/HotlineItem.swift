import Foundation
import GongdanCore
import GongdanSync

/// `POST /api/v1/intake`: one item of the 12345 hotline platform (`HotlineItem` in
/// `sync-protocol/openapi.yaml`).
///
/// ```json
/// {"protocol":"1.0","orderNumber":"GX12345-20261020-0001","receivedAt":"2026-10-20T00:30:00Z",
///  "category":"complaint","entity":{"name":"港南区好味餐馆","phone":"0775-4331430"},
///  "summary":"门店前道路施工三个月未完工"}
/// ```
public struct HotlineItem: Hashable, Sendable, Codable {
    /// The business entity as the hotline recorded it.
    public struct Entity: Hashable, Sendable, Codable {
        public var name: String
        public var creditCode: String?
        public var contact: String?
        public var phone: String?

        public init(name: String, creditCode: String? = nil, contact: String? = nil, phone: String? = nil) {
            self.name = name
            self.creditCode = creditCode
            self.contact = contact
            self.phone = phone
        }
    }

    public var `protocol`: ProtocolVersion
    /// The hotline's own order number: the key of idempotent intake.
    public var orderNumber: String
    /// When the hotline received the call; the 1-working-day intake limit counts from it.
    public var receivedAt: Date
    /// One of `consult`, `help`, `suggestion`, `complaint`, `report` (kept as text so an unknown
    /// one is refused with the list of known ones).
    public var category: String
    public var entity: Entity
    public var summary: String
    public var detail: String?

    public init(protocol: ProtocolVersion = .current, orderNumber: String, receivedAt: Date, category: String,
                entity: Entity, summary: String, detail: String? = nil) {
        self.protocol = `protocol`
        self.orderNumber = orderNumber
        self.receivedAt = receivedAt
        self.category = category
        self.entity = entity
        self.summary = summary
        self.detail = detail
    }

    /// Refuses the item (`400 malformed_request`, nothing stored) when a field breaks
    /// ``GongdanCore/HotlineFieldRules``: the order number's format, a control character in any text
    /// (line feeds and tabs allowed in `detail`), a receipt time more than 5 minutes after `now` or more
    /// than 30 days before it. The message names the field, in Chinese and English.
    public func checkFields(now: Date) throws(SyncError) {
        let texts: [(String, String?, Bool)] = [
            ("category", category, false), ("entity.name", entity.name, false), ("entity.creditCode", entity.creditCode, false),
            ("entity.contact", entity.contact, false), ("entity.phone", entity.phone, false), ("summary", summary, false),
            ("detail", detail, true),
        ]
        let refusal = HotlineFieldRules.checkOrderNumber(orderNumber, field: "orderNumber")
            ?? texts.lazy.compactMap { HotlineFieldRules.checkText($1, field: $0, multiline: $2) }.first
            ?? HotlineFieldRules.checkReceivedAt(receivedAt, field: "receivedAt", now: now)
        if let refusal { throw SyncError(.malformed, refusal.description) }
    }

    /// The intake the item asks for: source `hotline`, its order number and receipt time.
    /// An unknown category is `malformed_request`, naming the known ones.
    public func intakeRequest() throws(SyncError) -> IntakeRequest {
        let name = category.trimmingCharacters(in: .whitespaces)
        guard let category = TicketCategory(rawValue: name) else {
            let known = TicketCategory.allCases.map(\.rawValue).joined(separator: ", ")
            throw SyncError(.malformed, "category '\(name)' is not one of \(known); send the item's category in those terms")
        }
        return IntakeRequest(
            category: category, source: .hotline,
            entity: BusinessEntity(name: entity.name, creditCode: entity.creditCode, contact: entity.contact, phone: entity.phone),
            summary: summary, detail: detail, hotlineReceivedAt: receivedAt, hotlineOrder: orderNumber)
    }
}

/// The answer to `POST /api/v1/intake`: the ticket the hotline order is, and whether this post
/// made it.
public struct HotlineIntakeResponse: Hashable, Sendable, Codable {
    public var `protocol`: ProtocolVersion
    public var ticket: String
    /// `created` or `existing`.
    public var result: String
    /// The ticket's query code (查询码, 1.4): the hotline tells it to the caller with the ticket code,
    /// so the entity can follow its ticket and evaluate the result on the public page.
    public var queryCode: String?
    /// Where the entity looks its ticket up on this hub (1.4): `/progress`, a path on the hub's
    /// public address, where it enters the ticket code and the query code.
    public var progressPath: String?

    public init(protocol: ProtocolVersion = .current, ticket: String, result: String, queryCode: String? = nil,
                progressPath: String? = nil) {
        self.protocol = `protocol`
        self.ticket = ticket
        self.result = result
        self.queryCode = queryCode
        self.progressPath = progressPath
    }
}
