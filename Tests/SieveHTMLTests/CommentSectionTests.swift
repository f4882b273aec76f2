import SieveCore
@testable import SieveHTML
import Testing

/// Comment markup of common CMSs that the comment section reader must read one comment at a time.
@Suite struct CommentSectionTests {
    private func comments(_ section: String) throws -> [SieveCore.Comment] {
        let prose = """
            <p>Un arrêt attendu par les patients, les médecins et les assureurs, qui suivaient le dossier depuis trois ans déjà.</p>
            <p>Selon la défense, la décision ouvre la voie à des dizaines de recours semblables devant les tribunaux administratifs.</p>
            <p>Les juges ont rendu leur décision après une longue audience, et les avocats des deux parties ont annoncé un appel.</p>
            <p>Le tribunal a retenu la faute de l'hôpital, qui n'avait pas informé la patiente des risques de l'opération.</p>
            <p>La cour d'appel devra dire si le préjudice moral doit être indemnisé en plus du préjudice corporel.</p>
            """
        var document = try readHTML("<html><body><article><h1>Décision</h1>\(prose)</article>\(section)</body></html>")
        _ = try MainContentExtractor(options: .init()).apply(to: &document, context: testContext("main-content"))
        #expect(!document.text.contains("Bravo"))
        return document.comments
    }

    /// Drupal: `div.comment` without a numbered id, a "back to top" link list inside each comment.
    @Test func drupalCommentDivsWithALinkListAreComments() throws {
        let comments = try comments("""
            <div class="panel-pane pane-node-comments" id="comments"><h2 class="pane-title">Commentaires</h2>
            <div class="comment comment-published first odd clearfix"><div class="submitted"><span class="username">JPA</span></div>
            <div class="content"><p>Bravo pour cet article très clair.</p></div>
            <ul class="links"><li class="comment_hautpage first"><a href="#top">haut de page</a></li></ul></div>
            <div class="comment comment-published last even clearfix"><div class="submitted"><span class="username">BINH</span></div>
            <div class="content"><p>Le confinement chauffe les esprits.</p></div>
            <ul class="links"><li class="comment_hautpage first"><a href="#top">haut de page</a></li></ul></div></div>
            """)
        #expect(comments == [
            SieveCore.Comment(author: "JPA", text: "Bravo pour cet article très clair."),
            SieveCore.Comment(author: "BINH", text: "Le confinement chauffe les esprits."),
        ])
    }

    /// A layout class such as `text-right` on the vote buttons is not the comment's text.
    @Test func aTextAlignClassIsNotTheCommentText() throws {
        let comments = try comments("""
            <div id="comments" class="comments-container"><div class="comment" id="comment3989"><div class="comment-box">
            <div class="small-6"><p><span class="meta-name">Marth</span></p></div>
            <div class="small-6 text-right"><span class="votesum">+3</span> <a class="upvote" href="#up">Gut</a></div>
            <div><p>Bravo, ich bin schon vor Wochen mit Fachleuten ins Gespräch gekommen.</p></div></div></div></div>
            """)
        #expect(comments.count == 1)
        #expect(comments.first?.text.contains("Bravo, ich bin schon vor Wochen") == true)
    }

    /// Unmarked comments with titles: the section's heading is left out, each comment's title kept.
    @Test func commentTitlesAfterTheSectionHeadingAreKept() throws {
        let comments = try comments("""
            <div class="kommentare"><h3>2 Kommentare</h3>
            <div class="kommentar-item"><h5>Bravo, ein Quantensprung?</h5><div class="kommentar-text">Eher ein kleiner Schritt.</div></div>
            <div class="kommentar-item"><h5>Gut so</h5><div class="kommentar-text">Endlich tut sich etwas.</div></div></div>
            """)
        #expect(comments.map(\.text) == ["Bravo, ein Quantensprung?", "Eher ein kleiner Schritt.", "Gut so", "Endlich tut sich etwas."])
    }

    /// BEM names a block's parts after the block: `photo-tour__slide__comment` is a slide's caption, not a
    /// comment section; the block `post__comments` beside it is.
    @Test func aBEMCommentElementOfAnotherBlockIsNotACommentSection() throws {
        let comments = try comments("""
            <div class="photo-tour"><div class="photo-tour__slide"><img src="salle.jpg" alt="">
            <div class="photo-tour__slide__comment">La salle d'audience du tribunal administratif, rénovée l'an dernier.</div></div>
            <div class="photo-tour__slide"><img src="couloir.jpg" alt="">
            <div class="photo-tour__slide__comment">Le couloir où attendent les familles des patients avant chaque séance.</div></div></div>
            <section class="post__comments"><h2>Réactions</h2><ul class="post__comments__list">
            <li class="post__comment" id="r-41"><span class="post__comment__author">Maud</span>
            <p class="post__comment__body">Bravo aux juges, enfin une décision claire pour les patients.</p></li></ul></section>
            """)
        #expect(comments == [SieveCore.Comment(author: "Maud", text: "Bravo aux juges, enfin une décision claire pour les patients.")])
    }

    /// A hidden comment section (shown by a "show comments" button) is read; pruned by XPath, it is gone
    /// from `comments` too, not only from the text.
    @Test func aPrunedHiddenCommentSectionGivesNoComments() throws {
        let page = """
            <html><body><article><h1>Décision</h1>
            <p>Un arrêt attendu par les patients, les médecins et les assureurs, qui suivaient le dossier depuis trois ans déjà.</p>
            <p>Selon la défense, la décision ouvre la voie à des dizaines de recours semblables devant les tribunaux administratifs.</p>
            <p>Les juges ont rendu leur décision après une longue audience, et les avocats des deux parties ont annoncé un appel.</p>
            </article>
            <div id="comments" class="comments" style="display: none"><ul class="comment-list">
            <li class="comment" id="comment-12"><span class="author">Maud</span><p>Bravo aux juges, enfin une décision claire.</p></li>
            </ul></div></body></html>
            """
        func comments(prune: [String]) throws -> [SieveCore.Comment] {
            var document = try readHTML(page)
            var options = MainContentExtractor.Options()
            options.prune = prune
            _ = try MainContentExtractor(options: options).apply(to: &document, context: testContext("main-content"))
            return document.comments
        }
        #expect(try comments(prune: []) == [SieveCore.Comment(author: "Maud", text: "Bravo aux juges, enfin une décision claire.")])
        #expect(try comments(prune: ["//div[@id='comments']"]).isEmpty)
    }
}
