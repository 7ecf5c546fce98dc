'use strict';
// NODE_EXTRA_CA_CERTS adds roots to the default trust (not to a given
// `ca`), and a file that cannot be read only warns.

const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const tls = require('tls');
const { spawnSync } = require('child_process');

const F = (name) => fs.readFileSync(common.fixtures.path('tls', name));

if (process.argv[2] === 'child') {
  const server = tls.createServer({ key: F('server-key.pem'),
                                    cert: F('server-cert.pem') },
                                  (s) => s.end());
  server.listen(0, () => {
    const port = server.address().port;
    const c = tls.connect({ port, host: 'localhost' }, () => {
      // With a `ca` of its own, the extra roots do not count.
      const d = tls.connect({ port, host: 'localhost',
                              ca: F('self-cert.pem') });
      d.on('error', (err) => {
        console.log(`${c.authorized} ${err.code}`);
        c.destroy();
        server.close();
      });
    });
    c.on('error', (err) => {
      console.log(`error ${err.code}`);
      server.close();
    });
  });
  return;
}

let r = spawnSync(process.execPath, [__filename, 'child'], {
  env: { ...process.env,
         NODE_EXTRA_CA_CERTS: common.fixtures.path('tls', 'ca-cert.pem') },
  encoding: 'utf8',
});
// (OpenSSL names the failure after the extra root it met on the way.)
assert.match(r.stdout, /^true (SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE)\n$/,
             r.stderr);
assert.strictEqual(r.stderr, '');

r = spawnSync(process.execPath, [__filename, 'child'], {
  env: { ...process.env, NODE_EXTRA_CA_CERTS: '/nonexistent/extra-ca.pem' },
  encoding: 'utf8',
});
assert.strictEqual(r.stdout, 'error UNABLE_TO_VERIFY_LEAF_SIGNATURE\n');
assert.match(r.stderr, /^Warning: Ignoring extra certs from `\/nonexistent\/extra-ca\.pem`, load failed: .*No such file or directory\n/);
