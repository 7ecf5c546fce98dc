'use strict';

// util.inspect(), util.format() and friends. The output follows Node 18
// byte for byte for the common cases, since console.log prints through it.

const utilBinding = internalBinding('util');
const {
  getPromiseDetails,
  getProxyDetails,
  previewEntries,
  getOwnNonIndexProperties,
  getConstructorName: v8ConstructorName,
  constants: {
    kPending,
    kRejected,
    ALL_PROPERTIES,
    ONLY_ENUMERABLE,
  },
} = utilBinding;
const types = internalBinding('types');
const { validateObject, validateString } = require('internal/validators');

// Intrinsics are captured at load time so that user code patching the
// prototypes cannot change how values are printed.
const uncurry = (fn) => Function.prototype.call.bind(fn);
const uncurryGetter = (proto, key) =>
  uncurry(Object.getOwnPropertyDescriptor(proto, key).get);

const hasOwn = uncurry(Object.prototype.hasOwnProperty);
const isEnumerable = uncurry(Object.prototype.propertyIsEnumerable);
const functionToString = uncurry(Function.prototype.toString);
const errorToString = uncurry(Error.prototype.toString);
const regExpToString = uncurry(RegExp.prototype.toString);
const dateToISOString = uncurry(Date.prototype.toISOString);
const dateToString = uncurry(Date.prototype.toString);
const dateGetTime = uncurry(Date.prototype.getTime);
const symbolToString = uncurry(Symbol.prototype.toString);
const mapEntries = uncurry(Map.prototype.entries);
const setValues = uncurry(Set.prototype.values);
const mapSize = uncurryGetter(Map.prototype, 'size');
const setSize = uncurryGetter(Set.prototype, 'size');

const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);
const typedArrayName = uncurryGetter(TypedArrayPrototype, Symbol.toStringTag);
const typedArrayLength = uncurryGetter(TypedArrayPrototype, 'length');
// The typed array constructors by name, for copying arrays whose prototype
// has been removed.
const kTypedArrayCtors = {};
for (const ctor of [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array,
                    Uint16Array, Int32Array, Uint32Array, Float32Array,
                    Float64Array, BigInt64Array, BigUint64Array]) {
  kTypedArrayCtors[ctor.name] = ctor;
}

const boxedValueOf = {
  Number: uncurry(Number.prototype.valueOf),
  String: uncurry(String.prototype.valueOf),
  Boolean: uncurry(Boolean.prototype.valueOf),
  BigInt: uncurry(BigInt.prototype.valueOf),
  Symbol: uncurry(Symbol.prototype.valueOf),
};

// Names of the engine's own global constructors and namespaces. Objects whose
// constructor has one of these names count as built-in (for `%s` and for the
// prototype walk with showHidden). Only native functions count, so globals
// that the runtime later defines in JavaScript (Buffer, URL ...) stay out.
const builtinNames = new Set();
for (const name of Object.getOwnPropertyNames(globalThis)) {
  if (!/^[A-Z][a-zA-Z0-9]+$/.test(name)) continue;
  const desc = Object.getOwnPropertyDescriptor(globalThis, name);
  const val = desc.value;
  if (typeof val === 'function') {
    if (!/\{\s*\[native code\]\s*\}$/.test(functionToString(val))) continue;
  } else if (val === null || typeof val !== 'object') {
    continue;
  }
  builtinNames.add(name);
}

const inspectDefaultOptions = Object.seal({
  showHidden: false,
  depth: 2,
  colors: false,
  customInspect: true,
  showProxy: false,
  maxArrayLength: 100,
  maxStringLength: 10000,
  breakLength: 80,
  compact: 3,
  sorted: false,
  getters: false,
  numericSeparator: false,
});

// How the entries of a value are laid out: plain object properties, array
// items (printed without a key), and extra non-index keys on array-likes.
const kPlainEntries = 0;
const kArrayItems = 1;
const kArrayExtras = 2;

// Strings shorter than this are never split over several lines.
const kMinLineWidth = 16;

const kColorEscape = /\u001b\[\d\d?m/g;
function removeColors(str) {
  return str.replace(kColorEscape, '');
}

/*
 * String quoting.
 */

// Anything that has to be escaped when a string is printed inside quotes:
// controls, DEL and C1 controls, backslash, the three quote characters, and
// surrogates (only lone ones are escaped, checked in escapeString).
const kMaybeEscape = /[\x00-\x1f\x27\x22\x60\x5c\x7f-\x9f\ud800-\udfff]/;
const kNamedEscapes = {
  8: '\\b',
  9: '\\t',
  10: '\\n',
  12: '\\f',
  13: '\\r',
  92: '\\\\',
};

function hex(code, width, upper) {
  const digits = code.toString(16);
  const padded = '0'.repeat(Math.max(0, width - digits.length)) + digits;
  return upper ? padded.toUpperCase() : padded;
}

// Escapes `str` for printing between `quote` characters (the char code of
// the quote).
function escapeString(str, quote) {
  if (!kMaybeEscape.test(str)) return str;
  let out = '';
  let last = 0;
  for (let i = 0; i < str.length; i++) {
    const code = str.charCodeAt(i);
    let rep;
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) {
      rep = kNamedEscapes[code] || `\\x${hex(code, 2, true)}`;
    } else if (code === 92) {
      rep = '\\\\';
    } else if (code === quote) {
      rep = `\\${str[i]}`;
    } else if (code >= 0xd800 && code <= 0xdbff) {
      const next = str.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      rep = `\\u${hex(code, 4, false)}`;
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      rep = `\\u${hex(code, 4, false)}`;
    } else {
      continue;
    }
    out += str.slice(last, i) + rep;
    last = i + 1;
  }
  return out + str.slice(last);
}

// Whether `str` prints between single quotes as it is: no single quote and
// nothing kMaybeEscape would have to look at, double quotes and backticks
// apart (they need no escape then).
function isPlainText(str) {
  for (let i = 0; i < str.length; i++) {
    const code = str.charCodeAt(i);
    if (code < 0x20 || code === 39 || code === 92 ||
        (code >= 0x7f && code <= 0x9f) || (code >= 0xd800 && code <= 0xdfff)) {
      return false;
    }
  }
  return true;
}

// Quotes a string the way Node does: single quotes unless the text holds a
// single quote, then double quotes, then backticks, and only when all three
// occur are single quotes escaped.
function quoteString(str) {
  if (str.length <= 256 && isPlainText(str)) return `'${str}'`;
  let quote = 39;
  if (str.includes("'")) {
    if (!str.includes('"')) {
      quote = 34;
    } else if (!str.includes('`') && !str.includes('${')) {
      quote = 96;
    }
  }
  const q = String.fromCharCode(quote);
  return q + escapeString(str, quote) + q;
}

/*
 * Colors.
 */

function defineColorAlias(target, alias) {
  Object.defineProperty(inspect.colors, alias, {
    get() {
      return this[target];
    },
    set(value) {
      this[target] = value;
    },
    configurable: true,
    enumerable: false,
  });
}

function stylizeWithColor(str, styleType) {
  const style = inspect.styles[styleType];
  if (style !== undefined) {
    const color = inspect.colors[style];
    if (color !== undefined) {
      return `\u001b[${color[0]}m${str}\u001b[${color[1]}m`;
    }
  }
  return str;
}

function stylizeNoColor(str) {
  return str;
}

/*
 * inspect() itself.
 */

// An empty array that already holds objects as far as the engine is
// concerned: a fresh [] starts out as a list of small integers, and its
// first push of an object would throw away the optimized code using it.
function newObjectList() {
  const list = [null];
  list.pop();
  return list;
}

function inspect(value, opts) {
  const ctx = {
    // Holey from the start: it is filled at whatever depths come first.
    budget: new Array(16),
    indent: 0,
    seen: newObjectList(),
    lastDepth: 0,
    stylize: stylizeNoColor,
    showHidden: inspectDefaultOptions.showHidden,
    depth: inspectDefaultOptions.depth,
    colors: inspectDefaultOptions.colors,
    customInspect: inspectDefaultOptions.customInspect,
    showProxy: inspectDefaultOptions.showProxy,
    maxArrayLength: inspectDefaultOptions.maxArrayLength,
    maxStringLength: inspectDefaultOptions.maxStringLength,
    breakLength: inspectDefaultOptions.breakLength,
    compact: inspectDefaultOptions.compact,
    sorted: inspectDefaultOptions.sorted,
    getters: inspectDefaultOptions.getters,
    numericSeparator: inspectDefaultOptions.numericSeparator,
  };
  if (arguments.length > 1) {
    // The old signature: inspect(value, showHidden, depth, colors).
    if (arguments.length > 2) {
      if (arguments[2] !== undefined) ctx.depth = arguments[2];
      if (arguments.length > 3 && arguments[3] !== undefined) {
        ctx.colors = arguments[3];
      }
    }
    if (typeof opts === 'boolean') {
      ctx.showHidden = opts;
    } else if (opts) {
      for (const key of Object.keys(opts)) {
        if (hasOwn(inspectDefaultOptions, key) || key === 'stylize') {
          ctx[key] = opts[key];
        } else if (ctx.userOptions === undefined) {
          // Unknown options are handed on to custom inspect functions.
          ctx.userOptions = opts;
        }
      }
    }
  }
  if (ctx.colors) ctx.stylize = stylizeWithColor;
  if (ctx.maxArrayLength === null) ctx.maxArrayLength = Infinity;
  if (ctx.maxStringLength === null) ctx.maxStringLength = Infinity;
  return formatValue(ctx, value, 0);
}

const kCustomInspect = Symbol.for('nodejs.util.inspect.custom');
inspect.custom = kCustomInspect;

Object.defineProperty(inspect, 'defaultOptions', {
  get() {
    return inspectDefaultOptions;
  },
  set(options) {
    validateObject(options, 'options');
    return Object.assign(inspectDefaultOptions, options);
  },
});

// [open, close] SGR codes of each color and text attribute.
inspect.colors = Object.assign(Object.create(null), {
  reset: [0, 0],
  bold: [1, 22],
  dim: [2, 22],
  italic: [3, 23],
  underline: [4, 24],
  blink: [5, 25],
  inverse: [7, 27],
  hidden: [8, 28],
  strikethrough: [9, 29],
  doubleunderline: [21, 24],
  black: [30, 39],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  blue: [34, 39],
  magenta: [35, 39],
  cyan: [36, 39],
  white: [37, 39],
  bgBlack: [40, 49],
  bgRed: [41, 49],
  bgGreen: [42, 49],
  bgYellow: [43, 49],
  bgBlue: [44, 49],
  bgMagenta: [45, 49],
  bgCyan: [46, 49],
  bgWhite: [47, 49],
  framed: [51, 54],
  overlined: [53, 55],
  gray: [90, 39],
  redBright: [91, 39],
  greenBright: [92, 39],
  yellowBright: [93, 39],
  blueBright: [94, 39],
  magentaBright: [95, 39],
  cyanBright: [96, 39],
  whiteBright: [97, 39],
  bgGray: [100, 49],
  bgRedBright: [101, 49],
  bgGreenBright: [102, 49],
  bgYellowBright: [103, 49],
  bgBlueBright: [104, 49],
  bgMagentaBright: [105, 49],
  bgCyanBright: [106, 49],
  bgWhiteBright: [107, 49],
});

// Other spellings of the same attributes; hidden from enumeration.
defineColorAlias('gray', 'grey');
defineColorAlias('gray', 'blackBright');
defineColorAlias('bgGray', 'bgGrey');
defineColorAlias('bgGray', 'bgBlackBright');
defineColorAlias('dim', 'faint');
defineColorAlias('strikethrough', 'crossedout');
defineColorAlias('strikethrough', 'strikeThrough');
defineColorAlias('strikethrough', 'crossedOut');
defineColorAlias('hidden', 'conceal');
defineColorAlias('inverse', 'swapColors');
defineColorAlias('inverse', 'swapcolors');
defineColorAlias('doubleunderline', 'doubleUnderline');

// Which color each kind of token gets ('name', for keys, has none).
inspect.styles = Object.assign(Object.create(null), {
  special: 'cyan',
  number: 'yellow',
  bigint: 'yellow',
  boolean: 'yellow',
  undefined: 'grey',
  null: 'bold',
  string: 'green',
  symbol: 'green',
  date: 'magenta',
  regexp: 'red',
  module: 'underline',
});

// The options object handed to a custom inspect function: the current
// settings plus whatever unknown options the caller passed. An object from
// another realm (or behind a proxy) gets nothing that would let it reach
// this realm's objects: a null-prototype object of primitives and a wrapped
// stylize that always returns a string.
function optionsForCustom(ctx, isCrossContext) {
  const ret = {
    stylize: ctx.stylize,
    showHidden: ctx.showHidden,
    depth: ctx.depth,
    colors: ctx.colors,
    customInspect: ctx.customInspect,
    showProxy: ctx.showProxy,
    maxArrayLength: ctx.maxArrayLength,
    maxStringLength: ctx.maxStringLength,
    breakLength: ctx.breakLength,
    compact: ctx.compact,
    sorted: ctx.sorted,
    getters: ctx.getters,
    numericSeparator: ctx.numericSeparator,
    ...ctx.userOptions,
  };
  if (isCrossContext) {
    Object.setPrototypeOf(ret, null);
    for (const key of Object.keys(ret)) {
      const value = ret[key];
      if ((typeof value === 'object' || typeof value === 'function') &&
          value !== null) {
        delete ret[key];
      }
    }
    ret.stylize = Object.setPrototypeOf((value, flavour) => {
      let stylized;
      try {
        stylized = `${ctx.stylize(value, flavour)}`;
      } catch {
        // Fall back to the plain value below.
      }
      return typeof stylized === 'string' ? stylized : value;
    }, null);
  }
  return ret;
}

function isDepthExceeded(ctx, level) {
  return ctx.depth !== null && level > ctx.depth;
}

// Objects such as a browser's document.all claim to be undefined.
function isUndetectableObject(value) {
  return typeof value === 'undefined' && value !== undefined;
}

function formatValue(ctx, value, level, typedArray) {
  if (typeof value !== 'object' && typeof value !== 'function' &&
      !isUndetectableObject(value)) {
    return formatPrimitive(ctx.stylize, value, ctx);
  }
  if (value === null) return ctx.stylize('null', 'null');

  // A proxy is printed as its target unless showProxy is set.
  const context = value;
  const proxy = getProxyDetails(value, !!ctx.showProxy);
  if (proxy !== undefined) {
    if (proxy === null || proxy[0] === null) {
      return ctx.stylize('<Revoked Proxy>', 'special');
    }
    if (ctx.showProxy) return formatProxy(ctx, proxy, level);
    value = proxy;
  }

  if (ctx.customInspect) {
    const custom = value[kCustomInspect];
    // A prototype that carries the method for its instances is printed
    // normally, not through its own method.
    if (typeof custom === 'function' && custom !== inspect &&
        !(value.constructor && value.constructor.prototype === value)) {
      const depth = ctx.depth === null ? null : ctx.depth - level;
      const isCrossContext =
        proxy !== undefined || !(context instanceof Object);
      const options = optionsForCustom(ctx, isCrossContext);
      const ret = Reflect.apply(custom, context, [depth, options, inspect]);
      if (ret !== context) {
        if (typeof ret !== 'string') return formatValue(ctx, ret, level);
        return ret.replaceAll('\n', `\n${' '.repeat(ctx.indent)}`);
      }
    }
  }

  if (ctx.seen.includes(value)) {
    if (ctx.circular === undefined) ctx.circular = new Map();
    let index = ctx.circular.get(value);
    if (index === undefined) {
      index = ctx.circular.size + 1;
      ctx.circular.set(value, index);
    }
    return ctx.stylize(`[Circular *${index}]`, 'special');
  }

  return formatObject(ctx, value, level, typedArray);
}

function formatProxy(ctx, proxy, level) {
  if (isDepthExceeded(ctx, level)) {
    return ctx.stylize('Proxy [Array]', 'special');
  }
  level += 1;
  ctx.indent += 2;
  const parts = [
    formatValue(ctx, proxy[0], level),
    formatValue(ctx, proxy[1], level),
  ];
  ctx.indent -= 2;
  return layoutEntries(ctx, parts, '', ['Proxy [', ']'],
                       kArrayExtras, level);
}

// Own keys to print: enumerable string keys and enumerable symbols, or every
// own key with showHidden.
function ownKeysToShow(value, showHidden) {
  const symbols = Object.getOwnPropertySymbols(value);
  let keys;
  if (showHidden) {
    keys = Object.getOwnPropertyNames(value);
    keys.push(...symbols);
  } else {
    try {
      keys = Object.keys(value);
    } catch (err) {
      // Namespace objects with bindings still in their TDZ throw here.
      keys = Object.getOwnPropertyNames(value);
    }
    for (let i = 0; i < symbols.length; i++) {
      if (isEnumerable(value, symbols[i])) keys.push(symbols[i]);
    }
  }
  return keys;
}

function isInstanceof(value, ctor) {
  try {
    return value instanceof ctor;
  } catch {
    return false;
  }
}

// The name printed in front of an object: the first constructor found up
// the prototype chain whose prototype the object really inherits from, null
// for objects with a null prototype, and a description of the chain when no
// usable constructor exists.
function constructorNameOf(obj, ctx, level, inheritedEntries) {
  let firstProto;
  let current = obj;
  while (current || isUndetectableObject(current)) {
    const desc = Object.getOwnPropertyDescriptor(current, 'constructor');
    if (desc !== undefined && typeof desc.value === 'function' &&
        desc.value.name !== '' && isInstanceof(obj, desc.value)) {
      if (inheritedEntries !== undefined &&
          (firstProto !== current || !builtinNames.has(desc.value.name))) {
        collectPrototypeProps(ctx, obj, firstProto || obj, level,
                              inheritedEntries);
      }
      return String(desc.value.name);
    }
    current = Object.getPrototypeOf(current);
    if (firstProto === undefined) firstProto = current;
  }
  if (firstProto === null) return null;

  const res = v8ConstructorName(obj);
  if (isDepthExceeded(ctx, level)) return `${res} <Complex prototype>`;
  const protoName =
    constructorNameOf(firstProto, ctx, level + 1, inheritedEntries);
  if (protoName === null) {
    const desc = inspect(firstProto, {
      ...ctx,
      customInspect: false,
      depth: -1,
    });
    return `${res} <${desc}>`;
  }
  return `${res} <${protoName}>`;
}

// With showHidden, non-method properties (getters mostly) of user-defined
// prototypes are listed too, up to three levels up the chain.
function collectPrototypeProps(ctx, main, obj, level, output) {
  let seenKeys;
  let keys;
  for (let step = 0; step < 3; step++) {
    if (step !== 0 || main === obj) {
      obj = Object.getPrototypeOf(obj);
      if (obj === null) return;
      const desc = Object.getOwnPropertyDescriptor(obj, 'constructor');
      if (desc !== undefined && typeof desc.value === 'function' &&
          builtinNames.has(desc.value.name)) {
        return;
      }
    }
    if (step === 0) {
      seenKeys = new Set();
    } else {
      for (const key of keys) seenKeys.add(key);
    }
    keys = Reflect.ownKeys(obj);
    ctx.seen.push(main);
    for (const key of keys) {
      if (key === 'constructor' || hasOwn(main, key) ||
          (step !== 0 && seenKeys.has(key))) {
        continue;
      }
      const desc = Object.getOwnPropertyDescriptor(obj, key);
      if (typeof desc.value === 'function') continue;
      const str = formatEntry(ctx, obj, level, key, kPlainEntries,
                              desc, main);
      // Inherited entries are printed faint.
      output.push(ctx.colors ? `\u001b[2m${str}\u001b[22m` : str);
    }
    ctx.seen.pop();
  }
}

// "Foo ", "Foo(3) [tag] ", "[Map(3): null prototype] " ...
function typePrefix(constructor, tag, fallback, size = '') {
  if (constructor === null) {
    if (tag !== '' && fallback !== tag) {
      return `[${fallback}${size}: null prototype] [${tag}] `;
    }
    return `[${fallback}${size}: null prototype] `;
  }
  if (tag !== '' && constructor !== tag) {
    return `${constructor}${size} [${tag}] `;
  }
  return `${constructor}${size} `;
}

// Objects are split over three functions so that the common ones (plain
// objects, arrays, maps, sets) go through small functions the engine
// optimizes early: formatObject finds the kind, formatOtherObject handles
// the rarer kinds, formatBody prints the entries and lays them out.
function formatObject(ctx, value, level, typedArray) {
  let inheritedEntries;
  if (ctx.showHidden && !isDepthExceeded(ctx, level)) inheritedEntries = [];

  const constructor = constructorNameOf(value, ctx, level, inheritedEntries);
  if (inheritedEntries !== undefined && inheritedEntries.length === 0) {
    inheritedEntries = undefined;
  }

  // Print the tag only when it does not show up as a key anyway.
  let tag = value[Symbol.toStringTag];
  if (typeof tag !== 'string' ||
      (tag !== '' &&
       (ctx.showHidden ? hasOwn : isEnumerable)(value, Symbol.toStringTag))) {
    tag = '';
  }

  // Only iterable objects can be arrays, maps, sets or their iterators
  // (a null prototype hides the iterator, so those are checked too).
  if (Symbol.iterator in value || constructor === null) {
    let keys;
    let braces;
    if (Array.isArray(value)) {
      const prefix = (constructor !== 'Array' || tag !== '') ?
        typePrefix(constructor, tag, 'Array', `(${value.length})`) : '';
      keys = getOwnNonIndexProperties(
        value, ctx.showHidden ? ALL_PROPERTIES : ONLY_ENUMERABLE);
      if (value.length === 0 && keys.length === 0 &&
          inheritedEntries === undefined) {
        return `${prefix}[]`;
      }
      braces = [`${prefix}[`, ']'];
      return formatBody(ctx, value, level, constructor, tag, keys,
                        inheritedEntries, formatArray, braces, '',
                        kArrayExtras);
    }
    let formatter;
    let size;
    if (types.isSet(value)) {
      size = setSize(value);
      braces = typePrefix(constructor, tag, 'Set', `(${size})`);
      formatter = formatSet;
    } else if (types.isMap(value)) {
      size = mapSize(value);
      braces = typePrefix(constructor, tag, 'Map', `(${size})`);
      formatter = formatMap;
    } else {
      return formatOtherObject(ctx, value, level, typedArray, constructor,
                               tag, true, inheritedEntries);
    }
    keys = ownKeysToShow(value, ctx.showHidden);
    if (size === 0 && keys.length === 0 && inheritedEntries === undefined) {
      return `${braces}{}`;
    }
    return formatBody(ctx, value, level, constructor, tag, keys,
                      inheritedEntries, formatter, [`${braces}{`, '}'], '',
                      kPlainEntries);
  }
  if (constructor === 'Object') {
    const keys = ownKeysToShow(value, ctx.showHidden);
    let open = '{';
    if (types.isArgumentsObject(value)) {
      open = '[Arguments] {';
    } else if (tag !== '') {
      open = `${typePrefix(constructor, tag, 'Object')}{`;
    }
    if (keys.length === 0 && inheritedEntries === undefined) {
      return `${open}}`;
    }
    return formatBody(ctx, value, level, constructor, tag, keys,
                      inheritedEntries, noEntries, [open, '}'], '',
                      kPlainEntries);
  }
  return formatOtherObject(ctx, value, level, typedArray, constructor, tag,
                           false, inheritedEntries);
}

// What a plain object with a null prototype is called: the engine's name
// for it (its original class, or its own tag), unless that is just the tag
// printed anyway.
function nullProtoName(value, constructor, tag) {
  if (constructor !== null) return 'Object';
  const name = v8ConstructorName(value);
  return name !== tag ? name : 'Object';
}

function formatOtherObject(ctx, value, level, typedArray, constructor, tag,
                           maybeIterable, inheritedEntries) {
  let keys;
  const fallback = nullProtoName(value, constructor, tag);
  let base = '';
  let formatter = noEntries;
  let braces;
  let entryKind = kPlainEntries;
  const noProps = () => keys.length === 0 && inheritedEntries === undefined;

  if (maybeIterable && types.isTypedArray(value)) {
    const filter = ctx.showHidden ? ALL_PROPERTIES : ONLY_ENUMERABLE;
    keys = getOwnNonIndexProperties(value, filter);
    const size = typedArrayLength(value);
    const prefix = typePrefix(constructor, tag, typedArrayName(value),
                              `(${size})`);
    braces = [`${prefix}[`, ']'];
    if (size === 0 && keys.length === 0 && !ctx.showHidden) {
      return `${braces[0]}]`;
    }
    // Without a prototype the array has no length or other accessors, so a
    // normal copy of it is printed instead.
    const bound = constructor === null ?
      new kTypedArrayCtors[typedArrayName(value)](value) : value;
    formatter = (ctx, value, level) =>
      formatTypedArray(ctx, bound, level, size);
    entryKind = kArrayExtras;
  } else if (maybeIterable && types.isMapIterator(value)) {
    keys = ownKeysToShow(value, ctx.showHidden);
    braces = iteratorBraces('Map', tag);
    formatter = formatIterator;
  } else if (maybeIterable && types.isSetIterator(value)) {
    keys = ownKeysToShow(value, ctx.showHidden);
    braces = iteratorBraces('Set', tag);
    formatter = formatIterator;
  } else {
    keys = ownKeysToShow(value, ctx.showHidden);
    braces = ['{', '}'];
    if (constructor === 'Object') {
      if (types.isArgumentsObject(value)) {
        braces[0] = '[Arguments] {';
      } else if (tag !== '') {
        braces[0] = `${typePrefix(constructor, tag, 'Object')}{`;
      }
      if (noProps()) return `${braces[0]}}`;
    } else if (typeof value === 'function') {
      base = functionHeader(value, constructor, tag);
      if (noProps()) return ctx.stylize(base, 'special');
    } else if (types.isRegExp(value)) {
      base = regExpToString(constructor !== null ? value : new RegExp(value));
      const prefix = typePrefix(constructor, tag, 'RegExp');
      if (prefix !== 'RegExp ') base = `${prefix}${base}`;
      if (noProps() || isDepthExceeded(ctx, level)) {
        return ctx.stylize(base, 'regexp');
      }
    } else if (types.isDate(value)) {
      base = Number.isNaN(dateGetTime(value)) ?
        dateToString(value) : dateToISOString(value);
      const prefix = typePrefix(constructor, tag, 'Date');
      if (prefix !== 'Date ') base = `${prefix}${base}`;
      if (noProps()) return ctx.stylize(base, 'date');
    } else if (isError(value)) {
      base = formatError(value, constructor, tag, ctx, keys);
      if (noProps()) return base;
    } else if (types.isAnyArrayBuffer(value)) {
      const kind = types.isArrayBuffer(value) ? 'ArrayBuffer' :
        'SharedArrayBuffer';
      const prefix = typePrefix(constructor, tag, kind);
      if (typedArray === undefined) {
        formatter = formatArrayBuffer;
      } else if (noProps()) {
        return `${prefix}{ byteLength: ` +
          `${formatNumber(ctx.stylize, value.byteLength, false)} }`;
      }
      braces[0] = `${prefix}{`;
      keys.unshift('byteLength');
    } else if (types.isDataView(value)) {
      braces[0] = `${typePrefix(constructor, tag, 'DataView')}{`;
      keys.unshift('byteLength', 'byteOffset', 'buffer');
    } else if (types.isPromise(value)) {
      braces[0] = `${typePrefix(constructor, tag, 'Promise')}{`;
      formatter = formatPromise;
    } else if (types.isWeakSet(value)) {
      braces[0] = `${typePrefix(constructor, tag, 'WeakSet')}{`;
      formatter = ctx.showHidden ? formatWeakSet : formatWeakCollection;
    } else if (types.isWeakMap(value)) {
      braces[0] = `${typePrefix(constructor, tag, 'WeakMap')}{`;
      formatter = ctx.showHidden ? formatWeakMap : formatWeakCollection;
    } else if (types.isModuleNamespaceObject(value)) {
      braces[0] = `${typePrefix(constructor, tag, 'Module')}{`;
      formatter = formatNamespaceObject.bind(null, keys);
    } else if (types.isBoxedPrimitive(value)) {
      base = boxedHeader(value, ctx, keys, constructor, tag);
      if (noProps()) return base;
    } else {
      if (noProps()) {
        if (types.isExternal(value)) return formatExternal(ctx, value);
        return `${typePrefix(constructor, tag, fallback)}{}`;
      }
      braces[0] = `${typePrefix(constructor, tag, fallback)}{`;
    }
  }
  return formatBody(ctx, value, level, constructor, tag, keys,
                    inheritedEntries, formatter, braces, base, entryKind);
}

function formatBody(ctx, value, level, constructor, tag, keys,
                    inheritedEntries, formatter, braces, base, entryKind) {
  if (isDepthExceeded(ctx, level)) {
    const fallback = nullProtoName(value, constructor, tag);
    let name = typePrefix(constructor, tag, fallback).slice(0, -1);
    if (constructor !== null) name = `[${name}]`;
    return ctx.stylize(name, 'special');
  }
  level += 1;

  ctx.seen.push(value);
  ctx.lastDepth = level;
  let output;
  const savedIndent = ctx.indent;
  try {
    if (formatter === noEntries) {
      // Only the keys: the array gets its final size at once.
      output = new Array(keys.length);
      for (let i = 0; i < keys.length; i++) {
        output[i] = formatEntry(ctx, value, level, keys[i], entryKind);
      }
    } else {
      output = formatter(ctx, value, level, braces);
      for (let i = 0; i < keys.length; i++) {
        output.push(formatEntry(ctx, value, level, keys[i], entryKind));
      }
    }
    if (inheritedEntries !== undefined) output.push(...inheritedEntries);
  } catch (err) {
    if (!isStackOverflowError(err)) throw err;
    ctx.seen.pop();
    ctx.indent = savedIndent;
    const name = typePrefix(constructor, tag, 'Object').slice(0, -1);
    return ctx.stylize(`[${name}: Inspection interrupted prematurely. ` +
                       'Maximum call stack size exceeded.]', 'special');
  }

  if (ctx.circular !== undefined) {
    const index = ctx.circular.get(value);
    if (index !== undefined) {
      const reference = ctx.stylize(`<ref *${index}>`, 'special');
      if (ctx.compact !== true) {
        base = base === '' ? reference : `${reference} ${base}`;
      } else {
        braces[0] = `${reference} ${braces[0]}`;
      }
    }
  }
  ctx.seen.pop();

  if (ctx.sorted) {
    const comparator = ctx.sorted === true ? undefined : ctx.sorted;
    if (entryKind === kPlainEntries) {
      output.sort(comparator);
    } else if (keys.length > 1) {
      // Only the named extras are sorted; array items keep their order.
      const extras = output.slice(output.length - keys.length).sort(comparator);
      output.splice(output.length - keys.length, keys.length, ...extras);
    }
  }

  const res = layoutEntries(ctx, output, base, braces, entryKind,
                            level, value);
  // Stop descending once an enormous amount of text has been produced, so
  // that huge structures cannot take the process down.
  // (The total per indentation; reads stay inside the array, where the
  // engine's optimized code does not have to give up.)
  const budgets = ctx.budget;
  const indent = ctx.indent;
  let budget = res.length;
  if (indent < budgets.length) budget += budgets[indent] || 0;
  budgets[indent] = budget;
  if (budget > 2 ** 27) ctx.depth = -1;
  return res;
}

// The address a native External wraps, when the binding can tell it.
function formatExternal(ctx, value) {
  const { getExternalValue } = utilBinding;
  if (typeof getExternalValue !== 'function') {
    return ctx.stylize('[External]', 'special');
  }
  const address = getExternalValue(value).toString(16);
  return ctx.stylize(`[External: ${address}]`, 'special');
}

function isStackOverflowError(err) {
  return err instanceof RangeError &&
    err.message === 'Maximum call stack size exceeded';
}

function iteratorBraces(type, tag) {
  if (tag !== `${type} Iterator`) {
    if (tag !== '') tag += '] [';
    tag += `${type} Iterator`;
  }
  return [`[${tag}] {`, '}'];
}

function isError(value) {
  return types.isNativeError(value) || isInstanceof(value, Error);
}

// "[Function: f]", "[AsyncGeneratorFunction (anonymous)]", "[class A]" ...
function functionHeader(value, constructor, tag) {
  const source = functionToString(value);
  if (source.startsWith('class') && source.endsWith('}')) {
    // Comments may sit between `class` and the body; a `(` before the body
    // means the source only starts with the word (a method named class).
    const head = source.slice(5, -1).replace(/\/\/.*?\n|\/\*[^]*?\*\//g, ' ');
    const brace = head.indexOf('{');
    if (brace !== -1 && !head.slice(0, brace).includes('(') &&
        /^\s/.test(head)) {
      return classHeader(value, constructor, tag);
    }
  }
  let type = 'Function';
  if (types.isGeneratorFunction(value)) type = `Generator${type}`;
  if (types.isAsyncFunction(value)) type = `Async${type}`;
  let base = `[${type}`;
  if (constructor === null) base += ' (null prototype)';
  if (value.name === '') {
    base += ' (anonymous)';
  } else {
    base += `: ${value.name}`;
  }
  base += ']';
  if (constructor !== type && constructor !== null) base += ` ${constructor}`;
  if (tag !== '' && constructor !== tag) base += ` [${tag}]`;
  return base;
}

function classHeader(value, constructor, tag) {
  const name = (hasOwn(value, 'name') && value.name) || '(anonymous)';
  let base = `class ${name}`;
  if (constructor !== 'Function' && constructor !== null) {
    base += ` [${constructor}]`;
  }
  if (tag !== '' && constructor !== tag) base += ` [${tag}]`;
  if (constructor !== null) {
    const superName = Object.getPrototypeOf(value).name;
    if (superName) base += ` extends ${superName}`;
  } else {
    base += ' extends [null prototype]';
  }
  return `[${base}]`;
}

// "[Number: 3]", "[String (MyString): 'x']", "[Symbol: Symbol(a)] [tag]" ...
function boxedHeader(value, ctx, keys, constructor, tag) {
  let type;
  if (types.isNumberObject(value)) {
    type = 'Number';
  } else if (types.isStringObject(value)) {
    type = 'String';
    // The character indices are already part of the printed value.
    keys.splice(0, value.length);
  } else if (types.isBooleanObject(value)) {
    type = 'Boolean';
  } else if (types.isBigIntObject(value)) {
    type = 'BigInt';
  } else {
    type = 'Symbol';
  }
  let base = `[${type}`;
  if (type !== constructor) {
    base += constructor === null ? ' (null prototype)' : ` (${constructor})`;
  }
  const primitive = boxedValueOf[type](value);
  base += `: ${formatPrimitive(stylizeNoColor, primitive, ctx)}]`;
  if (tag !== '' && tag !== constructor) base += ` [${tag}]`;
  if (keys.length !== 0 || ctx.stylize === stylizeNoColor) return base;
  return ctx.stylize(base, type.toLowerCase());
}

/*
 * Errors.
 */

function stackOf(err) {
  return err.stack ? String(err.stack) : errorToString(err);
}

// Keys whose value the stack already shows are not listed again.
function dropKeysShownInStack(ctx, keys, err, stack) {
  if (ctx.showHidden || keys.length === 0) return;
  for (const name of ['name', 'message', 'stack']) {
    const index = keys.indexOf(name);
    if (index !== -1 && stack.includes(err[name])) keys.splice(index, 1);
  }
}

// Makes the first line of the stack name the real class: an error of class
// Foo whose stack says "Error: x" prints as "Foo [Error]: x".
function nameStackHeader(stack, constructor, name, tag) {
  let len = name.length;
  if (constructor === null ||
      (name.endsWith('Error') && stack.startsWith(name) &&
       (stack.length === len || stack[len] === ':' || stack[len] === '\n'))) {
    let fallback = 'Error';
    if (constructor === null) {
      const start =
        /^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n\s+at)/.exec(stack) ||
        /^([a-z_A-Z0-9-]*Error)$/.exec(stack);
      fallback = (start && start[1]) || '';
      len = fallback.length;
      fallback = fallback || 'Error';
    }
    const prefix = typePrefix(constructor, tag, fallback).slice(0, -1);
    if (name !== prefix) {
      if (prefix.includes(name)) {
        if (len === 0) {
          stack = `${prefix}: ${stack}`;
        } else {
          stack = `${prefix}${stack.slice(len)}`;
        }
      } else {
        stack = `${prefix} [${name}]${stack.slice(len)}`;
      }
    }
  }
  return stack;
}

// Finds a run of more than three equal lines shared by two stacks: returns
// its length and where it starts in `a`.
function findSharedRun(a, b) {
  for (let i = 0; i < a.length - 3; i++) {
    const pos = b.indexOf(a[i]);
    if (pos === -1) continue;
    const rest = b.length - pos;
    if (rest <= 3) continue;
    const maxLen = Math.min(a.length - i, rest);
    let len = 1;
    while (len < maxLen && a[i + len] === b[pos + len]) len++;
    if (len > 3) return { len, offset: i };
  }
  return { len: 0, offset: 0 };
}

// The frames of an error's stack; frames it shares with its cause are
// folded into one line.
function foldCauseFrames(ctx, err, stack) {
  const frames = stack.split('\n');
  let cause;
  try {
    ({ cause } = err);
  } catch {
    // A throwing getter leaves the frames as they are.
  }
  if (cause != null && isError(cause)) {
    const causeStack = stackOf(cause);
    const start = causeStack.indexOf('\n    at');
    if (start !== -1) {
      const causeFrames = causeStack.slice(start + 1).split('\n');
      const { len, offset } = findSharedRun(frames, causeFrames);
      if (len > 0) {
        const skipped = len - 2;
        const msg = `    ... ${skipped} lines matching cause stack trace ...`;
        frames.splice(offset + 1, skipped, ctx.stylize(msg, 'undefined'));
      }
    }
  }
  return frames;
}

const kCoreFrame = /^ {4}at (?:[^/\\(]+ \(|)node:(.+):\d+:\d+\)?$/;
const kNodeModule = /[/\\]node_modules[/\\](.+?)(?=[/\\])/g;

function underlineNodeModules(ctx, line) {
  let out = '';
  let pos = 0;
  kNodeModule.lastIndex = 0;
  let m;
  while ((m = kNodeModule.exec(line)) !== null) {
    // Keep the "/node_modules/" part and underline the package name.
    out += line.slice(pos, m.index + 14);
    out += ctx.stylize(m[1], 'module');
    pos = m.index + m[0].length;
  }
  return pos === 0 ? line : out + line.slice(pos);
}

// Greys out the working directory part of a frame's location (with its
// opening parenthesis and the separator after it, and the closing
// parenthesis), so that the file names stand out.
function greyCwd(ctx, line, cwd) {
  let at = line.indexOf(cwd);
  if (at === -1) return line;
  let cwdLength = cwd.length;
  if (line.slice(at - 7, at) === 'file://') {
    at -= 7;
    cwdLength += 7;
  }
  const start = line[at - 1] === '(' ? at - 1 : at;
  const end = start !== at && line.endsWith(')') ? -1 : line.length;
  const cwdEnd = at + cwdLength + 1;
  let out = line.slice(0, start);
  out += ctx.stylize(line.slice(start, cwdEnd), 'undefined');
  out += line.slice(cwdEnd, end);
  if (end === -1) out += ctx.stylize(')', 'undefined');
  return out;
}

function safeCwd() {
  try {
    return process.cwd();
  } catch {
    return undefined;
  }
}

let hasBuiltin;
// Whether `id` names one of the runtime's own modules.
function isBuiltinId(id) {
  if (hasBuiltin === undefined) {
    try {
      ({ hasBuiltin } = internalBinding('builtins'));
    } catch {
      hasBuiltin = () => true;
    }
  }
  return hasBuiltin(id);
}

// Colors the frames: runtime-internal ones grey, package names underlined,
// the working directory faded.
function colorFrame(ctx, line, cwd) {
  const core = kCoreFrame.exec(line);
  if (core !== null && isBuiltinId(core[1])) {
    return ctx.stylize(line, 'undefined');
  }
  line = underlineNodeModules(ctx, line);
  if (cwd !== undefined) {
    let marked = greyCwd(ctx, line, cwd);
    if (marked === line) {
      marked = greyCwd(ctx, line, `file://${encodeURI(cwd)}`);
    }
    line = marked;
  }
  return line;
}

function formatError(err, constructor, tag, ctx, keys) {
  const name = err.name != null ? String(err.name) : 'Error';
  let stack = stackOf(err);
  dropKeysShownInStack(ctx, keys, err, stack);

  if ('cause' in err && !keys.includes('cause')) keys.push('cause');
  // The errors of an AggregateError.
  if (Array.isArray(err.errors) && !keys.includes('errors')) {
    keys.push('errors');
  }

  stack = nameStackHeader(stack, constructor, name, tag);

  // The frames start after the message, which may itself contain "at".
  let pos = (err.message && stack.indexOf(err.message)) || -1;
  if (pos !== -1) pos += err.message.length;
  const stackStart = stack.indexOf('\n    at', pos);
  if (stackStart === -1) {
    // No frames: bracket it like other special values.
    stack = `[${stack}]`;
  } else {
    const frames = foldCauseFrames(ctx, err, stack.slice(stackStart + 1));
    let head = stack.slice(0, stackStart);
    if (ctx.colors) {
      const cwd = safeCwd();
      for (const line of frames) head += `\n${colorFrame(ctx, line, cwd)}`;
    } else {
      head += `\n${frames.join('\n')}`;
    }
    stack = head;
  }

  if (ctx.indent !== 0) {
    stack = stack.replaceAll('\n', `\n${' '.repeat(ctx.indent)}`);
  }
  return stack;
}

/*
 * Primitives.
 */

// Inserts "_" every three digits from the right: 1234567 -> 1_234_567.
function addNumericSeparator(digits) {
  const start = digits.startsWith('-') ? 1 : 0;
  let out = '';
  let i = digits.length;
  for (; i >= start + 4; i -= 3) out = `_${digits.slice(i - 3, i)}${out}`;
  return i === digits.length ? digits : `${digits.slice(0, i)}${out}`;
}

// The same for a fraction, grouping from the left: 1234567 -> 123_456_7.
function addNumericSeparatorEnd(digits) {
  let out = '';
  let i = 0;
  for (; i < digits.length - 3; i += 3) out += `${digits.slice(i, i + 3)}_`;
  return i === 0 ? digits : `${out}${digits.slice(i)}`;
}

function formatNumber(fn, number, numericSeparator) {
  if (!numericSeparator) {
    if (Object.is(number, -0)) return fn('-0', 'number');
    return fn(`${number}`, 'number');
  }
  const integer = Math.trunc(number);
  const intString = String(integer);
  if (integer === number) {
    if (!Number.isFinite(number) || intString.includes('e')) {
      return fn(intString, 'number');
    }
    return fn(addNumericSeparator(intString), 'number');
  }
  if (Number.isNaN(number)) return fn(intString, 'number');
  const fraction = String(number).slice(intString.length + 1);
  return fn(`${addNumericSeparator(intString)}.` +
            addNumericSeparatorEnd(fraction), 'number');
}

function formatBigInt(fn, bigint, numericSeparator) {
  const digits = String(bigint);
  if (!numericSeparator) return fn(`${digits}n`, 'bigint');
  return fn(`${addNumericSeparator(digits)}n`, 'bigint');
}

function formatPrimitive(fn, value, ctx) {
  switch (typeof value) {
    case 'string': {
      let trailer = '';
      if (value.length > ctx.maxStringLength) {
        const remaining = value.length - ctx.maxStringLength;
        value = value.slice(0, ctx.maxStringLength);
        trailer = `... ${remaining} more character${remaining > 1 ? 's' : ''}`;
      }
      // Long strings are split after each newline, one quoted piece a line.
      if (ctx.compact !== true && value.length > kMinLineWidth &&
          value.length > ctx.breakLength - ctx.indent - 4) {
        const pieces = value.split(/(?<=\n)/);
        const glue = ` +\n${' '.repeat(ctx.indent + 2)}`;
        return pieces.map((line) => fn(quoteString(line), 'string'))
          .join(glue) + trailer;
      }
      return fn(quoteString(value), 'string') + trailer;
    }
    case 'number':
      return formatNumber(fn, value, ctx.numericSeparator);
    case 'bigint':
      return formatBigInt(fn, value, ctx.numericSeparator);
    case 'boolean':
      return fn(`${value}`, 'boolean');
    case 'undefined':
      return fn('undefined', 'undefined');
    default:
      return fn(symbolToString(value), 'symbol');
  }
}

/*
 * Entries of the different kinds of containers. Each returns an array of
 * printed entries; layoutEntries lays them out.
 */

function noEntries() {
  return [];
}

function pluralItems(n) {
  return `${n} more item${n > 1 ? 's' : ''}`;
}

function formatArray(ctx, value, level) {
  const length = value.length;
  const max = Math.min(Math.max(0, ctx.maxArrayLength), length);
  const output = [];
  for (let i = 0; i < max; i++) {
    if (!hasOwn(value, i)) {
      return formatSparseArray(ctx, value, level, max, output, i);
    }
    output.push(formatEntry(ctx, value, level, i, kArrayItems));
  }
  if (length > max) output.push(`... ${pluralItems(length - max)}`);
  return output;
}

function isIndexKey(key) {
  // Canonical array indices: "0", "17", never "01" or "4294967295".
  return /^(?:0|[1-9]\d*)$/.test(key) && Number(key) < 2 ** 32 - 1;
}

// Arrays with holes: runs of missing items are printed as one entry,
// "<3 empty items>", and count as one entry against maxArrayLength.
function formatSparseArray(ctx, value, level, max, output, next) {
  const keys = Object.keys(value);
  for (let k = next; k < keys.length && output.length < max; k++) {
    const key = keys[k];
    if (!isIndexKey(key)) break;
    const index = Number(key);
    if (index !== next) {
      const gap = index - next;
      output.push(ctx.stylize(`<${gap} empty item${gap > 1 ? 's' : ''}>`,
                              'undefined'));
      next = index;
      if (output.length === max) break;
    }
    output.push(formatEntry(ctx, value, level, key, kArrayItems));
    next++;
  }
  const remaining = value.length - next;
  if (output.length !== max) {
    if (remaining > 0) {
      output.push(ctx.stylize(
        `<${remaining} empty item${remaining > 1 ? 's' : ''}>`, 'undefined'));
    }
  } else if (remaining > 0) {
    output.push(`... ${pluralItems(remaining)}`);
  }
  return output;
}

// `length` is the real element count; the element kind, the remainder and
// the showHidden entries go through the properties, which own properties
// may shadow, as in Node.
function formatTypedArray(ctx, value, level, length) {
  const max = Math.min(Math.max(0, ctx.maxArrayLength), length);
  const output = new Array(max);
  const format = value.length > 0 && typeof value[0] === 'number' ?
    formatNumber : formatBigInt;
  for (let i = 0; i < max; i++) {
    output[i] = format(ctx.stylize, value[i], ctx.numericSeparator);
  }
  const remaining = value.length - max;
  if (remaining > 0) output.push(`... ${pluralItems(remaining)}`);
  if (ctx.showHidden) {
    // Shown like hidden keys; the buffer is printed without its contents.
    ctx.indent += 2;
    for (const key of ['BYTES_PER_ELEMENT', 'length', 'byteLength',
                       'byteOffset', 'buffer']) {
      const str = formatValue(ctx, value[key], level, true);
      output.push(`[${key}]: ${str}`);
    }
    ctx.indent -= 2;
  }
  return output;
}

function formatArrayBuffer(ctx, value) {
  let bytes;
  try {
    bytes = new Uint8Array(value);
  } catch {
    return [ctx.stylize('(detached)', 'special')];
  }
  const shown = Math.min(ctx.maxArrayLength, bytes.length);
  let str = '';
  for (let i = 0; i < shown; i++) {
    str += (i === 0 ? '' : ' ') + hex(bytes[i], 2, false);
  }
  const remaining = bytes.length - ctx.maxArrayLength;
  if (remaining > 0) {
    str += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
  }
  return [`${ctx.stylize('[Uint8Contents]', 'special')}: <${str}>`];
}

function formatSet(ctx, value, level) {
  const output = [];
  ctx.indent += 2;
  for (const item of setValues(value)) {
    output.push(formatValue(ctx, item, level));
  }
  ctx.indent -= 2;
  return output;
}

function formatMap(ctx, value, level) {
  const output = [];
  ctx.indent += 2;
  for (const { 0: k, 1: v } of mapEntries(value)) {
    output.push(`${formatValue(ctx, k, level)} => ` +
                formatValue(ctx, v, level));
  }
  ctx.indent -= 2;
  return output;
}

// Set-like entries (a flat list) of iterators and weak sets. Weak entries
// have no stable order, so they are sorted to keep the output stable.
function formatListEntries(ctx, level, entries, weak) {
  const max = Math.min(Math.max(ctx.maxArrayLength, 0), entries.length);
  const output = new Array(max);
  ctx.indent += 2;
  for (let i = 0; i < max; i++) {
    output[i] = formatValue(ctx, entries[i], level);
  }
  ctx.indent -= 2;
  if (weak && !ctx.sorted) output.sort();
  const remaining = entries.length - max;
  if (remaining > 0) output.push(`... ${pluralItems(remaining)}`);
  return output;
}

// Key/value entries (flat: k1, v1, k2, v2 ...) of iterators and weak maps.
function formatPairEntries(ctx, level, entries, weak) {
  const pairs = entries.length / 2;
  const max = Math.min(Math.max(ctx.maxArrayLength, 0), pairs);
  const output = new Array(max);
  ctx.indent += 2;
  for (let i = 0; i < max; i++) {
    const k = formatValue(ctx, entries[2 * i], level);
    const v = formatValue(ctx, entries[2 * i + 1], level);
    if (weak) {
      output[i] = `${k} => ${v}`;
    } else {
      output[i] = layoutEntries(ctx, [k, v], '', ['[', ']'],
                                kArrayExtras, level);
    }
  }
  ctx.indent -= 2;
  if (weak && !ctx.sorted) output.sort();
  const remaining = pairs - max;
  if (remaining > 0) output.push(`... ${pluralItems(remaining)}`);
  return output;
}

function formatIterator(ctx, value, level, braces) {
  const { 0: entries, 1: isKeyValue } = previewEntries(value, true);
  if (isKeyValue) {
    braces[0] = braces[0].replace(/ Iterator] \{$/, ' Entries] {');
    return formatPairEntries(ctx, level, entries, false);
  }
  return formatListEntries(ctx, level, entries, false);
}

function formatWeakCollection(ctx) {
  return [ctx.stylize('<items unknown>', 'special')];
}

function formatWeakSet(ctx, value, level) {
  return formatListEntries(ctx, level, previewEntries(value), true);
}

function formatWeakMap(ctx, value, level) {
  return formatPairEntries(ctx, level, previewEntries(value), true);
}

function formatPromise(ctx, value, level) {
  const { 0: state, 1: result } = getPromiseDetails(value);
  if (state === kPending) return [ctx.stylize('<pending>', 'special')];
  ctx.indent += 2;
  const str = formatValue(ctx, result, level);
  ctx.indent -= 2;
  return [state === kRejected ?
    `${ctx.stylize('<rejected>', 'special')} ${str}` : str];
}

function formatNamespaceObject(keys, ctx, value, level) {
  const output = new Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    try {
      output[i] = formatEntry(ctx, value, level, keys[i],
                              kPlainEntries);
    } catch (err) {
      if (!(err instanceof ReferenceError)) throw err;
      // A binding still in its temporal dead zone.
      const name = formatKey(ctx, keys[i], { enumerable: true });
      output[i] = `${name}: ${ctx.stylize('<uninitialized>', 'special')}`;
    }
  }
  // The keys were printed here already.
  keys.length = 0;
  return output;
}

/*
 * Properties.
 */

// Keys printed without quotes: /^[a-zA-Z_][a-zA-Z_0-9]*$/, tested a
// character at a time, which is much cheaper than a match for short keys.
function isIdentifierKey(key) {
  const length = key.length;
  if (length === 0) return false;
  for (let i = 0; i < length; i++) {
    const code = key.charCodeAt(i);
    if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) ||
        code === 95 || (code >= 48 && code <= 57 && i !== 0)) {
      continue;
    }
    return false;
  }
  return true;
}

function formatKey(ctx, key, desc) {
  // Names shown in brackets are escaped as if single-quoted, but unquoted.
  if (typeof key === 'symbol') {
    const name = escapeString(symbolToString(key), 39);
    return `[${ctx.stylize(name, 'symbol')}]`;
  }
  if (key === '__proto__') return "['__proto__']";
  if (desc.enumerable === false) return `[${escapeString(key, 39)}]`;
  if (isIdentifierKey(key)) return ctx.stylize(key, 'name');
  return ctx.stylize(quoteString(key), 'string');
}

function formatEntry(ctx, value, level, key, type, desc,
                     original = value) {
  let str;
  let sep = ' ';
  desc = desc || Object.getOwnPropertyDescriptor(value, key) ||
    { value: value[key], enumerable: true };
  if (desc.value !== undefined) {
    // The old compact mode lines values up after "key: ".
    const diff = (ctx.compact !== true || type !== kPlainEntries) ? 2 : 3;
    ctx.indent += diff;
    str = formatValue(ctx, desc.value, level);
    if (diff === 3 && ctx.breakLength < getStringWidth(str, ctx.colors)) {
      sep = `\n${' '.repeat(ctx.indent)}`;
    }
    ctx.indent -= diff;
  } else if (desc.get !== undefined) {
    const label = desc.set !== undefined ? 'Getter/Setter' : 'Getter';
    const s = ctx.stylize;
    const getters = ctx.getters;
    if (getters && (getters === true ||
                    (getters === 'get' && desc.set === undefined) ||
                    (getters === 'set' && desc.set !== undefined))) {
      try {
        const got = desc.get.call(original);
        ctx.indent += 2;
        if (got === null) {
          str = `${s(`[${label}:`, 'special')} ${s('null', 'null')}` +
            s(']', 'special');
        } else if (typeof got === 'object') {
          str = `${s(`[${label}]`, 'special')} ` +
            formatValue(ctx, got, level);
        } else {
          str = `${s(`[${label}:`, 'special')} ` +
            `${formatPrimitive(s, got, ctx)}${s(']', 'special')}`;
        }
        ctx.indent -= 2;
      } catch (err) {
        const message = `<Inspection threw (${err.message})>`;
        str = `${s(`[${label}:`, 'special')} ${message}${s(']', 'special')}`;
      }
    } else {
      str = s(`[${label}]`, 'special');
    }
  } else if (desc.set !== undefined) {
    str = ctx.stylize('[Setter]', 'special');
  } else {
    str = ctx.stylize('undefined', 'undefined');
  }
  if (type === kArrayItems) return str;
  if (sep === ' ') return `${formatKey(ctx, key, desc)}: ${str}`;
  return `${formatKey(ctx, key, desc)}:${sep}${str}`;
}

/*
 * Layout.
 */

// Whether the entries fit on one line of breakLength columns. `start` is the
// width already taken before the first entry.
function fitsOnOneLine(ctx, output, start, base) {
  let total = output.length + start;
  if (total + output.length > ctx.breakLength) return false;
  for (let i = 0; i < output.length; i++) {
    const entry = output[i];
    total += ctx.colors ? removeColors(entry).length : entry.length;
    if (total > ctx.breakLength) return false;
  }
  // A multi-line base (an error stack) cannot share its line.
  return base === '' || !base.includes('\n');
}

// Arranges many short array items in aligned columns. The number of columns
// aims at a roughly square block (a character being about 2.5 times as high
// as wide), limited by breakLength, by compact * 4 and by 15.
function groupInColumns(ctx, output, value) {
  let count = output.length;
  // The "... more items" entry stays on its own line.
  if (ctx.maxArrayLength < output.length) count--;
  const separatorSpace = 2;
  const widths = new Array(count);
  let totalLength = 0;
  let maxLength = 0;
  for (let i = 0; i < count; i++) {
    const len = getStringWidth(output[i], ctx.colors);
    // One entry too wide for three columns settles it (see below); the
    // remaining entries need not be measured.
    if ((len + separatorSpace) * 3 + ctx.indent >= ctx.breakLength) {
      return output;
    }
    widths[i] = len;
    totalLength += len + separatorSpace;
    if (maxLength < len) maxLength = len;
  }
  const actualMax = maxLength + separatorSpace;
  // Group only when at least three columns fit, and not when a few items
  // are much longer than the others.
  if (actualMax * 3 + ctx.indent >= ctx.breakLength ||
      (totalLength / actualMax <= 5 && maxLength > 6)) {
    return output;
  }
  const averageBias = Math.sqrt(actualMax - totalLength / output.length);
  const biasedMax = Math.max(actualMax - 3 - averageBias, 1);
  const columns = Math.min(
    Math.round(Math.sqrt(2.5 * biasedMax * count) / biasedMax),
    Math.floor((ctx.breakLength - ctx.indent) / actualMax),
    ctx.compact * 4,
    15,
  );
  if (columns <= 1) return output;

  const columnWidths = [];
  for (let c = 0; c < columns; c++) {
    let width = 0;
    for (let j = c; j < output.length; j += columns) {
      if (widths[j] > width) width = widths[j];
    }
    columnWidths.push(width + separatorSpace);
  }
  // Numbers are right-aligned, anything else left-aligned.
  let alignRight = true;
  if (value !== undefined) {
    for (let i = 0; i < output.length; i++) {
      if (typeof value[i] !== 'number' && typeof value[i] !== 'bigint') {
        alignRight = false;
        break;
      }
    }
  }
  const grouped = [];
  for (let i = 0; i < count; i += columns) {
    const end = Math.min(i + columns, count);
    let line = '';
    let j = i;
    for (; j < end - 1; j++) {
      // Color codes take no columns, so widen the padding by their length.
      const width = columnWidths[j - i] + output[j].length - widths[j];
      const cell = `${output[j]}, `;
      line += alignRight ? cell.padStart(width, ' ') : cell.padEnd(width, ' ');
    }
    if (alignRight) {
      const width = columnWidths[j - i] + output[j].length - widths[j] -
        separatorSpace;
      line += output[j].padStart(width, ' ');
    } else {
      line += output[j];
    }
    grouped.push(line);
  }
  if (ctx.maxArrayLength < output.length) grouped.push(output[count]);
  return grouped;
}

// Joins with plain concatenation: the engine then builds the result lazily
// instead of copying every nested level into a new flat string, which makes
// a difference for very large outputs.
function joinEntries(output, separator) {
  let str = '';
  for (let i = 0; i < output.length; i++) {
    if (i !== 0) str += separator;
    str += output[i];
  }
  return str;
}

// A line break followed by `indent` spaces, and the same after a comma
// (between entries one per line). The usual ones are kept rather than
// built again for every object printed.
const kLineBreaks = new Array(64);
const kEntryBreaks = new Array(64);
function lineBreak(indent) {
  if (indent >= kLineBreaks.length) return `\n${' '.repeat(indent)}`;
  let str = kLineBreaks[indent];
  if (str === undefined) {
    str = `\n${' '.repeat(indent)}`;
    kLineBreaks[indent] = str;
  }
  return str;
}
function entryBreak(indent) {
  if (indent >= kEntryBreaks.length) return `,${lineBreak(indent)}`;
  let str = kEntryBreaks[indent];
  if (str === undefined) {
    str = `,${lineBreak(indent)}`;
    kEntryBreaks[indent] = str;
  }
  return str;
}

function layoutEntries(ctx, output, base, braces, entryKind,
                       level, value) {
  if (ctx.compact !== true) {
    if (typeof ctx.compact === 'number' && ctx.compact >= 1) {
      const entries = output.length;
      if (entryKind === kArrayExtras && entries > 6) {
        output = groupInColumns(ctx, output, value);
      }
      // Put the object on one line when it fits and does not nest more
      // than `compact` levels of objects inside it.
      if (ctx.lastDepth - level < ctx.compact &&
          entries === output.length) {
        const start = output.length + ctx.indent +
          braces[0].length + base.length + 10;
        if (fitsOnOneLine(ctx, output, start, base)) {
          const joined = joinEntries(output, ', ');
          if (!joined.includes('\n')) {
            return `${base ? `${base} ` : ''}${braces[0]} ${joined} ` +
              braces[1];
          }
        }
      }
    }
    const inner = lineBreak(ctx.indent + 2);
    const body = joinEntries(output, entryBreak(ctx.indent + 2));
    const open = base === '' ? braces[0] : `${base} ${braces[0]}`;
    return open + inner + body + lineBreak(ctx.indent) + braces[1];
  }
  // compact === true: as many entries on a line as fit, aligned under the
  // first one.
  if (fitsOnOneLine(ctx, output, 0, base)) {
    const body = joinEntries(output, ', ');
    return `${braces[0]}${base ? ` ${base}` : ''} ${body} ${braces[1]}`;
  }
  const indentation = ' '.repeat(ctx.indent);
  // A long opening brace ("Set {") would misalign the first entry, so it
  // moves to the next line.
  const ln = base === '' && braces[0].length === 1 ?
    ' ' : `${base ? ` ${base}` : ''}\n${indentation}  `;
  const body = joinEntries(output, `,\n${indentation}  `);
  return `${braces[0]}${ln}${body} ${braces[1]}`;
}

/*
 * Terminal text width.
 */

// Wide (two-column) East Asian characters and emoji.
function isFullWidthCodePoint(code) {
  return code >= 0x1100 && (
    code <= 0x115f ||
    code === 0x2329 || code === 0x232a ||
    (code >= 0x2e80 && code <= 0x3247 && code !== 0x303f) ||
    (code >= 0x3250 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0xa4c6) ||
    (code >= 0xa960 && code <= 0xa97c) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe10 && code <= 0xfe19) ||
    (code >= 0xfe30 && code <= 0xfe6b) ||
    (code >= 0xff01 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1b000 && code <= 0x1b001) ||
    (code >= 0x1f200 && code <= 0x1f251) ||
    (code >= 0x1f300 && code <= 0x1f64f) ||
    (code >= 0x1f900 && code <= 0x1f9ff) ||
    (code >= 0x20000 && code <= 0x3fffd));
}

const kZeroWidth = /[\p{Mn}\p{Me}\p{Cf}]/u;

// Characters that take no column: controls, combining marks, format
// characters such as zero-width joiners, and variation selectors.
function isZeroWidthCodePoint(code, char) {
  return code <= 0x1f || (code >= 0x7f && code <= 0x9f) ||
    kZeroWidth.test(char);
}

const kPrintableAscii = /^[\x20-\x7e]*$/;

// The number of terminal columns `str` takes.
function getStringWidth(str, removeControlChars = true) {
  if (removeControlChars) str = str.replace(kVTControl, '');
  if (kPrintableAscii.test(str)) return str.length;
  str = str.normalize('NFC');
  let width = 0;
  for (const char of str) {
    const code = char.codePointAt(0);
    if (isFullWidthCodePoint(code)) {
      width += 2;
    } else if (!isZeroWidthCodePoint(code, char)) {
      width++;
    }
  }
  return width;
}

// Terminal escape sequences: CSI sequences (ESC [ or the C1 CSI, parameters,
// intermediates, a final byte), OSC strings ended by BEL or ESC \, and
// two-character escapes such as ESC ( B or ESC 7.
const kVTControl = new RegExp(
  '(?:\\u001b\\[|\\u009b)[0-?]*[ -/]*[@-~]|' +
  '\\u001b\\][^\\u0007\\u001b]*(?:\\u0007|\\u001b\\\\)|' +
  '\\u001b[()#][0-9A-Za-z]|' +
  '\\u001b[0-9A-Z\\\\^_`a-z=>@]', 'g');

function stripVTControlCharacters(str) {
  validateString(str, 'str');
  return str.replace(kVTControl, '');
}

/*
 * format().
 */

// Whether `%s` should inspect the object instead of calling String() on it:
// true unless a user-defined toString is found on the way to a built-in one.
function usesBuiltinToString(value) {
  const target = getProxyDetails(value, false);
  if (target !== undefined) {
    if (target === null) return true;
    value = target;
  }
  if (typeof value.toString !== 'function') return true;
  if (hasOwn(value, 'toString')) return false;
  let pointer = value;
  do {
    pointer = Object.getPrototypeOf(pointer);
  } while (!hasOwn(pointer, 'toString'));
  const desc = Object.getOwnPropertyDescriptor(pointer, 'constructor');
  return desc !== undefined && typeof desc.value === 'function' &&
    builtinNames.has(desc.value.name);
}

function tryStringify(arg) {
  try {
    return JSON.stringify(arg);
  } catch (err) {
    if (err instanceof TypeError &&
        String(err.message).startsWith('Converting circular structure')) {
      return '[Circular]';
    }
    throw err;
  }
}

function formatArgs(inspectOptions, args) {
  const first = args[0];
  let a = 0;
  let str = '';
  let join = '';
  // Numbers formatted by %d, %i, %f and %s follow this option too.
  let separator = inspectDefaultOptions.numericSeparator;
  if (inspectOptions && inspectOptions.numericSeparator !== undefined) {
    separator = inspectOptions.numericSeparator;
  }

  if (typeof first === 'string') {
    if (args.length === 1) return first;
    let lastPos = 0;
    for (let i = 0; i < first.length - 1; i++) {
      if (first.charCodeAt(i) !== 37) continue;  // '%'
      const next = first.charCodeAt(++i);
      if (a + 1 === args.length) {
        // Out of arguments: only "%%" still collapses.
        if (next === 37) {
          str += first.slice(lastPos, i);
          lastPos = i + 1;
        }
        continue;
      }
      let piece;
      switch (next) {
        case 115: {  // 's'
          const arg = args[++a];
          if (typeof arg === 'number') {
            piece = formatNumber(stylizeNoColor, arg, separator);
          } else if (typeof arg === 'bigint') {
            piece = formatBigInt(stylizeNoColor, arg, separator);
          } else if (typeof arg !== 'object' || arg === null ||
                     !usesBuiltinToString(arg)) {
            piece = String(arg);
          } else {
            piece = inspect(arg, {
              ...inspectOptions,
              depth: 0,
              colors: false,
              compact: 3,
            });
          }
          break;
        }
        case 106:  // 'j'
          piece = tryStringify(args[++a]);
          break;
        case 100: {  // 'd'
          const arg = args[++a];
          if (typeof arg === 'bigint') {
            piece = formatBigInt(stylizeNoColor, arg, separator);
          } else if (typeof arg === 'symbol') {
            piece = 'NaN';
          } else {
            piece = formatNumber(stylizeNoColor, Number(arg), separator);
          }
          break;
        }
        case 79:  // 'O'
          piece = inspect(args[++a], inspectOptions);
          break;
        case 111:  // 'o'
          piece = inspect(args[++a], {
            ...inspectOptions,
            showHidden: true,
            showProxy: true,
            depth: 4,
          });
          break;
        case 105: {  // 'i'
          const arg = args[++a];
          if (typeof arg === 'bigint') {
            piece = formatBigInt(stylizeNoColor, arg, separator);
          } else if (typeof arg === 'symbol') {
            piece = 'NaN';
          } else {
            piece = formatNumber(stylizeNoColor, Number.parseInt(arg),
                                 separator);
          }
          break;
        }
        case 102: {  // 'f'
          const arg = args[++a];
          piece = typeof arg === 'symbol' ? 'NaN' :
            formatNumber(stylizeNoColor, Number.parseFloat(arg), separator);
          break;
        }
        case 99:  // 'c': CSS is ignored, the argument consumed
          a += 1;
          piece = '';
          break;
        case 37:  // '%'
          str += first.slice(lastPos, i);
          lastPos = i + 1;
          continue;
        default:
          // Not a placeholder: left as it is.
          continue;
      }
      if (lastPos !== i - 1) str += first.slice(lastPos, i - 1);
      str += piece;
      lastPos = i + 1;
    }
    if (lastPos !== 0) {
      a++;
      join = ' ';
      if (lastPos < first.length) str += first.slice(lastPos);
    }
  }

  // Whatever the format string did not consume is appended, strings as
  // they are and anything else inspected.
  while (a < args.length) {
    const value = args[a];
    str += join;
    str += typeof value !== 'string' ? inspect(value, inspectOptions) : value;
    join = ' ';
    a++;
  }
  return str;
}

function format(...args) {
  return formatArgs(undefined, args);
}

function formatWithOptions(inspectOptions, ...args) {
  validateObject(inspectOptions, 'inspectOptions', { allowArray: true });
  return formatArgs(inspectOptions, args);
}

module.exports = {
  inspect,
  inspectDefaultOptions,
  format,
  formatWithOptions,
  getStringWidth,
  stripVTControlCharacters,
  stylizeWithColor,
  stylizeNoColor,
  isError,
};
