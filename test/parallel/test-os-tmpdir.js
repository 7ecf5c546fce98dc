'use strict';
// os.tmpdir(): TMPDIR, then TMP, then TEMP (empty values skipped), else
// /tmp; one trailing slash is dropped unless the path is just "/".
const { assert } = require('../common');
const os = require('os');

const names = ['TMPDIR', 'TMP', 'TEMP', 'TEMPDIR'];
const saved = {};
for (const name of names) {
  saved[name] = process.env[name];
  delete process.env[name];
}

function check(env, want) {
  for (const name of names) delete process.env[name];
  Object.assign(process.env, env);
  assert.strictEqual(os.tmpdir(), want, JSON.stringify(env));
  assert.strictEqual(`${os.tmpdir}`, want);
}

check({}, '/tmp');
check({ TMPDIR: '/a' }, '/a');
check({ TMPDIR: '/a/' }, '/a');
check({ TMPDIR: '/a//' }, '/a/');
check({ TMPDIR: '/' }, '/');
check({ TMPDIR: 'relative/' }, 'relative');
check({ TMPDIR: '', TMP: '/b/' }, '/b');
check({ TMP: '/b', TEMP: '/c' }, '/b');
check({ TEMP: '/c/' }, '/c');
check({ TMPDIR: '/a', TMP: '/b', TEMP: '/c' }, '/a');
// libuv also reads TEMPDIR; Node does not.
check({ TEMPDIR: '/d' }, '/tmp');
check({ TMPDIR: '' }, '/tmp');

for (const name of names) {
  delete process.env[name];
  if (saved[name] !== undefined) process.env[name] = saved[name];
}
