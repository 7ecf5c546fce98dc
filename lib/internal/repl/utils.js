'use strict';

// What the REPL decides from the text of an input: whether a syntax error
// means "the input goes on" (continue on a `... ` prompt), which
// expression a tab completion after a dot is about, and which names
// complete a word.

// V8's messages for input that stops too early. A string or comment left
// open reads "Invalid or unexpected token"; only a string ending in a line
// continuation (a backslash) or an open block comment goes on.
function isRecoverableError(err, code) {
  if (err === null || typeof err !== 'object' || err.name !== 'SyntaxError')
    return false;
  const message = String(err.message);
  if (message === 'Unexpected end of input' ||
      message === 'Unterminated template literal') {
    return true;
  }
  if (message === 'Invalid or unexpected token') {
    const text = code.replace(/\n+$/, '');
    const backslashes = /\\*$/.exec(text)[0].length;
    if (backslashes % 2 === 1) return true;
    return text.lastIndexOf('/*') > text.lastIndexOf('*/');
  }
  return false;
}

const kOpenerOf = { ')': '(', ']': '[', '}': '{' };

// The expression that ends at the end of `text` (the text before the dot
// of `expr.<Tab>`): identifiers, property accesses, calls, indexing and
// literals, going back until an operator, a space or an unbalanced
// bracket at depth zero. '' when there is none.
function extractExpression(text) {
  let i = text.length;
  const closers = [];
  while (i > 0) {
    const ch = text[i - 1];
    if (ch === '"' || ch === '\'' || ch === '`') {
      // Back to the opening quote (an escaped quote does not open).
      let j = i - 2;
      while (j >= 0 && !(text[j] === ch && text[j - 1] !== '\\')) j--;
      if (j < 0) return '';
      i = j;
      continue;
    }
    if (ch === ')' || ch === ']' || ch === '}') {
      closers.push(ch);
      i--;
      continue;
    }
    if (ch === '(' || ch === '[' || ch === '{') {
      if (closers.length === 0 || kOpenerOf[closers.pop()] !== ch) break;
      i--;
      continue;
    }
    if (closers.length > 0 || /[\w$.]/.test(ch) || ch === '?' &&
        text[i] === '.') {
      i--;
      continue;
    }
    break;
  }
  if (closers.length > 0) return '';
  const expr = text.slice(i);
  // A number followed by the dot is a decimal point, not an access.
  if (/^\d+$/.test(expr)) return '';
  return expr;
}

// A name a completion may offer: one that can follow a dot.
function isIdentifier(name) {
  return /^[A-Za-z_$][\w$]*$/.test(name);
}

// The property names of value and its prototypes, one sorted group per
// level, each name in the first group that has it.
function propertyGroups(value) {
  if (value === null || value === undefined) return [];
  let obj = typeof value === 'object' || typeof value === 'function' ?
    value : Object(value);
  const seen = new Set();
  const groups = [];
  for (let depth = 0; obj !== null && depth < 32; depth++) {
    let names;
    try {
      names = Object.getOwnPropertyNames(obj);
    } catch {
      break;  // a revoked proxy, say
    }
    const group = [];
    for (const name of names) {
      if (!seen.has(name) && isIdentifier(name)) {
        seen.add(name);
        group.push(name);
      }
    }
    if (group.length > 0) groups.push(group.sort());
    try {
      obj = Object.getPrototypeOf(obj);
    } catch {
      break;
    }
  }
  return groups;
}

// Declared names the global object does not show: let, const and class
// declarations of earlier inputs.
function lexicalNames(code) {
  const names = [];
  const declaration = /\b(?:let|const|class)\s+([A-Za-z_$][\w$]*)/g;
  let match;
  while ((match = declaration.exec(code)) !== null) names.push(match[1]);
  return names;
}

const kKeywords = [
  'async', 'await', 'break', 'case', 'catch', 'class', 'const', 'continue',
  'debugger', 'default', 'delete', 'do', 'else', 'export', 'extends',
  'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof',
  'let', 'new', 'null', 'return', 'switch', 'this', 'throw', 'true', 'try',
  'typeof', 'undefined', 'var', 'void', 'while', 'with', 'yield',
];

// Keeps the stack frames above the top level of an input (`at REPL3:1:5`):
// that frame and what called it are the REPL's. An error thrown outside
// any input (a timer) loses the runtime's frames at its end.
function trimStack(stack) {
  const lines = String(stack).split('\n');
  const top = lines.findIndex((line) => /^\s+at REPL\d+:\d+:\d+$/.test(line));
  if (top !== -1) return lines.slice(0, top).join('\n');
  let end = lines.length;
  while (end > 1 && /^\s+at (.*\()?node:.*\)?$/.test(lines[end - 1])) end--;
  return lines.slice(0, end).join('\n');
}

module.exports = {
  extractExpression,
  isIdentifier,
  isRecoverableError,
  kKeywords,
  lexicalNames,
  propertyGroups,
  trimStack,
};
