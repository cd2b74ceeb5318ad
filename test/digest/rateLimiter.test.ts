import assert from 'node:assert/strict';
import { RateLimiter } from '../../src/digest/rateLimiter.js';

describe('the rate limiter', () => {
  it('lets at most N start in any second, in order, without waiting when there is room', async () => {
    let now = 1_000_000;
    const starts: number[] = [];
    const limiter = new RateLimiter(30, () => now, async (ms) => {
      now += ms;
    });
    for (let n = 0; n < 95; n += 1) {
      await limiter.take();
      starts.push(now);
    }
    for (let i = 30; i < starts.length; i += 1) assert.ok(starts[i]! - starts[i - 30]! >= 1000 - 1e-6, `#${i}`);
    assert.ok(starts.at(-1)! - starts[0]! < 94 * (1000 / 30) + 1, 'and no slower than it must');
    now += 10_000;
    const before = now;
    await limiter.take();
    assert.equal(now, before, 'after a pause the next one starts at once');
  });
});
