import Foundation
import GongdanCore
import GongdanSync
import Hummingbird

/// JSON bodies in and out, with Gongdan's conventions (`GongdanJSON`).
enum JSONBody {
    /// Reads the whole request body, at most `limit` bytes (`body_too_large` past it), and decodes
    /// it (`malformed_request` with the decoder's reason when it is not a `Value`).
    static func decode<Value: Decodable>(_ type: Value.Type, from request: Request, limit: Int,
                                         with decode: (ByteBuffer) throws -> Value = { buffer in
                                             try buffer.withUnsafeReadableBytes { try GongdanJSON.decodeStrictly(Value.self, from: $0) }
                                         }) async throws -> Value {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw SyncError(.tooLarge, "the request body is over \(limit) bytes; send smaller batches (at most limits.maxPushEvents events)")
        }
        do {
            return try decode(buffer)
        } catch let error as DecodingError {
            guard String(bytes: buffer.readableBytesView, encoding: .utf8) != nil else {
                throw SyncError(.malformed, "the body is not valid UTF-8 text; JSON bodies must be UTF-8 (check the client's encoding)")
            }
            throw SyncError(.malformed, "the body is not a valid \(type): \(reason(error)); check that both sides speak protocol \(ProtocolVersion.current)")
        } catch {
            throw SyncError(.malformed, "the body is not valid JSON: \(error)")
        }
    }

    /// A JSON response.
    static func response<Value: Encodable>(_ value: Value, status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? GongdanJSON.encoder().encode(value)) ?? Data(#"{"protocol":"1.0","error":{"code":"storage_failure","message":"the hub could not encode its answer"}}"#.utf8)
        return response(encoded: data, status: status)
    }

    /// `value` as JSON bytes; `storage_failure` when it cannot be encoded.
    static func encode<Value: Encodable>(_ value: Value) throws(SyncError) -> [UInt8] {
        do {
            return Array(try GongdanJSON.encoder().encode(value))
        } catch {
            throw SyncError(.storage, "the hub could not encode its answer (\(error)); try again, and tell the hub operator if it persists")
        }
    }

    /// A response whose body is already JSON.
    static func response<Bytes: Sequence<UInt8>>(encoded data: Bytes, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        headers[.gongdanProtocol] = ProtocolVersion.current.description
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The decoder's reason, with the path to the offending value.
    static func reason(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return keys.isEmpty ? "" : " at \(keys.hasPrefix(".") ? String(keys.dropFirst()) : keys)"
        }
        switch error {
        case .typeMismatch(let type, let context): return "expected \(type)\(path(context)): \(context.debugDescription)"
        case .valueNotFound(let type, let context): return "missing \(type) value\(path(context))"
        case .keyNotFound(let key, let context): return "missing key '\(key.stringValue)'\(path(context))"
        case .dataCorrupted(let context):
            // JSONDecoder says only "not valid JSON"; what and where is in the underlying error.
            let detail = context.underlyingError.map { " (\(($0 as NSError).userInfo[NSDebugDescriptionErrorKey] ?? $0))" } ?? ""
            return "\(context.debugDescription)\(detail)\(path(context))"
        @unknown default: return "\(error)"
        }
    }
}
