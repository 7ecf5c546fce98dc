'use strict';

// POSIX and Windows path manipulation. Everything here is string work;
// only resolve() looks at the process (its current directory).

const { validateObject, validateString } = require('internal/validators');

const CHAR_DOT = 46;
const CHAR_FORWARD_SLASH = 47;
const CHAR_BACKWARD_SLASH = 92;
const CHAR_COLON = 58;

function isPosixSep(code) {
  return code === CHAR_FORWARD_SLASH;
}

function isWinSep(code) {
  return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
}

function isDriveLetter(code) {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

// True when `path` starts with a drive designator such as "C:".
function hasDrive(path) {
  return path.length >= 2 && isDriveLetter(path.charCodeAt(0)) &&
         path.charCodeAt(1) === CHAR_COLON;
}

// Collapse "." and ".." segments of a path that has no root. With
// allowAboveRoot, leading ".." segments that cannot be cancelled are kept;
// otherwise they are dropped. Empty segments disappear. The result has no
// leading or trailing separator.
function normalizeSegments(path, allowAboveRoot, sep, isSep) {
  const out = [];
  let segStart = 0;
  for (let i = 0; i <= path.length; i++) {
    if (i < path.length && !isSep(path.charCodeAt(i))) continue;
    const seg = path.slice(segStart, i);
    segStart = i + 1;
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') {
        out.pop();
      } else if (allowAboveRoot) {
        out.push('..');
      }
      continue;
    }
    out.push(seg);
  }
  return out.join(sep);
}

// The extension of a final path segment: from its last dot, unless the
// dot starts the segment (".bashrc") or the segment is "..".
function extOf(base) {
  const dot = base.lastIndexOf('.');
  if (dot <= 0 || base === '..') return '';
  return base.slice(dot);
}

// Locate the last segment of path[start..]: returns [begin, end) with
// trailing separators skipped, or null when there is no segment.
function lastSegment(path, start, isSep) {
  let end = path.length;
  while (end > start && isSep(path.charCodeAt(end - 1))) end--;
  if (end === start) return null;
  let begin = end;
  while (begin > start && !isSep(path.charCodeAt(begin - 1))) begin--;
  return [begin, end];
}

function basenameFrom(path, start, suffix, isSep) {
  const seg = lastSegment(path, start, isSep);
  const withSuffix = suffix !== undefined && suffix.length > 0 &&
                     suffix.length <= path.length;
  if (withSuffix) {
    // Node's quirks: a suffix equal to the whole path leaves nothing, and
    // a path of only separators comes back unchanged.
    if (suffix === path) return '';
    if (seg === null) return path.slice(start);
  }
  if (seg === null) return '';
  const base = path.slice(seg[0], seg[1]);
  if (withSuffix && suffix !== base && base.endsWith(suffix)) {
    return base.slice(0, base.length - suffix.length);
  }
  return base;
}

function formatPath(sep, pathObject) {
  validateObject(pathObject, 'pathObject');
  const dir = pathObject.dir || pathObject.root;
  const base = pathObject.base ||
    `${pathObject.name || ''}${pathObject.ext || ''}`;
  if (!dir) return base;
  return dir === pathObject.root ? `${dir}${base}` : `${dir}${sep}${base}`;
}

// ---------------------------------------------------------------------------
// POSIX

const posix = {
  resolve(...args) {
    let resolved = '';
    let absolute = false;
    // Walk right to left until an absolute path has been assembled.
    for (let i = args.length - 1; i >= -1 && !absolute; i--) {
      const path = i >= 0 ? args[i] : process.cwd();
      validateString(path, `paths[${i}]`);
      if (path.length === 0) continue;
      resolved = `${path}/${resolved}`;
      absolute = path.charCodeAt(0) === CHAR_FORWARD_SLASH;
    }
    resolved = normalizeSegments(resolved, !absolute, '/', isPosixSep);
    if (absolute) return `/${resolved}`;
    return resolved.length > 0 ? resolved : '.';
  },

  normalize(path) {
    validateString(path, 'path');
    if (path.length === 0) return '.';
    const absolute = path.charCodeAt(0) === CHAR_FORWARD_SLASH;
    const trailingSep =
      path.charCodeAt(path.length - 1) === CHAR_FORWARD_SLASH;
    let out = normalizeSegments(path, !absolute, '/', isPosixSep);
    if (out.length === 0) {
      if (absolute) return '/';
      return trailingSep ? './' : '.';
    }
    if (trailingSep) out += '/';
    return absolute ? `/${out}` : out;
  },

  isAbsolute(path) {
    validateString(path, 'path');
    return path.length > 0 && path.charCodeAt(0) === CHAR_FORWARD_SLASH;
  },

  join(...args) {
    let joined;
    for (const arg of args) {
      validateString(arg, 'path');
      if (arg.length > 0) joined = joined === undefined ? arg
                                                       : `${joined}/${arg}`;
    }
    if (joined === undefined) return '.';
    return posix.normalize(joined);
  },

  relative(from, to) {
    validateString(from, 'from');
    validateString(to, 'to');
    if (from === to) return '';
    from = posix.resolve(from);
    to = posix.resolve(to);
    if (from === to) return '';
    const fromParts = from.split('/').filter((s) => s.length > 0);
    const toParts = to.split('/').filter((s) => s.length > 0);
    let common = 0;
    while (common < fromParts.length && common < toParts.length &&
           fromParts[common] === toParts[common]) {
      common++;
    }
    const ups = new Array(fromParts.length - common).fill('..');
    return ups.concat(toParts.slice(common)).join('/');
  },

  toNamespacedPath(path) {
    // Only meaningful on Windows.
    return path;
  },

  dirname(path) {
    validateString(path, 'path');
    if (path.length === 0) return '.';
    const hasRoot = path.charCodeAt(0) === CHAR_FORWARD_SLASH;
    // Step back over trailing separators and the last segment; the
    // separator before that segment (never the one at index 0) ends the
    // directory.
    let end = path.length;
    while (end > 1 && path.charCodeAt(end - 1) === CHAR_FORWARD_SLASH) end--;
    while (end > 1 && path.charCodeAt(end - 1) !== CHAR_FORWARD_SLASH) end--;
    if (end <= 1) return hasRoot ? '/' : '.';
    const sepIndex = end - 1;
    if (hasRoot && sepIndex === 1) return '//';
    return path.slice(0, sepIndex);
  },

  basename(path, suffix = undefined) {
    if (suffix !== undefined) validateString(suffix, 'ext');
    validateString(path, 'path');
    return basenameFrom(path, 0, suffix, isPosixSep);
  },

  extname(path) {
    validateString(path, 'path');
    const seg = lastSegment(path, 0, isPosixSep);
    if (seg === null) return '';
    return extOf(path.slice(seg[0], seg[1]));
  },

  format: formatPath.bind(null, '/'),

  parse(path) {
    validateString(path, 'path');
    const ret = { root: '', dir: '', base: '', ext: '', name: '' };
    if (path.length === 0) return ret;
    const absolute = path.charCodeAt(0) === CHAR_FORWARD_SLASH;
    const start = absolute ? 1 : 0;
    if (absolute) ret.root = '/';
    const seg = lastSegment(path, start, isPosixSep);
    if (seg === null) {
      // Nothing but separators.
      if (absolute) ret.dir = '/';
      return ret;
    }
    const [begin, end] = seg;
    ret.base = path.slice(begin, end);
    // Node quirk: "/.." parses with ext '.' and name '.'.
    ret.ext = begin === 1 && ret.base === '..' ? '.' : extOf(ret.base);
    ret.name = ret.base.slice(0, ret.base.length - ret.ext.length);
    if (begin > start) {
      ret.dir = path.slice(0, begin - 1);
    } else if (absolute) {
      ret.dir = '/';
    }
    return ret;
  },

  sep: '/',
  delimiter: ':',
  win32: null,
  posix: null,
};

// ---------------------------------------------------------------------------
// Windows

// How a Windows path begins. device: "C:" or "\\server\share" (or '');
// rootEnd: index just past the root; absolute: has a root separator;
// uncOnly: the whole path is a UNC root.
function winRoot(path) {
  const len = path.length;
  const info = { device: '', rootEnd: 0, absolute: false, uncOnly: false };
  if (len === 0) return info;
  const code = path.charCodeAt(0);
  if (isWinSep(code)) {
    info.absolute = true;
    info.rootEnd = 1;
    const unc = /^[\\/]{2}([^\\/]+)[\\/]+([^\\/]+)/.exec(path);
    if (unc !== null) {
      info.device = `\\\\${unc[1]}\\${unc[2]}`;
      info.rootEnd = unc[0].length;
      info.uncOnly = info.rootEnd === len;
    }
  } else if (hasDrive(path)) {
    info.device = path.slice(0, 2);
    info.rootEnd = 2;
    if (len > 2 && isWinSep(path.charCodeAt(2))) {
      info.absolute = true;
      info.rootEnd = 3;
    }
  }
  return info;
}

const win32 = {
  resolve(...args) {
    let device = '';
    let tail = '';
    let absolute = false;

    for (let i = args.length - 1; i >= -1; i--) {
      let path;
      if (i >= 0) {
        path = args[i];
        validateString(path, `paths[${i}]`);
        if (path.length === 0) continue;
      } else if (device.length === 0) {
        path = process.cwd();
      } else {
        // The current directory of that drive, if the environment knows
        // it; fall back to the drive's root when it names another drive.
        path = process.env[`=${device}`] || process.cwd();
        if (path === undefined ||
            (path.slice(0, 2).toLowerCase() !== device.toLowerCase() &&
             path.charCodeAt(2) === CHAR_BACKWARD_SLASH)) {
          path = `${device}\\`;
        }
      }

      const root = winRoot(path);
      if (root.device.length > 0) {
        if (device.length > 0) {
          // A path on some other device does not contribute.
          if (root.device.toLowerCase() !== device.toLowerCase()) continue;
        } else {
          device = root.device;
        }
      }

      if (absolute) {
        if (device.length > 0) break;
      } else {
        tail = `${path.slice(root.rootEnd)}\\${tail}`;
        absolute = root.absolute;
        if (absolute && device.length > 0) break;
      }
    }

    tail = normalizeSegments(tail, !absolute, '\\', isWinSep);
    if (absolute) return `${device}\\${tail}`;
    return `${device}${tail}` || '.';
  },

  normalize(path) {
    validateString(path, 'path');
    const len = path.length;
    if (len === 0) return '.';
    if (len === 1) {
      return path.charCodeAt(0) === CHAR_FORWARD_SLASH ? '\\' : path;
    }
    const root = winRoot(path);
    if (root.uncOnly) return `${root.device}\\`;
    let tail = root.rootEnd < len ?
      normalizeSegments(path.slice(root.rootEnd), !root.absolute, '\\',
                        isWinSep) :
      '';
    if (tail.length === 0 && !root.absolute) tail = '.';
    if (tail.length > 0 && isWinSep(path.charCodeAt(len - 1))) tail += '\\';
    if (root.device.length === 0) {
      return root.absolute ? `\\${tail}` : tail;
    }
    return root.absolute ? `${root.device}\\${tail}` : `${root.device}${tail}`;
  },

  isAbsolute(path) {
    validateString(path, 'path');
    const len = path.length;
    if (len === 0) return false;
    if (isWinSep(path.charCodeAt(0))) return true;
    return len > 2 && hasDrive(path) && isWinSep(path.charCodeAt(2));
  },

  join(...args) {
    if (args.length === 0) return '.';
    let joined;
    let firstPart;
    for (const arg of args) {
      validateString(arg, 'path');
      if (arg.length > 0) {
        if (joined === undefined) {
          joined = firstPart = arg;
        } else {
          joined = `${joined}\\${arg}`;
        }
      }
    }
    if (joined === undefined) return '.';

    // Only a first part that itself starts like a UNC path ("\\server")
    // may produce a leading double separator; otherwise collapse any run
    // of leading separators so normalize() does not see a UNC root.
    const uncStart = firstPart.length > 2 &&
      isWinSep(firstPart.charCodeAt(0)) &&
      isWinSep(firstPart.charCodeAt(1)) &&
      !isWinSep(firstPart.charCodeAt(2));
    if (!uncStart) {
      let n = 0;
      while (n < joined.length && isWinSep(joined.charCodeAt(n))) n++;
      if (n >= 2) joined = `\\${joined.slice(n)}`;
    }
    return win32.normalize(joined);
  },

  relative(from, to) {
    validateString(from, 'from');
    validateString(to, 'to');
    if (from === to) return '';
    const fromOrig = win32.resolve(from);
    const toOrig = win32.resolve(to);
    if (fromOrig === toOrig) return '';
    if (fromOrig.toLowerCase() === toOrig.toLowerCase()) return '';

    // Compare character by character, ignoring case and the separators
    // at either end; the result keeps the case of `to`.
    const fromL = fromOrig.toLowerCase();
    const toL = toOrig.toLowerCase();
    let fromStart = 0;
    while (fromStart < fromL.length &&
           fromL.charCodeAt(fromStart) === CHAR_BACKWARD_SLASH) {
      fromStart++;
    }
    let fromEnd = fromL.length;
    while (fromEnd - 1 > fromStart &&
           fromL.charCodeAt(fromEnd - 1) === CHAR_BACKWARD_SLASH) {
      fromEnd--;
    }
    let toStart = 0;
    while (toStart < toL.length &&
           toL.charCodeAt(toStart) === CHAR_BACKWARD_SLASH) {
      toStart++;
    }
    let toEnd = toL.length;
    while (toEnd - 1 > toStart &&
           toL.charCodeAt(toEnd - 1) === CHAR_BACKWARD_SLASH) {
      toEnd--;
    }
    const fromLen = fromEnd - fromStart;
    const toLen = toEnd - toStart;
    const shorter = Math.min(fromLen, toLen);

    // i: length of the common prefix; lastSep: its last separator.
    let lastSep = -1;
    let i = 0;
    for (; i < shorter; i++) {
      const code = fromL.charCodeAt(fromStart + i);
      if (code !== toL.charCodeAt(toStart + i)) break;
      if (code === CHAR_BACKWARD_SLASH) lastSep = i;
    }

    if (i !== shorter) {
      // Nothing in common (another drive or server): only `to` will do.
      if (lastSep === -1) return toOrig;
    } else {
      if (toLen > shorter) {
        // `from` is a directory above `to`: C:\foo -> C:\foo\bar\baz.
        if (toL.charCodeAt(toStart + i) === CHAR_BACKWARD_SLASH) {
          return toOrig.slice(toStart + i + 1);
        }
        // `from` is a drive root: C:\ -> C:\foo.
        if (i === 2) return toOrig.slice(toStart + i);
      }
      if (fromLen > shorter) {
        if (fromL.charCodeAt(fromStart + i) === CHAR_BACKWARD_SLASH) {
          lastSep = i;
        } else if (i === 2) {
          lastSep = 3;
        }
      }
      if (lastSep === -1) lastSep = 0;
    }

    // One '..' for every segment of `from` after the common part.
    let out = '';
    for (let k = fromStart + lastSep + 1; k <= fromEnd; k++) {
      if (k === fromEnd || fromL.charCodeAt(k) === CHAR_BACKWARD_SLASH) {
        out += out.length === 0 ? '..' : '\\..';
      }
    }
    toStart += lastSep;
    if (out.length > 0) return `${out}${toOrig.slice(toStart, toEnd)}`;
    if (toOrig.charCodeAt(toStart) === CHAR_BACKWARD_SLASH) toStart++;
    return toOrig.slice(toStart, toEnd);
  },

  toNamespacedPath(path) {
    if (typeof path !== 'string' || path.length === 0) return path;
    const resolved = win32.resolve(path);
    if (resolved.length <= 2) return path;
    if (resolved.charCodeAt(0) === CHAR_BACKWARD_SLASH) {
      if (resolved.charCodeAt(1) === CHAR_BACKWARD_SLASH) {
        const third = resolved.charCodeAt(2);
        if (third !== 63 /* ? */ && third !== CHAR_DOT) {
          return `\\\\?\\UNC\\${resolved.slice(2)}`;
        }
      }
    } else if (hasDrive(resolved) &&
               resolved.charCodeAt(2) === CHAR_BACKWARD_SLASH) {
      return `\\\\?\\${resolved}`;
    }
    return path;
  },

  dirname(path) {
    validateString(path, 'path');
    const len = path.length;
    if (len === 0) return '.';
    if (len === 1) return isWinSep(path.charCodeAt(0)) ? path : '.';
    const root = winRoot(path);
    if (root.uncOnly) return path;
    // rootEnd: -1 without a root; a UNC root includes the separator that
    // follows the share name.
    let rootEnd = -1;
    if (root.device.length > 0 && root.device[0] === '\\') {
      rootEnd = root.rootEnd + 1;
    } else if (root.device.length > 0 || root.absolute) {
      rootEnd = root.rootEnd;
    }
    const offset = Math.max(rootEnd, 0);
    let end = len;
    while (end > offset && isWinSep(path.charCodeAt(end - 1))) end--;
    while (end > offset && !isWinSep(path.charCodeAt(end - 1))) end--;
    if (end <= offset) return rootEnd === -1 ? '.' : path.slice(0, rootEnd);
    return path.slice(0, end - 1);
  },

  basename(path, suffix = undefined) {
    if (suffix !== undefined) validateString(suffix, 'ext');
    validateString(path, 'path');
    const start = hasDrive(path) ? 2 : 0;
    return basenameFrom(path, start, suffix, isWinSep);
  },

  extname(path) {
    validateString(path, 'path');
    const start = hasDrive(path) ? 2 : 0;
    const seg = lastSegment(path, start, isWinSep);
    if (seg === null) return '';
    return extOf(path.slice(seg[0], seg[1]));
  },

  format: formatPath.bind(null, '\\'),

  parse(path) {
    validateString(path, 'path');
    const ret = { root: '', dir: '', base: '', ext: '', name: '' };
    const len = path.length;
    if (len === 0) return ret;
    if (len === 1) {
      if (isWinSep(path.charCodeAt(0))) {
        ret.root = ret.dir = path;
      } else {
        ret.base = ret.name = path;
      }
      return ret;
    }
    const root = winRoot(path);
    let rootEnd = root.rootEnd;
    // The separator after a UNC share belongs to the root.
    if (root.device.length > 0 && root.device[0] === '\\' && !root.uncOnly) {
      rootEnd++;
    }
    if (rootEnd > 0) ret.root = path.slice(0, rootEnd);
    if (rootEnd >= len) {
      ret.dir = ret.root;
      return ret;
    }
    const seg = lastSegment(path, rootEnd, isWinSep);
    if (seg === null) {
      ret.dir = ret.root;
      return ret;
    }
    const [begin, end] = seg;
    ret.base = path.slice(begin, end);
    ret.ext = extOf(ret.base);
    ret.name = ret.base.slice(0, ret.base.length - ret.ext.length);
    ret.dir = begin > rootEnd ? path.slice(0, begin - 1) : ret.root;
    return ret;
  },

  sep: '\\',
  delimiter: ';',
  win32: null,
  posix: null,
};

posix.win32 = win32.win32 = win32;
posix.posix = win32.posix = posix;

// Deprecated alias kept for old packages.
posix._makeLong = posix.toNamespacedPath;
win32._makeLong = win32.toNamespacedPath;

module.exports = process.platform === 'win32' ? win32 : posix;
