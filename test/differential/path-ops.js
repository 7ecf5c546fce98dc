// path, posix and win32.
'use strict';
const path = require('path');
const inputs = ['', '.', '..', '/', '//', 'a/b/c', '/a/b/../c/./d', 'a//b/', 'C:\\a\\b',
  '\\\\server\\share\\x', 'file.txt', '.bashrc', 'a.b.c', '/a/b.c/', 'C:', 'C:foo\\..\\bar'];
for (const p of [path.posix, path.win32]) {
  for (const i of inputs) {
    console.log(JSON.stringify([i, p.normalize(i), p.dirname(i), p.basename(i),
      p.extname(i), p.isAbsolute(i), p.parse(i)]));
  }
  console.log(p.join('a', '../b', 'c/'), p.resolve('/x', 'y', '..', 'z'),
    p.relative('/a/b/c', '/a/d'), p.relative('C:\\a\\b', 'C:\\a\\c'),
    p.format({ dir: '/d', name: 'n', ext: '.e' }), p.toNamespacedPath('/x'));
}
for (const bad of [1, null, {}]) {
  try { path.join('a', bad); } catch (e) { console.log(e.name, e.code, e.message); }
}
