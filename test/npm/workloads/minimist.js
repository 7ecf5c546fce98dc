const parse = require('minimist');
console.log(parse(['-a', 'beep', '-b', 'boop', '-x', '3', '-y', '4', '-n5', '-abc',
  '--beep=boop', 'foo', 'bar', 'baz', '--no-ding', '--', '--not-a-flag']));
console.log(parse(['--port', '80', '-v', 'file'], {
  string: ['port'], boolean: ['v'], alias: { v: 'verbose' }, default: { host: 'localhost' } }));
