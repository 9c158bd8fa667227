package report

import (
	"fmt"
	"html/template"
	"io"
	"math"
)

var page = template.Must(template.New("page").Funcs(template.FuncMap{
	"pct": func(x float64) string { return fmt.Sprintf("%.0f %%", 100*x) },
	"f2": func(x float64) string {
		if math.IsNaN(x) {
			return "—"
		}
		return fmt.Sprintf("%.2f", x)
	},
}).Parse(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>storylens: stories compared by tone</title>
<style>
body{font-family:system-ui,sans-serif;margin:2em;max-width:70em;color:#222}
table{border-collapse:collapse;margin:1em 0}th,td{padding:.25em .6em;border-bottom:1px solid #ddd;text-align:right}
th:first-child,td:first-child{text-align:left}figure{margin:1em 0}svg{max-width:100%;height:auto}
</style></head><body>
<h1>Stories compared by tone</h1>
<figure>{{.Chart}}</figure>
<h2>Tone profiles (share of paragraphs)</h2>
<table><tr><th>story</th><th>paragraphs</th><th>words</th>{{range .C.Tones}}<th>{{.}}</th>{{end}}<th>nearest profile</th><th>closest arc</th></tr>
{{range $i, $s := .C.Stories}}<tr><td>{{$s.Name}}</td><td>{{$s.Paragraphs}}</td><td>{{$s.Words}}</td>{{range $s.Profile.Paragraphs}}<td>{{pct .}}</td>{{end}}<td>{{index $.Nearest $i}}</td><td>{{index $.Closest $i}}</td></tr>
{{end}}</table>
<h2>Profile distance (Jensen–Shannon, 0 = same, 1 = disjoint)</h2>
<table><tr><th></th>{{range .C.Stories}}<th>{{.Name}}</th>{{end}}</tr>
{{range $i, $s := .C.Stories}}<tr><td>{{$s.Name}}</td>{{range $j, $t := $.C.Stories}}<td>{{f2 ($.C.Distance $i $j)}}</td>{{end}}</tr>
{{end}}</table>
<h2>Arc correlation (Pearson, DCT arcs)</h2>
<table><tr><th></th>{{range .C.Stories}}<th>{{.Name}}</th>{{end}}</tr>
{{range $i, $s := .C.Stories}}<tr><td>{{$s.Name}}</td>{{range $j, $t := $.C.Stories}}<td>{{f2 ($.C.ArcCorrelation $i $j)}}</td>{{end}}</tr>
{{end}}</table>
<p>Tone labels and arcs come from storylens's classifiers; see its model card for how far to trust them.</p>
</body></html>
`))

// HTML writes a self-contained page: the chart as inline SVG and the
// profile, distance and correlation tables. It loads nothing from the
// network.
func HTML(c *Comparison, w io.Writer) error {
	svg, err := SVG(c)
	if err != nil {
		return err
	}
	nearest := make([]string, len(c.Stories))
	closest := make([]string, len(c.Stories))
	for i := range c.Stories {
		nearest[i], closest[i] = c.NearestText(i), c.ClosestArcText(i)
	}
	return page.Execute(w, struct {
		C                *Comparison
		Chart            template.HTML
		Nearest, Closest []string
	}{c, template.HTML(svg), nearest, closest})
}
