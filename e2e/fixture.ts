// The workbench as a user meets it: a real Vigil (SQLite store, the sample corpus ingested) served on a local port
// from the built files, and Debian's Chromium driven by playwright-core. Nothing is downloaded: when no Chromium is
// installed the tests say so and skip.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Role } from '../src/access/index.js';
import { listen, createApi } from '../src/api/index.js';
import { createVigil, type Vigil } from '../src/app.js';
import { packageRoot, sampleCorpus, sampleRegistry, webRoot } from '../src/cli/package-files.js';
import { systemClock } from '../src/clock.js';
import { silentLogger } from '../src/logger.js';
import { openBlobStore, openSqliteStore } from '../src/store/index.js';

/** Where the browser is: $CHROMIUM, else Debian's package. */
export const chromiumPath = process.env.CHROMIUM ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p)) ?? null;
export const skipReason = !chromiumPath
  ? 'no Chromium found (apt-get install chromium, or set CHROMIUM=/path/to/chromium); the browser tests are skipped'
  : !existsSync(join(webRoot, 'index.html'))
    ? 'the web workbench is not built (npm run build); the browser tests are skipped'
    : false;

export const screenshotDir = join(packageRoot, 'dist', 'e2e-screenshots');
export const password = 'correct horse battery staple';

export const userOf: Record<Role, string> = { admin: 'amal', analyst: 'leila', 'watchlist-manager': 'yusuf', screener: 'omar', auditor: 'sara' };

export interface Workbench {
  vigil: Vigil;
  url: string;
  browser: Browser;
  /** A browser page at 1280×800 (or the size given), signed in as the role's user. */
  pageAs(role: Role, size?: { width: number; height: number }): Promise<Page>;
  /** A signed-out page. */
  freshPage(size?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/**
 * Opens a Vigil over `corpus` (the sample corpus by default; a folder of files to ingest) and the sample document
 * registry, with one user per role reading every collection, and a browser.
 */
export async function openWorkbench(options: { corpus?: string; workers?: number; users?: Role[] } = {}): Promise<Workbench> {
  const dir = await mkdtemp(join(tmpdir(), 'vigil-e2e-'));
  const vigil = createVigil({ store: openSqliteStore(join(dir, 'vigil.db')), blobs: openBlobStore(join(dir, 'blobs')), clock: systemClock, logger: silentLogger });
  await vigil.ingest([options.corpus ?? sampleCorpus], { collection: 'samples', workers: options.workers ?? 0 });
  // The sample registry of stolen and blank documents, as `npm start` loads it (the watchlist is imported in a test).
  await vigil.importRegistryFile(sampleRegistry, { actor: 'cli:e2e' });
  const oneTime = new Map<string, string>();
  for (const role of options.users ?? (Object.keys(userOf) as Role[])) {
    const added = await vigil.access.addUser({ name: userOf[role], role, collections: ['*'] }, 'cli:e2e');
    oneTime.set(userOf[role], added.password);
  }
  await vigil.prepareScreening();
  const app = createApi(vigil, { webRoot, version: 'e2e', logger: silentLogger, rateLimit: { requests: 100_000, windowMs: 60_000 } });
  const server = await listen(app, '127.0.0.1', 0);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: chromiumPath!, args: ['--no-sandbox', '--disable-dev-shm-usage', '--lang=en-GB'] });
  const contexts: BrowserContext[] = [];
  const signedUp = new Set<string>();

  const freshPage = async (size = { width: 1280, height: 800 }) => {
    const context = await browser.newContext({ viewport: size, locale: 'en-GB', acceptDownloads: true });
    contexts.push(context);
    const page = await context.newPage();
    // A step that has not happened in 10 s will not happen: fail with where it was, not after half a minute.
    page.setDefaultTimeout(10_000);
    return page;
  };
  return {
    vigil,
    url,
    browser,
    freshPage,
    async pageAs(role, size) {
      const page = await freshPage(size);
      const name = userOf[role];
      // The first sign-in sets the user's own password, as a new user does at the sign-in screen.
      const body = signedUp.has(name) ? { name, password } : { name, password: oneTime.get(name)!, newPassword: password };
      const answer = await page.request.post(`${url}/api/session`, { data: body });
      if (!answer.ok()) throw new Error(`signing in ${name} failed: ${answer.status()} ${await answer.text()}`);
      signedUp.add(name);
      await page.goto(url + '/');
      await page.waitForSelector('header.top');
      // The bare page moves itself to the role's first screen; a test's own navigation must come after that, or the
      // move can overwrite it.
      await page.waitForFunction(() => location.hash.length > 2);
      return page;
    },
    async close() {
      for (const context of contexts) await context.close();
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await vigil.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A seeded haul of `count` short field reports (names, places, dates and money from small pools), for load tests. */
export async function writeSyntheticHaul(folder: string, count: number, seed = 7): Promise<void> {
  let state = seed;
  const next = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const people = ['Abu Khalid al-Tikriti', 'Umm Sayyaf', 'Abu Omar al-Shishani', 'Hassan Aboud', 'Abu Muhammad al-Adnani', 'Karim Haddad', 'Tariq Mansour', 'Abu Bakr al-Baghdadi', 'Samir Khalil', 'Yusuf Darwish'];
  const places = ['Raqqa', 'Mosul', 'Deir ez-Zor', 'Al-Qaim', 'Mayadin', 'Tal Afar', 'Hasakah', 'Gaziantep', 'Albu Kamal', 'Manbij'];
  const verbs = ['met', 'paid', 'called', 'travelled with', 'sent money to', 'was seen with'];
  for (let batch = 0; batch < count; batch += 500) {
    const dir = join(folder, `box-${String(batch / 500).padStart(3, '0')}`);
    await mkdir(dir, { recursive: true });
    const writes: Promise<void>[] = [];
    for (let i = batch; i < Math.min(count, batch + 500); i++) {
      const [year, month, day] = [2014 + Math.floor(next() * 6), 1 + Math.floor(next() * 12), 1 + Math.floor(next() * 28)];
      const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      const text = `Field report ${i}\n\nOn ${date} ${pick(people)} ${pick(verbs)} ${pick(people)} in ${pick(places)}. ` +
        `The courier carried $${1000 + Math.floor(next() * 90000)} towards ${pick(places)}. Report ${i} of the monitoring cell.\n`;
      writes.push(writeFile(join(dir, `report-${i}.txt`), text));
    }
    await Promise.all(writes);
  }
}
