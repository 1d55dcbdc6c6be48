import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { adversarialLines } from './adversarial-text.js';
import { findUrls } from './urls.js';

describe('findUrls', () => {
  const cases: [string, string, string][] = [
    ['see https://example.com/a?b=1.', 'https://example.com/a?b=1', 'https://example.com/a?b=1'],
    ['(www.Example.COM/path)', 'www.Example.COM/path', 'http://www.example.com/path'],
    ['https://en.wikipedia.org/wiki/Foo_(bar)', 'https://en.wikipedia.org/wiki/Foo_(bar)', 'https://en.wikipedia.org/wiki/Foo_(bar)'],
    ['[https://example.com/x]', 'https://example.com/x', 'https://example.com/x'],
    ['HTTPS://EXAMPLE.COM:443/A', 'HTTPS://EXAMPLE.COM:443/A', 'https://example.com/A'],
    ['http://example.com', 'http://example.com', 'http://example.com/'],
    ['http://192.168.1.1/admin, then', 'http://192.168.1.1/admin', 'http://192.168.1.1/admin'],
    ['at https://t.me/channel_name…', 'https://t.me/channel_name', 'https://t.me/channel_name'],
    ['“https://example.org/x”', 'https://example.org/x', 'https://example.org/x'],
    ['"https://example.org/x"', 'https://example.org/x', 'https://example.org/x'],
    ['hxxps://evil[.]com/x', 'hxxps://evil[.]com/x', 'https://evil.com/x'],
    ['www.example[.]org!', 'www.example[.]org', 'http://www.example.org/'],
    ['http://موقع.وزارة-الاتصالات.مصر/', 'http://موقع.وزارة-الاتصالات.مصر/', 'http://xn--4gbrim.xn----ymcbaaajlc6dj7bxne2c.xn--wgbh1c/'],
  ];
  for (const [text, span, value] of cases) {
    it(`reads "${span}" in "${text}"`, () => {
      const found = findUrls(text);
      assert.equal(found.length, 1, JSON.stringify(found));
      assert.equal(found[0]!.text, span);
      assert.equal(text.slice(found[0]!.start, found[0]!.end), span);
      assert.equal(found[0]!.value, value);
    });
  }

  const notUrls: [string, string][] = [
    ['http://', 'a scheme alone'],
    ['www.', 'a "www." alone'],
    ['write to me@www.example.com', 'an e-mail address'],
    ['ftp://example.com/file', 'another scheme'],
    ['example.com', 'a bare domain'],
    ['http://localhost:8080/', 'a host without a suffix'],
  ];
  for (const [text, what] of notUrls) {
    it(`finds nothing in ${what} ("${text}")`, () => assert.deepEqual(findUrls(text), []));
  }

  it('finds every link of a paragraph at its offsets, without overlaps', () => {
    const text = 'Posted at https://t.me/a1, mirrored on www.example.org/b (and hxxp://bad[.]net/c).';
    const found = findUrls(text);
    assert.deepEqual(found.map((f) => f.text), ['https://t.me/a1', 'www.example.org/b', 'hxxp://bad[.]net/c']);
    for (const f of found) assert.equal(text.slice(f.start, f.end), f.text);
    for (let i = 1; i < found.length; i++) assert.ok(found[i - 1]!.end <= found[i]!.start);
  });

  for (const { name, text } of adversarialLines) {
    it(`returns on a 1 MB line of ${name}`, () => assert.ok(Array.isArray(findUrls(text))));
  }
  it('returns on a 1 MB line of closing brackets after a link', () => {
    assert.ok(Array.isArray(findUrls('www.example.com/' + ')'.repeat(1 << 20))));
  });
});
