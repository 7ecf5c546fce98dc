// The os module's stable answers on this machine, and its errors.
'use strict';
const os = require('os');
const util = require('util');

console.log(util.inspect(os, { depth: 0 }));
console.log(os.hostname(), os.homedir(), os.type(), os.release());
console.log(os.version(), os.machine(), os.arch(), os.platform());
console.log(os.endianness(), JSON.stringify(os.EOL), os.devNull);
console.log(`${os.hostname} ${os.type} ${os.endianness} ${os.platform}`);
console.log(os.availableParallelism(), os.cpus().length, os.getPriority());
console.log(os.networkInterfaces());
console.log(os.constants);
console.log(os.userInfo());
// Buffer or Uint8Array (before Buffer exists): compare the bytes.
const raw = os.userInfo({ encoding: 'buffer' });
console.log(Array.from(raw.username), Array.from(raw.shell));
for (const encoding of ['hex', 'latin1', 'ascii', 'ucs2',
  'base64', 'base64url', 'UTF-8', 'bogus']) {
  console.log(encoding, JSON.stringify(os.userInfo({ encoding })));
}

for (const env of [{}, { TMPDIR: '/a/' }, { TMPDIR: '/' }, { TMP: '/b//' },
  { TEMP: 'rel/' }, { TMPDIR: '', TEMP: '/c' }, { TEMPDIR: '/d' }]) {
  for (const name of ['TMPDIR', 'TMP', 'TEMP', 'TEMPDIR']) {
    delete process.env[name];
  }
  Object.assign(process.env, env);
  console.log(JSON.stringify(env), os.tmpdir());
}
process.env.HOME = '/elsewhere/';
console.log(os.homedir());
delete process.env.HOME;
console.log(os.homedir());

const show = (f) => {
  try {
    console.log('ok', f());
  } catch (e) {
    console.log(e.name, e.code, e.message);
    if (e.info) console.log(Object.keys(e), e.info, e.errno, e.syscall);
  }
};
show(() => os.getPriority('1'));
show(() => os.getPriority(-0.5));
show(() => os.getPriority(2 ** 40));
show(() => os.getPriority(2 ** 30));
show(() => os.setPriority(2 ** 30, 0));
show(() => os.setPriority());
show(() => os.setPriority(0, 19.5));
show(() => os.setPriority(0, -100));
show(() => os.setPriority({}, 0));
show(() => os.setPriority(os.getPriority()));
