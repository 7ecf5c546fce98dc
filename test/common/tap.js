'use strict';
// TAP output of node:test with what differs from run to run masked:
// durations become '*', stack blocks are left out.

function maskTap(text) {
  const out = [];
  let stackIndent = -1;
  for (const line of text.split('\n')) {
    const indent = line.search(/\S/);
    if (stackIndent >= 0 && indent > stackIndent) continue;
    stackIndent = -1;
    if (/^\s*stack: \|-$/.test(line)) {
      stackIndent = indent;
      continue;
    }
    out.push(line.replace(/duration_ms: [\d.]+/, 'duration_ms: *')
                 .replace(/^# duration_ms [\d.]+/, '# duration_ms *'));
  }
  return out.join('\n');
}

module.exports = { maskTap };
