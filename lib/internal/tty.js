// How many colors a terminal shows, guessed from the environment the way
// Node 18 guesses it: an explicit FORCE_COLOR, then the variables that
// turn colors off, then what CI services, terminal programs and TERM say.
'use strict';

const { validateInteger } = require('internal/validators');

// Bits of color: 1 (2 colors), 4 (16), 8 (256), 24 (16 million).
const kTermDepths = {
  __proto__: null,
  'eterm': 4,
  'cons25': 4,
  'console': 4,
  'cygwin': 4,
  'dtterm': 4,
  'gnome': 4,
  'hurd': 4,
  'jfbterm': 4,
  'konsole': 4,
  'kterm': 4,
  'mlterm': 4,
  'mosh': 24,
  'putty': 4,
  'st': 4,
  'rxvt-unicode-24bit': 24,
  'terminator': 24,
};
const kTermPatterns = [
  /ansi/, /color/, /linux/, /^con[0-9]*x[0-9]/, /^rxvt/, /^screen/,
  /^xterm/, /^vt100/,
];
const kCiWith256 = [
  'APPVEYOR', 'BUILDKITE', 'CIRCLECI', 'DRONE', 'GITHUB_ACTIONS',
  'GITLAB_CI', 'TRAVIS',
];

let warnedIgnored = false;

function forcedDepth(env) {
  // FORCE_COLOR wins over NO_COLOR and NODE_DISABLE_COLORS; say so once.
  if (!warnedIgnored) {
    const ignored = env.NO_COLOR !== undefined ? 'NO_COLOR' :
      env.NODE_DISABLE_COLORS !== undefined ? 'NODE_DISABLE_COLORS' : null;
    if (ignored !== null) {
      warnedIgnored = true;
      process.emitWarning(`The '${ignored}' env is ignored due to the ` +
                          "'FORCE_COLOR' env being set.", 'Warning');
    }
  }
  switch (env.FORCE_COLOR) {
    case '':
    case '1':
    case 'true':
      return 4;
    case '2':
      return 8;
    case '3':
      return 24;
    default:
      return 1;
  }
}

function getColorDepth(env = process.env) {
  if (env.FORCE_COLOR !== undefined) return forcedDepth(env);
  if (env.NODE_DISABLE_COLORS !== undefined || env.NO_COLOR !== undefined ||
      env.TERM === 'dumb') {
    return 1;
  }
  if (env.TMUX) return 8;
  if (env.CI) {
    if (kCiWith256.some((name) => name in env) || env.CI_NAME === 'codeship')
      return 8;
    return 1;
  }
  if ('TEAMCITY_VERSION' in env) {
    return /^(9\.(0*[1-9]\d*)\.|\d{2,}\.)/.test(env.TEAMCITY_VERSION) ? 4 : 1;
  }
  switch (env.TERM_PROGRAM) {
    case 'iTerm.app':
      if (!env.TERM_PROGRAM_VERSION ||
          /^[0-2]\./.test(env.TERM_PROGRAM_VERSION)) {
        return 8;
      }
      return 24;
    case 'HyperTerm':
    case 'MacTerm':
      return 24;
    case 'Apple_Terminal':
      return 8;
  }
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 24;
  if (env.TERM) {
    if (env.TERM.startsWith('xterm-256')) return 8;
    const term = env.TERM.toLowerCase();
    if (kTermDepths[term] !== undefined) return kTermDepths[term];
    if (kTermPatterns.some((re) => re.test(term))) return 4;
  }
  if (env.COLORTERM) return 4;
  return 1;
}

function hasColors(count, env) {
  if (env === undefined &&
      (count === undefined || (typeof count === 'object' && count !== null))) {
    env = count;
    count = 16;
  } else {
    validateInteger(count, 'count', 2);
  }
  return count <= 2 ** getColorDepth(env);
}

module.exports = { getColorDepth, hasColors };
