import CLibXML2
import CXMLArena
import Dispatch
import Testing
@testable import SieveHTML

/// The arenas libxml2's trees are allocated from (`CXMLArena`, used by `HTMLTree`): trees alive together and
/// freed in any order, on any thread, with libxml2 errors raised in between, more trees than arenas, and a
/// tree that outgrows its arena.
/// Skipped where no arenas can be had (an address-sanitized build, an address-space limit too low).
@Suite("tree arena", .serialized, .enabled(if: sieve_xml_arena_reserve() != 0))
struct TreeArenaTests {
    /// A page with broken markup (libxml2 raises errors on it) and a long attribute value (left out of the
    /// parse, written back into the tree by an XPath query).
    static func page(_ number: Int) -> [UInt8] {
        Array("""
        <html><head><title>Page \(number)</title></head><body>
        <div class='\(String(repeating: "c", count: 40))-\(number)'><p>text \(number) &bogus; <b>bold</i></p></div>
        <table><td>cell \(number)</table><p <p>x</body></html>
        """.utf8)
    }

    /// Whether a tree of `page(number)` still holds its text.
    static func holds(_ tree: HTMLTree, _ number: Int) -> Bool {
        tree.head?.firstChildElement(.title)?.collapsedText == "Page \(number)"
            && tree.body?.collapsedText.hasPrefix("text \(number) &bogus; bold") == true
    }

    static func check(_ tree: HTMLTree, _ number: Int) {
        #expect(holds(tree, number))
    }

    /// Parses broken XML with malloc, outside any arena: libxml2 raises errors, silently. True when it fails.
    static func brokenXMLFails(_ text: String) -> Bool {
        let options = Int32(XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NONET.rawValue)
        guard let document = xmlReadMemory(text, Int32(text.utf8.count), "broken.xml", "UTF-8", options) else { return true }
        xmlFreeDoc(document)
        return false
    }

    /// A tree, its memory from an arena.
    static func tree(_ number: Int) throws -> HTMLTree {
        try HTMLTree(utf8: page(number))
    }

    @Test func treesComeFromArenas() throws {
        let tree = try Self.tree(1)
        #expect(sieve_xml_arena_owns(UnsafeRawPointer(tree.document)) != 0)
        #expect(sieve_xml_arena_owns(UnsafeRawPointer(try #require(tree.root))) != 0)
        Self.check(tree, 1)
    }

    /// More trees than arenas (64): the last ones are made with malloc. All are freed in a shuffled order,
    /// new ones made in between; the ones left keep their text.
    @Test func manyTreesAliveFreedInAnyOrder() throws {
        var trees: [(Int, HTMLTree)] = try (0..<300).map { ($0, try Self.tree($0)) }
        #expect(trees.contains { sieve_xml_arena_owns(UnsafeRawPointer($0.1.document)) == 0 })
        var generator = SplitMix(seed: 7)
        trees.shuffle(using: &generator)
        var next = 300
        while !trees.isEmpty {
            trees.removeLast(min(trees.count, 7))
            if next < 400 {
                trees.append((next, try Self.tree(next)))
                next += 1
            }
            for (number, tree) in trees.suffix(3) { Self.check(tree, number) }
        }
    }

    /// libxml2 keeps the thread's last error (copies of its strings) after a parse and frees them at the next
    /// error: errors from parses in arenas, from XPath and from parses with malloc follow each other.
    @Test func parseErrorsBetweenTrees() throws {
        var kept: (Int, HTMLTree)?
        for round in 0..<20 {
            let tree = try Self.tree(round)
            #expect(XPath.problem(in: "//div[") != nil)
            #expect(Self.brokenXMLFails("<a><b></a>"))
            if let (number, earlier) = kept {
                Self.check(earlier, number)
                #expect(XPath.nodes("//p[@class='none']", in: earlier).isEmpty)
            }
            // The earlier tree goes: its arena is closed.
            kept = (round, tree)
            #expect(Self.brokenXMLFails("<x></y>"))
        }
    }

    /// The values XPath writes back into a tree come from its arena, and go with it.
    @Test func restoredValuesComeFromTheTreesArena() throws {
        let tree = try Self.tree(3)
        let nodes = XPath.nodes("//div[contains(@class, 'ccc-3')]", in: tree)
        #expect(nodes.count == 1)
        let value = try #require(nodes.first?.pointee.properties?.pointee.children?.pointee.content)
        #expect(String(cString: value).hasSuffix("-3"))
        #expect(sieve_xml_arena_owns(UnsafeRawPointer(value)) != 0)
    }

    /// Parses on several threads at once; trees made on one thread are queried and freed on another.
    @Test func threads() throws {
        let threads = 6
        let trees = Shelf(count: threads)
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            for round in 0..<40 {
                let number = thread * 1000 + round
                guard let tree = try? Self.tree(number), Self.holds(tree, number) else {
                    trees.fail()
                    continue
                }
                if round % 4 == 0 { trees.put(thread, (number, tree)) }
            }
        }
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            let theirs = trees.take((thread + 1) % threads)
            if theirs.count != 10 { trees.fail() }
            for (number, tree) in theirs {
                if !Self.holds(tree, number) || XPath.nodes("//div[contains(@class, '-\(number)')]", in: tree).count != 1 {
                    trees.fail()
                }
                if let another = try? Self.tree(number + 500), Self.holds(another, number + 500) { continue }
                trees.fail()
            }
        }
        #expect(trees.failures == 0)
    }

    @Test func blocksAreAlignedAndKeepTheirBytes() throws {
        _ = try Self.tree(0)
        let arena = try #require(sieve_xml_arena_open())
        let previous = sieve_xml_arena_enter(arena)
        var generator = SplitMix(seed: 3)
        var blocks: [(UnsafeMutableRawPointer, Int)] = []
        var freed: Set<Int> = []
        for index in 0..<2000 {
            let size = Int.random(in: 0..<(index % 50 == 0 ? 100_000 : 300), using: &generator)
            var block = try #require(sieve_xml_malloc(size))
            block.initializeMemory(as: UInt8.self, repeating: UInt8(index % 251), count: size)
            if index % 3 == 0 {
                // Grows in place when it is the last block, else moves.
                let grown = size + Int.random(in: 1..<5000, using: &generator)
                block = try #require(sieve_xml_realloc(block, grown))
                (block + size).initializeMemory(as: UInt8.self, repeating: UInt8(index % 251), count: grown - size)
                blocks.append((block, grown))
            } else {
                blocks.append((block, size))
            }
            if index % 5 == 0 {
                sieve_xml_free(blocks[index / 2].0)
                freed.insert(index / 2)
            }
        }
        let copy = try #require(sieve_xml_strdup("arena"))
        sieve_xml_arena_leave(previous)
        #expect(String(cString: copy) == "arena")
        for (index, (block, size)) in blocks.enumerated() where !freed.contains(index) {
            #expect(Int(bitPattern: block) % 16 == 0)
            #expect(sieve_xml_arena_owns(block) != 0)
            let bytes = UnsafeRawBufferPointer(start: block, count: size)
            #expect(bytes.allSatisfy { $0 == UInt8(index % 251) })
        }
        // Outside the arena blocks come from malloc, and arena blocks grow into malloc.
        let outside = try #require(sieve_xml_realloc(blocks[1].0, 1 << 20))
        #expect(sieve_xml_arena_owns(outside) == 0)
        sieve_xml_free(outside)
        #expect(sieve_xml_arena_overflowed(arena) == 0)
        sieve_xml_arena_close(arena)
    }

    /// A parse that outgrows its arena goes on in malloc; xmlFreeDoc then frees those blocks only.
    @Test func aFullArenaGoesOnInMalloc() throws {
        _ = try Self.tree(0)
        let arena = try #require(sieve_xml_arena_open())
        let previous = sieve_xml_arena_enter(arena)
        // Fill the slot (16 MiB) to the last 16 bytes: the blocks are committed, not touched.
        for size in [4 << 20, 64 << 10, 1 << 10, 8] {
            while sieve_xml_arena_owns(sieve_xml_malloc(size)) != 0 {}
        }
        #expect(sieve_xml_arena_overflowed(arena) != 0)
        let page = Self.page(9)
        let document = page.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                htmlReadMemory($0.baseAddress, Int32($0.count), nil, "UTF-8", HTMLTree.parseOptions)
            }
        }
        xmlResetLastError()
        sieve_xml_arena_leave(previous)
        let parsed = try #require(document)
        #expect(sieve_xml_arena_owns(UnsafeRawPointer(parsed)) == 0)
        #expect(sieve_xml_arena_owns(UnsafeRawPointer(try #require(xmlDocGetRootElement(parsed)))) == 0)
        xmlFreeDoc(parsed)
        sieve_xml_arena_close(arena)
        // The slot is usable again, its memory given back past the part kept.
        Self.check(try Self.tree(10), 10)
    }
}

/// Trees put aside by one thread for another.
private final class Shelf: @unchecked Sendable {
    private var shelves: [[(Int, HTMLTree)]]
    private(set) var failures = 0
    private let lock = DispatchQueue(label: "shelf")

    init(count: Int) {
        shelves = Array(repeating: [], count: count)
    }

    func put(_ shelf: Int, _ tree: (Int, HTMLTree)) {
        lock.sync { shelves[shelf].append(tree) }
    }

    func fail() {
        lock.sync { failures += 1 }
    }

    func take(_ shelf: Int) -> [(Int, HTMLTree)] {
        lock.sync {
            defer { shelves[shelf] = [] }
            return shelves[shelf]
        }
    }
}

/// A seeded generator, so that a failing order can be replayed.
private struct SplitMix: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
