'use strict';

// The REPL's history file: one entry per line, newest first (the order of
// Node's file, so either can read the other's). An entry of several lines
// is one entry: its inner line breaks are stored as carriage returns, so
// that it comes back as one block.

const fs = require('fs');
const path = require('path');
const os = require('os');

const kDefaultSize = 1000;

// Where the history goes and how many entries it keeps, from
// NODE_REPL_HISTORY (a path; empty or blanks: no file) and
// NODE_REPL_HISTORY_SIZE. The path is null when history is not saved.
function historyOptions(env = process.env) {
  let file = env.NODE_REPL_HISTORY;
  if (file === undefined) {
    file = path.join(os.homedir(), '.noderun_repl_history');
  } else if (file.trim() === '') {
    file = null;
  }
  let size = Number(env.NODE_REPL_HISTORY_SIZE);
  if (!Number.isInteger(size) || size < 0) size = kDefaultSize;
  return { file, size };
}

function parseHistory(text, size) {
  const entries = [];
  for (const line of text.split('\n')) {
    const entry = line.replace(/\r$/, '').replace(/\r/g, '\n');
    if (entry.trim() !== '') entries.push(entry);
    if (entries.length >= size) break;
  }
  return entries;
}

function serializeHistory(entries) {
  return entries.map((e) => e.replace(/\r?\n/g, '\r')).join('\n');
}

// The entries of the file, newest first; [] when it does not exist yet.
function loadHistory(file, size) {
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if (err.code === 'ENOENT') return [];
    throw err;
  }
  return parseHistory(text, size);
}

// Written whole after each entry: the file is small, and a session that
// ends abruptly keeps everything up to its last line.
function saveHistory(file, entries) {
  fs.writeFileSync(file, serializeHistory(entries), { mode: 0o600 });
}

module.exports = {
  historyOptions,
  loadHistory,
  parseHistory,
  saveHistory,
  serializeHistory,
};
