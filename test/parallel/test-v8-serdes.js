'use strict';
// v8: serialize/deserialize (bytes as Node 18 writes them), the
// Serializer/Deserializer primitives, host objects, errors, heap
// statistics, cachedDataVersionTag, setFlagsFromString.
require('../common');
const assert = require('assert');
const v8 = require('v8');

// Bytes Node 18 produces for these values.
const known = [
  [Buffer.from('ab'), 'ff0f5c0a026162'],
  [new Uint16Array([1, 2]), 'ff0f5c040401000200'],
  [{ a: 1 }, 'ff0f6f22016149027b01'],
  [new Map([[1, { b: 2n }]]), 'ff0f3b49026f2201625a1002000000000000007b013a02'],
  [new Set(['x']), 'ff0f272201782c01'],
  [new Date(5), 'ff0f440000000000001440'],
  [12345678901234567890n, 'ff0f5a10d20a1feb8ca954ab'],
  [new Float64Array([1.5]), 'ff0f5c0808000000000000f83f'],
  [[1, 'x', null, undefined], 'ff0f41044902220178305f240004'],
  [/re/g, 'ff0f522202726501'],
  [new BigInt64Array([3n]), 'ff0f5c0b080300000000000000'],
];
for (const [value, hex] of known) {
  const bytes = v8.serialize(value);
  assert(Buffer.isBuffer(bytes));
  assert.strictEqual(bytes.toString('hex'), hex);
  const back = v8.deserialize(Buffer.from(hex, 'hex'));
  assert.deepStrictEqual(back, value);
  assert.strictEqual(Object.getPrototypeOf(back),
                     Object.getPrototypeOf(value));
}
// Every view type, at an odd offset too (copied when misaligned).
for (const C of [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array,
                 Uint16Array, Int32Array, Uint32Array, Float32Array,
                 Float64Array, BigInt64Array, BigUint64Array]) {
  const v = new C(3);
  v[1] = C.name.startsWith('Big') ? 5n : 5;
  const wrapped = Buffer.concat([Buffer.from([0]), v8.serialize(v)]);
  assert.deepStrictEqual(v8.deserialize(wrapped.subarray(1)), v);
}
const dv = v8.deserialize(v8.serialize(new DataView(new ArrayBuffer(3))));
assert(dv instanceof DataView);
assert.strictEqual(dv.byteLength, 3);

assert.throws(() => v8.serialize(() => {}), {
  name: 'Error', message: '() => {} could not be cloned.',
});
assert.throws(() => v8.deserialize(Buffer.from('zz')), {
  message: 'Unable to deserialize cloned data due to invalid or ' +
           'unsupported version.',
});
assert.throws(() => v8.deserialize('x'), { code: 'ERR_INVALID_ARG_TYPE' });

// The primitives.
const ser = new v8.Serializer();
ser.writeHeader();
ser.writeUint32(7);
ser.writeDouble(1.5);
ser.writeUint64(1, 2);
ser.writeRawBytes(Buffer.from('hi'));
ser.writeValue('str');
const buf = ser.releaseBuffer();
assert.strictEqual(buf.toString('hex'),
                   'ff0f07000000000000f83f828080801068692203737472');
const des = new v8.Deserializer(buf);
assert.strictEqual(des.buffer, buf);
assert.strictEqual(des.readHeader(), true);
assert.strictEqual(des.getWireFormatVersion(), 15);
assert.strictEqual(des.readUint32(), 7);
assert.strictEqual(des.readDouble(), 1.5);
assert.deepStrictEqual(des.readUint64(), [1, 2]);
assert.deepStrictEqual(des.readRawBytes(2), Buffer.from('hi'));
assert.strictEqual(des.readValue(), 'str');

// Without host-object handling a plain Serializer writes views natively.
const plain = new v8.Serializer();
plain.writeValue(new Uint8Array(1));
const hostless = new v8.Serializer();
hostless._setTreatArrayBufferViewsAsHostObjects(true);
assert.throws(() => hostless.writeValue(new Uint8Array(1)), {
  message: '[object Uint8Array] could not be cloned.',
});

// Custom host objects and error classes.
class MySer extends v8.Serializer {
  _writeHostObject(obj) {
    this.writeUint32(obj.length);
  }
}
MySer.prototype._getDataCloneError = TypeError;
class MyDes extends v8.Deserializer {
  _readHostObject() {
    return { length: this.readUint32() };
  }
}
const s2 = new MySer();
s2._setTreatArrayBufferViewsAsHostObjects(true);
s2.writeHeader();
s2.writeValue([new Uint8Array(9)]);
const d2 = new MyDes(s2.releaseBuffer());
d2.readHeader();
assert.deepStrictEqual(d2.readValue(), [{ length: 9 }]);
assert.throws(() => new MySer().writeValue(Symbol('s')), TypeError);

// Transferred ArrayBuffers.
const ab = new ArrayBuffer(4);
const s3 = new v8.Serializer();
s3.transferArrayBuffer(0, ab);
s3.writeHeader();
s3.writeValue(ab);
const d3 = new v8.Deserializer(s3.releaseBuffer());
const target = new ArrayBuffer(4);
d3.transferArrayBuffer(0, target);
d3.readHeader();
assert.strictEqual(d3.readValue(), target);

// Heap and engine facts.
const hs = v8.getHeapStatistics();
for (const key of ['total_heap_size', 'used_heap_size', 'heap_size_limit',
                   'malloced_memory', 'external_memory',
                   'number_of_native_contexts']) {
  assert.strictEqual(typeof hs[key], 'number', key);
}
assert(hs.used_heap_size > 0 && hs.used_heap_size <= hs.total_heap_size);
const spaces = v8.getHeapSpaceStatistics();
assert(spaces.some((s) => s.space_name === 'old_space'));
for (const s of spaces) {
  assert.deepStrictEqual(Object.keys(s), ['space_name', 'space_size',
                                          'space_used_size',
                                          'space_available_size',
                                          'physical_space_size']);
}
assert.deepStrictEqual(Object.keys(v8.getHeapCodeStatistics()),
                       ['code_and_metadata_size', 'bytecode_and_metadata_size',
                        'external_script_source_size',
                        'cpu_profiler_metadata_size']);
assert.strictEqual(typeof v8.cachedDataVersionTag(), 'number');
assert.strictEqual(v8.cachedDataVersionTag(), v8.cachedDataVersionTag());
v8.setFlagsFromString('--allow-natives-syntax');
assert.throws(() => v8.setFlagsFromString(1), { code: 'ERR_INVALID_ARG_TYPE' });
