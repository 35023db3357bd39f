/// The business entity (经营主体) that reported the matter, and how to reach it.
public struct BusinessEntity: Hashable, Sendable, Codable {
    public var name: String
    /// 统一社会信用代码, 18 characters, when known.
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
