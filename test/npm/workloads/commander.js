const { Command } = require('commander');
const program = new Command();
program.name('tool').version('1.2.3').exitOverride()
  .option('-d, --debug', 'debug output')
  .option('-p, --port <n>', 'port', (v) => parseInt(v, 10), 80)
  .option('--no-color', 'no colors');
program.command('greet <name>').option('-t, --times <n>', 'times', '1')
  .action((name, opts) => {
    for (let i = 0; i < +opts.times; i++) console.log('hello', name);
  });
program.parse(['node', 'tool', '-d', '-p', '8080', 'greet', 'ada', '-t', '2']);
console.log(program.opts());
try {
  new Command().exitOverride().configureOutput({ writeErr: (s) => console.log('ERR', s.trim()) })
    .requiredOption('-x <v>').parse(['node', 't']);
} catch (e) { console.log(e.code, e.exitCode); }
console.log(program.helpInformation());
