package datasets

import (
	"archive/zip"
	"bytes"
	"flag"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var regenFixtures = flag.Bool("fixtures", false, "rewrite the AO3 HTML and EPUB fixtures in testdata/ao3 from the seed stories")

// The fixtures are built here, from the seed stories, in the published
// formats of AO3's HTML and EPUB downloads and of FanFicFare's EPUBs; the
// metadata is invented for the project.

type fixtureWork struct {
	title, author, summary, note, endNote string
	rating, warnings, category            string
	fandoms, relationships, characters    []string
	tags                                  []string
	chapters                              []fixtureChapter
}

type fixtureChapter struct {
	title string
	paras []string
	note  string
}

func seedParas(t *testing.T, name string) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "seeds", name))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, line := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(line) != "" {
			out = append(out, strings.TrimSpace(line))
		}
	}
	return out
}

func links(xs []string) string {
	var out []string
	for _, x := range xs {
		out = append(out, `<a rel="tag" href="https://archiveofourown.org/tags/x">`+html.EscapeString(x)+`</a>`)
	}
	return strings.Join(out, ", ")
}

func (w fixtureWork) preface(words int) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<div id="preface">
<h2 class="toc-heading">Preface</h2>
<p class="message"><b>%s</b><br/>Posted originally on the <a href="https://archiveofourown.org/">Archive of Our Own</a> at <a href="https://archiveofourown.org/works/0">https://archiveofourown.org/works/0</a>.</p>
<div class="meta">
<dl class="tags">
<dt>Rating:</dt><dd>%s</dd>
<dt>Archive Warning:</dt><dd>%s</dd>
<dt>Category:</dt><dd>%s</dd>
<dt>Fandom:</dt><dd>%s</dd>
<dt>Relationship:</dt><dd>%s</dd>
<dt>Characters:</dt><dd>%s</dd>
<dt>Additional Tags:</dt><dd>%s</dd>
<dt>Language:</dt><dd>English</dd>
<dt>Stats:</dt><dd>Published: 2012-03-01 Updated: 2012-03-08 Words: %d Chapters: %d/%d</dd>
</dl>
<h1>%s</h1>
<div class="byline">by <a rel="author" href="https://archiveofourown.org/users/x">%s</a></div>
<p>Summary</p>
<blockquote class="userstuff"><p>%s</p></blockquote>
<p>Notes</p>
<blockquote class="userstuff"><p>%s</p></blockquote>
</div>
</div>
`, html.EscapeString(w.title), links([]string{w.rating}), links([]string{w.warnings}), links([]string{w.category}),
		links(w.fandoms), links(w.relationships), links(w.characters), links(w.tags), words, len(w.chapters), len(w.chapters),
		html.EscapeString(w.title), html.EscapeString(w.author), html.EscapeString(w.summary), html.EscapeString(w.note))
	return b.String()
}

func paras(ps []string) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString("<p>" + html.EscapeString(p) + "</p>\n")
	}
	return b.String()
}

func (c fixtureChapter) html() string {
	note := ""
	if c.note != "" {
		note = "<p>Chapter Notes</p>\n<blockquote class=\"userstuff\"><p>" + html.EscapeString(c.note) + "</p></blockquote>\n"
	}
	return fmt.Sprintf("<div class=\"meta group\">\n<h2 class=\"heading\">%s</h2>\n%s</div>\n<div class=\"userstuff\">\n%s</div>\n",
		html.EscapeString(c.title), note, paras(c.paras))
}

func (w fixtureWork) afterword() string {
	return `<div id="afterword">
<h2 class="toc-heading">Afterword</h2>
<div class="meta"><div id="endnotes"><p>End Notes</p><blockquote class="userstuff"><p>` + html.EscapeString(w.endNote) + `</p></blockquote></div></div>
<p class="message">Please <a href="https://archiveofourown.org/works/0/comments/new">drop by the archive and comment</a> to let the creator know if you enjoyed their work!</p>
</div>
`
}

// ao3HTML is an AO3 HTML download of the work.
func (w fixtureWork) ao3HTML() string {
	words := 0
	var body strings.Builder
	for _, c := range w.chapters {
		for _, p := range c.paras {
			words += len(strings.Fields(p))
		}
	}
	if len(w.chapters) == 1 {
		body.WriteString("<div class=\"userstuff\">\n" + paras(w.chapters[0].paras) + "</div>\n")
	} else {
		for _, c := range w.chapters {
			body.WriteString(c.html())
		}
	}
	return "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"UTF-8\">\n<title>" + html.EscapeString(w.title) + "</title>\n</head>\n<body>\n" +
		w.preface(words) + "<div id=\"chapters\" class=\"userstuff\">\n" + body.String() + "</div>\n" + w.afterword() + "</body>\n</html>\n"
}

func xhtml(title, body string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>` + html.EscapeString(title) + `</title></head>
<body>
` + body + `</body></html>
`
}

type entry struct{ name, body string }

func writeEPUB(t *testing.T, path string, files []entry) {
	t.Helper()
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	h := &zip.FileHeader{Name: "mimetype", Method: zip.Store}
	w, _ := z.CreateHeader(h)
	w.Write([]byte("application/epub+zip"))
	for _, f := range files {
		w, err := z.Create(f.name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(f.body))
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

const containerXML = `<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>
`

func opfDoc(version string, w fixtureWork, items []entry, nav bool) string {
	var manifest, spine strings.Builder
	for i, it := range items {
		props := ""
		if nav && i == 0 {
			props = ` properties="nav"`
		}
		fmt.Fprintf(&manifest, "<item id=\"i%d\" href=\"%s\" media-type=\"application/xhtml+xml\"%s/>\n", i, strings.TrimPrefix(it.name, "OEBPS/"), props)
		fmt.Fprintf(&spine, "<itemref idref=\"i%d\"/>\n", i)
	}
	subjects := ""
	for _, tag := range w.tags {
		subjects += "<dc:subject>" + html.EscapeString(tag) + "</dc:subject>\n"
	}
	return `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="` + version + `" unique-identifier="id">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="id">urn:storylens:fixture</dc:identifier>
<dc:title>` + html.EscapeString(w.title) + `</dc:title>
<dc:creator>` + html.EscapeString(w.author) + `</dc:creator>
<dc:language>en</dc:language>
` + subjects + `<dc:description>&lt;p&gt;` + html.EscapeString(w.summary) + `&lt;/p&gt;</dc:description>
</metadata>
<manifest>
` + manifest.String() + `</manifest>
<spine>
` + spine.String() + `</spine>
</package>
`
}

var (
	vdFandom     = []string{"The Vampire Diaries (TV)"}
	vdCharacters = []string{"Stefan Salvatore", "Elena Gilbert", "Damon Salvatore", "Caroline Forbes", "Liz Forbes", "Katherine Pierce", "Klaus Mikaelson"}
)

func fixtureWorks(t *testing.T) (stefan, liz, katherine fixtureWork) {
	stefan = fixtureWork{title: "Worth It", author: "lantern_moth", summary: "He came back to say goodbye.",
		note: "Written for a prompt: the night before he leaves.", endNote: "Thank you for reading.",
		rating: "Teen And Up Audiences", warnings: "No Archive Warnings Apply", category: "F/M",
		fandoms: vdFandom, relationships: []string{"Stefan Salvatore/Elena Gilbert"}, characters: vdCharacters,
		tags:     []string{"Angst", "Hurt/Comfort", "Canon Divergence"},
		chapters: []fixtureChapter{{title: "Chapter 1", paras: seedParas(t, "stefan_pov.txt")}}}
	lp := seedParas(t, "after_liz.txt")
	liz = fixtureWork{title: "After Liz", author: "quiet_harbour", summary: "Caroline loses her mother; Stefan stays.",
		note: "Grief, then comfort.", endNote: "Comments make my day.",
		rating: "Mature", warnings: "Major Character Death", category: "F/M",
		fandoms: vdFandom, relationships: []string{"Caroline Forbes/Stefan Salvatore"}, characters: vdCharacters,
		tags: []string{"Angst", "Grief/Mourning", "Hurt/Comfort", "Fluff"},
		chapters: []fixtureChapter{
			{title: "Chapter 1: The Hospital", paras: lp[:29], note: "This chapter deals with a death."},
			{title: "Chapter 2: Morning", paras: lp[29:]},
		}}
	kp := seedParas(t, "bittersweet_goodbye.txt")
	katherine = fixtureWork{title: "Bittersweet Goodbye", author: "ink_and_ash", summary: "Katherine dreams of a second chance.",
		rating: "General Audiences", warnings: "Major Character Death", category: "F/M",
		fandoms: vdFandom, relationships: []string{"Damon Salvatore/Katherine Pierce"}, characters: vdCharacters,
		tags:     []string{"Angst", "Dreams"},
		chapters: []fixtureChapter{{title: "Bittersweet Goodbye", paras: kp[1:]}}}
	return
}

// TestWriteFixtures rewrites the fixtures with -fixtures.
func TestWriteFixtures(t *testing.T) {
	if !*regenFixtures {
		t.Skip("run with -fixtures to rewrite testdata/ao3")
	}
	stefan, liz, katherine := fixtureWorks(t)
	dir := filepath.Join("testdata", "ao3")
	os.WriteFile(filepath.Join(dir, "worth_it.html"), []byte(stefan.ao3HTML()), 0o644)
	os.WriteFile(filepath.Join(dir, "after_liz.html"), []byte(liz.ao3HTML()), 0o644)

	// AO3-style EPUB 2: preface page, one page per chapter, afterword.
	pages := []entry{{"OEBPS/preface.xhtml", xhtml(liz.title, liz.preface(0))}}
	for i, c := range liz.chapters {
		pages = append(pages, entry{fmt.Sprintf("OEBPS/chapter%d.xhtml", i+1), xhtml(c.title, "<div id=\"chapters\" class=\"userstuff\">\n"+c.html()+"</div>\n")})
	}
	pages = append(pages, entry{"OEBPS/afterword.xhtml", xhtml("Afterword", liz.afterword())})
	files := append([]entry{{"META-INF/container.xml", containerXML}, {"OEBPS/content.opf", opfDoc("2.0", liz, pages, false)}}, pages...)
	writeEPUB(t, filepath.Join(dir, "after_liz.epub"), files)

	// FanFicFare-style EPUB 3: a nav document, title and contents pages,
	// then one file per chapter with its title in an h3.
	c := katherine.chapters[0]
	pages = []entry{
		{"OEBPS/nav.xhtml", xhtml("Contents", `<nav epub:type="toc"><ol><li><a href="file0001.xhtml">Bittersweet Goodbye</a></li></ol></nav>`)},
		{"OEBPS/title_page.xhtml", xhtml(katherine.title, "<h3>"+katherine.title+"</h3><div><b>Author:</b> "+katherine.author+"<br/><b>Rating:</b> General Audiences<br/></div>")},
		{"OEBPS/toc_page.xhtml", xhtml("Table of Contents", `<div><h3>Table of Contents</h3><a href="file0001.xhtml">Bittersweet Goodbye</a></div>`)},
		{"OEBPS/file0001.xhtml", xhtml(c.title, "<h3>"+html.EscapeString(c.title)+"</h3>\n"+paras(c.paras))},
	}
	files = append([]entry{{"META-INF/container.xml", containerXML}, {"OEBPS/content.opf", opfDoc("3.0", katherine, pages, true)}}, pages...)
	writeEPUB(t, filepath.Join(dir, "bittersweet_goodbye.epub"), files)
}
