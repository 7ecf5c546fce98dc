'use strict';

// Small pieces shared by the readline modules: the ANSI control strings
// readline writes, and helpers that step over whole characters of a
// UTF-16 string (astral characters take two code units).

const kEscape = '\x1b';

// Set on an interface by emitKeypressEvents: whether the last chunk of
// input was a single key (typed) rather than several (pasted).
const kSawKeyPress = Symbol('_sawKeyPress');

// Control Sequence Introducer: ESC [ followed by `body`.
function CSI(body) {
  return `${kEscape}[${body}`;
}

const kClearToLineBeginning = CSI('1K');
const kClearToLineEnd = CSI('0K');
const kClearLine = CSI('2K');
const kClearScreenDown = CSI('0J');

// Code units taken by the character that starts at index `i`. Past the end
// counts as one, so callers moving right never get stuck at zero.
function charLengthAt(str, i) {
  if (i >= str.length) return 1;
  return str.codePointAt(i) > 0xffff ? 2 : 1;
}

// Code units taken by the character that ends just before index `i`.
function charLengthLeft(str, i) {
  if (i <= 0) return 0;
  if (str.codePointAt(i - 1) > 0xffff) return 2;
  if (i > 1 && str.codePointAt(i - 2) > 0xffff) return 2;
  return 1;
}

// The longest string every entry of `list` starts with.
function commonPrefix(list) {
  if (list.length === 0) return '';
  let first = list[0];
  let last = list[0];
  // Only the smallest and largest entries in sort order can disagree first.
  for (let n = 1; n < list.length; n++) {
    if (list[n] < first) first = list[n];
    if (list[n] > last) last = list[n];
  }
  let len = 0;
  while (len < first.length && first[len] === last[len]) len++;
  return first.slice(0, len);
}

// Word motion. Scanning left, skip blanks and then one run of word
// characters or one run of punctuation; scanning right, take one run of
// blanks, word characters or punctuation and the blanks after it.
const kWordBackward = /^\s*(?:[^\w\s]+|\w+)?/;
const kWordForward = /^(?:\s+|[^\w\s]+|\w+)\s*/;
// Deleting a word to the right treats any non-word run (blanks included)
// as one unit.
const kWordForwardDelete = /^(?:\s+|\W+|\w+)\s*/;

// Length (in code units) of the word that ends at `cursor` in `line`.
// The text is reversed by code points so the pattern runs from the cursor
// outwards, in time linear in the word, not in the line.
function wordLengthBefore(line, cursor) {
  const before = Array.from(line.slice(0, cursor)).reverse().join('');
  return kWordBackward.exec(before)[0].length;
}

function wordLengthAfter(line, cursor, pattern = kWordForward) {
  return pattern.exec(line.slice(cursor))[0].length;
}

module.exports = {
  kEscape,
  kSawKeyPress,
  CSI,
  kClearToLineBeginning,
  kClearToLineEnd,
  kClearLine,
  kClearScreenDown,
  charLengthAt,
  charLengthLeft,
  commonPrefix,
  kWordForwardDelete,
  wordLengthBefore,
  wordLengthAfter,
};
