// fs.cp, fs.cpSync and fs.promises.cp. The copy is written once, as a
// generator that yields each file system step it needs ([name, ...args]);
// a blocking driver runs the steps with the natives' blocking forms, an
// asynchronous one with their threadpool forms.
'use strict';

const binding = internalBinding('fs');
const path = require('path');
const {
  codes: {
    ERR_FS_CP_DIR_TO_NON_DIR,
    ERR_FS_CP_EEXIST,
    ERR_FS_CP_EINVAL,
    ERR_FS_CP_FIFO_PIPE,
    ERR_FS_CP_NON_DIR_TO_DIR,
    ERR_FS_CP_SOCKET,
    ERR_FS_CP_UNKNOWN,
    ERR_FS_EISDIR,
  },
} = require('internal/errors');
const {
  validateBoolean,
  validateFunction,
  validateObject,
  validateInteger,
} = require('internal/validators');
const { getValidatedPath, getStats } = require('internal/fs/utils');

function errnoOf(code) {
  return -require('os').constants.errno[code];
}

function cpError(Cls, code, message, p) {
  return new Cls({ message, path: p, syscall: 'cp', errno: errnoOf(code),
                   code });
}

function cpOptions(options) {
  if (options === undefined) options = {};
  validateObject(options, 'options');
  const o = {
    dereference: false, errorOnExist: false, force: true,
    preserveTimestamps: false, recursive: false, verbatimSymlinks: false,
    mode: 0, ...options,
  };
  for (const key of ['dereference', 'errorOnExist', 'force',
                     'preserveTimestamps', 'recursive', 'verbatimSymlinks']) {
    validateBoolean(o[key], `options.${key}`);
  }
  if (o.filter !== undefined) validateFunction(o.filter, 'options.filter');
  validateInteger(o.mode, 'options.mode', 0, 7);
  return o;
}

function isSubdir(src, dest) {
  const s = path.resolve(src).split(path.sep).filter(Boolean);
  const d = path.resolve(dest).split(path.sep).filter(Boolean);
  return s.every((part, i) => d[i] === part);
}

// Checks src against dest; the stats of both (dest's null when absent).
function* checkPaths(src, dest, opts) {
  const statOp = opts.dereference ? 'stat' : 'lstat';
  const srcStat = yield [statOp, src];
  const destStat = yield ['statOrNull', statOp, dest];
  if (destStat) {
    if (srcStat.ino === destStat.ino && srcStat.dev === destStat.dev) {
      throw cpError(ERR_FS_CP_EINVAL, 'EINVAL',
                    'src and dest cannot be the same', dest);
    }
    if (srcStat.isDirectory() && !destStat.isDirectory()) {
      throw cpError(ERR_FS_CP_DIR_TO_NON_DIR, 'EISDIR',
                    `cannot overwrite directory ${src} with non-directory ` +
                    `${dest}`, dest);
    }
    if (!srcStat.isDirectory() && destStat.isDirectory()) {
      throw cpError(ERR_FS_CP_NON_DIR_TO_DIR, 'ENOTDIR',
                    `cannot overwrite non-directory ${src} with directory ` +
                    `${dest}`, dest);
    }
  }
  if (srcStat.isDirectory() && isSubdir(src, dest)) {
    throw cpError(ERR_FS_CP_EINVAL, 'EINVAL',
                  `cannot copy ${src} to a subdirectory of self ${dest}`,
                  dest);
  }
  return { srcStat, destStat };
}

function* copyEntry(src, dest, opts, top) {
  if (opts.filter && !(yield ['filter', src, dest])) return;
  const { srcStat, destStat } = yield* checkPaths(src, dest, opts);
  if (top) yield ['mkdirp', path.dirname(dest)];
  if (srcStat.isDirectory()) {
    if (!opts.recursive) {
      throw cpError(ERR_FS_EISDIR, 'EISDIR',
                    `${src} is a directory (not copied)`, src);
    }
    if (!destStat) yield ['mkdir', dest, srcStat.mode & 0o7777];
    for (const name of yield ['readdir', src]) {
      yield* copyEntry(path.join(src, name), path.join(dest, name), opts,
                       false);
    }
    if (!destStat) yield ['chmod', dest, srcStat.mode & 0o7777];
    return;
  }
  if (srcStat.isFile() || srcStat.isCharacterDevice() ||
      srcStat.isBlockDevice()) {
    if (destStat) {
      if (opts.force) {
        yield ['unlink', dest];
      } else {
        if (opts.errorOnExist) {
          throw cpError(ERR_FS_CP_EEXIST, 'EEXIST',
                        `${dest} already exists`, dest);
        }
        return;
      }
    }
    yield ['copyFile', src, dest, opts.mode];
    if (opts.preserveTimestamps) {
      yield ['utimes', dest, srcStat.atime.getTime() / 1000,
             srcStat.mtime.getTime() / 1000];
    }
    return;
  }
  if (srcStat.isSymbolicLink()) {
    let target = yield ['readlink', src];
    if (!opts.verbatimSymlinks && !path.isAbsolute(target)) {
      target = path.resolve(path.dirname(src), target);
    }
    if (destStat) yield ['unlink', dest];
    yield ['symlink', target, dest, 0];
    return;
  }
  if (srcStat.isFIFO()) {
    throw cpError(ERR_FS_CP_FIFO_PIPE, 'EINVAL',
                  `cannot copy a FIFO pipe: ${dest}`, dest);
  }
  if (srcStat.isSocket()) {
    throw cpError(ERR_FS_CP_SOCKET, 'EINVAL',
                  `cannot copy a socket file: ${dest}`, dest);
  }
  throw cpError(ERR_FS_CP_UNKNOWN, 'EINVAL',
                `cannot copy an unknown file type: ${dest}`, dest);
}

// The steps, blocking.
const syncSteps = {
  stat: (p) => getStats(binding.stat(p)),
  lstat: (p) => getStats(binding.lstat(p)),
  statOrNull(op, p) {
    try {
      return syncSteps[op](p);
    } catch (err) {
      if (err.code === 'ENOENT') return null;
      throw err;
    }
  },
  mkdirp: (p) => require('fs').mkdirSync(p, { recursive: true }),
  mkdir: (p, mode) => binding.mkdir(p, mode),
  readdir: (p) => binding.readdir(p, false),
  chmod: (p, mode) => binding.chmod(p, mode),
  unlink: (p) => binding.unlink(p),
  copyFile: (s, d, mode) => binding.copyFile(s, d, mode),
  utimes: (p, a, m) => binding.utimes(p, a, m),
  readlink: (p) => binding.readlink(p),
  symlink: (t, p, flags) => binding.symlink(t, p, flags),
};

function call(name, ...args) {
  return new Promise((resolve, reject) => {
    binding[name](...args, (err, v) => (err ? reject(err) : resolve(v)));
  });
}

// The same steps on the threadpool, as promises.
const asyncSteps = {
  stat: async (p) => getStats(await call('stat', p)),
  lstat: async (p) => getStats(await call('lstat', p)),
  async statOrNull(op, p) {
    try {
      return await asyncSteps[op](p);
    } catch (err) {
      if (err.code === 'ENOENT') return null;
      throw err;
    }
  },
  mkdirp: (p) => new Promise((resolve, reject) => {
    require('fs').mkdir(p, { recursive: true },
                        (err) => (err ? reject(err) : resolve()));
  }),
  mkdir: (p, mode) => call('mkdir', p, mode),
  readdir: (p) => call('readdir', p, false),
  chmod: (p, mode) => call('chmod', p, mode),
  unlink: (p) => call('unlink', p),
  copyFile: (s, d, mode) => call('copyFile', s, d, mode),
  utimes: (p, a, m) => call('utimes', p, a, m),
  readlink: (p) => call('readlink', p),
  symlink: (t, p, flags) => call('symlink', t, p, flags),
};

function start(src, dest, options) {
  const opts = cpOptions(options);
  src = path.resolve(getValidatedPath(src, 'src'));
  dest = path.resolve(getValidatedPath(dest, 'dest'));
  return { gen: copyEntry(src, dest, opts, true), opts };
}

function cpSync(src, dest, options) {
  const { gen, opts } = start(src, dest, options);
  let step = gen.next();
  while (!step.done) {
    const [name, ...args] = step.value;
    let value;
    try {
      value = name === 'filter' ? opts.filter(...args) :
        syncSteps[name](...args);
    } catch (err) {
      step = gen.throw(err);
      continue;
    }
    step = gen.next(value);
  }
}

async function cp(src, dest, options) {
  const { gen, opts } = start(src, dest, options);
  let step = gen.next();
  while (!step.done) {
    const [name, ...args] = step.value;
    let value;
    try {
      value = await (name === 'filter' ? opts.filter(...args) :
        asyncSteps[name](...args));
    } catch (err) {
      step = gen.throw(err);
      continue;
    }
    step = gen.next(value);
  }
}

module.exports = { cp, cpSync };
