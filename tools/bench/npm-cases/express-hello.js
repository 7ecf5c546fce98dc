// An express hello-world server; prints its port, serves until killed.
const express = require('express');
const app = express();
app.get('/', (req, res) => res.send('Hello World!'));
const server = app.listen(0, '127.0.0.1', () =>
  console.log(`listening ${server.address().port}`));
