// console.log of 100,000 lines with stdout redirected to a file: lines/s.
// The runner sends stdout to a file and reads the result from stderr.
'use strict';
const lines = 100000;
const start = process.hrtime.bigint();
for (let i = 0; i < lines; i++) console.log('line %d of the log, with a value', i, { i });
const ns = Number(process.hrtime.bigint() - start);
process.stderr.write(`console-log-100k ${(lines / ns * 1e9).toFixed(0)} lines/s\n`);
