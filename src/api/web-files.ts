// The built web workbench (dist/web, from `npm run build`), read once when the server starts and served from
// memory. Hashed assets never change under their name, so browsers may keep them; the page itself is always asked
// for again, so a new version is picked up on the next load.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';

export interface WebFile {
  body: Uint8Array;
  type: string;
  cache: string;
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

const notBuilt = (root: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Vigil</title></head><body>` +
  `<h1>The web workbench is not built</h1><p>No built files were found in ${root.replace(/&/g, '&amp;').replace(/</g, '&lt;')}. ` +
  `Run <code>npm run build</code> (or <code>npm start</code>, which builds it), then reload this page. The API under /api works without it.</p></body></html>`;

/** Every file under `root` by its URL path; '/' is index.html, or a page saying how to build it when there is none. */
export function loadWebFiles(root: string): Map<string, WebFile> {
  const files = new Map<string, WebFile>();
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else {
        const url = '/' + relative(root, path).split(sep).join('/');
        const hashed = url.startsWith('/assets/');
        files.set(url, { body: readFileSync(path), type: types[extname(name)] ?? 'application/octet-stream', cache: hashed ? 'public, max-age=31536000, immutable' : 'no-cache' });
      }
    }
  };
  if (existsSync(join(root, 'index.html'))) walk(root);
  const index = files.get('/index.html') ?? { body: new TextEncoder().encode(notBuilt(root)), type: types['.html']!, cache: 'no-cache' };
  files.set('/', index);
  return files;
}
