import GongdanSync
import Hummingbird

/// A header name (`HTTPField.Name`, reached through the collection Hummingbird exports).
typealias HTTPFieldName = HTTPFields.Element.Name

extension HTTPFieldName {
    /// `Gongdan-Protocol`: the protocol version every sync request and response carries.
    static var gongdanProtocol: HTTPFieldName { HTTPFieldName(ProtocolVersion.header)! }
}
