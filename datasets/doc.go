// Package datasets reads stories and writes and reads the dataset CSV.
//
// Stories are plain-text or Markdown files, directories of them, or
// standard input (ReadStory, Expand). A story is read whole and checked:
// it must be UTF-8 (a byte-order mark and CRLF line ends are fine), with no
// NUL byte; otherwise an *InputError names the file, line, column and byte
// offset, and says what to do. Windows-1252 text is refused, not guessed,
// so that byte offsets always index the file as it is.
//
// Every row of every dataset file shares one schema (see Paragraph and the
// project's DESIGN): story, chapter, paragraph, start, end (byte offsets of
// the paragraph's text in the input, end exclusive), words, dialogue,
// label columns, text. CSV is written and read with github.com/gocarina/gocsv.
package datasets
