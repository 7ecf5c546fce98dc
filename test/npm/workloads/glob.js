const fs = require('fs'), os = require('os'), path = require('path');
const { glob, globSync } = require('glob');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nr-glob-'));
for (const f of ['a.js', 'b.ts', 'src/c.js', 'src/deep/d.js', 'src/deep/e.md', '.hidden.js'])
  fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true }),
  fs.writeFileSync(path.join(dir, f), f);
(async () => {
  console.log((await glob('**/*.js', { cwd: dir })).sort());
  console.log(globSync('**/*.{md,ts}', { cwd: dir }).sort());
  console.log((await glob('**/*.js', { cwd: dir, dot: true, ignore: 'src/deep/**' })).sort());
  console.log((await glob('src/*', { cwd: dir, withFileTypes: true }))
    .map((p) => [p.name, p.isDirectory()]).sort());
  fs.rmSync(dir, { recursive: true });
})();
