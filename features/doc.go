// Package features is storylens's text processing: it splits a story into
// paragraphs and structure (Split), tokenizes a paragraph into words,
// punctuation and dialogue spans (Tokenize), stems words with the Snowball
// English stemmer (Analyzer, memoised), and computes each paragraph's
// feature vector (Vectorize): named dense features, documented in
// Features, and the stems for a bag-of-stems over a Vocabulary learned from
// training data.
//
// Contracts:
//   - Split accepts any bytes and never fails; Block offsets index the input
//     exactly: input[b.Start:b.End] is the block's text, offsets only grow,
//     and blocks never overlap.
//   - Tokenize offsets index the text given to it, in order.
//   - Everything is deterministic: the same text gives the same blocks,
//     tokens and vectors (an Analyzer bound to a vocabulary gives the same
//     vectors without their stems, and their bag instead).
//   - No I/O: callers read stories (package datasets) and pass bytes.
//
// References: the Snowball English (Porter2) stemmer,
// https://snowballstem.org/algorithms/english/stemmer.html, via
// github.com/kljensen/snowball; the VADER sentiment lexicon (C. J. Hutto and
// E. Gilbert, "VADER: A Parsimonious Rule-based Model for Sentiment
// Analysis of Social Media Text", ICWSM 2014; MIT licence), via
// github.com/jonreiter/govader.
package features
