import Foundation
import GongdanSync
import Hummingbird

/// HTML form bodies (`application/x-www-form-urlencoded`), at most 16 KiB.
public enum FormBody {
    public static let limit = 16 * 1024

    public static func decode<Value: Decodable>(_ type: Value.Type, from request: Request) async throws -> Value {
        let buffer = try await request.body.collect(upTo: limit)
        do {
            return try URLEncodedFormDecoder().decode(type, from: String(buffer: buffer))
        } catch {
            throw HTTPError(.badRequest, message: "the form is incomplete: fill in every field and send it again")
        }
    }
}
