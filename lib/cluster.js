'use strict';

// cluster: one primary process forks workers (child_process.fork with an
// IPC channel) that share its server ports. A worker is marked by
// NODE_UNIQUE_ID in its environment; each side gets its own half.

module.exports = process.env.NODE_UNIQUE_ID === undefined ?
  require('internal/cluster/primary') :
  require('internal/cluster/child');
