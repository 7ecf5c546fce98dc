'use strict';

// Turns terminal input, fed one character (code point) at a time, into
// 'keypress' events: (str, key) where key is
//   { sequence, name, ctrl, meta, shift }  plus `code` for escape sequences.
// An empty string fed in means "no more input came for a while": it ends
// a lone ESC, which is otherwise the start of a sequence.

const { kEscape, charLengthAt } = require('internal/readline/utils');

// Escape sequences by their code (the part after ESC, with the numeric
// modifier taken out) -> key name, and a modifier the code itself implies.
const kKeyNames = { __proto__: null };

function keys(names, extra) {
  for (const code of Object.keys(names))
    kKeyNames[code] = { name: names[code], extra };
}

keys({
  // xterm / gnome: ESC [ letter and ESC O letter.
  '[P': 'f1', '[Q': 'f2', '[R': 'f3', '[S': 'f4',
  'OP': 'f1', 'OQ': 'f2', 'OR': 'f3', 'OS': 'f4',
  // rxvt function keys.
  '[11~': 'f1', '[12~': 'f2', '[13~': 'f3', '[14~': 'f4',
  // The Linux console.
  '[[A': 'f1', '[[B': 'f2', '[[C': 'f3', '[[D': 'f4', '[[E': 'f5',
  '[15~': 'f5', '[17~': 'f6', '[18~': 'f7', '[19~': 'f8', '[20~': 'f9',
  '[21~': 'f10', '[23~': 'f11', '[24~': 'f12',
  // Arrows and the editing block.
  '[A': 'up', '[B': 'down', '[C': 'right', '[D': 'left',
  '[E': 'clear', '[F': 'end', '[H': 'home',
  'OA': 'up', 'OB': 'down', 'OC': 'right', 'OD': 'left',
  'OE': 'clear', 'OF': 'end', 'OH': 'home',
  '[1~': 'home', '[2~': 'insert', '[3~': 'delete', '[4~': 'end',
  '[5~': 'pageup', '[6~': 'pagedown', '[[5~': 'pageup', '[[6~': 'pagedown',
  '[7~': 'home', '[8~': 'end',
  // Bracketed paste markers.
  '[200~': 'paste-start', '[201~': 'paste-end',
});
// rxvt marks shift with lower-case letters or '$', ctrl with 'O' + lower
// case or '^'.
keys({
  '[a': 'up', '[b': 'down', '[c': 'right', '[d': 'left', '[e': 'clear',
  '[2$': 'insert', '[3$': 'delete', '[5$': 'pageup', '[6$': 'pagedown',
  '[7$': 'home', '[8$': 'end', '[Z': 'tab',
}, 'shift');
keys({
  'Oa': 'up', 'Ob': 'down', 'Oc': 'right', 'Od': 'left', 'Oe': 'clear',
  '[2^': 'insert', '[3^': 'delete', '[5^': 'pageup', '[6^': 'pagedown',
  '[7^': 'home', '[8^': 'end',
}, 'ctrl');

// Parameters of a CSI sequence: "N~", "N;M~" (also with ^ or $), or
// "X", "MX", "N;MX" for a letter X. M is the modifier. Other parameters
// (such as the three digits of "200~") stay part of the code.
const kTildeForm = /^(\d\d?)(?:;(\d))?([~^$])$/;
const kLetterForm = /^(?:(?:\d;)?(\d))?([A-Za-z])$/;

function isDigit(ch) {
  return ch >= '0' && ch <= '9';
}

// States of the parser: what the next character is read as.
const START = 0;        // a new key
const ESCAPED = 1;      // the character after ESC
const ESCAPED2 = 2;     // the character after ESC ESC
const SS3 = 3;          // after ESC O
const SS3_LETTER = 4;   // after ESC O digit
const CSI_OPEN = 5;     // after ESC [
const CSI_FIRST = 6;    // first character of the parameters
const CSI_DIGIT = 7;    // after one leading digit
const CSI_DIGIT2 = 8;   // after two leading digits
const CSI_DIGIT3 = 9;   // after three (the paste markers have three)
const CSI_SEMI = 10;    // after the ';'
const CSI_LAST = 11;    // after ';' digit: one more character ends it

class KeyParser {
  constructor(emit) {
    this.emit = emit;   // (str, key) => void
    this.reset();
  }

  reset() {
    this.state = START;
    this.seq = '';       // everything read for the current key
    this.code = '';      // code of an escape sequence, built up
    this.params = 0;     // where the CSI parameters start in seq
    this.modifier = 0;
  }

  feed(ch) {
    switch (this.state) {
      case START:
        this.seq = ch;
        if (ch === kEscape) {
          this.state = ESCAPED;
        } else {
          this.plainKey(ch, false);
        }
        return;
      case ESCAPED:
        this.seq += ch;
        if (ch === kEscape) {
          // ESC ESC: the second one may start a sequence (alt + arrow
          // on some terminals).
          this.state = ESCAPED2;
          return;
        }
        this.afterEscape(ch);
        return;
      case ESCAPED2:
        this.seq += ch;
        this.afterEscape(ch);
        return;
      case SS3:
        this.seq += ch;
        if (isDigit(ch)) {
          this.modifier = Number(ch) - 1;
          this.state = SS3_LETTER;
          return;
        }
        this.code = 'O' + ch;
        this.sequenceKey();
        return;
      case SS3_LETTER:
        this.seq += ch;
        this.code = 'O' + ch;
        this.sequenceKey();
        return;
      case CSI_OPEN:
        this.seq += ch;
        this.code = '[';
        if (ch === '[') {
          // The Linux console doubles the bracket.
          this.code = '[[';
          this.state = CSI_FIRST;
          return;
        }
        this.params = this.seq.length - 1;
        this.paramChar(ch);
        return;
      case CSI_FIRST:
        this.seq += ch;
        this.params = this.seq.length - 1;
        this.paramChar(ch);
        return;
      case CSI_DIGIT:
        this.seq += ch;
        if (isDigit(ch)) {
          this.state = CSI_DIGIT2;
        } else if (ch === ';') {
          this.state = CSI_SEMI;
        } else {
          this.csiKey();
        }
        return;
      case CSI_DIGIT2:
        this.seq += ch;
        if (isDigit(ch)) {
          this.state = CSI_DIGIT3;
        } else if (ch === ';') {
          this.state = CSI_SEMI;
        } else {
          this.csiKey();
        }
        return;
      case CSI_DIGIT3:
        this.seq += ch;
        if (ch === ';') {
          this.state = CSI_SEMI;
        } else {
          this.csiKey();
        }
        return;
      case CSI_SEMI:
        this.seq += ch;
        if (isDigit(ch)) {
          this.state = CSI_LAST;
        } else {
          this.csiKey();
        }
        return;
      case CSI_LAST:
        this.seq += ch;
        this.csiKey();
        return;
    }
  }

  // The first parameter character of a CSI sequence.
  paramChar(ch) {
    if (isDigit(ch)) {
      this.state = CSI_DIGIT;
    } else if (ch === ';') {
      this.state = CSI_SEMI;
    } else {
      this.csiKey();
    }
  }

  afterEscape(ch) {
    if (ch === 'O') {
      this.state = SS3;
    } else if (ch === '[') {
      this.state = CSI_OPEN;
    } else {
      this.plainKey(ch, true);
    }
  }

  csiKey() {
    const params = this.seq.slice(this.params);
    let m = kTildeForm.exec(params);
    if (m !== null) {
      this.code += m[1] + m[3];
      this.modifier = (m[2] || 1) - 1;
    } else if ((m = kLetterForm.exec(params)) !== null) {
      this.code += m[2];
      this.modifier = (m[1] || 1) - 1;
    } else {
      this.code += params;
    }
    this.sequenceKey();
  }

  // A complete escape sequence in this.code with this.modifier.
  sequenceKey() {
    const mod = this.modifier;
    const key = newKey();
    key.ctrl = (mod & 4) !== 0;
    key.meta = (mod & 10) !== 0;   // alt (2) or meta (8)
    key.shift = (mod & 1) !== 0;
    key.code = this.code;
    const known = kKeyNames[this.code];
    if (known !== undefined) {
      key.name = known.name;
      if (known.extra !== undefined) key[known.extra] = true;
    } else {
      // Node names an unknown sequence with the string 'undefined'.
      key.name = 'undefined';
    }
    this.finish(key, true);
  }

  // A single character, possibly after ESC (which makes it meta).
  plainKey(ch, escaped) {
    const key = newKey();
    switch (ch) {
      case '\r': key.name = 'return'; key.meta = escaped; break;
      case '\n': key.name = 'enter'; key.meta = escaped; break;
      case '\t': key.name = 'tab'; key.meta = escaped; break;
      case '\b':
      case '\x7f': key.name = 'backspace'; key.meta = escaped; break;
      case kEscape: key.name = 'escape'; key.meta = escaped; break;
      case ' ': key.name = 'space'; key.meta = escaped; break;
      default:
        if (!escaped && ch <= '\x1a') {
          // Ctrl + letter; NUL reads as ctrl + '`'.
          key.name = String.fromCharCode(ch.charCodeAt(0) + 96);
          key.ctrl = true;
        } else if (/^[0-9A-Za-z]$/.test(ch)) {
          key.name = ch.toLowerCase();
          key.shift = ch !== key.name;
          key.meta = escaped;
        } else if (escaped) {
          // ESC and then nothing (the timeout) is the escape key itself.
          key.name = ch.length ? undefined : 'escape';
          key.meta = true;
        }
    }
    this.finish(key, escaped);
  }

  finish(key, escaped) {
    const seq = this.seq;
    this.reset();
    key.sequence = seq;
    if (seq.length !== 0 && (key.name !== undefined || escaped)) {
      this.emit(escaped ? undefined : seq, key);
    } else if (charLengthAt(seq, 0) === seq.length) {
      // Any other single character is reported with no name.
      this.emit(seq, key);
    }
  }
}

function newKey() {
  return {
    sequence: null,
    name: undefined,
    ctrl: false,
    meta: false,
    shift: false,
  };
}

module.exports = { KeyParser };
