package features

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// paras returns the text of the paragraph blocks.
func paras(src string) []string {
	var out []string
	for _, b := range Split([]byte(src)) {
		if b.Kind == KindParagraph {
			out = append(out, src[b.Start:b.End])
		}
	}
	return out
}

func TestSplitLayouts(t *testing.T) {
	wrapped := strings.Join([]string{
		"The well-known shrill voice startled Almayer from his dream of splendid",
		"future into the unpleasant realities of the present hour. An unpleasant",
		"voice too. He had heard it for many years, and with every year he liked",
		"it less. No matter; there would be an end to all this soon.",
		"He shuffled uneasily, but took no further notice of the call. Leaning",
		"with both his elbows on the balustrade of the verandah, he went on",
		"looking fixedly at the great river.",
		"\"Kaspar! Makan!\"",
		"\"A proper good notion,\" said the blacksmith.",
		"It was decided that a deputation should wait on the boy's aunt, an",
		"old maiden resident, and ask her if she would house the piano till",
		"Mr. Phillotson should send for it. The smith and the bailiff started",
		"off at once, and the schoolmaster went with them.",
	}, "\n")
	// Repeat so the layout statistics see a long hard-wrapped text.
	wrappedDoc := strings.Repeat(wrapped+"\n", 10)
	tests := []struct {
		name   string
		src    string
		layout Layout
		want   []string
	}{
		{
			name:   "blank lines",
			src:    "First paragraph,\nwrapped over two lines.\n\nSecond one.\n\n\nThird.\n",
			layout: LayoutBlank,
			want:   []string{"First paragraph,\nwrapped over two lines.", "Second one.", "Third."},
		},
		{
			name:   "one per line",
			src:    strings.Repeat("A long line that holds a whole paragraph of the story, as some files print them without wrapping at all, one after another.\n", 60),
			layout: LayoutLines,
		},
		{
			name:   "hard wrapped",
			src:    wrappedDoc,
			layout: LayoutWrapped,
		},
		{
			name:   "CRLF and BOM",
			src:    "\uFEFFOne.\r\n\r\nTwo,\r\nthree.\r\n",
			layout: LayoutBlank,
			want:   []string{"One.", "Two,\r\nthree."},
		},
		{
			name:   "indented paragraphs",
			src:    "  Indented first line of a paragraph that\ncontinues here.\n  Second paragraph starts\nhere and goes on.\n",
			layout: LayoutWrapped,
			want:   []string{"Indented first line of a paragraph that\ncontinues here.", "Second paragraph starts\nhere and goes on."},
		},
		{
			// A drabble of short lines, no blank lines: each line ends a
			// sentence, so none was wrapped.
			name:   "short lines without blank lines",
			src:    "\"Where were you?\" Elena asked.\n\"Out,\" said Stefan.\nShe looked at him for a long moment.\nHe didn't look away.\n",
			layout: LayoutLines,
			want:   []string{"\"Where were you?\" Elena asked.", "\"Out,\" said Stefan.", "She looked at him for a long moment.", "He didn't look away."},
		},
		{
			name:   "short lines in blank-separated scenes",
			src:    "\"Where were you?\" Elena asked.\n\"Out,\" said Stefan.\n\nShe looked at him for a long moment.\nHe didn't look away.\n",
			layout: LayoutBlank,
			want:   []string{"\"Where were you?\" Elena asked.", "\"Out,\" said Stefan.", "She looked at him for a long moment.", "He didn't look away."},
		},
		{
			// Indented first lines, wrapped, one-line paragraphs among
			// them; most lines are indented.
			name:   "indented dialogue",
			src:    "    Elena stood at the window a long time, watching the rain run\ndown the glass and thinking of the summer.\n    \"Are you coming to bed?\" he asked from the doorway, quietly, as ever.\n    \"Not yet,\" she said.\n    He went.\n",
			layout: LayoutWrapped,
			want:   []string{"Elena stood at the window a long time, watching the rain run\ndown the glass and thinking of the summer.", "\"Are you coming to bed?\" he asked from the doorway, quietly, as ever.", "\"Not yet,\" she said.", "He went."},
		},
		{
			// Blank lines only around scene breaks; each paragraph an
			// indented first line and wrapped lines.
			name:   "indented paragraphs in blank-separated scenes",
			src:    "    The first paragraph opens here and runs on past the end of\nthe line before it stops.\n    The second one opens here and also runs on past the end of\nits line.\n\n* * *\n\n    A third after the break, wrapped over two lines as the\nothers are.\n",
			layout: LayoutBlank,
			want:   []string{"The first paragraph opens here and runs on past the end of\nthe line before it stops.", "The second one opens here and also runs on past the end of\nits line.", "A third after the break, wrapped over two lines as the\nothers are."},
		},
		{
			// Verse inside blank-separated prose stays whole.
			name:   "indented verse",
			src:    "She sang it softly, the old song her mother had sung to her when she was small, over and over.\n\n  \"Love was once a little boy,\n    Heigh-ho, heigh-ho!\n  Then 'twas sweet with him to toy,\n    Heigh-ho, heigh-ho!\"\n\nThen she stopped.\n",
			layout: LayoutBlank,
			want:   []string{"She sang it softly, the old song her mother had sung to her when she was small, over and over.", "\"Love was once a little boy,\n    Heigh-ho, heigh-ho!\n  Then 'twas sweet with him to toy,\n    Heigh-ho, heigh-ho!\"", "Then she stopped."},
		},
		{
			// Written in lower case on purpose: no line is a page
			// break's continuation.
			name:   "lower case",
			src:    "i love you, she texts him at 3am\n\nhe reads it eleven times\n\nhe doesn't answer\n",
			layout: LayoutBlank,
			want:   []string{"i love you, she texts him at 3am", "he reads it eleven times", "he doesn't answer"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DetectLayout([]byte(tt.src)); got != tt.layout {
				t.Errorf("layout = %v, want %v", got, tt.layout)
			}
			got := paras(tt.src)
			if tt.want != nil && strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("paragraphs = %q\nwant %q", got, tt.want)
			}
		})
	}
	t.Run("hard wrapped paragraphs", func(t *testing.T) {
		got := paras(wrappedDoc)
		if len(got) != 50 {
			t.Fatalf("got %d paragraphs, want 50 (5 per repetition): %q", len(got), got[:6])
		}
		want := []string{
			"The well-known shrill voice startled Almayer from his dream of splendid\nfuture into the unpleasant realities of the present hour. An unpleasant\nvoice too. He had heard it for many years, and with every year he liked\nit less. No matter; there would be an end to all this soon.",
			"He shuffled uneasily, but took no further notice of the call. Leaning\nwith both his elbows on the balustrade of the verandah, he went on\nlooking fixedly at the great river.",
			"\"Kaspar! Makan!\"",
			"\"A proper good notion,\" said the blacksmith.",
		}
		for i, w := range want {
			if got[i] != w {
				t.Errorf("paragraph %d = %q\nwant %q", i+1, got[i], w)
			}
		}
		if !strings.HasPrefix(got[4], "It was decided") || !strings.Contains(got[4], "Mr. Phillotson should") {
			t.Errorf("paragraph 5 = %q: the break after \"Mr.\" must not split it", got[4])
		}
	})
}

func TestSplitStructure(t *testing.T) {
	src := `Bittersweet Goodbye

Stefan POV –

He shouldn't have come back.

* * *

She waited.

CHAPTER II.

THE LAKE.

The water was cold.

~~~

Chapter 3: The Return

Elena's POV

Nobody came.

----

#

Silence

The end.
`
	blocks := Split([]byte(src))
	type want struct {
		kind    Kind
		text    string
		chapter int
		scene   int
		pov     string
		index   int
	}
	wants := []want{
		{KindHeading, "Bittersweet Goodbye", 1, 1, "", 0},
		{KindPOV, "Stefan POV –", 1, 1, "Stefan", 0},
		{KindParagraph, "He shouldn't have come back.", 1, 1, "Stefan", 1},
		{KindSceneBreak, "* * *", 1, 2, "Stefan", 0},
		{KindParagraph, "She waited.", 1, 2, "Stefan", 2},
		{KindChapter, "CHAPTER II.", 2, 1, "", 0},
		{KindHeading, "THE LAKE.", 2, 1, "", 0},
		{KindParagraph, "The water was cold.", 2, 1, "", 3},
		{KindSceneBreak, "~~~", 2, 2, "", 0},
		{KindChapter, "Chapter 3: The Return", 3, 1, "", 0},
		{KindPOV, "Elena's POV", 3, 1, "Elena", 0},
		{KindParagraph, "Nobody came.", 3, 1, "Elena", 4},
		{KindSceneBreak, "----", 3, 2, "Elena", 0},
		{KindSceneBreak, "#", 3, 2, "Elena", 0},
		{KindParagraph, "Silence", 3, 2, "Elena", 5},
		{KindParagraph, "The end.", 3, 2, "Elena", 6},
	}
	if len(blocks) != len(wants) {
		for _, b := range blocks {
			t.Logf("%v %q", b.Kind, src[b.Start:b.End])
		}
		t.Fatalf("got %d blocks, want %d", len(blocks), len(wants))
	}
	for i, w := range wants {
		b := blocks[i]
		got := want{b.Kind, src[b.Start:b.End], b.Chapter, b.Scene, b.POV, b.Index}
		if got != w {
			t.Errorf("block %d = %+v\nwant %+v", i, got, w)
		}
	}
}

func TestSplitFirstChapterAfterFrontMatter(t *testing.T) {
	src := "To the memory of a friend, who read it first.\n\nCHAPTER I.\n\nIt began.\n\nCHAPTER II.\n\nIt went on.\n"
	var got []int
	for _, b := range Split([]byte(src)) {
		if b.Kind == KindParagraph {
			got = append(got, b.Chapter)
		}
	}
	if want := []int{1, 1, 2}; !equalInts(got, want) {
		t.Errorf("chapters = %v, want %v", got, want)
	}
}

func TestSplitPageBreakContinuation(t *testing.T) {
	got := paras("In one spot only was the plain broken. Near the centre a small\n\nsolitary hill rose.\n\nNext paragraph.\n")
	want := []string{"In one spot only was the plain broken. Near the centre a small\n\nsolitary hill rose.", "Next paragraph."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestSeedStories checks each embedded seed story: every nonblank line is
// one paragraph except its title or point-of-view line.
func TestSeedStories(t *testing.T) {
	tests := []struct {
		file       string
		paragraphs int
		first      string
		last       string
		heading    Kind
	}{
		{"stefan_pov.txt", 32, "He shouldn't have come back, he knew that.", "She was going to get Stefan Salvatore back if it killed her.", KindPOV},
		{"after_liz.txt", 58, "They ran as fast as the possibly could", "in the arms of the one they love.", KindParagraph},
		{"bittersweet_goodbye.txt", 25, "One last time, on her deathbed, Katherine Pierce dreams", "", KindHeading},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("..", "seeds", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			blocks := Split(src)
			if blocks[0].Kind != tt.heading {
				t.Errorf("first block is %v, want %v", blocks[0].Kind, tt.heading)
			}
			var ps []Block
			for _, b := range blocks {
				if b.Kind == KindParagraph {
					ps = append(ps, b)
				}
			}
			if len(ps) != tt.paragraphs {
				t.Fatalf("got %d paragraphs, want %d", len(ps), tt.paragraphs)
			}
			if got := string(src[ps[0].Start:ps[0].End]); !strings.HasPrefix(got, tt.first) {
				t.Errorf("first paragraph = %.60q, want prefix %q", got, tt.first)
			}
			if got := string(src[ps[len(ps)-1].Start:ps[len(ps)-1].End]); !strings.HasSuffix(got, tt.last) {
				t.Errorf("last paragraph = %.60q, want suffix %q", got, tt.last)
			}
			for i, p := range ps {
				if p.Index != i+1 || p.Chapter != 1 {
					t.Errorf("paragraph %d: index %d chapter %d", i+1, p.Index, p.Chapter)
				}
				if strings.Contains(string(src[p.Start:p.End]), "\n") {
					t.Errorf("paragraph %d spans lines", p.Index)
				}
			}
		})
	}
}

// checkBlocks asserts the splitter's contract on src.
func checkBlocks(t *testing.T, src []byte) {
	t.Helper()
	prevEnd := 0
	for i, b := range Split(src) {
		if b.Start < prevEnd || b.End < b.Start || b.End > len(src) {
			t.Fatalf("block %d [%d,%d) after %d: offsets out of order", i, b.Start, b.End, prevEnd)
		}
		if b.Start == b.End {
			t.Fatalf("block %d is empty", i)
		}
		for _, c := range string(src[prevEnd:b.Start]) {
			if !(c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == '\u00A0' || c == '\uFEFF') {
				t.Fatalf("text %q between blocks is lost", src[prevEnd:b.Start])
			}
		}
		prevEnd = b.End
	}
	for _, c := range string(src[prevEnd:]) {
		if !(c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == '\u00A0' || c == '\uFEFF') {
			t.Fatalf("trailing text %q is lost", src[prevEnd:])
		}
	}
}

func FuzzSplit(f *testing.F) {
	for _, s := range []string{
		"", "\n", "One.\n\nTwo.", "\uFEFFa\r\nb", "CHAPTER I.\n\nText.", "* * *", "Stefan POV –\n\nHe left.",
		"a  \u00A0\n\n\u00A0b", "IT\n\nwas late", "\xff\xfe", "  x\n  y\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		checkBlocks(t, src)
	})
}

func TestSplitCutsLongParagraphs(t *testing.T) {
	sentence := "The rain fell on the roof again and again. "
	src := []byte(strings.Repeat(sentence, 5000) + "\n\nShort one.\n")
	var ps []Block
	for _, b := range Split(src) {
		if b.Kind == KindParagraph {
			ps = append(ps, b)
		}
	}
	if len(ps) < 4 {
		t.Fatalf("%d paragraphs: a %d-byte paragraph was not cut", len(ps), 5000*len(sentence))
	}
	for i, p := range ps {
		text := string(src[p.Start:p.End])
		if p.End-p.Start > MaxParagraph || p.Index != i+1 {
			t.Errorf("piece %d: %d bytes, index %d", i, p.End-p.Start, p.Index)
		}
		if i < len(ps)-1 && !strings.HasSuffix(text, ".") {
			t.Errorf("piece %d is not cut at a sentence end: %q", i, text[len(text)-20:])
		}
	}
	if got := string(src[ps[len(ps)-1].Start:ps[len(ps)-1].End]); got != "Short one." {
		t.Errorf("last paragraph %q", got)
	}
	checkBlocks(t, src)
}

// TestSplitShortLinesAreText: short lines without end punctuation are
// a title only where a title can be, and never all of a story.
func TestSplitShortLinesAreText(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"all short lines", "He ran\n\nShe followed him into the dark\n\nNobody saw them leave\n",
			[]string{"He ran", "She followed him into the dark", "Nobody saw them leave"}},
		{"one line", "I love you\n", []string{"I love you"}},
		{"a title, then text", "The Long Night\n\nShe followed him into the dark. Nobody saw them leave.\n",
			[]string{"She followed him into the dark. Nobody saw them leave."}},
		{"a line broken off", "He ran—\n\nshe followed him, and they walked on through the night.\n",
			[]string{"He ran—", "she followed him, and they walked on through the night."}},
		{"under a chapter heading", "CHAPTER XVII.\n\nSAID Kenelm, at last breaking silence -\n\n\"Let us go,\" he said.\n",
			[]string{"SAID Kenelm, at last breaking silence -", "\"Let us go,\" he said."}},
		{"headings only", "Chapter 1\n\n* * *\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := paras(tt.src); strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("paragraphs %q, want %q", got, tt.want)
			}
		})
	}
	// Such lines keep their chapters and scenes.
	var where []string
	for _, b := range Split([]byte("Chapter 1\n\nHe ran\n\n* * *\n\nShe hid\n\nChapter 2\n\nThey left\n")) {
		if b.Kind == KindParagraph {
			where = append(where, fmt.Sprintf("%d.%d.%d", b.Chapter, b.Scene, b.Index))
		}
	}
	if got := strings.Join(where, " "); got != "1.1.1 1.2.2 2.1.3" {
		t.Errorf("chapter.scene.paragraph %s, want 1.1.1 1.2.2 2.1.3", got)
	}
}

// Lines that only look like headings are text: a shout in capitals, a
// sentence that opens with "Part", "Book" or "Chapter", a script without
// capitals. None of them may vanish.
func TestSplitKeepsTextThatLooksLikeHeadings(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"a shout between paragraphs",
			"Harry stared at the letter for a long time before he opened it.\n\n\"Get out,\" Draco said quietly.\n\nGET OUT.\n\nHarry didn't move.\n\nPart of him wanted to run.\n\nHe stayed.\n",
			[]string{"Harry stared at the letter for a long time before he opened it.", "\"Get out,\" Draco said quietly.", "GET OUT.", "Harry didn't move.", "Part of him wanted to run.", "He stayed."}},
		{"two shouted sentences", "She turned on him.\n\nI DID NOT KILL HIM. I SWEAR IT.\n\nHe said nothing.\n",
			[]string{"She turned on him.", "I DID NOT KILL HIM. I SWEAR IT.", "He said nothing."}},
		{"sentences that open like headings",
			"It was late.\n\nBook me a table, she said.\n\nVolume up, he said.\n\nChapter one of her life was over, she thought.\n\nPrologue was a word she hated.\n",
			[]string{"It was late.", "Book me a table, she said.", "Volume up, he said.", "Chapter one of her life was over, she thought.", "Prologue was a word she hated."}},
		{"a wrapped paragraph",
			"She stood at the door a long time, and the hall was cold around her, and\nPart of her wanted to stay, and part of her wanted to run for\nit. The rest of her knew better than either, and she went on out.\n\nHe waited.\n",
			[]string{"She stood at the door a long time, and the hall was cold around her, and\nPart of her wanted to stay, and part of her wanted to run for\nit. The rest of her knew better than either, and she went on out.", "He waited."}},
		{"capitals inside a wrapped sentence",
			"He had worked for years as an agent of the\nFBI. Nobody in the town had known it.\n\nShe screamed at him:\nI HATE YOU. GET OUT.\nAnd he left.\n",
			[]string{"He had worked for years as an agent of the\nFBI. Nobody in the town had known it.", "She screamed at him:", "I HATE YOU. GET OUT.", "And he left."}},
		{"shouts without punctuation in a story of chapters",
			"Chapter 1\n\nHarry looked up.\n\nWHAT THE HELL\n\nRon stared at him\n\nHermione sighed.\n",
			[]string{"Harry looked up.", "WHAT THE HELL", "Ron stared at him", "Hermione sighed."}},
		{"a shout in a story with two blank lines between paragraphs",
			"She turned on him.\n\n\nGET OUT.\n\n\nHe said nothing.\n\n\nShe waited.\n",
			[]string{"She turned on him.", "GET OUT.", "He said nothing.", "She waited."}},
		{"Arabic", "كان الليل طويلا.\n\nقالت: لا تذهب.\n",
			[]string{"كان الليل طويلا.", "قالت: لا تذهب."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := paras(tt.src); strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("paragraphs %q, want %q", got, tt.want)
			}
		})
	}
}

// Headings are still headings: under a chapter heading, at the top, or
// saying what they are.
func TestSplitHeadings(t *testing.T) {
	src := "THE LONG ROAD\n\nCHAPTER I.\n\nBRETTON.\n\nMy godmother lived in a handsome house.\n\n\nTHE SECOND DAY\n\nShe rose.\n\nShe went out.\n\n" +
		"Part Two\n\nBook the First\n\nChapter 1 The Boy Who Lived\n\nShe went on.\n\nChapter ll\n\nHe came back.\n\nTHE END\n"
	var kinds []string
	for _, b := range Split([]byte(src)) {
		kinds = append(kinds, b.Kind.String())
	}
	want := "heading chapter heading paragraph heading paragraph paragraph heading heading chapter paragraph chapter paragraph heading"
	if got := strings.Join(kinds, " "); got != want {
		t.Errorf("kinds %s, want %s", got, want)
	}
}

// A file with the old Mac OS line ends (CR alone) splits as its LF
// twin does, with offsets into its own bytes.
func TestSplitCROnly(t *testing.T) {
	lf := "Stefan POV –\n\nHe ran.\n\nShe followed him into the dark,\nand nobody saw them leave.\n"
	cr := strings.ReplaceAll(lf, "\n", "\r")
	a, b := Split([]byte(lf)), Split([]byte(cr))
	if len(a) != len(b) {
		t.Fatalf("%d blocks with LF, %d with CR", len(a), len(b))
	}
	for i := range a {
		if a[i].Kind != b[i].Kind || a[i].Start != b[i].Start || a[i].End != b[i].End || a[i].POV != b[i].POV {
			t.Errorf("block %d: LF %+v, CR %+v", i, a[i], b[i])
		}
	}
}

// Markdown's YAML front matter is one heading block, and code fences are
// not paragraphs; the text between fences is.
func TestSplitMarkdownFrontMatterAndFences(t *testing.T) {
	src := "---\ntitle: Rain\n# a comment\nsummary: >\n  A long summary\n  on two lines\nauthor: someone\ntags:\n  - angst\n---\n\nShe walked home.\n\n```\nHe: where are you\nShe: home\n```\n\nHe did not answer.\n"
	var kinds, texts []string
	for _, b := range Split([]byte(src)) {
		kinds = append(kinds, b.Kind.String())
		if b.Kind == KindParagraph {
			texts = append(texts, src[b.Start:b.End])
		}
	}
	if got := strings.Join(kinds, " "); got != "heading paragraph heading paragraph heading paragraph" {
		t.Errorf("kinds %s", got)
	}
	if got := strings.Join(texts, "|"); got != "She walked home.|He: where are you\nShe: home|He did not answer." {
		t.Errorf("paragraphs %q", got)
	}
	// A story that opens with a scene break and text is no front matter,
	// nor is prose between two rules.
	for _, src := range []string{
		"---\nShe walked home.\n---\n\nHe waited.\n",
		"---\nShe said: no.\n---\n\nHe waited.\n",
		"---\n    She walked home in the rain.\n    He followed her.\n---\n\nHe waited.\n",
		"---\n- Where are you going? - she asked.\n- Out, - he said.\n---\n\nHe waited.\n",
	} {
		if got := paras(src); len(got) < 2 || got[len(got)-1] != "He waited." {
			t.Errorf("%q is not front matter: paragraphs %q", src, got)
		}
	}
	// A fence before lower-case lines does not join them.
	if got := paras("She typed.\n\n```\nhe: where are you\nshe: home\n```\n\nHe did not answer.\n"); strings.Join(got, "|") != "She typed.|he: where are you\nshe: home|He did not answer." {
		t.Errorf("fenced chat: paragraphs %q", got)
	}
}

// A CR-only file with one LF an editor added at the end is still read by
// its CRs, and split as its LF twin is; a file with a few stray CRs in LF
// text by its LFs.
func TestLineEnd(t *testing.T) {
	for _, src := range []string{"CHAPTER I\r\rShe ran home.\r\rHe followed.\r\n", "She ran home.\r\n\rHe followed.\r", "She ran home.\r\rHe followed.\r\rTHE END\r\n"} {
		var got []string
		for _, b := range Split([]byte(src)) {
			if b.Kind == KindParagraph {
				got = append(got, src[b.Start:b.End])
			}
		}
		if strings.Join(got, "|") != "She ran home.|He followed." {
			t.Errorf("%q: paragraphs %q", src, got)
		}
	}
	for _, tt := range []struct {
		src  string
		want byte
	}{
		{"a\rb\rc\r\n", '\r'},
		{"a\r\nb\r\n", '\n'},
		{"a\nb\rc\nd\n", '\n'},
		{"no line end", '\n'},
	} {
		if got := LineEnd([]byte(tt.src)); got != tt.want {
			t.Errorf("LineEnd(%q) = %q, want %q", tt.src, got, tt.want)
		}
	}
}

// TestSceneBreakMarkers: the break lines fan fiction uses are structure,
// not paragraphs to label; lines of text, a silence ("...") and a roman
// numeral are not breaks.
func TestSceneBreakMarkers(t *testing.T) {
	breaks := []string{"***", "* * *", "~~~", "----", "#", "+++", "§", "oOo", "OoOoO", "xXx", "o0o", "0o0o0", "ooo", "xxx",
		"-o-", "~o~", "-x-", "x-x-x", "-oOo-", "X-X-X", "LINE BREAK", "Line Break", "[line break]", "~ scene change ~",
		"-time skip-", "::", "//", "[...]", "<3<3<3", "|---|---|"}
	for _, b := range breaks {
		if !isSceneBreak([]byte(b)) {
			t.Errorf("%q is not read as a scene break", b)
		}
	}
	text := []string{"XXX", "XX.", "IX.", "...", ". . .", "……", "!", "?!", "\"...\"", "Oh.", "ox", "Xo Xo, Gossip Girl", "Line breaks are hard.", "o", "Ooh", "x"}
	for _, b := range text {
		if isSceneBreak([]byte(b)) {
			t.Errorf("%q is read as a scene break", b)
		}
	}
}

// TestNumeralsUnderWordedChapters: in a story whose chapters say
// "Chapter", a bare numeral numbers a section of the chapter; in a story
// of bare numerals, each starts a chapter.
func TestNumeralsUnderWordedChapters(t *testing.T) {
	chapters := func(src string) []int {
		var out []int
		for _, b := range Split([]byte(src)) {
			if b.Kind == KindParagraph {
				out = append(out, b.Chapter)
			}
		}
		return out
	}
	worded := "Chapter 1: Five Times\n\nI.\n\nThe first time, she laughed.\n\nII.\n\nThe second time, she cried.\n\nChapter 2: And One\n\nThe last time, she stayed.\n"
	if got := chapters(worded); !slices.Equal(got, []int{1, 1, 2}) {
		t.Errorf("worded chapters: %v, want [1 1 2]", got)
	}
	bare := "I.\n\nThe first time, she laughed.\n\nII.\n\nThe second time, she cried.\n\nIII.\n\nThe last time, she stayed.\n"
	if got := chapters(bare); !slices.Equal(got, []int{1, 2, 3}) {
		t.Errorf("numbered chapters: %v, want [1 2 3]", got)
	}
}

// TestMarkdownComments: HTML comments in Markdown, on one line or
// several, are not paragraphs.
func TestMarkdownComments(t *testing.T) {
	src := "She walked.\n\n<!-- TODO: fix this scene -->\n\n<!--\nan old draft\nof the ending\n-->\n\nHe ran.\n"
	if got := paras(src); !slices.Equal(got, []string{"She walked.", "He ran."}) {
		t.Errorf("paragraphs %q", got)
	}
}
