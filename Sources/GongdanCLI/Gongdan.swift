import ArgumentParser
@main struct Gongdan: ParsableCommand {}
