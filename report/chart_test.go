package report

import (
	"bytes"
	"fmt"
	"image/png"
	"strings"
	"testing"
)

func synthetic(n int) *Comparison {
	tones := []string{"sad", "happy", "tender", "angry", "tense", "neutral"}
	var results []StoryResult
	for i := 0; i < n; i++ {
		s := Story{Name: fmt.Sprintf("story_%02d", i)}
		for j := 0; j < 40; j++ {
			probs := make([]float64, len(tones))
			probs[(i+j/10)%len(tones)] = 1
			s.Paragraphs = append(s.Paragraphs, Paragraph{Words: 20, Tone: tones[(i+j/10)%len(tones)], ToneProbs: probs, Valence: float64(j%7-3) / 2})
		}
		results = append(results, Result(s, tones))
	}
	return Compare(results, tones)
}

// TestChartContent checks what the chart shows, not only that it exists:
// the axis and panel titles, every story's name, one arc line (and its
// legend swatch) per story in its own colour, and a legend entry per tone.
func TestChartContent(t *testing.T) {
	for _, n := range []int{3, 10} {
		c := synthetic(n)
		svg, err := SVG(c)
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{ProfileTitle, ProfileAxis, ArcTitle, ArcXAxis, ">sad<", ">neutral<"} {
			if !strings.Contains(svg, want) {
				t.Errorf("%d stories: chart lacks %q", n, want)
			}
		}
		// The Y-axis title may be drawn rotated; it is still text.
		if !strings.Contains(svg, "Emotional valence") {
			t.Errorf("%d stories: no y-axis title", n)
		}
		for i, s := range c.Stories {
			if got := strings.Count(svg, ">"+s.Name+"<"); got != 2 {
				t.Errorf("%d stories: %s named %d times, want 2 (profile axis and arc legend)", n, s.Name, got)
			}
			col := storyColours[i%len(storyColours)]
			stroke := fmt.Sprintf("stroke:#%02X%02X%02X", col.R, col.G, col.B)
			if got := strings.Count(svg, stroke); got < 2 {
				t.Errorf("%d stories: %s's colour %s drawn %d times, want its line and legend", n, s.Name, stroke, got)
			}
		}
	}
}

func TestChartPNG(t *testing.T) {
	var b bytes.Buffer
	if err := Chart(synthetic(4), "png", &b); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&b)
	if err != nil {
		t.Fatal(err)
	}
	if w := img.Bounds().Dx(); w < 900 {
		t.Errorf("PNG is %d pixels wide", w)
	}
	if _, err := ChartFormat("x.jpg"); err == nil {
		t.Error(".jpg accepted")
	}
}

func TestHTMLSelfContained(t *testing.T) {
	var b bytes.Buffer
	c := synthetic(3)
	if err := HTML(c, &b); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, want := range []string{"<svg", ArcTitle, "Tone profiles", "Profile distance", "Arc correlation", "story_00", "story_02"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	for _, bad := range []string{"<script", "<link", "src=\"http", "url(http", "<img"} {
		if strings.Contains(page, bad) {
			t.Errorf("page loads from outside: %q", bad)
		}
	}
}
