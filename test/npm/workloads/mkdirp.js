const { mkdirp, mkdirpSync, mkdirpNative, mkdirpManual } = require('mkdirp');
const fs = require('fs'), os = require('os'), path = require('path');
const base = fs.mkdtempSync(path.join(os.tmpdir(), 'nr-mkdirp-'));
(async () => {
  const rel = (p) => p && path.relative(base, p);
  console.log(rel(await mkdirp(path.join(base, 'a/b/c'))));
  console.log(rel(await mkdirp(path.join(base, 'a/b/c'))));
  console.log(rel(mkdirpSync(path.join(base, 'x/y'))));
  console.log(rel(await mkdirpManual(path.join(base, 'm/n/o'))));
  console.log(rel(await mkdirpNative(path.join(base, 'q/r'))));
  fs.writeFileSync(path.join(base, 'file'), '');
  try { await mkdirp(path.join(base, 'file/sub')); } catch (e) { console.log(e.code); }
  console.log(fs.statSync(path.join(base, 'a/b/c')).isDirectory());
  fs.rmSync(base, { recursive: true });
})();
