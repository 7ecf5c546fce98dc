// v8: the engine's value serializer (Serializer/Deserializer, and the
// Default pair that writes Buffers and typed arrays the way Node does, so
// bytes made by Node 18's v8.serialize read here and back), heap
// statistics, the code cache tag and V8 flags. src/v8.c is the native side.
'use strict';

const binding = internalBinding('v8');
const { Buffer } = require('buffer');
const { validateString } = require('internal/validators');
const {
  codes: { ERR_INVALID_ARG_TYPE },
} = require('internal/errors');

const kHandle = Symbol('kHandle');

class Serializer {
  constructor() {
    this[kHandle] = binding.serNew();
  }

  writeHeader() {
    binding.serWriteHeader(this[kHandle]);
  }

  writeValue(value) {
    return binding.serWriteValue(this[kHandle], this, value);
  }

  releaseBuffer() {
    const bytes = binding.serRelease(this[kHandle]);
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  }

  transferArrayBuffer(id, arrayBuffer) {
    binding.serTransfer(this[kHandle], id, arrayBuffer);
  }

  writeUint32(value) {
    binding.serWriteUint32(this[kHandle], value >>> 0);
  }

  writeUint64(hi, lo) {
    binding.serWriteUint64(this[kHandle], hi >>> 0, lo >>> 0);
  }

  writeDouble(value) {
    binding.serWriteDouble(this[kHandle], +value);
  }

  writeRawBytes(source) {
    if (!ArrayBuffer.isView(source)) {
      throw new ERR_INVALID_ARG_TYPE(
        'source', ['Buffer', 'TypedArray', 'DataView'], source);
    }
    binding.serWriteRaw(this[kHandle], source);
  }

  _setTreatArrayBufferViewsAsHostObjects(flag) {
    binding.serViewsAsHost(this[kHandle], flag);
  }
}
Serializer.prototype._getDataCloneError = Error;

class Deserializer {
  constructor(buffer) {
    if (!ArrayBuffer.isView(buffer)) {
      throw new ERR_INVALID_ARG_TYPE(
        'buffer', ['Buffer', 'TypedArray', 'DataView'], buffer);
    }
    this[kHandle] = binding.desNew(buffer);
    Object.defineProperty(this, 'buffer', {
      value: buffer, enumerable: true, configurable: false, writable: false,
    });
  }

  readHeader() {
    return binding.desReadHeader(this[kHandle], this);
  }

  readValue() {
    return binding.desReadValue(this[kHandle], this);
  }

  getWireFormatVersion() {
    return binding.desWireVersion(this[kHandle]);
  }

  transferArrayBuffer(id, arrayBuffer) {
    binding.desTransfer(this[kHandle], id, arrayBuffer);
  }

  readUint32() {
    return binding.desReadUint32(this[kHandle]);
  }

  readUint64() {
    return binding.desReadUint64(this[kHandle]);
  }

  readDouble() {
    return binding.desReadDouble(this[kHandle]);
  }

  _readRawBytes(length) {
    return binding.desReadRaw(this[kHandle], length);
  }

  readRawBytes(length) {
    const offset = this._readRawBytes(length);
    return Buffer.from(this.buffer.buffer, this.buffer.byteOffset + offset,
                       length);
  }
}

// Node's numbering of views written as host objects (10 is Buffer).
const kViewTypes = [
  Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array,
  Int32Array, Uint32Array, Float32Array, Float64Array, DataView, Buffer,
  BigInt64Array, BigUint64Array,
];
const kTagToIndex = new Map(kViewTypes.map((C, i) =>
  [`[object ${C.name}]`, i]));
kTagToIndex.delete('[object Buffer]');

class DefaultSerializer extends Serializer {
  constructor() {
    super();
    this._setTreatArrayBufferViewsAsHostObjects(true);
  }

  _writeHostObject(view) {
    let index = 10;
    if (!(view instanceof Buffer)) {
      index = kTagToIndex.get(Object.prototype.toString.call(view));
      if (index === undefined) {
        throw new this._getDataCloneError(
          `Unserializable host object: ${require('util').inspect(view)}`);
      }
    }
    this.writeUint32(index);
    this.writeUint32(view.byteLength);
    this.writeRawBytes(new Uint8Array(view.buffer, view.byteOffset,
                                      view.byteLength));
  }
}

class DefaultDeserializer extends Deserializer {
  _readHostObject() {
    const index = this.readUint32();
    const byteLength = this.readUint32();
    const offset = this._readRawBytes(byteLength);
    const Ctor = kViewTypes[index];
    if (Ctor === undefined) throw new Error('Unable to deserialize cloned data.');
    const size = Ctor.BYTES_PER_ELEMENT || 1;
    let ab = this.buffer.buffer;
    let start = this.buffer.byteOffset + offset;
    if (start % size !== 0) {
      // Misaligned for this element size: copy.
      const copy = new Uint8Array(byteLength);
      copy.set(new Uint8Array(ab, start, byteLength));
      ab = copy.buffer;
      start = 0;
    }
    if (Ctor === Buffer) return Buffer.from(ab, start, byteLength);
    return new Ctor(ab, start, byteLength / size);
  }
}

function serialize(value) {
  const ser = new DefaultSerializer();
  ser.writeHeader();
  ser.writeValue(value);
  return ser.releaseBuffer();
}

function deserialize(buffer) {
  const des = new DefaultDeserializer(buffer);
  des.readHeader();
  return des.readValue();
}

function getHeapStatistics() {
  return binding.heapStatistics();
}

function getHeapSpaceStatistics() {
  return binding.heapSpaceStatistics();
}

function getHeapCodeStatistics() {
  return binding.heapCodeStatistics();
}

function cachedDataVersionTag() {
  return binding.cachedDataVersionTag();
}

function setFlagsFromString(flags) {
  validateString(flags, 'flags');
  binding.setFlagsFromString(flags);
}

module.exports = {
  cachedDataVersionTag,
  getHeapStatistics,
  getHeapSpaceStatistics,
  getHeapCodeStatistics,
  setFlagsFromString,
  Serializer,
  Deserializer,
  DefaultSerializer,
  DefaultDeserializer,
  deserialize,
  serialize,
  promiseHooks: require('internal/promise_hooks').promiseHooks,
};
