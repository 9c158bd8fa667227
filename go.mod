module github.com/storylens/storylens

go 1.26

require (
	github.com/gocarina/gocsv v0.0.0-20240520201108-78e41c74b4b1
	github.com/jonreiter/govader v0.0.0-20250429093935-f6505c8d03cc
	github.com/kljensen/snowball v0.10.0
	golang.org/x/term v0.37.0
)

require (
	golang.org/x/sys v0.38.0 // indirect
	gonum.org/v1/gonum v0.8.2 // indirect
)
