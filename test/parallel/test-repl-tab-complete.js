'use strict';
// Tab completion of the REPL: globals, declarations, properties after a
// dot (also of expressions, evaluated without side effects), module names
// in require(), commands; a double tab on a terminal lists the choices.
const { assert, isNoderun, mustCall } = require('../common');
const { startRepl } = require('../common/repl');

(async () => {
  const { server, type } = startRepl();
  const complete = (line) => new Promise((resolve, reject) => {
    server.complete(line, (err, r) => (err ? reject(err) : resolve(r)));
  });
  const names = async (line) => (await complete(line))[0].filter(Boolean);

  // Globals and keywords.
  assert.deepStrictEqual(await complete('proce'), [['process'], 'proce']);
  assert.ok((await names('Arr')).includes('Array'));
  assert.ok((await names('typ')).includes('typeof'));
  assert.ok((await names('')).includes('setTimeout'));

  // Properties of a name path show the whole path.
  assert.deepStrictEqual(await complete('process.ver'),
                         [['process.version', 'process.versions'],
                          'process.ver']);
  assert.ok((await names('process.versions.')).includes('process.versions.v8'));
  // A property is a whole word after the dot: `a.b` completes from a.
  assert.deepStrictEqual(await complete('Math.PI.toFi'),
                         [['Math.PI.toFixed'], 'Math.PI.toFi']);

  // Declarations of earlier inputs, and their properties.
  await type('const answer = { deep: { value: 42 } }; let count = 0\n');
  await type('function bump() { count++; return { bumped: true } }\n');
  assert.deepStrictEqual(await complete('answ'), [['answer'], 'answ']);
  // Each prototype's properties, own properties last, '' between groups.
  assert.deepStrictEqual(await complete('answer.deep.va'),
                         [['answer.deep.valueOf', '', 'answer.deep.value'],
                          'answer.deep.va']);

  // Expressions: literals, calls and indexing, evaluated without side
  // effects; an expression with side effects is not run at all.
  if (isNoderun) {
    const [groups] = await complete('[].');
    assert.ok(groups.includes('length') && groups.includes('map'));
    assert.ok(groups.indexOf('length') > groups.lastIndexOf(''));
    assert.ok(groups.indexOf('map') > groups.indexOf('hasOwnProperty'));
    assert.deepStrictEqual(await complete('[1, 2].fil'),
                           [['fill', 'filter'], 'fil']);
    assert.ok((await names('"abc".toUpper')).includes('toUpperCase'));
    assert.ok((await names('Object.keys(answer).')).includes('join'));
    assert.ok((await names('answer["deep"].')).includes('value'));
    assert.deepStrictEqual(await complete('bump().bu'), [[], 'bu']);
    assert.strictEqual(server.context.count, undefined);  // a let binding
    assert.strictEqual(await type('count\n'), '0\n> ');
    // An expression that never ends is given up on, quickly.
    const started = Date.now();
    assert.deepStrictEqual(await complete('(() => { for (;;); })().x'),
                           [[], 'x']);
    assert.ok(Date.now() - started < 2000);
    // Inside a larger line: the expression starts after the operator.
    assert.ok((await names('x = 1 + [3].le')).includes('length'));
  }

  // Builtin module names in require().
  assert.deepStrictEqual(await complete('require("pa'),
                         [['path', 'path/posix', 'path/win32'], 'pa']);
  const children = await names('require(\'child');
  assert.deepStrictEqual(children, ['child_process']);
  assert.ok((await names('require("node:fs')).includes('node:fs'));

  // Commands.
  assert.deepStrictEqual(await complete('.he'), [['help'], 'he']);
  assert.ok((await names('.')).includes('save'));

  server.close();

  // On a terminal: one tab completes as far as the choices agree, a second
  // lists them.
  const t = startRepl({ terminal: true });
  t.output.columns = 80;
  t.input.write('process.versi');
  t.input.write('\t');
  await new Promise((r) => setTimeout(r, 20));
  assert.strictEqual(t.server.line, 'process.version');
  const before = t.all().length;
  t.input.write('\t');
  await new Promise((r) => setTimeout(r, 20));
  const listing = t.all().slice(before);
  assert.match(listing, /process\.version +process\.versions/);
  t.input.write('s.v8.len\t');
  await new Promise((r) => setTimeout(r, 20));
  assert.strictEqual(t.server.line, 'process.versions.v8.length');
  t.server.close();
})().then(mustCall());
