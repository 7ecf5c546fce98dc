'use strict';

// util.parseArgs(): a command-line parser with Node 18.20's rules.
//
// Arguments are read left to right, each becoming a token: an option
// ("--name", "--name=value", "-n", or a group "-abc" standing for "-a -b
// -c"), a positional, or the "--" that makes everything after it
// positional. A string option takes its value from the same argument
// ("--name=v", "-nv") or else from the next one. Each token is checked
// (strict mode) and stored as it is made; defaults fill what is left.

const {
  codes: {
    ERR_INVALID_ARG_VALUE,
    ERR_PARSE_ARGS_INVALID_OPTION_VALUE,
    ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL,
    ERR_PARSE_ARGS_UNKNOWN_OPTION,
  },
} = require('internal/errors');
const {
  validateArray,
  validateBoolean,
  validateBooleanArray,
  validateObject,
  validateString,
  validateStringArray,
  validateUnion,
} = require('internal/validators');

// Only own properties count, in the configuration and in each option:
// an inherited `type` or `strict` means nothing.
function getOwn(obj, key) {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

// Without `args`, the process's arguments after the executable and the
// script (with -e or -p there is no script).
function defaultArgs() {
  const evaluating = process.execArgv.some((flag) =>
    flag === '-e' || flag === '-p' || flag === '--eval' ||
    flag === '--print' || flag === '-pe' || flag === '-ep' ||
    flag.startsWith('--eval=') || flag.startsWith('--print='));
  return process.argv.slice(evaluating ? 1 : 2);
}

function validateOptions(options) {
  for (const [name, config] of Object.entries(options)) {
    validateObject(config, `options.${name}`);
    const type = getOwn(config, 'type');
    validateUnion(type, `options.${name}.type`, ['string', 'boolean']);
    if (Object.hasOwn(config, 'short')) {
      const short = config.short;
      validateString(short, `options.${name}.short`);
      if (short.length !== 1) {
        throw new ERR_INVALID_ARG_VALUE(`options.${name}.short`, short,
                                        'must be a single character');
      }
    }
    const multiple = getOwn(config, 'multiple');
    if (Object.hasOwn(config, 'multiple')) {
      validateBoolean(multiple, `options.${name}.multiple`);
    }
    const defaultValue = getOwn(config, 'default');
    if (defaultValue !== undefined) {
      const what = `options.${name}.default`;
      if (type === 'string') {
        if (multiple) {
          validateStringArray(defaultValue, what);
        } else {
          validateString(defaultValue, what);
        }
      } else if (multiple) {
        validateBooleanArray(defaultValue, what);
      } else {
        validateBoolean(defaultValue, what);
      }
    }
  }
}

// Starts with a dash and looks like an option: what strict mode refuses
// to take as the value of the option before it.
function isOptionLike(arg) {
  return arg.length > 1 && arg[0] === '-';
}

class Parser {
  constructor(args, options, strict, allowPositionals) {
    this.args = args;
    this.options = options;
    this.strict = strict;
    this.allowPositionals = allowPositionals;
    this.values = { __proto__: null };
    this.positionals = [];
    this.tokens = [];
  }

  config(name) {
    return Object.hasOwn(this.options, name) ? this.options[name] : undefined;
  }

  isStringOption(name) {
    const config = this.config(name);
    return config !== undefined && config.type === 'string';
  }

  // The option a short letter stands for: the first one declaring it, or
  // else the letter itself.
  nameForShort(letter) {
    for (const [name, config] of Object.entries(this.options)) {
      if (getOwn(config, 'short') === letter) return name;
    }
    return letter;
  }

  run() {
    const args = this.args;
    for (let i = 0; i < args.length; i++) {
      const arg = args[i];
      if (typeof arg !== 'string') {
        this.positional(i, arg);
      } else if (arg === '--') {
        this.tokens.push({ kind: 'option-terminator', index: i });
        for (let j = i + 1; j < args.length; j++) this.positional(j, args[j]);
        break;
      } else if (arg.length >= 2 && arg[0] === '-' && arg[1] !== '-') {
        i = this.shortOptions(arg, i);
      } else if (arg.length > 2 && arg.startsWith('--')) {
        const eq = arg.indexOf('=');
        if (eq > 2) {
          this.option(arg.slice(2, eq), arg.slice(0, eq), i, arg.slice(eq + 1),
                      true);
        } else {
          i = this.optionWithNext(arg.slice(2), arg, i);
        }
      } else {
        this.positional(i, arg);
      }
    }
    for (const [name, config] of Object.entries(this.options)) {
      const defaultValue = getOwn(config, 'default');
      if (defaultValue !== undefined && this.values[name] === undefined) {
        this.values[name] = defaultValue;
      }
    }
  }

  // "-a", "-abc", "-nvalue": letters up to the first string option, which
  // takes the rest of the argument, or the next argument when it is last.
  // Returns the index of the last argument used.
  shortOptions(arg, index) {
    for (let k = 1; k < arg.length; k++) {
      const letter = arg[k];
      const name = this.nameForShort(letter);
      if (this.isStringOption(name)) {
        if (k === arg.length - 1) {
          return this.optionWithNext(name, `-${letter}`, index);
        }
        this.option(name, `-${letter}`, index, arg.slice(k + 1), true);
        return index;
      }
      this.option(name, `-${letter}`, index, undefined, undefined);
    }
    return index;
  }

  // An option written alone ("--name", "-n"): a string option takes the
  // next argument, if there is one. Returns the index of the last argument
  // used.
  optionWithNext(name, rawName, index) {
    if (this.isStringOption(name) && index + 1 < this.args.length) {
      const value = this.args[index + 1];
      if (this.strict && typeof value === 'string' && isOptionLike(value)) {
        const long = `--${name}=-XYZ`;
        const how = rawName.startsWith('--') ? `'${long}'` :
          `'${long}' or '${rawName}-XYZ'`;
        throw new ERR_PARSE_ARGS_INVALID_OPTION_VALUE(
          `Option '${rawName}' argument is ambiguous.\n` +
          `Did you forget to specify the option argument for '${rawName}'?\n` +
          `To specify an option argument starting with a dash use ${how}.`);
      }
      this.option(name, rawName, index, value, false);
      return index + 1;
    }
    this.option(name, rawName, index, undefined, undefined);
    return index;
  }

  option(name, rawName, index, value, inlineValue) {
    this.tokens.push({ kind: 'option', name, rawName, index, value,
                       inlineValue });
    const config = this.config(name);
    if (this.strict) {
      if (config === undefined) {
        throw new ERR_PARSE_ARGS_UNKNOWN_OPTION(rawName,
                                                this.allowPositionals);
      }
      const short = getOwn(config, 'short');
      const shown = short !== undefined ? `-${short}, --${name}` :
        `--${name}`;
      if (config.type === 'string' && typeof value !== 'string') {
        throw new ERR_PARSE_ARGS_INVALID_OPTION_VALUE(
          `Option '${shown} <value>' argument missing`);
      }
      if (config.type === 'boolean' && value !== undefined) {
        throw new ERR_PARSE_ARGS_INVALID_OPTION_VALUE(
          `Option '${shown}' does not take an argument`);
      }
    }
    // Values live in a null-prototype object; a key of __proto__ would
    // still confuse its readers, so it is dropped.
    if (name === '__proto__') return;
    const stored = value === undefined ? true : value;
    if (config !== undefined && getOwn(config, 'multiple')) {
      if (this.values[name] === undefined) this.values[name] = [];
      this.values[name].push(stored);
    } else {
      this.values[name] = stored;
    }
  }

  positional(index, value) {
    this.tokens.push({ kind: 'positional', index, value });
    if (!this.allowPositionals) {
      throw new ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL(value);
    }
    this.positionals.push(value);
  }
}

function parseArgs(config = {}) {
  const args = getOwn(config, 'args') ?? defaultArgs();
  const strict = getOwn(config, 'strict') ?? true;
  const allowPositionals = getOwn(config, 'allowPositionals') ?? !strict;
  const returnTokens = getOwn(config, 'tokens') ?? false;
  const options = getOwn(config, 'options') ?? {};
  validateArray(args, 'args');
  validateBoolean(strict, 'strict');
  validateBoolean(allowPositionals, 'allowPositionals');
  validateBoolean(returnTokens, 'tokens');
  validateObject(options, 'options');
  validateOptions(options);

  const parser = new Parser(args, options, strict, allowPositionals);
  parser.run();
  const result = { values: parser.values, positionals: parser.positionals };
  if (returnTokens) result.tokens = parser.tokens;
  return result;
}

module.exports = { parseArgs };
