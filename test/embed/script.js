// The script that test/embed/host.c runs inside its runtimes. It uses the
// host's native module 'calc', needs the event loop to finish (timers,
// immediates, promises), and hands its results back with calc.record().
// calc.mode() says which scenario the host is testing:
//   normal       check everything, record {ok, failures, ...} at the end
//   exit         process.exit(3) from a timer
//   throw        throw at the top level
//   throw-async  throw from a timer
'use strict';

const calc = require('calc');
const mode = calc.mode();

// The exit code the 'exit' event saw, for every scenario: the host checks
// that 'exit' ran exactly once and with the code it got back.
process.on('exit', (code) => calc.record({ exit: code }));

if (mode === 'exit') {
  setTimeout(() => {
    process.exit(3);
    calc.record({ after: 'process.exit() returned' });
  }, 1);
  setTimeout(() => calc.record({ after: 'a later timer ran' }), 50);
  return;
}
if (mode === 'throw') {
  setTimeout(() => calc.record({ after: 'a timer ran after the throw' }), 1);
  throw new Error('thrown by the script on purpose');
}
if (mode === 'throw-async') {
  setTimeout(() => {
    throw new Error('thrown by a timer on purpose');
  }, 1);
  setTimeout(() => calc.record({ after: 'a later timer ran' }), 50);
  return;
}

const failures = [];
function check(ok, what) {
  if (!ok) failures.push(what);
}
function same(actual, expected, what) {
  check(actual === expected,
        `${what}: got ${String(actual)}, expected ${String(expected)}`);
}
// Runs fn, which must throw; returns the error (or null).
function throws(fn, what) {
  try {
    fn();
  } catch (e) {
    return e;
  }
  failures.push(`${what}: did not throw`);
  return null;
}

// Plain calls, numbers and strings both ways.
same(typeof calc.add, 'function', 'typeof calc.add');
same(calc.add(2, 3), 5, 'add(2, 3)');
same(calc.add(0.5, -1), -0.5, 'add(0.5, -1)');
same(calc.greet('Ada'), 'Hello, Ada!', 'greet');
same(calc.greet('Zo\u00eb \u{1f600}'), 'Hello, Zo\u00eb \u{1f600}!',
     'greet non-ASCII');
same(calc.greet(42), 'Hello, 42!', 'greet(42)');
same(require('calc'), calc, 'require() caches the host module');
same(calc.self(), true, 'nr_call_data and nr_call_runtime');
same(calc.types(undefined, null, true, 1.5, 's', 1n, Symbol('y'),
                () => {}, {}, []),
     'undefined,null,boolean,number,string,bigint,symbol,function,' +
     'object,object', 'nr_arg_type');
same(calc.types(), '', 'no arguments');
same(calc.not(0), true, 'not(0)');
same(calc.not('x'), false, 'not("x")');
same(String(calc.num('7')), 'NaN', 'nr_arg_number of a string');
same(calc.num(7.25), 7.25, 'nr_arg_number');
const cfg = calc.json('{"name":"calc","list":[1,2,{"deep":null}]}');
same(JSON.stringify(cfg), '{"name":"calc","list":[1,2,{"deep":null}]}',
     'nr_return_json');

// Errors thrown by the host, with their codes.
let e = throws(() => calc.fail(), 'fail()');
if (e) {
  same(e instanceof Error, true, 'fail() throws an Error');
  same(e.code, 'ERR_CALC_FAIL', 'fail() code');
  same(e.message, 'calc failed on purpose', 'fail() message');
}
e = throws(() => calc.add('x', 1), 'add("x", 1)');
if (e) same(e.code, 'ERR_INVALID_ARG_TYPE', 'add("x") code');
e = throws(() => calc.json('{bad'), 'json("{bad")');
if (e) same(e.name, 'SyntaxError', 'json("{bad") error');
e = throws(() => calc.record({ toJSON() { throw new Error('toJSON'); } }),
           'record(throwing toJSON)');
if (e) same(e.code, 'ERR_NOT_JSON', 'record(throwing toJSON) code');
const cyc = {};
cyc.self = cyc;
e = throws(() => calc.record(cyc), 'record(cyclic)');
if (e) same(e.code, 'ERR_NOT_JSON', 'record(cyclic) code');
// A toString that throws: nr_arg_string gives NULL, the host returns, and
// the exception reaches us unchanged.
e = throws(() => calc.greet({ toString() { throw new RangeError('ts'); } }),
           'greet(throwing toString)');
if (e) same(e.message, 'ts', 'greet(throwing toString) error');
// A symbol cannot become a string: nr_arg_string gives NULL, which the
// header says means "it threw", so the call must end with an exception.
throws(() => calc.greet(Symbol('sym')), 'greet(Symbol())');

// Work that only the event loop can finish. Nothing below runs before the
// host drives the loop: it checks that record() was not called yet.
const order = [];
process.nextTick(() => order.push('tick'));
Promise.resolve().then(() => order.push('microtask'));
setImmediate(() => order.push('immediate'));
setTimeout(() => order.push('timeout'), 0);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  // After the immediate above (immediates run in order), so the sleep
  // cannot end before it however slow the machine is.
  await new Promise((resolve) => setImmediate(resolve));
  await sleep(10);
  order.push('slept');
  await new Promise((resolve) => setImmediate(resolve));
  order.push('immediate-await');
  const sums = await Promise.all([3, 1, 2].map(
    (n) => sleep(n).then(() => calc.add(n, n))));
  same(sums.join(), '6,2,4', 'sums');
  let fired = 0;
  await new Promise((resolve) => {
    const iv = setInterval(() => {
      if (++fired === 3) {
        clearInterval(iv);
        resolve();
      }
    }, 1);
  });
  same(fired, 3, 'interval count');
  // Which of a 0 ms timeout and an immediate comes first from the main
  // module depends on timing, in Node too; both come before the rest.
  same(order.slice(0, 2).join(), 'tick,microtask', 'nextTick first');
  same(order.slice(2, 4).sort().join(), 'immediate,timeout',
       'timeout and immediate');
  same(order.slice(4).join(), 'slept,immediate-await', 'order after');
  globalThis.hostResult = { done: true, sums, greeting: calc.greet('loop') };
  calc.record({ ok: failures.length === 0, failures, order });
}

main().catch((err) => {
  failures.push(`main() threw: ${err && err.stack}`);
  calc.record({ ok: false, failures, order });
});
