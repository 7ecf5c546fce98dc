// Finds the names a CommonJS module exports without running it, so that
// `import { x } from './cjs.js'` can be checked when the graph is linked.
// Like Node's detection it is static and approximate: it recognizes the
// usual ways code assigns exports, whether or not they run.
//
//   exports.a = / exports['a'] = / module.exports.a =
//   Object.defineProperty(exports | module.exports, 'a', { value: ... })
//     and with a getter `get() { return m.a; }`
//   module.exports = { a, b: c, 'd': e, ...require('./x') }
//   module.exports = require('./x')          (a reexport)
//   __exportStar(require('./x'), exports)    (TypeScript's reexports)
//   __export(require('./x'))
//
// Returns { exports: Set of names, reexports: array of specifiers }.
'use strict';

// ---- Tokens ------------------------------------------------------------------

const ID = 1;      // identifiers and keywords
const STR = 2;     // string literals (value decoded)
const PUNCT = 3;   // punctuators
const OTHER = 4;   // numbers, templates, regular expressions

function isIdStart(c) {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 36 ||
    c === 95 || c > 127;
}
function isIdPart(c) {
  return isIdStart(c) || (c >= 48 && c <= 57);
}

// Keywords after which a '/' starts a regular expression.
const regexAfterKeyword = new Set(['return', 'typeof', 'instanceof', 'in',
  'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield',
  'await']);

// A string literal's value; undefined when it has escapes (export names
// with escapes are too rare to decode here).
function decodeString(src, start, end) {
  const body = src.slice(start + 1, end - 1);
  return body.includes('\\') ? undefined : body;
}

function tokenize(src) {
  const tokens = [];
  const n = src.length;
  let i = 0;
  // Template literal nesting: the brace depth at which each ${ started.
  const templateDepth = [];
  let braceDepth = 0;
  const push = (type, value) => tokens.push({ type, value });
  const regexAllowed = () => {
    const last = tokens[tokens.length - 1];
    if (last === undefined) return true;
    if (last.type === STR || last.type === OTHER) return false;
    if (last.type === ID) return regexAfterKeyword.has(last.value);
    return last.value !== ')' && last.value !== ']' && last.value !== '}';
  };
  // Skips a template literal's text from i (after ` or }) to its end or
  // to a ${; returns true when it stopped at ${.
  const skipTemplate = () => {
    while (i < n) {
      const c = src.charCodeAt(i);
      if (c === 92) {
        i += 2;
      } else if (c === 96) {
        i++;
        return false;
      } else if (c === 36 && src.charCodeAt(i + 1) === 123) {
        i += 2;
        return true;
      } else {
        i++;
      }
    }
    return false;
  };
  while (i < n) {
    const c = src.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xFEFF ||
        c === 0x2028 || c === 0x2029 || c === 11 || c === 12 || c === 0xA0) {
      i++;
    } else if (c === 47 && src.charCodeAt(i + 1) === 47) {
      const nl = src.indexOf('\n', i);
      i = nl === -1 ? n : nl;
    } else if (c === 47 && src.charCodeAt(i + 1) === 42) {
      const end = src.indexOf('*/', i + 2);
      i = end === -1 ? n : end + 2;
    } else if (c === 35 && i === 0 && src.charCodeAt(1) === 33) {
      const nl = src.indexOf('\n');
      i = nl === -1 ? n : nl;  // #! line
    } else if (c === 39 || c === 34) {
      const start = i++;
      while (i < n) {
        const d = src.charCodeAt(i);
        if (d === 92) i += 2;
        else if (d === c) break;
        else if (d === 10) break;
        else i++;
      }
      i++;
      push(STR, decodeString(src, start, i));
    } else if (c === 96) {
      i++;
      if (skipTemplate()) {
        templateDepth.push(braceDepth);
        braceDepth++;
      }
      push(OTHER, '`');
    } else if (c === 47 && regexAllowed()) {
      i++;
      let inClass = false;
      while (i < n) {
        const d = src.charCodeAt(i);
        if (d === 92) {
          i += 2;
          continue;
        }
        if (d === 10) break;
        i++;
        if (d === 91) inClass = true;
        else if (d === 93) inClass = false;
        else if (d === 47 && !inClass) break;
      }
      while (i < n && isIdPart(src.charCodeAt(i))) i++;
      push(OTHER, '/re/');
    } else if (isIdStart(c) || c === 92) {
      const start = i++;
      while (i < n && (isIdPart(src.charCodeAt(i)) || src.charCodeAt(i) === 92)) {
        i++;
      }
      push(ID, src.slice(start, i));
    } else if (c >= 48 && c <= 57) {
      i++;
      while (i < n && (isIdPart(src.charCodeAt(i)) || src[i] === '.')) i++;
      push(OTHER, '0');
    } else if (c === 46 && src.charCodeAt(i + 1) === 46 &&
               src.charCodeAt(i + 2) === 46) {
      i += 3;
      push(PUNCT, '...');
    } else if (c === 46 && src.charCodeAt(i + 1) >= 48 &&
               src.charCodeAt(i + 1) <= 57) {
      i++;
      while (i < n && isIdPart(src.charCodeAt(i))) i++;
      push(OTHER, '0');
    } else if (c === 123) {
      braceDepth++;
      i++;
      push(PUNCT, '{');
    } else if (c === 125) {
      braceDepth--;
      i++;
      if (templateDepth.length > 0 &&
          templateDepth[templateDepth.length - 1] === braceDepth) {
        // The end of a ${...}: the template's text goes on.
        templateDepth.pop();
        if (skipTemplate()) {
          templateDepth.push(braceDepth);
          braceDepth++;
        }
        push(OTHER, '`');
      } else {
        push(PUNCT, '}');
      }
    } else if (c === 61 && src.charCodeAt(i + 1) === 61) {
      i += src.charCodeAt(i + 2) === 61 ? 3 : 2;
      push(PUNCT, '==');
    } else if (c === 61 && src.charCodeAt(i + 1) === 62) {
      i += 2;
      push(PUNCT, '=>');
    } else {
      // Compound operators are split into single characters; only '=' on
      // its own matters and '==', '=>' were taken above. An operator like
      // '+=' becomes '+' '=', which does not follow a name directly.
      i++;
      push(PUNCT, src[i - 1]);
    }
  }
  return tokens;
}

// ---- Patterns ------------------------------------------------------------------

function isPunct(t, v) {
  return t !== undefined && t.type === PUNCT && t.value === v;
}
function isId(t, v) {
  return t !== undefined && t.type === ID && (v === undefined || t.value === v);
}

// Matches `require ( 'x' )` at tokens[i]; returns the specifier.
function requireAt(tokens, i) {
  if (isId(tokens[i], 'require') && isPunct(tokens[i + 1], '(') &&
      tokens[i + 2] !== undefined && tokens[i + 2].type === STR &&
      isPunct(tokens[i + 3], ')')) {
    return tokens[i + 2].value;
  }
  return undefined;
}

// The length of `exports` or `module.exports` at tokens[i], or 0.
function exportsRefAt(tokens, i) {
  if (isId(tokens[i], 'exports') && !isPunct(tokens[i - 1], '.')) return 1;
  if (isId(tokens[i], 'module') && isPunct(tokens[i + 1], '.') &&
      isId(tokens[i + 2], 'exports') && !isPunct(tokens[i - 1], '.')) {
    return 3;
  }
  return 0;
}

// A name assigned at tokens[i] (after `exports`): `.a =` or `['a'] =`.
function memberAssignAt(tokens, i) {
  if (isPunct(tokens[i], '.') && isId(tokens[i + 1]) &&
      isPunct(tokens[i + 2], '=')) {
    return tokens[i + 1].value;
  }
  if (isPunct(tokens[i], '[') && tokens[i + 1] !== undefined &&
      tokens[i + 1].type === STR && isPunct(tokens[i + 2], ']') &&
      isPunct(tokens[i + 3], '=')) {
    return tokens[i + 1].value;
  }
  return undefined;
}

// module.exports = { ... } at tokens[i] (the '{'): adds its keys. Like
// Node's lexer it takes `a`, `a: b`, `'a': b` (b an identifier) and
// `...require('x')`, and stops at the first entry of another form.
function objectLiteralAt(tokens, i, exports, reexports) {
  let j = i + 1;
  for (;;) {
    const t = tokens[j];
    if (t === undefined || isPunct(t, '}')) return;
    if (isPunct(t, '...')) {
      const spec = requireAt(tokens, j + 1);
      if (spec === undefined) return;
      reexports.push(spec);
      j += 5;
    } else if (t.type === ID && (isPunct(tokens[j + 1], ',') ||
                                 isPunct(tokens[j + 1], '}'))) {
      exports.add(t.value);
      j += 1;
    } else if ((t.type === ID || (t.type === STR && t.value !== undefined)) &&
               isPunct(tokens[j + 1], ':') && isId(tokens[j + 2]) &&
               (isPunct(tokens[j + 3], ',') || isPunct(tokens[j + 3], '}'))) {
      exports.add(t.value);
      j += 3;
    } else {
      return;
    }
    if (!isPunct(tokens[j], ',')) return;
    j++;
  }
}

// The end of `return a.b.c` / `return a['b']` at tokens[i], or -1.
function returnMemberAt(tokens, i) {
  if (!isId(tokens[i], 'return') || !isId(tokens[i + 1])) return -1;
  let j = i + 2;
  for (;;) {
    if (isPunct(tokens[j], '.') && isId(tokens[j + 1])) {
      j += 2;
    } else if (isPunct(tokens[j], '[') && tokens[j + 1] !== undefined &&
               tokens[j + 1].type === STR && isPunct(tokens[j + 2], ']')) {
      j += 3;
    } else {
      break;
    }
  }
  if (isPunct(tokens[j], ';')) j++;
  return j;
}

// The descriptor of Object.defineProperty(exports, 'name', { ... }) at
// tokens[i] (the '{'): exported when it has a value, or a getter that
// returns a member (as TypeScript and Babel write reexports).
function descriptorExports(tokens, i) {
  let j = i + 1;
  if (isId(tokens[j], 'enumerable') && isPunct(tokens[j + 1], ':') &&
      isId(tokens[j + 2], 'true') && isPunct(tokens[j + 3], ',')) {
    j += 4;
  }
  if (isId(tokens[j], 'value') && isPunct(tokens[j + 1], ':')) return true;
  if (!isId(tokens[j], 'get')) return false;
  j++;
  if (isPunct(tokens[j], ':') && isId(tokens[j + 1], 'function')) j += 2;
  if (!isPunct(tokens[j], '(') || !isPunct(tokens[j + 1], ')') ||
      !isPunct(tokens[j + 2], '{')) {
    return false;
  }
  const end = returnMemberAt(tokens, j + 3);
  return end !== -1 && isPunct(tokens[end], '}');
}

function parse(source) {
  const tokens = tokenize(source);
  const exports = new Set();
  const reexports = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type !== ID) continue;
    const ref = exportsRefAt(tokens, i);
    if (ref !== 0) {
      const after = i + ref;
      if (ref === 3 && isPunct(tokens[after], '=')) {
        // module.exports = ...: a reexport or an object literal; it also
        // replaces what was assigned before.
        const spec = requireAt(tokens, after + 1);
        if (spec !== undefined) {
          reexports.length = 0;
          reexports.push(spec);
        } else if (isPunct(tokens[after + 1], '{')) {
          objectLiteralAt(tokens, after + 1, exports, reexports);
        }
        continue;
      }
      const name = memberAssignAt(tokens, after);
      if (name !== undefined) exports.add(name);
      continue;
    }
    if (t.value === 'Object' && isPunct(tokens[i + 1], '.') &&
        isId(tokens[i + 2], 'defineProperty') && isPunct(tokens[i + 3], '(')) {
      const r = exportsRefAt(tokens, i + 4);
      const name = tokens[i + 5 + r];
      if (r !== 0 && isPunct(tokens[i + 4 + r], ',') && name !== undefined &&
          name.type === STR && name.value !== undefined &&
          isPunct(tokens[i + 6 + r], ',') && isPunct(tokens[i + 7 + r], '{') &&
          descriptorExports(tokens, i + 7 + r)) {
        exports.add(name.value);
      }
      continue;
    }
    if ((t.value === '__exportStar' || t.value === '__export' ||
         t.value === '_exportStar') && isPunct(tokens[i + 1], '(')) {
      const spec = requireAt(tokens, i + 2);
      if (spec !== undefined) reexports.push(spec);
    }
  }
  return { exports, reexports };
}

module.exports = { parse };
