package report

import (
	"bytes"
	"fmt"
	"image/color"
	"io"
	"path/filepath"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// Axis and panel titles, also checked by the tests.
const (
	ProfileTitle = "Tone profile (share of paragraphs)"
	ProfileAxis  = "Share of paragraphs"
	ArcTitle     = "Emotional arc (DCT low-pass, 5 components)"
	ArcXAxis     = "Narrative time (% of the story)"
	ArcYAxis     = "Emotional valence (unpleasant − / pleasant +)"
)

// toneColours are fixed so that a tone has one colour in every chart.
var toneColours = map[string]color.RGBA{
	"sad":     {0x1f, 0x77, 0xb4, 0xff},
	"happy":   {0xff, 0xbf, 0x00, 0xff},
	"tender":  {0xe3, 0x77, 0xc2, 0xff},
	"angry":   {0xd6, 0x27, 0x28, 0xff},
	"tense":   {0x94, 0x67, 0xbd, 0xff},
	"neutral": {0xb0, 0xb0, 0xb0, 0xff},
}

// storyColours is the Tableau 10 palette; stories past ten reuse it with
// dashed lines.
var storyColours = []color.RGBA{
	{0x4e, 0x79, 0xa7, 0xff}, {0xf2, 0x8e, 0x2b, 0xff}, {0xe1, 0x57, 0x59, 0xff}, {0x76, 0xb7, 0xb2, 0xff},
	{0x59, 0xa1, 0x4f, 0xff}, {0xed, 0xc9, 0x48, 0xff}, {0xb0, 0x7a, 0xa1, 0xff}, {0xff, 0x9d, 0xa7, 0xff},
	{0x9c, 0x75, 0x5f, 0xff}, {0xba, 0xb0, 0xac, 0xff},
}

func otherColour(i int) color.RGBA {
	return color.RGBA{uint8(60 + 37*i%180), uint8(90 + 53*i%150), uint8(120 + 29*i%120), 0xff}
}

// Chart draws the comparison: stacked bars of the tone profiles above the
// overlaid arcs. format is "svg" or "png".
func Chart(c *Comparison, format string, w io.Writer) error {
	profile, err := profilePlot(c)
	if err != nil {
		return err
	}
	arcs, err := arcPlot(c)
	if err != nil {
		return err
	}
	width := vg.Length(9) * vg.Inch
	top := vg.Length(max(2.5, 0.35*float64(len(c.Stories))+1.2)) * vg.Inch
	bottom := vg.Length(4.5) * vg.Inch
	if len(c.Stories) > 10 {
		bottom += vg.Length(0.18*float64(len(c.Stories)-10)) * vg.Inch
	}
	height := top + bottom
	var vc vg.CanvasWriterTo
	switch format {
	case "svg":
		vc = vgsvg.New(width, height)
	case "png":
		vc = vgimg.PngCanvas{Canvas: vgimg.NewWith(vgimg.UseWH(width, height), vgimg.UseDPI(120), vgimg.UseBackgroundColor(color.White))}
	default:
		return fmt.Errorf("report: unknown chart format %q: use .svg or .png", format)
	}
	dc := draw.Crop(draw.New(vc), vg.Points(8), -vg.Points(8), vg.Points(6), -vg.Points(6))
	// The profile takes the top part, the arcs the rest; each keeps a strip
	// on the right for its legend, so that no legend covers the data.
	legendW := vg.Length(1.9) * vg.Inch
	split := dc.Max.Y - top
	panels := []struct {
		p      *plot.Plot
		legend plot.Legend
		min    vg.Point
		max    vg.Point
	}{
		{profile.p, profile.legend, vg.Point{X: dc.Min.X, Y: split}, dc.Max},
		{arcs.p, arcs.legend, dc.Min, vg.Point{X: dc.Max.X, Y: split - vg.Points(10)}},
	}
	for _, pn := range panels {
		plotArea := draw.Canvas{Canvas: dc.Canvas, Rectangle: vg.Rectangle{Min: pn.min, Max: vg.Point{X: pn.max.X - legendW, Y: pn.max.Y}}}
		pn.p.Draw(plotArea)
		legendArea := draw.Canvas{Canvas: dc.Canvas, Rectangle: vg.Rectangle{Min: vg.Point{X: pn.max.X - legendW + vg.Points(10), Y: pn.min.Y}, Max: vg.Point{X: pn.max.X, Y: pn.max.Y - vg.Points(20)}}}
		pn.legend.Draw(legendArea)
	}
	_, err = vc.WriteTo(w)
	return err
}

// ChartFormat picks the chart format from a file name.
func ChartFormat(path string) (string, error) {
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case ".svg", ".png":
		return ext[1:], nil
	}
	return "", fmt.Errorf("%s: the chart must be a .svg or .png file", path)
}

// SVG returns the chart as SVG text.
func SVG(c *Comparison) (string, error) {
	var b bytes.Buffer
	err := Chart(c, "svg", &b)
	return b.String(), err
}

// panel is a plot and its legend, drawn apart.
type panel struct {
	p      *plot.Plot
	legend plot.Legend
}

func profilePlot(c *Comparison) (panel, error) {
	p := plot.New()
	legend := plot.NewLegend()
	p.Title.Text = ProfileTitle
	p.X.Label.Text = ProfileAxis
	p.X.Min, p.X.Max = 0, 1
	names := make([]string, len(c.Stories))
	// Nominal Y puts the first name at the bottom: list stories top-down.
	n := len(c.Stories)
	for i, s := range c.Stories {
		names[n-1-i] = s.Name
	}
	p.NominalY(names...)
	var below *plotter.BarChart
	for t, tone := range c.Tones {
		vals := make(plotter.Values, n)
		for i, s := range c.Stories {
			vals[n-1-i] = s.Profile.Paragraphs[t]
		}
		bars, err := plotter.NewBarChart(vals, vg.Points(14))
		if err != nil {
			return panel{}, err
		}
		bars.Horizontal = true
		bars.LineStyle.Width = 0
		col, ok := toneColours[tone]
		if !ok {
			col = otherColour(t)
		}
		bars.Color = col
		if below != nil {
			bars.StackOn(below)
		}
		below = bars
		p.Add(bars)
		legend.Add(tone, bars)
	}
	legend.Top, legend.Left = true, true
	p.Y.Tick.Label.Font.Size = vg.Points(9)
	return panel{p, legend}, nil
}

func arcPlot(c *Comparison) (panel, error) {
	p := plot.New()
	legend := plot.NewLegend()
	p.Title.Text = ArcTitle
	p.X.Label.Text = ArcXAxis
	p.Y.Label.Text = ArcYAxis
	p.X.Min, p.X.Max = 0, 100
	p.Add(plotter.NewGrid())
	for i, s := range c.Stories {
		if !c.HasArc(i) {
			continue
		}
		pts := make(plotter.XYs, len(s.Arc.DCT))
		for j, v := range s.Arc.DCT {
			pts[j].X = (float64(j) + 0.5) * 100 / float64(len(s.Arc.DCT))
			pts[j].Y = v
		}
		line, err := plotter.NewLine(pts)
		if err != nil {
			return panel{}, err
		}
		line.Color = storyColours[i%len(storyColours)]
		line.Width = vg.Points(2)
		if i >= len(storyColours) {
			line.Dashes = []vg.Length{vg.Points(5), vg.Points(3)}
		}
		p.Add(line)
		legend.Add(s.Name, line)
	}
	legend.Top, legend.Left = true, true
	legend.TextStyle.Font.Size = vg.Points(9)
	return panel{p, legend}, nil
}
