import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadWebFiles } from './web-files.js';

describe('the built web files', () => {
  it('serves index.html at / and hashed assets as immutable, each with its type', async () => {
    const root = await mkdtemp(join(tmpdir(), 'vigil-web-'));
    await mkdir(join(root, 'assets'));
    await writeFile(join(root, 'index.html'), '<!doctype html><title>Vigil</title>');
    await writeFile(join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
    await writeFile(join(root, 'assets', 'countries-x.json'), '{}');
    const files = loadWebFiles(root);
    assert.equal(new TextDecoder().decode(files.get('/')!.body), '<!doctype html><title>Vigil</title>');
    assert.equal(files.get('/')!.cache, 'no-cache');
    assert.deepEqual([files.get('/assets/index-abc123.js')!.type, files.get('/assets/index-abc123.js')!.cache], ['text/javascript; charset=utf-8', 'public, max-age=31536000, immutable']);
    assert.equal(files.get('/assets/countries-x.json')!.type, 'application/json');
    assert.equal(files.get('/assets/missing.js'), undefined);
    await rm(root, { recursive: true, force: true });
  });

  it('says how to build the workbench when it has not been built', async () => {
    const root = await mkdtemp(join(tmpdir(), 'vigil-web-'));
    const files = loadWebFiles(join(root, 'dist', 'web'));
    assert.match(new TextDecoder().decode(files.get('/')!.body), /not built.*npm run build/s);
    assert.equal(files.size, 1);
    await rm(root, { recursive: true, force: true });
  });
});
