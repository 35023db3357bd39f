import ArgumentParser
import GongdanStore

/// `gongdan hub viewer list`: the dashboard viewers' names.
struct HubViewerListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the dashboard viewers.")

    @OptionGroup var options: HubOptions

    func run() throws {
        let context = try options.context()
        let names = try context.openStore().viewerNames()
        if context.json {
            try Console.json(names)
        } else if names.isEmpty {
            Console.out(context.language.pick("尚无看板账号：gongdan hub viewer add NAME", "No viewers yet: gongdan hub viewer add NAME"))
        } else {
            names.forEach { Console.out($0) }
        }
    }
}
