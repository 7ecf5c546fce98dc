const assert = require('assert');
describe('strings', function () {
  it('pads', function () { assert.strictEqual('7'.padStart(3, '0'), '007'); });
  it('splits', async function () { assert.deepStrictEqual('a,b'.split(','), ['a', 'b']); });
});
