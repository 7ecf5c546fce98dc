'use strict';
// WHATWG streams: error classes, codes and messages, and util.inspect.
{
const util=require('util');
const rs = new ReadableStream();
console.log(util.inspect(rs));
console.log(util.inspect(rs.getReader()));
console.log(util.inspect(new WritableStream()));
const ws=new WritableStream(); console.log(util.inspect(ws.getWriter()));
console.log(util.inspect(new TransformStream()));
console.log(util.inspect(new CountQueuingStrategy({highWaterMark:2})));
console.log(util.inspect(new ByteLengthQueuingStrategy({highWaterMark:2})));
let c; new ReadableStream({start(x){c=x}}); console.log(util.inspect(c));
let w; new WritableStream({start(x){w=x}}); console.log(util.inspect(w));
try { rs.getReader().read(); } catch(e){}
const r2=new ReadableStream(); r2.getReader(); try{r2.getReader()}catch(e){console.log(e.name,e.code,e.message)}
try{ReadableStream.prototype.getReader.call({})}catch(e){console.log(e.name,e.code,e.message)}
try{new ReadableStream(1)}catch(e){console.log(e.name,e.code,e.message)}
try{new ReadableStream({type:'foo'})}catch(e){console.log(e.name,e.code,e.message)}
try{new ReadableStreamDefaultReader(1)}catch(e){console.log(e.name,e.code,e.message)}
try{new ReadableStreamDefaultController()}catch(e){console.log(e.name,e.code,e.message)}
Object.getOwnPropertyDescriptor(ReadableStream.prototype,'locked').get.call ? (()=>{try{Object.getOwnPropertyDescriptor(ReadableStream.prototype,'locked').get.call({})}catch(e){console.log(e.name,e.code,e.message)}})():0;
const r3=new ReadableStream(); const rd=r3.getReader(); rd.releaseLock(); rd.read().catch(e=>console.log('read after release',e.name,e.code,e.message));
rd.closed.catch(e=>console.log('closed after release',e.name,e.code,e.message));
const ws2=new WritableStream(); const wr=ws2.getWriter(); wr.releaseLock(); wr.write(1).catch(e=>console.log('write after release',e.name,e.code,e.message));
const ws3=new WritableStream(); const wr3=ws3.getWriter(); wr3.close(); wr3.write(1).catch(e=>console.log('write after close',e.name,e.code,e.message));
let cc; const r4=new ReadableStream({start(x){cc=x}}); cc.close(); try{cc.enqueue(1)}catch(e){console.log('enq after close',e.name,e.code,e.message)}
try{cc.close()}catch(e){console.log('close after close',e.name,e.code,e.message)}
r4.cancel().then(v=>console.log('cancel closed',v));
const lr=new ReadableStream(); lr.getReader(); lr.cancel().catch(e=>console.log('cancel locked',e.name,e.code,e.message));
lr.pipeTo(new WritableStream()).catch(e=>console.log('pipeTo locked',e.name,e.code,e.message));
try{new ReadableStream().pipeTo(1).catch(e=>console.log('pipeTo bad',e.name,e.code,e.message))}catch(e){console.log('sync',e.message)}
try{new ReadableStream().tee.call(1)}catch(e){console.log(e.name,e.code,e.message)}
try{new CountQueuingStrategy()}catch(e){console.log(e.name,e.code,e.message)}
try{new ReadableStream({}, {highWaterMark:-1})}catch(e){console.log(e.name,e.code,e.message)}
try{new ReadableStream({}, {size:1})}catch(e){console.log(e.name,e.code,e.message)}
try{new ReadableStream({start:1})}catch(e){console.log(e.name,e.code,e.message)}
}
{
const r=new ReadableStream(); const rd=r.getReader(); const p=rd.read(); rd.releaseLock(); p.catch(e=>console.log('pending read',e.name,e.code,e.message));
try{new CountQueuingStrategy({})}catch(e){console.log(e.name,e.code,e.message)}
const w=new WritableStream(); const wr=w.getWriter(); wr.releaseLock(); wr.closed.catch(e=>console.log('wclosed',e.name,e.code,e.message)); wr.ready.catch(e=>console.log('wready',e.name,e.code,e.message));
try{wr.desiredSize}catch(e){console.log('ds',e.name,e.code,e.message)}
const w2=new WritableStream(); w2.getWriter(); try{w2.getWriter()}catch(e){console.log(e.name,e.code,e.message)}
w2.abort().catch(e=>console.log('abort locked',e.message)); w2.close().catch(e=>console.log('close locked',e.message));
let tc; const ts=new TransformStream({start(c){tc=c}}); tc.terminate(); try{tc.enqueue(1)}catch(e){console.log('tenq',e.name,e.code,e.message)}
ts.writable.getWriter().write(1).catch(e=>console.log('tw',e.name,e.code,e.message));
try{new WritableStream({type:'x'})}catch(e){console.log(e.name,e.code,e.message)}
try{new TransformStream({readableType:'x'})}catch(e){console.log(e.name,e.code,e.message)}
const w3=new WritableStream(); const wr3=w3.getWriter(); wr3.close(); wr3.close().catch(e=>console.log('close twice',e.name,e.code,e.message));
}
