import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SignInThrottle } from './throttle.js';

function clockAt(ms: number) {
  let now = ms;
  return { now: () => new Date(now), advance: (by: number) => void (now += by) };
}

describe('sign-in throttle', () => {
  const limits = { perAccount: 3, perAddress: 5, windowMs: 60_000 };

  it('holds an account after its failures, whatever the address, until the window has passed', () => {
    const clock = clockAt(0);
    const throttle = new SignInThrottle(clock, limits);
    for (const address of ['10.0.0.1', '10.0.0.2', '10.0.0.3']) {
      assert.equal(throttle.waitSeconds('Leila', address), 0);
      throttle.failed('leila', address);
      clock.advance(10_000);
    }
    assert.equal(throttle.waitSeconds('LEILA', '10.0.0.9'), 30, 'the first failure leaves the window in 30 s');
    assert.equal(throttle.waitSeconds('omar', '10.0.0.9'), 0, 'other accounts are not held');
    clock.advance(30_000);
    assert.equal(throttle.waitSeconds('leila', '10.0.0.9'), 0);
  });

  it('holds an address trying many accounts, and refused tokens from it count too', () => {
    const throttle = new SignInThrottle(clockAt(0), limits);
    for (const name of ['a', 'b', 'c', 'd']) throttle.failed(name, '10.0.0.7');
    assert.equal(throttle.addressWaitSeconds('10.0.0.7'), 0);
    throttle.failedFrom('10.0.0.7');
    assert.equal(throttle.waitSeconds('someone-new', '10.0.0.7'), 60);
    assert.equal(throttle.addressWaitSeconds('10.0.0.7'), 60);
    assert.equal(throttle.addressWaitSeconds('10.0.0.8'), 0);
  });

  it("clears an account's failures when it signs in", () => {
    const throttle = new SignInThrottle(clockAt(0), limits);
    throttle.failed('leila', null);
    throttle.failed('leila', null);
    throttle.succeeded('leila');
    throttle.failed('leila', null);
    throttle.failed('leila', null);
    assert.equal(throttle.waitSeconds('leila', null), 0, 'two failures since, under the three allowed');
  });
});
