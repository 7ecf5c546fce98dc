const yargs = require('yargs/yargs');
const { hideBin } = require('yargs/helpers');
const argv = yargs(['serve', '--port', '3000', '-v', '--tags', 'a', 'b'])
  .scriptName('app')
  .command('serve', 'start', (y) => y.option('port', { type: 'number', default: 80 }))
  .option('v', { alias: 'verbose', type: 'boolean' })
  .option('tags', { type: 'array' })
  .strict().parse();
console.log(argv._, argv.port, argv.verbose, argv.tags);
console.log(hideBin(['node', 'script', '--x']));
yargs(['--help']).scriptName('app').option('name', { describe: 'who', type: 'string' })
  .wrap(70).exitProcess(false).parse([], (err, a, output) => console.log(output));
yargs([]).scriptName('app').demandOption('must').exitProcess(false)
  .fail((msg) => console.log('fail:', msg)).parse();
