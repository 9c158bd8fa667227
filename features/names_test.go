package features

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// TestPronounCounts counts narration pronouns, sentences that start with
// he or she, and pronouns next to a speech verb, leaving dialogue out.
func TestPronounCounts(t *testing.T) {
	a := NewAnalyzer()
	for _, c := range []struct {
		text string
		want PronounCounts
	}{
		{`"I saw him," she said. He frowned at her.`, PronounCounts{Masculine: 1, Feminine: 2, SubjectMasculine: 1, SpeakerFeminine: 1}},
		{`"Go," said he, and she went.`, PronounCounts{Masculine: 1, Feminine: 1, SpeakerMasculine: 1}},
		{`"He is late. She is not."`, PronounCounts{}},
		{`"Not I," said I, and I asked her why.`, PronounCounts{Feminine: 1, SpeakerFirst: 2}},
	} {
		d := a.Analyze([]byte(c.text), DoubleQuotes)
		_, got := Mentions(&d)
		got.Uses = nil
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: %+v, want %+v", c.text, got, c.want)
		}
	}
}

// TestRoleMentions: a role noun after a determiner designates a person
// ("the doctor"), unless a name follows it as a title.
func TestRoleMentions(t *testing.T) {
	a := NewAnalyzer()
	for _, c := range []struct {
		text string
		want []Mention
	}{
		{`The doctor rose.`, []Mention{{Name: "Doctor", Word: 0, Initial: true, Role: true}}},
		{`"yes," said the old doctor.`, []Mention{{Name: "Doctor", Word: 2, Speaker: true, Role: true}}},
		{`We went to my aunt's house.`, []Mention{{Name: "Aunt", Word: 3, Possessive: true, Role: true}}},
		{`The Captain Smith came.`, []Mention{{Name: "Smith", Title: "captain", Word: 1, Agent: true}}},
		{`The man and the doctors left.`, nil},
	} {
		d := a.Analyze([]byte(c.text), DoubleQuotes)
		got, _ := Mentions(&d)
		if len(got) != len(c.want) {
			t.Errorf("%s: %+v, want %+v", c.text, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%s: mention %d is %+v, want %+v", c.text, i, got[i], c.want[i])
			}
		}
	}
}

// flagCase is a text and, for names in it, whether a mention flag is set.
type flagCase struct {
	text string
	want map[string]bool
}

// checkMentionFlag checks one flag of the mentions of each case's text.
// Capitalised words the case does not name ("We're", the "Tell" of "Tell
// Damon") are left to the cast to weed out.
func checkMentionFlag(t *testing.T, what string, cases []flagCase, flag func(Mention) bool) {
	t.Helper()
	a := NewAnalyzer()
	for _, c := range cases {
		d := a.Analyze([]byte(c.text), DoubleQuotes)
		ms, _ := Mentions(&d)
		got := map[string]bool{}
		for _, m := range ms {
			if m.Vocative && m.Speaker {
				t.Errorf("%s: %s is spoken to, not the speaker", c.text, m.Name)
			}
			for name := range c.want {
				if m.Name == name || strings.HasSuffix(m.Name, " "+name) {
					got[name] = flag(m)
				}
			}
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: %s %v, want %v", c.text, what, got, c.want)
		}
	}
}

// TestSpeakerTags: a name next to a speech verb in the narration is the
// speaker; a name inside the quotation next to it is not, whatever its
// punctuation.
func TestSpeakerTags(t *testing.T) {
	checkMentionFlag(t, "speakers", []flagCase{
		{`"Come," said Stefan.`, map[string]bool{"Stefan": true}},
		{`Stefan said, "Go."`, map[string]bool{"Stefan": true}},
		{`"We're going to get you out of this Stefan" She said.`, map[string]bool{"Stefan": false}},
		{`"I would have lost you eventually Elena" Stefan said.`, map[string]bool{"Elena": false, "Stefan": true}},
		{`"Tell Damon I said so."`, map[string]bool{"Damon": false}},
		{`"I said no." Stefan turned away.`, map[string]bool{"Stefan": false}},
		{`"Please, let me go," Stefan begged.`, map[string]bool{"Stefan": true}},
		{`"Yes," Mary said to John.`, map[string]bool{"Mary": true, "John": false}},
		{`"Yes," said Mrs. Poyser to her husband.`, map[string]bool{"Poyser": true}},
	}, func(m Mention) bool { return m.Speaker })
}

// TestContractions: a pronoun or verb with a contraction is no name,
// even capitalised ("You've", "Couldn't", "He'll"); a name with one is
// the name ("Soames'll"); an apostrophe inside a name stays ("O'Brien").
func TestContractions(t *testing.T) {
	a := NewAnalyzer()
	d := a.Analyze([]byte(`"You've done it. Couldn't you wait? He'll know, and Soames’ll know," said O'Brien. We're late. Would've been better. O'Brien'll come.`), DoubleQuotes)
	ms, _ := Mentions(&d)
	var got []string
	for _, m := range ms {
		got = append(got, m.Name)
	}
	if want := []string{"Soames", "O'Brien", "O'Brien"}; !reflect.DeepEqual(got, want) {
		t.Errorf("names %q, want %q", got, want)
	}
}

// TestAgents: a narration name followed at once by a verb is a clause's
// subject; an object, a possessive or a name in dialogue is not.
func TestAgents(t *testing.T) {
	checkMentionFlag(t, "agents", []flagCase{
		{`When the bell rang, Mary turned to the window.`, map[string]bool{"Mary": true}},
		{`The letter that Stefan had written lay open.`, map[string]bool{"Stefan": true}},
		{`"Come," Mrs. Poyser said.`, map[string]bool{"Poyser": true}},
		{`He gave the letter to John and left.`, map[string]bool{"John": false}},
		{`Mary's mother frowned.`, map[string]bool{"Mary": false}},
		{`"Then Elena turned away."`, map[string]bool{"Elena": false}},
		{`Beside Damon, Elena waited.`, map[string]bool{"Damon": false, "Elena": true}},
		{`Mary's tired eyes closed.`, map[string]bool{"Mary": false}},
		{`He met Mary Breed yesterday.`, map[string]bool{"Mary Breed": false}},
		{`Then the doctor turned.`, map[string]bool{"Doctor": true}},
	}, func(m Mention) bool { return m.Agent })
}

// TestPronounSubjects: every narration "he" or "she" is a clause's
// subject, wherever it stands; "him", "her" and "his" are not.
func TestPronounSubjects(t *testing.T) {
	a := NewAnalyzer()
	d := a.Analyze([]byte(`When he came in, she looked up and gave him her hand. "She knew," he said.`), DoubleQuotes)
	_, pc := Mentions(&d)
	var got []bool
	for _, u := range pc.Uses {
		got = append(got, u.Subject)
	}
	if want := []bool{true, true, false, false, true}; !reflect.DeepEqual(got, want) {
		t.Errorf("subjects %v, want %v (he, she, him, her, he)", got, want)
	}
}

// TestVocatives: a name in dialogue set off by commas or quotation marks
// addresses someone; a name in a sentence of dialogue, in narration or
// followed by more words does not.
func TestVocatives(t *testing.T) {
	checkMentionFlag(t, "vocatives", []flagCase{
		{`"You forget, Capataz, I was not there."`, map[string]bool{"Capataz": true}},
		{`"Well, Mr. Malone, from all I hear, you do well."`, map[string]bool{"Malone": true}},
		{`"What's your advice, Joshua?" asked Mr. Irwine.`, map[string]bool{"Joshua": true, "Irwine": false}},
		{`"Joshua, come here."`, map[string]bool{"Joshua": true}},
		{`"Oh, dear Elena!"`, map[string]bool{"Elena": true}},
		{`"I gave it to Joshua, and he kept it."`, map[string]bool{"Joshua": false}},
		{`"Joshua said so."`, map[string]bool{"Joshua": false}},
		{`"Joshua."`, map[string]bool{"Joshua": false}},
		{`Well, Joshua, he thought, was late.`, map[string]bool{"Joshua": false}},
		{`"Thank you, Joshua's father."`, map[string]bool{"Joshua": false}},
		{`"Be sure of this, Macumazahn," he said.`, map[string]bool{"Macumazahn": true}},
	}, func(m Mention) bool { return m.Vocative })
}

// TestMentionGender: a reflexive or the first "he"/"she" after a
// sentence's only named subject, or a pronoun opening the next sentence,
// lends the name its gender; a possessive, an object pronoun, a second
// name or dialogue does not.
func TestMentionGender(t *testing.T) {
	a := NewAnalyzer()
	for _, c := range []struct {
		text string
		want []int
	}{
		{`Philip looked out, and he smiled at his own face.`, []int{1}},
		{`Philip looked at Caroline and she smiled.`, []int{0, 0}},
		{`Helen sat down. She was tired.`, []int{-1}},
		{`Stefan kissed her. She laughed.`, []int{0}},
		{`Elena told herself to wait, and Stefan smiled at her.`, []int{-1, 0}},
		{`Damon swears he can hear her voice.`, []int{1}},
		{`Damon kissed her cheek.`, []int{0}},
		{`"Helen is here," he said. Helen herself said nothing.`, []int{0, -1}},
	} {
		d := a.Analyze([]byte(c.text), DoubleQuotes)
		ms, _ := Mentions(&d)
		var got []int
		for _, m := range ms {
			got = append(got, m.Gender)
		}
		if fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("%s: genders %v, want %v", c.text, got, c.want)
		}
	}
}

// TestNameHomographs: Will, May, June, April, August, March and Don are
// names where the words around them say so, and the common word
// elsewhere.
func TestNameHomographs(t *testing.T) {
	a := NewAnalyzer()
	for _, c := range []struct {
		text string
		want []string // the mentions that hold a homograph, with titles
	}{
		{`Will stared at the stag. "You came," Will said.`, []string{"Will", "Will"}},
		{`Hannibal watched Will drink it.`, []string{"Will"}},
		{`"Will, come inside."`, []string{"Will"}},
		{`Will Graham sat down. Then Will went out, and Detective Will Graham came back.`, []string{"Will Graham", "Will", "Detective Will Graham"}},
		{`"Dear Will," she wrote. But Will never read it.`, []string{"Will", "Will"}},
		{`Will's hands shook.`, []string{"Will"}},
		{`Will you come? May I stay? May God keep you.`, nil},
		{`He read his Will. The Divine Will be done. I WILL NOT.`, nil},
		{`In June the river rose. It was the 3rd of May, or May 4, 1912.`, nil},
		{`One June evening; the March wind; May and June; the Dead March.`, nil},
		{`Her name was June. He ran after June, and before April could answer, a text came from May.`, []string{"June", "June", "April", "May"}},
		{`June laughed, and May ran after her.`, []string{"June", "May"}},
		{`Mrs. March and Lord March came.`, []string{"mrs March", "lord March"}},
		{`"Don," the young man answered. Don Ramón bowed.`, []string{"Don", "don Ramón"}},
	} {
		d := a.Analyze([]byte(c.text), DoubleQuotes)
		ms, _ := Mentions(&d)
		var got []string
		for _, m := range ms {
			name := m.Name
			if m.Title != "" {
				name = m.Title + " " + name
			}
			for _, w := range strings.Fields(strings.ToLower(name)) {
				if nameHomographs[w] {
					got = append(got, name)
					break
				}
			}
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: mentions %q, want %q", c.text, got, c.want)
		}
	}
}
