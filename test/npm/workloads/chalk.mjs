import chalk, { Chalk } from 'chalk';
const c = new Chalk({ level: 1 });
console.log(JSON.stringify(c.red('red')), JSON.stringify(c.bold.blue('bb')));
console.log(JSON.stringify(c.bgGreen.black(`x ${c.underline('y')} z`)));
const c3 = new Chalk({ level: 3 });
console.log(JSON.stringify(c3.hex('#ff8800')('hex')), JSON.stringify(c3.rgb(1, 2, 3)('rgb')));
console.log('default level', chalk.level, JSON.stringify(chalk.green('plain?')));
