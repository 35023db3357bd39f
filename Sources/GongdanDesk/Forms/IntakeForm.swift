import GongdanCore
import GongdanText
import GongdanWeb

/// The desk's intake form (受理): a walk-in or online report taken in at this node. 12345 items come in
/// by `gongdan ticket import` with their hotline times, not by hand.
struct IntakeForm: Sendable {
    let language: Language
    /// A township or department may keep its own walk-in instead of forwarding it.
    let role: Role

    private var l: Language { language }

    var fields: [FormField] {
        let labels = Labels(language: l)
        var fields = [
            FormField(name: "category", label: l.pick("类别", "Category"), kind: .choice(TicketCategory.allCases.map {
                .init(value: $0.rawValue, label: labels.category($0)) }), required: true,
                      hint: l.pick("类别决定办结时限：咨询 3 个、求助和建议 5 个、投诉和举报 10 个工作日。",
                                   "The category sets the deadline: consult 3, help and suggestion 5, complaint and report 10 working days.")),
            FormField(name: "source", label: l.pick("来源", "Source"), kind: .choice([IntakeSource.window, .online].map {
                .init(value: $0.rawValue, label: labels.source($0)) }), required: true),
            FormField(name: "entity", label: l.pick("经营主体名称", "Business entity"), kind: .line(.name), required: true),
            FormField(name: "creditCode", label: l.pick("统一社会信用代码", "Credit code"), kind: .line(.name), required: false,
                      hint: l.pick("18 位，可不填", "18 characters, optional")),
            FormField(name: "contact", label: l.pick("联系人", "Contact"), kind: .line(.contact), required: false),
            FormField(name: "phone", label: l.pick("联系电话", "Phone"), kind: .line(.contact), required: false),
            FormField(name: "summary", label: l.pick("诉求（一句话）", "The matter in one line"), kind: .line(.summary), required: true),
            FormField(name: "detail", label: l.pick("详细情况", "In full"), kind: .paragraph(.note), required: false),
            FormField(name: "answer", label: l.pick("当场答复（仅咨询类，填写即办结受理环节）", "Answered at once (consultations only)"),
                      kind: .paragraph(.note), required: false),
        ]
        if role.isUnit {
            fields.append(FormField(name: "keep", label: l.pick("本单位自办（不转工作站分办）", "Handle it here (do not forward to the workstation)"),
                                    kind: .checkbox, required: false))
        }
        return fields
    }

    /// The report a post describes.
    func request(from form: FormFields) throws(DeskError) -> IntakeRequest {
        var values: [String: String] = [:]
        for field in fields { if let value = try field.read(from: form) { values[field.name] = value } }
        return IntakeRequest(
            category: TicketCategory(rawValue: values["category"]!)!, source: IntakeSource(rawValue: values["source"]!)!,
            entity: BusinessEntity(name: values["entity"]!, creditCode: values["creditCode"]?.uppercased(), contact: values["contact"],
                                   phone: values["phone"]),
            summary: values["summary"]!, detail: values["detail"], keep: values["keep"] != nil, immediateAnswer: values["answer"])
    }
}
