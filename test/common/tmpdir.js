'use strict';
// A scratch directory for one test process: tmpdir.path is unique to the
// process, refresh() empties (or makes) it, and it is removed at exit so
// that no test leaves files behind.
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = path.join(process.env.TMPDIR || os.tmpdir(),
                      `noderun-test-${process.pid}`);

function remove() {
  fs.rmSync(dir, { recursive: true, force: true });
}

function refresh() {
  remove();
  fs.mkdirSync(dir, { recursive: true });
}

process.on('exit', remove);

module.exports = {
  path: dir,
  refresh,
  resolve: (...parts) => path.join(dir, ...parts),
};
