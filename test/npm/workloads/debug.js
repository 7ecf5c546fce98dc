// debug writes to stderr; we route it to stdout with fixed time formatting.
process.env.DEBUG_HIDE_DATE = '1';
const debug = require('debug');
debug.log = (...args) => console.log(...args);
debug.enable('app:*,-app:secret');
const a = debug('app:main'), s = debug('app:secret'), o = debug('other');
a('hello %s %d %o', 'ada', 42, { x: [1, 2] });
s('hidden'); o('hidden too');
console.log(a.enabled, s.enabled, o.enabled, a.namespace);
const ext = a.extend('sub');
ext('from %j', { sub: true });
console.log(debug.enabled('app:x'), debug.disable());
