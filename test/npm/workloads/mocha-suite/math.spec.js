const assert = require('assert');
describe('math', function () {
  before(function () { this.base = 10; });
  it('adds', function () { assert.strictEqual(this.base + 1, 11); });
  it('waits with a callback', function (done) { setTimeout(done, 10); });
  it('waits for a promise', async function () {
    await new Promise((r) => setImmediate(r));
    assert.deepStrictEqual([1, 2].map((x) => x * 2), [2, 4]);
  });
  it('fails on purpose', function () { assert.strictEqual(1 + 1, 3); });
  it.skip('is skipped', function () {});
  describe('nested', function () {
    beforeEach(function () { this.x = 2; });
    it('sees beforeEach', function () { assert.equal(this.x, 2); });
    it('times out', function (done) { this.timeout(50); });
  });
});
