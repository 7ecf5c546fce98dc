// mocha's own CLI run by this runtime (process.execPath) on a small suite.
const { execFile } = require('child_process');
const path = require('path');
const bin = require.resolve('mocha/bin/mocha.js');
execFile(process.execPath, [bin, '--reporter', 'spec', '--no-color', '--no-parallel',
  path.join(__dirname, 'mocha-suite')], { env: { ...process.env, NO_COLOR: '1' } }, (err, out, errout) => {
  console.log('exit', err ? err.code : 0);
  console.log(out.replace(/\(\d+ms\)/g, '(Nms)').replace(/\s+at .*\n/g, '').replace(/passing \(\d+m?s\)/, 'passing (T)'));
  if (errout) console.log('stderr:', errout);
});
