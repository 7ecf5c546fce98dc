'use strict';

// util.MIMEType and util.MIMEParams: MIME types parsed and serialized as
// the WHATWG MIME Sniffing standard describes ("parse a MIME type",
// "serialize a MIME type").

const { codes: { ERR_INVALID_MIME_SYNTAX } } = require('internal/errors');

// HTTP token code points, and those allowed in a quoted string.
const kToken = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]*$/;
const kNotToken = /[^!#$%&'*+\-.^_`|~0-9A-Za-z]/;
const kNotQuotedText = /[^\t\u0020-\u007e\u0080-\u00ff]/;
// HTTP whitespace at the ends of a string.
const kLeadingSpace = /^[\t\n\r ]+/;
const kTrailingSpace = /[\t\n\r ]+$/;

// Throws when `value` is empty (unless it may be) or has a character that
// `notAllowed` matches; the error shows `shown` and the first bad index.
function checkText(value, production, notAllowed, shown = value,
                   mayBeEmpty = false) {
  if (value.length === 0 && !mayBeEmpty) {
    throw new ERR_INVALID_MIME_SYNTAX(production, shown, -1);
  }
  const bad = notAllowed.exec(value);
  if (bad !== null) {
    throw new ERR_INVALID_MIME_SYNTAX(production, shown, bad.index);
  }
}

// A parameter value as the standard serializes it: bare when it is a
// non-empty token, else quoted with " and \ escaped.
function serializeValue(value) {
  if (value.length !== 0 && kToken.test(value)) return value;
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}

// How MIMEType reaches the map inside the MIMEParams it fills (set by
// MIMEParams' static block).
let paramsData;

class MIMEParams {
  #data = new Map();

  static {
    paramsData = (params) => params.#data;
  }

  delete(name) {
    this.#data.delete(name);
  }

  get(name) {
    const value = this.#data.get(name);
    return value === undefined ? null : value;
  }

  has(name) {
    return this.#data.has(name);
  }

  set(name, value) {
    const data = this.#data;
    name = `${name}`;
    value = `${value}`;
    checkText(name, 'parameter name', kNotToken);
    checkText(value, 'parameter value', kNotQuotedText, value, true);
    data.set(name, value);
  }

  * entries() {
    yield* this.#data;
  }

  * keys() {
    yield* this.#data.keys();
  }

  * values() {
    yield* this.#data.values();
  }

  toString() {
    const parts = [];
    for (const [name, value] of this.#data) {
      parts.push(`${name}=${serializeValue(value)}`);
    }
    return parts.join(';');
  }
}

Object.defineProperties(MIMEParams.prototype, {
  toJSON: { value: MIMEParams.prototype.toString, writable: true,
            enumerable: false, configurable: true },
  [Symbol.iterator]: { value: MIMEParams.prototype.entries, writable: true,
                       enumerable: false, configurable: true },
});

// Reads the parameters of a MIME type, from `position` (at a ';') on, into
// `data`. Malformed parameters are skipped, and the first of a name wins.
function parseParameters(str, position, data) {
  const length = str.length;
  while (position < length) {
    position++;  // past the ';'
    while (position < length && ' \t\n\r'.includes(str[position])) {
      position++;
    }
    let end = position;
    while (end < length && str[end] !== ';' && str[end] !== '=') end++;
    const name = str.slice(position, end).toLowerCase();
    position = end;
    if (position >= length) break;
    if (str[position] === ';') continue;
    position++;  // past the '='

    let value;
    if (str[position] === '"') {
      // A quoted string: \ escapes the next character; what follows the
      // closing quote up to the next ';' is dropped.
      value = '';
      position++;
      while (position < length) {
        const c = str[position++];
        if (c === '"') break;
        if (c === '\\') {
          if (position >= length) {
            value += '\\';
            break;
          }
          value += str[position++];
        } else {
          value += c;
        }
      }
      while (position < length && str[position] !== ';') position++;
    } else {
      end = position;
      while (end < length && str[end] !== ';') end++;
      value = str.slice(position, end).replace(kTrailingSpace, '');
      position = end;
      if (value.length === 0) continue;
    }

    if (name.length !== 0 && kToken.test(name) &&
        !kNotQuotedText.test(value) && !data.has(name)) {
      data.set(name, value);
    }
  }
}

class MIMEType {
  #type;
  #subtype;
  #parameters;

  constructor(string) {
    const input = `${string}`;
    // Only leading whitespace goes, as in Node (the standard trims both
    // ends): trailing whitespace ends up in the type ("a\t" has a bad
    // character), is trimmed from the subtype and bare values, and spoils
    // an unterminated quoted value.
    const str = input.replace(kLeadingSpace, '');
    const slash = str.indexOf('/');
    const type = slash === -1 ? str : str.slice(0, slash);
    checkText(type, 'type', kNotToken, input);
    if (slash === -1) throw new ERR_INVALID_MIME_SYNTAX('type', input, -1);

    let semicolon = str.indexOf(';', slash + 1);
    if (semicolon === -1) semicolon = str.length;
    const subtype = str.slice(slash + 1, semicolon).replace(kTrailingSpace,
                                                            '');
    if (subtype.length === 0 || kNotToken.test(subtype)) {
      // Node names the subtype itself where the index would go.
      throw new ERR_INVALID_MIME_SYNTAX('subtype', input, subtype);
    }
    this.#type = type.toLowerCase();
    this.#subtype = subtype.toLowerCase();
    this.#parameters = new MIMEParams();
    parseParameters(str, semicolon, paramsData(this.#parameters));
  }

  get type() {
    return this.#type;
  }

  set type(value) {
    value = `${value}`;
    checkText(value, 'type', kNotToken);
    this.#type = value.toLowerCase();
  }

  get subtype() {
    return this.#subtype;
  }

  set subtype(value) {
    value = `${value}`;
    checkText(value, 'subtype', kNotToken);
    this.#subtype = value.toLowerCase();
  }

  get essence() {
    return `${this.#type}/${this.#subtype}`;
  }

  get params() {
    return this.#parameters;
  }

  toString() {
    const type = this.#type;
    const params = this.#parameters.toString();
    return `${type}/${this.#subtype}${params.length ? `;${params}` : ''}`;
  }
}

Object.defineProperty(MIMEType.prototype, 'toJSON', {
  value: MIMEType.prototype.toString,
  writable: true,
  enumerable: false,
  configurable: true,
});

module.exports = { MIMEParams, MIMEType };
