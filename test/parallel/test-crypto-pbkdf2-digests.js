'use strict';
// pbkdf2 with the digests that take noderun's own PBKDF2 loop (SHA-1,
// SHA-224, SHA-256, SHA-384, SHA-512) and a few that take OpenSSL's:
// published vectors, then random passwords, salts, iteration counts and
// key lengths against PBKDF2 built in JS from crypto.createHmac, in both
// the sync and the callback form.
const common = require('../common');
const assert = require('assert');
const crypto = require('crypto');

// RFC 6070 (SHA-1), RFC 7914 section 11 (SHA-256), and the widely
// published "password"/"salt" vectors for SHA-256 and SHA-512.
const vectors = [
  ['sha1', 'password', 'salt', 1, 20,
   '0c60c80f961f0e71f3a9b524af6012062fe037a6'],
  ['sha1', 'password', 'salt', 2, 20,
   'ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957'],
  ['sha1', 'password', 'salt', 4096, 20,
   '4b007901b765489abead49d926f721d065a429c1'],
  ['sha1', 'passwordPASSWORDpassword',
   'saltSALTsaltSALTsaltSALTsaltSALTsalt', 4096, 25,
   '3d2eec4fe41c849b80c8d83662c0e44a8b291a964cf2f07038'],
  ['sha1', 'pass\0word', 'sa\0lt', 4096, 16,
   '56fa6aa75548099dcc37d7f03425e0c3'],
  ['sha256', 'passwd', 'salt', 1, 64,
   '55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc' +
   '49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783'],
  ['sha256', 'Password', 'NaCl', 80000, 64,
   '4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56' +
   'a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d'],
  ['sha256', 'password', 'salt', 1, 32,
   '120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b'],
  ['sha256', 'password', 'salt', 2, 32,
   'ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43'],
  ['sha256', 'password', 'salt', 4096, 32,
   'c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a'],
  ['sha512', 'password', 'salt', 1, 64,
   '867f70cf1ade02cff3752599a3a53dc4af34c7a669815ae5d513554e1c8cf252' +
   'c02d470a285a0501bad999bfe943c08f050235d7d68b1da55e63f73b60a57fce'],
  ['sha512', 'password', 'salt', 2, 64,
   'e1d9c16aa681708a45f5c7c4e215ceb66e011a2e9f0040713f18aefdb866d53c' +
   'f76cab2868a39b9f7840edce4fef5a82be67335c77a6068e04112754f27ccf4e'],
  ['sha512', 'password', 'salt', 4096, 64,
   'd197b1b33db0143e018b12f3d1d1479e6cdebdcc97c5c0f87f6902e072f457b5' +
   '143f30602641b3d55cd335988cb36b84376060ecd532e039b742a239434af2d5'],
];
for (const [digest, p, s, iter, len, want] of vectors) {
  assert.strictEqual(
    crypto.pbkdf2Sync(p, s, iter, len, digest).toString('hex'), want,
    `${digest} ${p} ${s} ${iter}`);
}

// PBKDF2 (RFC 8018 section 5.2) spelled out with HMAC.
function reference(password, salt, iterations, keylen, digest) {
  const hlen = crypto.createHash(digest).digest().length;
  const out = Buffer.alloc(keylen);
  for (let n = 1, off = 0; off < keylen; n++, off += hlen) {
    const index = Buffer.alloc(4);
    index.writeUInt32BE(n);
    let u = crypto.createHmac(digest, password).update(salt).update(index)
      .digest();
    const t = Buffer.from(u);
    for (let j = 1; j < iterations; j++) {
      u = crypto.createHmac(digest, password).update(u).digest();
      for (let i = 0; i < t.length; i++) t[i] ^= u[i];
    }
    t.copy(out, off);
  }
  return out;
}

// A small seeded generator, so that a failure names a reproducible case.
const seed = crypto.randomBytes(4).readUInt32LE() || 1;
let state = seed;
function rand(n) {
  state ^= state << 13;
  state ^= state >>> 17;
  state ^= state << 5;
  return (state >>> 0) % n;
}
function bytes(n) {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = rand(256);
  return b;
}

const fast = ['sha1', 'sha224', 'sha256', 'sha384', 'sha512'];
const others = ['md5', 'sha512-256', 'sha3-256', 'RSA-SHA256', 'SHA384'];
// Password lengths around both block sizes (64 and 128 bytes): a longer
// password is hashed first.
const passLens = [0, 1, 20, 63, 64, 65, 127, 128, 129, 300];

const cases = [];
for (let n = 0; n < 120; n++) {
  const digest = n < 100 ? fast[n % fast.length] : others[n % others.length];
  const hlen = crypto.createHash(digest).digest().length;
  const passLen = n % 3 ? passLens[rand(passLens.length)] : rand(200);
  cases.push({
    digest,
    password: bytes(passLen),
    salt: bytes(rand(4) ? rand(150) : 0),
    iterations: rand(3) ? 1 + rand(40) : 1,
    // Often not a multiple of the digest size; sometimes 0.
    keylen: rand(10) ? rand(3 * hlen + 7) : 0,
  });
}
for (const c of cases) {
  const want = reference(c.password, c.salt, c.iterations, c.keylen,
                         c.digest);
  const what = `seed ${seed}: ${c.digest} pass ${c.password.length} ` +
    `salt ${c.salt.length} iter ${c.iterations} keylen ${c.keylen}`;
  assert.deepStrictEqual(
    crypto.pbkdf2Sync(c.password, c.salt, c.iterations, c.keylen,
                      c.digest), want, what);
  // The callback form derives on the threadpool, by the same code.
  crypto.pbkdf2(new Uint8Array(c.password), new DataView(c.salt.buffer),
                c.iterations, c.keylen, c.digest,
                common.mustCall((err, key) => {
                  assert.strictEqual(err, null);
                  assert.deepStrictEqual(key, want, what);
                }));
}

// Strings are UTF-8; the output does not depend on the input's type.
const key = crypto.pbkdf2Sync('pässwörd', 'sält', 7, 99, 'sha384');
assert.deepStrictEqual(
  key, reference(Buffer.from('pässwörd'), Buffer.from('sält'), 7, 99,
                 'sha384'));
const view = new DataView(new Uint8Array(Buffer.from('pässwörd')).buffer);
const salt = new Uint8Array(Buffer.from('sält')).buffer;
assert.deepStrictEqual(crypto.pbkdf2Sync(view, salt, 7, 99, 'sha384'), key);
