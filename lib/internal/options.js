'use strict';

// The value of a command-line option the runtime leaves to JS, from
// NODE_OPTIONS then the command line (process.execArgv as it was at start),
// the last one winning: a string for --name=value or --name value (when
// the option takes a value), true for a flag, undefined when absent.

const { nodeOptions } = internalBinding('process_methods').getOptions();
const execArgv = process.execArgv.slice();

function getOptionValue(name, takesValue = false) {
  let value;
  for (const args of [nodeOptions, execArgv]) {
    for (let i = 0; i < args.length; i++) {
      if (args[i] === name) {
        value = takesValue ? args[++i] : true;
      } else if (args[i].startsWith(`${name}=`)) {
        value = args[i].slice(name.length + 1);
      } else if (args[i] === '-e' || args[i] === '--eval' ||
                 args[i] === '-r' || args[i] === '--require') {
        i++;  // a value that may look like an option
      }
    }
  }
  return value;
}

module.exports = { getOptionValue };
