import Foundation
import GongdanCore
import GongdanDesk
import GongdanNode
import GongdanStore
import GongdanTesting
import GongdanText
import Hummingbird
import HummingbirdTesting
import Testing

/// The desk in-process: sessions, the to-do lists, every form of a unit and of the workstation, and
/// what each refusal says and leaves unchanged.
@Suite("The clerk's desk", .timeLimit(.minutes(1)))
struct DeskRouteTests {
    @Test func aRequestWithoutASessionIsSentToSignIn() async throws {
        let fixture = try await DeskFixture()
        defer { fixture.remove() }
        try await fixture.desk(fixture.dx).test(.router) { client in
            let todo = try await client.execute(uri: "/", method: .get)
            let ticket = try await client.execute(uri: "/tickets/\(fixture.code)", method: .get, headers: [.cookie: "gongdan_desk=forged"])
            let post = try await client.execute(uri: "/tickets/\(fixture.code)/sign", method: .post)
            #expect(todo.status == .found && todo.headers[.location] == "/login")
            #expect(ticket.status == .found && ticket.headers[.location] == "/login")
            #expect(post.status == .seeOther && post.headers[.location] == "/login")
            #expect(try fixture.dx.detail(of: fixture.code).state.status == .pendingSign)
        }
    }

    @Test func theSignInPageOffersTheNamesUsedOnThisNode() async throws {
        let fixture = try await DeskFixture()
        defer { fixture.remove() }
        try await fixture.desk(fixture.ws).test(.router) { client in
            let page = String(buffer: try await client.execute(uri: "/login", method: .get).body)
            #expect(page.contains("请选择或填写办理人"))
            #expect(page.contains("<option value=\"王五\">"))
        }
    }

    @Test func aTownshipClerkSeesTheDispatchedTicketToSignWithItsSigningLimit() async throws {
        let fixture = try await DeskFixture()
        defer { fixture.remove() }
        try await fixture.desk(fixture.dx).test(.router) { client in
            let browser = try await DeskBrowser.signIn(client, as: "李四")
            let todo = try await browser.get("/")
            #expect(todo.status == .ok)
            #expect(todo.text.contains("id=\"q-toSign\">待签收"))
            #expect(todo.text.contains("href=\"/tickets/\(fixture.code)\""))
            // Dispatched 2026-10-20 09:00 (Tuesday), one working day to sign: the limit ends Wednesday 24:00.
            #expect(todo.text.contains("2026-10-21 24:00"))
            #expect(todo.text.contains("剩 2 个工作日"))
            #expect(todo.text.contains("办理人：李四"))
        }
    }

    @Test func aClerkSignsContactsAndRepliesAndEveryStepCarriesTheirName() async throws {
        let fixture = try await DeskFixture()
        defer { fixture.remove() }
        try await fixture.desk(fixture.dx).test(.router) { client in
            let browser = try await DeskBrowser.signIn(client, as: "李四")
            let uri = "/tickets/\(fixture.code)"
            let signed = try await browser.post("\(uri)/sign")
            #expect(signed.status == .seeOther && signed.headers[.location] == "\(uri)?done=sign")
            #expect(try await browser.get("\(uri)?done=sign").text.contains("已完成：签收。"))
            _ = try await browser.post("\(uri)/contact", [("note", "10月20日电话联系黄老板，约定现场查看")])
            let page = try await browser.get(uri)
            #expect(page.text.contains("action=\"\(uri)/reply\""))
            let replied = try await browser.post("\(uri)/reply", [("result", "已协调施工方拆除围挡"), ("resolved", "yes")])
            #expect(replied.status == .seeOther)
            let detail = try fixture.dx.detail(of: fixture.code)
            #expect(detail.state.status == .pendingReview)
            let ownEvents = detail.events.filter { $0.id.origin == "DX" }
            #expect(ownEvents.count == 3)
            #expect(ownEvents.allSatisfy { $0.actor.person == "李四" })
        }
    }

    @Test func theReplyFormWaitsForAContactAndAForcedReplyIsRefusedAsTheCLIWouldSay() async throws {
        let fixture = try await DeskFixture()
        defer { fixture.remove() }
        try fixture.dx.perform(.sign, on: fixture.code)
        try await fixture.desk(fixture.dx).test(.router) { client in
            let browser = try await DeskBrowser.signIn(client, as: "李四")
            let uri = "/tickets/\(fixture.code)"
            #expect(!(try await browser.get(uri).text.contains("action=\"\(uri)/reply\"")))
            let refused = try await browser.post("\(uri)/reply", [("result", "已处理"), ("resolved", "yes")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("工单 \(fixture.code) 当前状态为「办理中」，不能「回复」。回复前须先记录与经营主体的联系（办结才规范）。可在本页办理：「联系」"))
            #expect(try fixture.dx.detail(of: fixture.code).state.status == .handling)
        }
    }

    @Test func aFormWithoutTheSessionsTokenOrFromAnotherSiteChangesNothing() async throws {
        let fixture = try await DeskFixture()
        defer { fixture.remove() }
        try await fixture.desk(fixture.dx).test(.router) { client in
            let browser = try await DeskBrowser.signIn(client, as: "李四")
            let uri = "/tickets/\(fixture.code)/sign"
            let noToken = try await browser.post(uri, csrf: false)
            let wrongToken = try await browser.post(uri, [("csrf", "forged")], csrf: false)
            let crossSite = try await browser.post(uri, headers: [.origin: "http://evil.example"])
            for page in [noToken, wrongToken, crossSite] {
                #expect(page.status == .forbidden)
                #expect(page.text.contains("什么也没有记录"))
            }
            #expect(try fixture.dx.detail(of: fixture.code).state.status == .pendingSign)
        }
    }

    @Test func aBlankOrTooLongFieldIsNamedInChineseAndNothingIsRecorded() async throws {
        let fixture = try await DeskFixture()
        defer { fixture.remove() }
        try fixture.dx.perform(.sign, on: fixture.code)
        try await fixture.desk(fixture.dx).test(.router) { client in
            let browser = try await DeskBrowser.signIn(client, as: "李四")
            let uri = "/tickets/\(fixture.code)"
            let blank = try await browser.post("\(uri)/contact", [("note", "   ")])
            let long = try await browser.post("\(uri)/progress", [("note", String(repeating: "长", count: 4001))])
            let days = try await browser.post("\(uri)/extend", [("days", "99"), ("reason", "需要现场勘查")])
            #expect(blank.status == .unprocessableContent && blank.text.contains("请填写「联系情况」"))
            #expect(long.text.contains("「办理进展」有 4001 个字，最多 4000 个"))
            #expect(days.text.contains("「延期天数（工作日）」填的是「99」：请填 1 到 30 之间的整数"))
            #expect(days.text.contains("需要现场勘查"))
            #expect(try fixture.dx.detail(of: fixture.code).events.count == 3)
        }
    }

    @Test func theWorkstationReviewsEvaluatesAndDecidesFromItsOwnLists() async throws {
        let fixture = try await DeskFixture()
        defer { fixture.remove() }
        try fixture.dx.perform(.sign, on: fixture.code)
        try fixture.dx.perform(.contact(note: "电话联系"), on: fixture.code)
        try fixture.dx.perform(.reply(result: "已处理", resolved: true), on: fixture.code)
        try await fixture.sync(fixture.dx, as: "DX")
        try await fixture.sync(fixture.ws, as: "WS")
        try await fixture.desk(fixture.ws).test(.router) { client in
            let browser = try await DeskBrowser.signIn(client, as: "王五")
            let uri = "/tickets/\(fixture.code)"
            #expect(try await browser.get("/").text.contains("id=\"q-toReview\">待审核"))
            let rejectWithoutReason = try await browser.post("\(uri)/review", [("decision", "reject")])
            #expect(rejectWithoutReason.text.contains("请填写「不通过的理由」"))
            _ = try await browser.post("\(uri)/review", [("decision", "accept")])
            #expect(try await browser.get("/").text.contains("id=\"q-toEvaluate\">待评价/回访"))
            _ = try await browser.post("\(uri)/evaluate", [("satisfaction", "satisfied"), ("resolved", "yes"), ("note", "满意")])
            let closed = try await browser.get(uri)
            #expect(closed.text.contains("已办结"))
            #expect(closed.text.contains("工单已办结") && !closed.text.contains("/review\"") && !closed.text.contains("/evaluate\""))
            #expect(try fixture.ws.detail(of: fixture.code).state.status == .closed)
        }
    }

    @Test func theWorkstationDispatchesWithAUnitPickerAndAnUnknownUnitIsRefused() async throws {
        let fixture = try await DeskFixture()
        defer { fixture.remove() }
        let code = try fixture.ws.createTicket(Fixtures.complaint(source: .window)).code
        try await fixture.desk(fixture.ws).test(.router) { client in
            let browser = try await DeskBrowser.signIn(client, as: "王五")
            let uri = "/tickets/\(code)"
            let page = try await browser.get(uri)
            #expect(page.text.contains("<option value=\"QX\">桥圩镇（QX）</option>"))
            let unknown = try await browser.post("\(uri)/dispatch", [("lead", "ZZ")])
            #expect(unknown.text.contains("单位 ZZ 不在单位目录中"))
            #expect(try fixture.ws.detail(of: code).state.status == .pendingDispatch)
            _ = try await browser.post("\(uri)/dispatch", [("lead", "QX"), ("co", "DX")])
            let state = try fixture.ws.detail(of: code).state
            #expect(state.lead == "QX" && state.coUnits == ["DX"])
        }
    }

    @Test func anActionTheRulesDoNotAllowNowIsRefusedWithTheRulesWords() async throws {
        let fixture = try await DeskFixture()
        defer { fixture.remove() }
        try await fixture.desk(fixture.ws).test(.router) { client in
            let browser = try await DeskBrowser.signIn(client, as: "王五")
            let uri = "/tickets/\(fixture.code)"
            let close = try await browser.post("\(uri)/close", [("reason", "重复")])
            #expect(close.status == .unprocessableContent)
            #expect(close.text.contains("不能「关闭」"))
            let merge = try await browser.post("\(uri)/merge", [("into", fixture.code)])
            #expect(merge.status == .unprocessableContent)
            let unknown = try await browser.post("\(uri)/launch", [])
            #expect(unknown.status == .notFound && unknown.text.contains("没有这项操作"))
            #expect(try fixture.ws.detail(of: fixture.code).events.count == 2)
        }
    }

    @Test func anIntakeThatRepeatsAnOpenTicketShowsItFirstThenIsTakenInWhenTheClerkSaysSo() async throws {
        let fixture = try await DeskFixture()
        defer { fixture.remove() }
        try await fixture.desk(fixture.ws).test(.router) { client in
            let browser = try await DeskBrowser.signIn(client, as: "王五")
            let fields = [("category", "complaint"), ("source", "window"), ("entity", "港南区好味餐馆"),
                          ("summary", "门店前道路施工三个月未完工"), ("phone", "0775-4331430")]
            let hinted = try await browser.post("/intake", fields)
            #expect(hinted.status == .conflict)
            #expect(hinted.text.contains("可能是重复反映"))
            #expect(hinted.text.contains("href=\"/tickets/\(fixture.code)\""))
            let before = try fixture.ws.list(TicketFilter()).total
            let created = try await browser.post("/intake", fields + [("notDuplicate", "yes")])
            #expect(created.status == .seeOther)
            #expect(try fixture.ws.list(TicketFilter()).total == before + 1)
            let other = try await browser.post("/intake", [("category", "consult"), ("source", "online"), ("entity", "桥圩镇五金店"), ("summary", "如何办理食品经营许可")])
            #expect(other.status == .seeOther)
        }
    }

    @Test func searchFindsTicketsByCodeEntityAndPhone() async throws {
        let fixture = try await DeskFixture()
        defer { fixture.remove() }
        try await fixture.desk(fixture.ws).test(.router) { client in
            let browser = try await DeskBrowser.signIn(client, as: "王五")
            for query in [fixture.code, "好味", "4331430"] {
                let page = try await browser.get("/search?q=\(DeskBrowser.encode(query))")
                #expect(page.text.contains("找到 1 件"), "query \(query)")
            }
            #expect(try await browser.get("/search?q=%25").text.contains("找到 0 件"))
        }
    }

    @Test func thePrintedSheetHoldsTheFactsAndTheTimelineOnA4() async throws {
        let fixture = try await DeskFixture()
        defer { fixture.remove() }
        try await fixture.desk(fixture.dx).test(.router) { client in
            let browser = try await DeskBrowser.signIn(client, as: "李四")
            let sheet = try await browser.get("/tickets/\(fixture.code)/print")
            #expect(sheet.status == .ok)
            #expect(sheet.text.contains("@page{size:A4"))
            #expect(sheet.text.contains("门店前道路施工三个月未完工"))
            #expect(sheet.text.contains("经办人"))
        }
    }

    @Test func theSyncButtonWithTheHubDownFailsAtOnceAndThePageSaysWorkIsKept() async throws {
        let fixture = try await DeskFixture()
        defer { fixture.remove() }
        // A hub address nothing listens on.
        try fixture.dx.store.setRemote(hubURL: "http://127.0.0.1:9", token: fixture.tokens["DX"]!)
        try fixture.dx.perform(.sign, on: fixture.code)
        try await fixture.desk(fixture.dx).test(.router) { client in
            let browser = try await DeskBrowser.signIn(client, as: "李四")
            let started = Date()
            let synced = try await browser.post("/sync", [("return", "/tickets/\(fixture.code)")])
            #expect(Date().timeIntervalSince(started) < 2)
            #expect(synced.headers[.location] == "/tickets/\(fixture.code)?sync=failed")
            let page = try await browser.get("/tickets/\(fixture.code)?sync=failed")
            #expect(page.text.contains("class=\"syncbar offline\""))
            #expect(page.text.contains("工作照常保存在本机"))
            #expect(page.text.contains("连不上中心"))
            #expect(page.text.contains("未发送 1 条"))
            // The return path cannot lead elsewhere.
            let away = try await browser.post("/sync", [("return", "//evil.example/x")])
            #expect(away.headers[.location] == "/?sync=failed")
        }
    }

    @Test func aDeskOffLoopbackNeedsAPasswordAndAWrongOneSignsNobodyIn() async throws {
        let fixture = try await DeskFixture()
        defer { fixture.remove() }
        #expect(throws: DeskError.passwordRequired(host: "0.0.0.0")) {
            _ = try DeskApplication(service: fixture.dx, host: "0.0.0.0", software: "test")
        }
        try await fixture.desk(fixture.dx, password: "柜台口令", host: "0.0.0.0").test(.router) { client in
            let wrong = try await DeskBrowser.signIn(client, as: "李四", password: "nope")
            #expect(wrong.cookie.isEmpty)
            let right = try await DeskBrowser.signIn(client, as: "李四", password: "柜台口令")
            #expect(try await right.get("/").text.contains("待签收"))
        }
    }

    @Test func aLongTimelineShowsItsStartAndItsLatestEntriesWithALinkToTheWhole() async throws {
        let fixture = try await DeskFixture()
        defer { fixture.remove() }
        for index in 0..<160 { try fixture.ws.perform(.progress(note: "第\(index)次督促"), on: fixture.code) }
        try await fixture.desk(fixture.ws).test(.router) { client in
            let browser = try await DeskBrowser.signIn(client, as: "王五")
            let cut = try await browser.get("/tickets/\(fixture.code)")
            #expect(cut.text.contains("中间 42 条记录未列出"))
            #expect(cut.text.contains("第159次督促") && cut.text.contains("第0次督促") && !cut.text.contains("第50次督促"))
            let whole = try await browser.get("/tickets/\(fixture.code)?all=1")
            #expect(whole.text.contains("第50次督促") && !whole.text.contains("未列出"))
        }
    }

    @Test func aUnitReturnsBeforeHandlingAndAfterSigningNotesProgressAsksForTimeAndRefers() async throws {
        let fixture = try await DeskFixture()
        defer { fixture.remove() }
        let second = try fixture.ws.createTicket(Fixtures.complaint(source: .window)).code
        try fixture.ws.perform(.dispatch(lead: "DX", co: []), on: second)
        try await fixture.sync(fixture.ws, as: "WS")
        try await fixture.sync(fixture.dx, as: "DX")
        try await fixture.desk(fixture.dx).test(.router) { client in
            let browser = try await DeskBrowser.signIn(client, as: "李四")
            // A return needs its reason, then goes back to the workstation.
            let blank = try await browser.post("/tickets/\(second)/return", [("reason", "")])
            #expect(blank.text.contains("请填写「退回理由」"))
            _ = try await browser.post("/tickets/\(second)/return", [("reason", "道路施工属区住建局职责")])
            #expect(try fixture.dx.detail(of: second).state.status == .pendingDispatch)
            // Signed: progress, an extension request and a referral are recorded; a return is no longer offered once handling started.
            let uri = "/tickets/\(fixture.code)"
            _ = try await browser.post("\(uri)/sign")
            _ = try await browser.post("\(uri)/progress", [("note", "已与施工方协调")])
            _ = try await browser.post("\(uri)/extend", [("days", "5"), ("reason", "需等待检测报告")])
            _ = try await browser.post("\(uri)/refer", [("note", "涉及住建、交通两个部门")])
            let state = try fixture.dx.detail(of: fixture.code).state
            #expect(state.pendingExtension?.days == 5 && state.referredToCoordination)
            #expect(!(try await browser.get(uri).text.contains("action=\"\(uri)/return\"")))
            let again = try await browser.post("\(uri)/extend", [("days", "3"), ("reason", "再延")])
            #expect(again.status == .unprocessableContent && again.text.contains("已有延期申请等待工作站审批"))
        }
    }

    @Test func theWorkstationDecidesExtensionsEscalatesAndMerges() async throws {
        let fixture = try await DeskFixture()
        defer { fixture.remove() }
        try fixture.dx.perform(.sign, on: fixture.code)
        try fixture.dx.perform(.requestExtension(days: 5, reason: "需等待检测报告"), on: fixture.code)
        try await fixture.sync(fixture.dx, as: "DX")
        try await fixture.sync(fixture.ws, as: "WS")
        let duplicate = try fixture.ws.createTicket(Fixtures.complaint(source: .window)).code
        try await fixture.desk(fixture.ws).test(.router) { client in
            let browser = try await DeskBrowser.signIn(client, as: "王五")
            let uri = "/tickets/\(fixture.code)"
            #expect(try await browser.get("/").text.contains("id=\"q-extensionRequests\">延期申请"))
            let denyWithoutReason = try await browser.post("\(uri)/decideExtension", [("decision", "deny")])
            #expect(denyWithoutReason.text.contains("请填写「不批准的理由」"))
            let before = try fixture.ws.detail(of: fixture.code).state.deadline
            _ = try await browser.post("\(uri)/decideExtension", [("decision", "approve")])
            let extended = try fixture.ws.detail(of: fixture.code).state
            #expect(extended.pendingExtension == nil && extended.deadline != before)
            _ = try await browser.post("\(uri)/escalate", [("lead", "QX"), ("co", "DX")])
            let escalated = try fixture.ws.detail(of: fixture.code).state
            #expect(escalated.escalated && escalated.lead == "QX" && escalated.coUnits == ["DX"])
            _ = try await browser.post("/tickets/\(duplicate)/merge", [("into", fixture.code)])
            #expect(try fixture.ws.detail(of: duplicate).state.status == .merged)
            let closeWithoutReason = try await browser.post("\(uri)/close", [("reason", " ")])
            #expect(closeWithoutReason.text.contains("请填写「关闭理由」"))
            _ = try await browser.post("\(uri)/close", [("reason", "经专责组协调已解决")])
            #expect(try fixture.ws.detail(of: fixture.code).state.status == .closed)
        }
    }

    @Test func theWorkstationCorrectsAnIntakeAndAUnitMayNotAfterTheDispatch() async throws {
        let fixture = try await DeskFixture()
        defer { fixture.remove() }
        try await fixture.desk(fixture.ws).test(.router) { client in
            let browser = try await DeskBrowser.signIn(client, as: "王五")
            let uri = "/tickets/\(fixture.code)"
            let category = try await browser.post("\(uri)/correct", [("field", "category"), ("value", "意见建议")])
            #expect(category.status == .seeOther, "\(category.text.components(separatedBy: "role=\"alert\">").last?.prefix(300) ?? "")")
            _ = try await browser.post("\(uri)/correct", [("field", "phone"), ("value", "0775-1234567")])
            let state = try fixture.ws.detail(of: fixture.code).state
            #expect(state.category == .suggestion && state.intake.entity.phone == "0775-1234567")
            let badPhone = try await browser.post("\(uri)/correct", [("field", "phone"), ("value", "打电话")])
            #expect(badPhone.status == .unprocessableContent && badPhone.text.contains("不是有效号码"))
        }
        try await fixture.desk(fixture.dx).test(.router) { client in
            let browser = try await DeskBrowser.signIn(client, as: "李四")
            #expect(!(try await browser.get("/tickets/\(fixture.code)").text.contains("/correct\"")))
        }
    }

    @Test func inEnglishTheDeskSpeaksEnglishAroundTheTicketsOwnWords() async throws {
        let fixture = try await DeskFixture()
        defer { fixture.remove() }
        try fixture.dx.perform(.sign, on: fixture.code)
        try await fixture.desk(fixture.dx, language: .en).test(.router) { client in
            let browser = try await DeskBrowser.signIn(client, as: "Li")
            let todo = try await browser.get("/")
            let ticket = try await browser.post("/tickets/\(fixture.code)/reply", [("result", "done"), ("resolved", "yes")])
            #expect(todo.text.contains("Handling") && todo.text.contains("working day(s) left"))
            #expect(ticket.text.contains("lang=\"en\"") && ticket.text.contains("Record the contact"))
            // What is left in Chinese is the ticket's own data (names, the summary), not the desk's words.
            let words = ticket.text.replacingOccurrences(of: #"<style>[\s\S]*?</style>"#, with: "", options: .regularExpression)
                .replacingOccurrences(of: #"<[^>]+>"#, with: " ", options: .regularExpression)
            let chinese = words.matches(of: /[\u{4E00}-\u{9FFF}]+/).map { String($0.output) }
            let data = ["东兴镇", "港南区好味餐馆", "黄老板", "门店前道路施工三个月未完工", "影响经营", "施工围挡遮挡店面", "顾客无法进店", "区工作站", "王五", "李四"]
            #expect(chinese.allSatisfy { run in data.contains { $0.contains(run) } }, "\(chinese)")
        }
    }
}