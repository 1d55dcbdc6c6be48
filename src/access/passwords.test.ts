import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hashPassword, oneTimePassword, passwordProblem, verifyPassword } from './passwords.js';

// A low cost keeps the tests quick; the cost travels in the stored hash, so verification uses it.
const quick = { N: 2 ** 10, r: 8, p: 1 };

describe('passwords', () => {
  it('verifies the password hashed and refuses any other, with a fresh salt every time', async () => {
    const stored = await hashPassword('correct horse battery', quick);
    assert.match(stored, /^scrypt\$1024\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    assert.equal(await verifyPassword('correct horse battery', stored), true);
    assert.equal(await verifyPassword('correct horse battery ', stored), false);
    assert.equal(await verifyPassword('Correct horse battery', stored), false);
    assert.notEqual(await hashPassword('correct horse battery', quick), stored, 'salted');
  });

  it('reads the cost from the stored hash, so raising the default keeps old passwords working', async () => {
    const stored = await hashPassword('pass phrase for leila', { N: 2 ** 11, r: 4, p: 2 });
    assert.equal(await verifyPassword('pass phrase for leila', stored), true);
  });

  it('takes the same password in composed and decomposed Unicode as one', async () => {
    const stored = await hashPassword('Ghaz\u0101l-1234-safe', quick);
    assert.equal(await verifyPassword('Ghaza\u0304l-1234-safe', stored), true);
  });

  it('fails loudly on a stored hash it cannot read, instead of refusing everyone quietly', async () => {
    await assert.rejects(verifyPassword('x', 'bcrypt$12$abc'), /scrypt\$N\$r\$p\$salt\$hash/);
  });

  it('refuses short, name-bearing and repetitive passwords', () => {
    assert.match(passwordProblem('short', 'leila') ?? '', /at least 12/);
    assert.match(passwordProblem('leila-is-the-best-2017', 'Leila') ?? '', /user name/);
    assert.match(passwordProblem('aaaaaaaaaaaaaaaa', 'leila') ?? '', /different characters/);
    assert.equal(passwordProblem('tall ships at Tartus', 'leila'), null);
  });

  it('makes one-time passwords of 20 readable characters, different each time', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const password = oneTimePassword();
      assert.match(password, /^[a-km-zA-HJ-NP-Z2-9]{5}(-[a-km-zA-HJ-NP-Z2-9]{5}){3}$/);
      seen.add(password);
    }
    assert.equal(seen.size, 200);
  });
});
