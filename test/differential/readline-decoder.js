// readline over a stream, string_decoder and structured clone, as printed.
'use strict';
const readline = require('readline');
const { PassThrough } = require('stream');
const { StringDecoder } = require('string_decoder');

const d = new StringDecoder('utf8');
const euro = Buffer.from('€');
console.log(JSON.stringify(d.write(euro.subarray(0, 1))), d.write(euro.subarray(1)), JSON.stringify(d.end(Buffer.from([0xe2]))));
const d16 = new StringDecoder('utf16le');
console.log(d16.write(Buffer.from([0x61, 0x00, 0x3d])), d16.end(Buffer.from([0xd8])));
const b64 = new StringDecoder('base64');
console.log(b64.write(Buffer.from('ab')), b64.write(Buffer.from('c')), b64.end(Buffer.from('d')));

const clone = structuredClone({ d: new Date(0), r: /x/gi, m: new Map([[1, { s: new Set([2]) }]]), e: new RangeError('bad'), u8: new Uint8Array([1, 2]), big: 10n, n: null });
console.log({ ...clone, e: undefined }, clone.e instanceof RangeError, clone.e.message);
try { structuredClone(() => {}); } catch (e) { console.log(e.name, e.message); }
try { structuredClone({ s: Symbol('x') }); } catch (e) { console.log(e.name, e.message); }

const input = new PassThrough();
const rl = readline.createInterface({ input, crlfDelay: Infinity });
const lines = [];
rl.on('line', (l) => lines.push(l));
rl.on('close', () => {
  console.log(lines);
  const { port1, port2 } = new MessageChannel();
  port2.onmessage = (ev) => { console.log('message', ev.data); port2.close(); };
  port1.postMessage({ hello: [1, 2, { deep: true }] });
});
input.write('one\r\ntwo\nthr');
input.write('ee\n\nlast without newline');
input.end();
(async () => {
  const rl2 = readline.createInterface({ input: require('stream').Readable.from(['a\nb', '\nc\n']) });
  const got = [];
  for await (const line of rl2) got.push(line);
  console.log('async', got);
})();
