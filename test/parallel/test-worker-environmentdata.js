'use strict';
// setEnvironmentData values reach workers made afterwards (a copy as of
// the Worker's creation), and nested workers get their parent's.
const { assert, mustCall } = require('../common');
const {
  Worker, getEnvironmentData, setEnvironmentData,
} = require('worker_threads');

setEnvironmentData('a', { n: 1 });
setEnvironmentData('gone', 1);
setEnvironmentData('gone', undefined);
assert.strictEqual(getEnvironmentData('gone'), undefined);
assert.deepStrictEqual(getEnvironmentData('a'), { n: 1 });

const w = new Worker(`
  const {
    Worker, parentPort, getEnvironmentData, setEnvironmentData,
  } = require('worker_threads');
  const mine = getEnvironmentData('a');
  setEnvironmentData('b', 'from worker');
  new Worker(\`
    const { parentPort, getEnvironmentData } = require('worker_threads');
    parentPort.postMessage([getEnvironmentData('a'),
                            getEnvironmentData('b')]);
  \`, { eval: true }).on('message', (nested) => {
    parentPort.postMessage({ mine, nested, late: getEnvironmentData('late') });
  });
`, { eval: true });
setEnvironmentData('late', 'after the worker was made');
w.on('message', mustCall((m) => {
  assert.deepStrictEqual(m, { mine: { n: 1 },
                              nested: [{ n: 1 }, 'from worker'],
                              late: undefined });
  assert.strictEqual(getEnvironmentData('b'), undefined);
}));
