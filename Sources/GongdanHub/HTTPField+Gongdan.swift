import GongdanSync
import Hummingbird

/// A header name (`HTTPField.Name`, reached through the collection Hummingbird exports).
typealias HTTPFieldName = HTTPFields.Element.Name

extension HTTPFieldName {
    /// `Gongdan-Protocol`: the protocol version every sync request and response carries.
    static var gongdanProtocol: HTTPFieldName { HTTPFieldName(ProtocolVersion.header)! }
}

extension HTTPFieldName {
    /// `Gongdan-Nonce`: the fresh value a node sends so the hub's signed answer is good for that request only.
    static var gongdanNonce: HTTPFieldName { HTTPFieldName(HubAnswerSignature.nonceHeader)! }
    /// `Gongdan-Signature`: the hub's signature of its answer (``HubAnswerSignature``).
    static var gongdanSignature: HTTPFieldName { HTTPFieldName(HubAnswerSignature.signatureHeader)! }
    /// `Gongdan-Clock-Read`: the node's signed report that it read the hub's clock (``ClockReadProof``).
    static var gongdanClockRead: HTTPFieldName { HTTPFieldName(ClockReadProof.header)! }
    /// `Gongdan-Node-Key`: the node's public key, offered with its clock read while the hub holds none.
    static var gongdanNodeKey: HTTPFieldName { HTTPFieldName(ClockReadProof.keyHeader)! }
}
