'use strict';
// performance.mark() / measure() and the timeline's getEntries*() and
// clear*() methods.
const { assert } = require('../common');
const {
  performance,
  PerformanceEntry,
  PerformanceMark,
  PerformanceMeasure,
} = require('perf_hooks');
const { inspect } = require('util');

const names = (list) => list.map((e) => `${e.name}:${e.entryType}`);

// A mark.
{
  const before = performance.now();
  const m = performance.mark('a');
  assert.ok(m instanceof PerformanceMark);
  assert.ok(m instanceof PerformanceEntry);
  assert.strictEqual(m.name, 'a');
  assert.strictEqual(m.entryType, 'mark');
  assert.ok(m.startTime >= before && m.startTime <= performance.now());
  assert.strictEqual(m.duration, 0);
  assert.strictEqual(m.detail, null);
  assert.deepStrictEqual(Object.keys(m), []);
  assert.deepStrictEqual(Object.keys(m.toJSON()),
                         ['name', 'entryType', 'startTime', 'duration',
                          'detail']);
  assert.strictEqual(JSON.stringify(m),
                     `{"name":"a","entryType":"mark","startTime":` +
                     `${m.startTime},"duration":0,"detail":null}`);
  assert.strictEqual(String(m), '[object PerformanceMark]');
  assert.strictEqual(inspect(m, { depth: -1 }), '[PerformanceMark]');
  assert.strictEqual(inspect(m, { depth: 0 }), 'PerformanceMark [Object]');
  assert.strictEqual(
    inspect(performance.mark('b', { detail: { x: 1 }, startTime: 5 })),
    "PerformanceMark {\n  name: 'b',\n  entryType: 'mark',\n" +
    '  startTime: 5,\n  duration: 0,\n  detail: { x: 1 }\n}');
}

// The detail is a copy.
{
  const detail = { x: [1] };
  const m = performance.mark('c', { detail });
  assert.notStrictEqual(m.detail, detail);
  assert.deepStrictEqual(m.detail, detail);
  assert.throws(() => performance.mark('c', { detail: () => {} }), {
    name: 'DataCloneError',
    code: 25,
  });
}

// Names, options and errors.
assert.strictEqual(performance.mark().name, 'undefined');
assert.strictEqual(performance.mark(5).name, '5');
assert.strictEqual(performance.mark('n', null).detail, null);
assert.throws(() => performance.mark(Symbol('s')), TypeError);
assert.throws(() => performance.mark('x', 1), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options" argument must be of type object. ' +
    'Received type number (1)',
});
assert.throws(() => performance.mark('x', { startTime: -1 }), {
  code: 'ERR_PERFORMANCE_INVALID_TIMESTAMP',
  name: 'TypeError',
  message: '-1 is not a valid timestamp',
});
assert.throws(() => performance.mark('x', { startTime: 'a' }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "startTime" argument must be of type number. ' +
    "Received type string ('a')",
});
assert.throws(() => performance.mark('nodeStart'), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The argument 'name' is invalid. Received 'nodeStart'",
});
// A PerformanceMark made directly is not in the timeline.
{
  const m = new PerformanceMark('direct', { startTime: 2 });
  assert.strictEqual(m.startTime, 2);
  assert.deepStrictEqual(performance.getEntriesByName('direct'), []);
}
assert.throws(() => new PerformanceEntry(),
              { code: 'ERR_ILLEGAL_CONSTRUCTOR' });
// Node 18 lets anyone make a measure.
{
  const m = new PerformanceMeasure('x', 1, 2, 3);
  assert.deepStrictEqual(m.toJSON(), {
    name: 'x', entryType: 'measure', startTime: 1, duration: 2, detail: 3,
  });
  assert.strictEqual(PerformanceMeasure.length, 4);
}

performance.clearMarks();

// Measures.
{
  const a = performance.mark('A', { startTime: 10 });
  performance.mark('B', { startTime: 25 });
  const m1 = performance.measure('A-B', 'A', 'B');
  assert.ok(m1 instanceof PerformanceMeasure);
  assert.strictEqual(String(m1), '[object PerformanceMeasure]');
  assert.strictEqual(m1.entryType, 'measure');
  assert.strictEqual(m1.startTime, 10);
  assert.strictEqual(m1.duration, 15);
  assert.strictEqual(performance.measure('B-A', 'B', 'A').duration, -15);

  const toNow = performance.measure('toNow');
  assert.strictEqual(toNow.startTime, 0);
  assert.ok(toNow.duration > 0);
  assert.strictEqual(performance.measure('fromA', 'A').startTime,
                     a.startTime);
  assert.strictEqual(performance.measure('toB', undefined, 'B').duration, 25);

  const check = (name, arg, end, start, duration) => {
    const m = performance.measure(name, arg, end);
    assert.strictEqual(m.startTime, start, name);
    if (duration !== undefined) assert.strictEqual(m.duration, duration);
    return m;
  };
  check('o1', { start: 1, end: 3, detail: 'd' }, undefined, 1, 2);
  check('o2', { start: 'A', duration: 10 }, undefined, 10, 10);
  check('o3', { end: 10, duration: 4 }, undefined, 6, 4);
  check('o4', { start: 2, end: 1 }, undefined, 2, -1);
  check('o5', { end: 'B', duration: 2 }, undefined, 23, 2);
  check('o6', { duration: 1 }, 'B', 0, 25);
  check('o7', {}, 'B', 0, 25);
  check('o8', 5, 'B', 0, 25);
  check('o9', undefined, 5, 0, 5);
  check('o10', null, 'B', 0, 25);
  assert.strictEqual(performance.measure('o11', { detail: [1] }).detail[0],
                     1);
  assert.strictEqual(performance.measure('o12').detail, null);

  assert.throws(() => performance.measure('x', 'nope'), (err) => {
    assert.strictEqual(err.constructor.name, 'DOMException');
    assert.strictEqual(err.name, 'SyntaxError');
    assert.strictEqual(err.code, 12);
    assert.strictEqual(err.message,
                       'The "nope" performance mark has not been set');
    return true;
  });
  assert.throws(() => performance.measure('x', { start: '5' }), {
    message: 'The "5" performance mark has not been set',
  });
  assert.throws(() => performance.measure('x', { start: {} }), {
    message: 'The "[object Object]" performance mark has not been set',
  });
  assert.throws(() => performance.measure('x', { start: 1 }, 'B'), {
    code: 'ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS',
    name: 'TypeError',
    message: 'endMark must not be specified',
  });
  assert.throws(() => performance.measure('x', { start: 1, end: 2,
                                                 duration: 3 }), {
    code: 'ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS',
    message: 'Must not have options.start, options.end, and ' +
      'options.duration specified',
  });
  assert.throws(() => performance.measure('x', { start: -1 }), {
    code: 'ERR_PERFORMANCE_INVALID_TIMESTAMP',
  });
  assert.throws(() => performance.measure(), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "name" argument must be of type string. Received undefined',
  });
  // Start-up milestones can be used as marks.
  assert.strictEqual(typeof performance.measure('n', 'nodeStart').startTime,
                     'number');
}

// The timeline: sorted by start time; among equals, marks come first, then
// measures, each in insertion order.
{
  performance.clearMarks();
  performance.clearMeasures();
  assert.deepStrictEqual(performance.getEntries(), []);
  performance.mark('m1', { startTime: 3 });
  performance.mark('m2', { startTime: 1 });
  performance.measure('s1', { start: 2, end: 4 });
  performance.mark('m3', { startTime: 2 });
  performance.measure('m1', { start: 0, end: 1 });
  assert.deepStrictEqual(names(performance.getEntries()),
                         ['m1:measure', 'm2:mark', 'm3:mark', 's1:measure',
                          'm1:mark']);
  assert.deepStrictEqual(names(performance.getEntriesByType('mark')),
                         ['m2:mark', 'm3:mark', 'm1:mark']);
  assert.deepStrictEqual(names(performance.getEntriesByType('measure')),
                         ['m1:measure', 's1:measure']);
  assert.deepStrictEqual(performance.getEntriesByType('bogus'), []);
  assert.deepStrictEqual(names(performance.getEntriesByName('m1')),
                         ['m1:measure', 'm1:mark']);
  // Like Node 18, the type argument is not looked at.
  assert.deepStrictEqual(names(performance.getEntriesByName('m1', 'mark')),
                         ['m1:measure', 'm1:mark']);
  assert.deepStrictEqual(performance.getEntriesByName(1), []);
  assert.throws(() => performance.getEntriesByName(), {
    code: 'ERR_MISSING_ARGS',
    message: 'The "name" argument must be specified',
  });
  assert.throws(() => performance.getEntriesByType(), {
    code: 'ERR_MISSING_ARGS',
    message: 'The "type" argument must be specified',
  });

  performance.clearMarks('m1');
  assert.deepStrictEqual(names(performance.getEntries()),
                         ['m1:measure', 'm2:mark', 'm3:mark', 's1:measure']);
  // A cleared mark can no longer be measured from.
  assert.throws(() => performance.measure('x', 'm1'), { code: 12 });
  performance.clearMeasures('s1');
  assert.deepStrictEqual(names(performance.getEntries()),
                         ['m1:measure', 'm2:mark', 'm3:mark']);
  performance.clearMarks();
  performance.clearMeasures();
  assert.deepStrictEqual(performance.getEntries(), []);
}
