/// What a node acts as. The role decides which events its people may originate.
public enum Role: String, Sendable, Codable, CaseIterable {
    /// The district workstation (工作站) and the working-group office: intake, dispatch, review,
    /// extensions, evaluation, escalation.
    case workstation
    /// A township or street office (镇/街道): takes walk-ins, signs, handles and replies.
    case township
    /// A district department (区直部门): same powers as a township.
    case department

    /// Whether this role is a handling unit (township or department).
    public var isUnit: Bool { self != .workstation }
}
