'use strict';

// cluster: one primary process forks workers (child_process.fork with an
// IPC channel) that share its server ports. A worker is marked by
// NODE_UNIQUE_ID in its environment; each side gets its own half.

// (An own variable: a prototype given to process.env does not count.)
module.exports =
  Object.prototype.hasOwnProperty.call(process.env, 'NODE_UNIQUE_ID') ?
    require('internal/cluster/child') :
    require('internal/cluster/primary');
