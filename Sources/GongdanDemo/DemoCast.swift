import GongdanCore

/// Who plays in `gongdan demo`: the district's nodes, the business entities (each in a township)
/// and the matters they report (each with the unit that should handle it).
public enum DemoCast {
    /// A node of the district and how it works.
    public struct Member: Hashable, Sendable {
        public var code: String
        public var name: String
        public var role: Role
        /// The chance that the unit gets to a ticket on a given working day (signing, replying):
        /// a slow unit lets tickets go unsigned and overdue, and draws supervision notices.
        public var diligence: Double
    }

    /// Where a matter belongs.
    public enum Home: Hashable, Sendable {
        /// The township the entity is in.
        case township
        /// A district department.
        case department(String)
    }

    /// A matter an entity reports.
    public struct Matter: Hashable, Sendable {
        public var category: TicketCategory
        public var summary: String
        public var home: Home
    }

    /// A business entity and the township it is in.
    public struct Entity: Hashable, Sendable {
        public var name: String
        public var township: String
        public var contact: String
        public var phone: String
    }

    public static let district = "港南区"
    public static let workstation = Member(code: "WS", name: "港南区工作站", role: .workstation, diligence: 1)
    /// The township that goes offline for several days.
    public static let offlineTownship = "QX"
    /// The township that takes over the offline township's ticket (the conflict).
    public static let standInTownship = "DX"
    public static let units: [Member] = [
        Member(code: "DX", name: "东兴镇", role: .township, diligence: 0.9),
        Member(code: "QX", name: "桥圩镇", role: .township, diligence: 0.85),
        Member(code: "MG", name: "木格镇", role: .township, diligence: 0.8),
        Member(code: "SCJG", name: "区市场监管局", role: .department, diligence: 0.9),
        Member(code: "ZJJ", name: "区住建局", role: .department, diligence: 0.4),
    ]
    public static var members: [Member] { [workstation] + units }
    public static var townships: [String] { units.filter { $0.role == .township }.map(\.code) }

    public static let entities: [Entity] = [
        ("港南区好味餐馆", "DX", "黄老板"), ("东兴镇红星米粉店", "DX", "韦女士"), ("港南区新华书店", "DX", "陈经理"),
        ("东兴农贸市场", "DX", "梁主任"), ("港南区金桥物流", "DX", "覃先生"), ("桥圩建材店", "QX", "李老板"),
        ("桥圩镇鸿运酒家", "QX", "蒙经理"), ("港南区福满超市", "QX", "甘店长"), ("桥圩羽绒制品厂", "QX", "黎厂长"),
        ("港南区惠民药店", "QX", "谭药师"), ("木格镇木业加工厂", "MG", "罗厂长"), ("木格镇荔枝专业合作社", "MG", "何社长"),
        ("港南区顺达汽修", "MG", "莫师傅"), ("木格镇佳佳幼儿用品店", "MG", "杨女士"), ("港南区绿源茶叶店", "MG", "苏老板"),
    ].enumerated().map { index, entity in
        Entity(name: entity.0, township: entity.1, contact: entity.2, phone: "0775-43\(31_400 + index * 17)")
    }

    public static let matters: [Matter] = [
        Matter(category: .complaint, summary: "门店前道路施工三个月未完工，影响经营", home: .township),
        Matter(category: .help, summary: "申请临时外摆经营，不知向谁申请", home: .township),
        Matter(category: .complaint, summary: "夜市摊位划分不清引发纠纷", home: .township),
        Matter(category: .help, summary: "厂区周边排水不畅，雨天积水进厂", home: .township),
        Matter(category: .suggestion, summary: "建议在集镇增设货车临时停靠点", home: .township),
        Matter(category: .consult, summary: "咨询小微企业房租补贴申领条件", home: .township),
        Matter(category: .help, summary: "申请营业执照变更迟迟未办结", home: .department("SCJG")),
        Matter(category: .report, summary: "举报周边无证经营的小作坊", home: .department("SCJG")),
        Matter(category: .suggestion, summary: "希望简化食品经营许可续期材料", home: .department("SCJG")),
        Matter(category: .complaint, summary: "相邻工地夜间施工噪音影响营业", home: .department("ZJJ")),
        Matter(category: .help, summary: "厂房报建手续需补哪些材料", home: .department("ZJJ")),
        Matter(category: .complaint, summary: "商铺门前人行道破损多月无人修", home: .department("ZJJ")),
    ]

    static let entitiesByName = Dictionary(entities.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    static let mattersBySummary = Dictionary(matters.map { ($0.summary, $0) }, uniquingKeysWith: { first, _ in first })

    /// The unit that should lead a ticket about `summary` reported by `entityName`.
    static func homeUnit(entityName: String, summary: String) -> String? {
        guard let matter = mattersBySummary[summary] else { return nil }
        switch matter.home {
        case .township: return entitiesByName[entityName]?.township
        case .department(let code): return code
        }
    }
}
