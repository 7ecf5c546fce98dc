const _ = require('lodash');
const people = [
  { name: 'ada', age: 36, team: 'math' },
  { name: 'alan', age: 41, team: 'math' },
  { name: 'grace', age: 85, team: 'navy' },
];
console.log(_.groupBy(people, 'team'));
console.log(_.sortBy(people, ['age']).map((p) => p.name).join(','));
console.log(_.chunk(_.range(10), 3));
console.log(_.merge({ a: { b: 1 } }, { a: { c: 2 } }, { d: [1, 2] }));
console.log(_.cloneDeep({ x: new Date(0), y: [{ z: 1 }] }));
console.log(_.template('hello <%= who %>!')({ who: 'world' }));
console.log(_.debounce, typeof _.throttle(() => {}, 10));
console.log(_.isEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }));
console.log(_.camelCase('Foo Bar-baz'), _.kebabCase('fooBarBaz'));
const d = _.debounce((v) => console.log('debounced', v), 20);
d(1); d(2); d(3);
