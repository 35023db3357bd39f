/// Why the office calls a unit in for an interview (约谈), in the words of the district's work plan:
/// 弄虚作假、违规办理、失职渎职、违反保密规定和打击报复等情形，造成重大不良影响的.
public enum InterviewReason: String, Hashable, Sendable, Codable, CaseIterable {
    /// 弄虚作假: falsified handling or evaluations.
    case fraud
    /// 违规办理: handled against the rules.
    case irregularHandling
    /// 失职渎职: dereliction of duty.
    case dereliction
    /// 违反保密规定: breach of confidentiality (e.g. the entity's identity disclosed).
    case breachOfConfidentiality
    /// 打击报复: retaliation against the reporting entity.
    case retaliation
    /// Another situation of serious adverse effect; the notice's detail says which.
    case other

    /// The reason as the notice prints it, e.g. `弄虚作假`.
    public var chineseName: String {
        switch self {
        case .fraud: "弄虚作假"
        case .irregularHandling: "违规办理"
        case .dereliction: "失职渎职"
        case .breachOfConfidentiality: "违反保密规定"
        case .retaliation: "打击报复"
        case .other: "其他造成重大不良影响的情形"
        }
    }
}
