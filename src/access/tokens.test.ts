import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newToken, tokenHash, tokenIdOf } from './tokens.js';

describe('API tokens', () => {
  it('names each token by an id inside it and keeps only its hash', () => {
    const { token, id, hash } = newToken();
    assert.match(token, /^vigil_t_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    assert.equal(tokenIdOf(token), id);
    assert.equal(hash, tokenHash(token));
    assert.ok(!hash.includes(token.slice(-43)));
    assert.notEqual(newToken().token, token);
  });

  it('reads no id from what is not one of its tokens', () => {
    const { token } = newToken();
    for (const bad of ['', 'Bearer ' + token, token.slice(0, -1), token + 'x', 'ghp_' + token.slice(6)]) assert.equal(tokenIdOf(bad), null, bad);
  });
});
