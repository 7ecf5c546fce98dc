const uuid = require('uuid');
const a = uuid.v4(), b = uuid.v4();
console.log(uuid.validate(a), uuid.version(a), a !== b, a.length);
console.log(uuid.v5('hello', uuid.v5.DNS), uuid.v3('hello', uuid.v3.URL));
const v1 = uuid.v1({ node: [1, 2, 3, 4, 5, 6], clockseq: 0x1234, msecs: 1e12, nsecs: 5 });
console.log(v1, uuid.version(v1));
console.log(uuid.parse('6ba7b810-9dad-11d1-80b4-00c04fd430c8'));
console.log(uuid.stringify(uuid.parse(uuid.NIL)));
