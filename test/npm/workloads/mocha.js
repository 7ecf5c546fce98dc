// mocha's own CLI run by this runtime (process.execPath) on a small suite.
const { execFile } = require('child_process');
const path = require('path');
const bin = require.resolve('mocha/bin/mocha.js');
const args = process.argv[2] === 'parallel' ? ['--parallel', '--jobs', '2'] : ['--no-parallel'];
execFile(process.execPath, [bin, '--reporter', 'spec', '--no-color', '--slow', '100000', ...args,
  path.join(__dirname, 'mocha-suite')], { env: { ...process.env, NO_COLOR: '1' } }, (err, out, errout) => {
  console.log('exit', err ? err.code : 0);
  out = out.replace(/passing \(\d+m?s\)/, 'passing (T)').replace(/\(\d+ms\)/g, '(Nms)')
    .replace(/\s+at .*\n/g, '');
  // Parallel workers report files in the order they finish: sort the lines.
  console.log(args[0] === '--parallel' ? out.split('\n').sort().join('\n') : out);
  if (errout) console.log('stderr:', errout);
});
