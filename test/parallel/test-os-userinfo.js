'use strict';
// os.userInfo(): the effective user's passwd entry, with the string fields
// in the encoding the options ask for.
const { assert } = require('../common');
const fs = require('fs');
const os = require('os');

const info = os.userInfo();
assert.deepStrictEqual(Object.keys(info),
                       ['uid', 'gid', 'username', 'homedir', 'shell']);
assert.strictEqual(info.uid, process.geteuid());
assert.strictEqual(info.gid, process.getegid());

// The same entry as /etc/passwd holds, when the user is listed there.
const line = fs.readFileSync('/etc/passwd', 'utf8').split('\n')
  .map((l) => l.split(':')).find((f) => Number(f[2]) === info.uid);
if (line !== undefined) {
  assert.strictEqual(info.username, line[0]);
  assert.strictEqual(info.homedir, line[5]);
  assert.strictEqual(info.shell, line[6]);
}

// Options that are not objects, and unknown encodings, mean UTF-8.
for (const options of [undefined, null, 'buffer', 5, () => {}, [], {},
  { encoding: 'nope' }, { encoding: 1 }, { encoding: 'UTF8' },
  { encoding: 'utf-8' }]) {
  assert.deepStrictEqual(os.userInfo(options), info);
}

// The UTF-8 bytes of a string.
const bytes = (s) => Array.from(unescape(encodeURIComponent(s)),
                                (c) => c.charCodeAt(0));

const hex = (s) => bytes(s).map((b) => b.toString(16).padStart(2, '0'))
  .join('');
const hexInfo = os.userInfo({ encoding: 'hex' });
assert.strictEqual(hexInfo.uid, info.uid);
assert.strictEqual(hexInfo.username, hex(info.username));
assert.strictEqual(hexInfo.homedir, hex(info.homedir));
assert.strictEqual(os.userInfo({ encoding: 'HEX' }).shell, hex(info.shell));

// 'buffer' (any case) gives the raw bytes.
for (const encoding of ['buffer', 'Buffer']) {
  const raw = os.userInfo({ encoding });
  assert.ok(raw.username instanceof Uint8Array);
  assert.deepStrictEqual(Array.from(raw.username), bytes(info.username));
  assert.deepStrictEqual(Array.from(raw.homedir), bytes(info.homedir));
}

// Encodings of Node's list, on a known name.
const root = os.userInfo({ encoding: 'latin1' });
assert.strictEqual(root.username, String.fromCharCode(...bytes(info.username)));
if (info.username === 'root') {
  assert.strictEqual(os.userInfo({ encoding: 'base64' }).username, 'cm9vdA==');
  assert.strictEqual(os.userInfo({ encoding: 'base64url' }).username,
                     'cm9vdA');
  assert.strictEqual(os.userInfo({ encoding: 'ucs2' }).username,
                     '\u6f72\u746f');
  assert.strictEqual(os.userInfo({ encoding: 'binary' }).homedir, '/root');
  assert.strictEqual(os.userInfo({ encoding: 'ascii' }).shell, info.shell);
}
