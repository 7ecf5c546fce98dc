const fse = require('fs-extra'), os = require('os'), path = require('path');
(async () => {
  const dir = await fse.mkdtemp(path.join(os.tmpdir(), 'nr-fse-'));
  await fse.outputFile(path.join(dir, 'a/b/c.txt'), 'hello');
  await fse.outputJson(path.join(dir, 'a/data.json'), { x: 1, y: [2] }, { spaces: 2 });
  await fse.copy(path.join(dir, 'a'), path.join(dir, 'copy'));
  console.log(await fse.readJson(path.join(dir, 'copy/data.json')));
  console.log(await fse.readFile(path.join(dir, 'copy/b/c.txt'), 'utf8'));
  await fse.move(path.join(dir, 'copy'), path.join(dir, 'moved'));
  console.log(await fse.pathExists(path.join(dir, 'copy')), await fse.pathExists(path.join(dir, 'moved/b/c.txt')));
  await fse.ensureDir(path.join(dir, 'x/y/z'));
  await fse.emptyDir(path.join(dir, 'a'));
  console.log((await fse.readdir(dir)).sort(), await fse.readdir(path.join(dir, 'a')));
  fse.ensureFileSync(path.join(dir, 'sync/f'));
  fse.copySync(path.join(dir, 'sync'), path.join(dir, 'sync2'));
  console.log(fse.existsSync(path.join(dir, 'sync2/f')));
  try { await fse.copy(path.join(dir, 'nope'), path.join(dir, 'n2')); } catch (e) { console.log(e.code); }
  await fse.remove(dir);
  console.log(await fse.pathExists(dir));
})();
