// Buffer encodings, reads and writes, and inspection, as printed.
'use strict';
const b = Buffer.from('héllo wörld ✓ 😀');
console.log(b, b.length, b.toString('hex'), b.toString('base64'), b.toString('base64url'));
console.log(b.toString('latin1'), b.toString('ascii'), b.toString('utf16le').length, b.toString('utf8', 1, 5));
console.log(Buffer.from('aGVsbG8gd29ybGQ', 'base64').toString(), Buffer.from('68656c6c6fzz', 'hex'));
console.log(Buffer.from('ab', 'utf16le'), Buffer.byteLength('😀'), Buffer.byteLength('aGk=', 'base64'));
const w = Buffer.alloc(32);
w.writeUInt32BE(0xdeadbeef, 0); w.writeInt16LE(-2, 4); w.writeDoubleLE(Math.PI, 6);
w.writeBigInt64BE(-5n, 14); w.writeUIntBE(0x123456, 22, 3); w.writeFloatBE(1.5, 25);
console.log(w, w.readUInt32BE(0), w.readInt16LE(4), w.readDoubleLE(6), w.readBigInt64BE(14), w.readUIntBE(22, 3), w.readFloatBE(25));
try { w.readUInt32LE(30); } catch (e) { console.log(e.code, e.name, e.message); }
try { Buffer.alloc(-1); } catch (e) { console.log(e.code, e.message); }
console.log(Buffer.compare(Buffer.from('a'), Buffer.from('b')), b.indexOf('wörld'), b.includes('✓'), b.lastIndexOf('l'));
console.log(Buffer.concat([Buffer.from('ab'), Buffer.from('cd')], 3), Buffer.from([1, 2, 3]).toJSON());
console.log(Buffer.from('abcdefgh').swap16(), Buffer.from('abcdefgh').swap32(), Buffer.from('abcdefgh').swap64());
console.log(Buffer.alloc(5, 'ab'), Buffer.alloc(4).fill(0x41, 1, 3), b.subarray(1, 4), b.slice(-4));
console.log(Buffer.isEncoding('UTF-8'), Buffer.isEncoding('nope'), Buffer.isBuffer(new Uint8Array(1)), Buffer.poolSize);
console.log(Buffer.alloc(60), [Buffer.from('x')], { buf: Buffer.from('yy') });
console.log(new TextDecoder().decode(new Uint8Array([0xe2, 0x82, 0xac])), new TextEncoder().encode('€'));
console.log(atob('aGk='), btoa('hi'), new TextDecoder('utf-16le').decode(Buffer.from('hi', 'utf16le')));
