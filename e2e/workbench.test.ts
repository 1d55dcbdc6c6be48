/// <reference lib="dom" />
// The workbench in Chromium over the sample corpus: each test is one thing a user does, start to end, and saves a
// screenshot of where it ended (dist/e2e-screenshots; three of them are in the README).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { packageRoot } from '../src/cli/package-files.js';
import { openWorkbench, screenshot, skipReason, type Workbench } from './fixture.js';

describe('the web workbench', { skip: skipReason }, () => {
  let bench: Workbench;
  before(async () => {
    bench = await openWorkbench();
  });
  after(async () => bench?.close());

  /** Waits until the search screen has drawn the answer to what the URL asks (not the one before it). */
  const settled = (page: Page) =>
    page.waitForFunction(() => {
      const results = document.querySelector('section.results');
      return results?.getAttribute('aria-busy') === 'false' && results.getAttribute('data-answered') === new URLSearchParams(location.hash.split('?')[1] ?? '').toString();
    });
  const resultCount = async (page: Page) => Number((await page.getByTestId('result-count').innerText()).replace(/,/g, '').match(/^\d+/)![0]);

  it('lets an administrator add a user, who signs in with the one-time password, replaces it, and sees the screens of the role', async () => {
    const admin = await bench.pageAs('admin');
    await admin.goto(bench.url + '/#/users');
    const form = admin.locator('form.entry-form');
    await form.getByLabel('User name').fill('newcomer');
    await form.getByLabel('Role').selectOption('analyst');
    await form.getByLabel('Collections').fill('*');
    await form.getByRole('button', { name: 'Add the user' }).click();
    const oneTimePassword = (await admin.getByTestId('one-time-password').innerText()).trim();
    assert.match(oneTimePassword, /^\S{16,}$/);
    assert.ok((await admin.locator('tbody tr', { hasText: 'newcomer' }).innerText()).includes('not signed in yet'));
    await screenshot(admin, 'users');

    const page = await bench.freshPage();
    await page.goto(bench.url + '/');
    await page.getByLabel('User name').fill('newcomer');
    await page.getByLabel('Password', { exact: true }).fill('wrong password entirely');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    assert.match(await page.getByRole('alert').innerText(), /was not accepted/);
    await page.getByLabel('Password', { exact: true }).fill(oneTimePassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('New password', { exact: true }).waitFor();
    await page.getByLabel('New password', { exact: true }).fill('a password of my own 2026');
    await page.getByLabel('New password again').fill('a password of my own 2026');
    await page.getByLabel('Password', { exact: true }).fill(oneTimePassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Screens' }).waitFor();
    const screens = await page.getByRole('navigation', { name: 'Screens' }).getByRole('link').allInnerTexts();
    assert.deepEqual(screens, ['Search', 'Network', 'Map', 'Watchlist']);
    assert.match(await page.getByTestId('who').innerText(), /newcomer · analyst/);
    await screenshot(page, 'sign-in-done');
    // Signing out ends the session: the API refuses the old cookie.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('User name').waitFor();
    assert.equal((await page.request.get(bench.url + '/api/me')).status(), 401);
  });

  it('narrows a search with a facet, and the counts follow', async () => {
    const page = await bench.pageAs('analyst');
    await page.goto(bench.url + '/#/search');
    await page.getByLabel('Search the haul').fill('Raqqa');
    await page.getByLabel('Search the haul').press('Enter');
    await page.waitForFunction(() => location.hash.includes('q=Raqqa'));
    await settled(page);
    const all = await resultCount(page);
    assert.ok(all >= 3, `expected several documents about Raqqa, got ${all}`);
    // The most frequent entity other than Raqqa itself narrows the results.
    const facet = page.locator('a[data-facet=entity]').filter({ hasNotText: /^Raqqa/ }).first();
    const facetCount = Number((await facet.locator('.facet-count').innerText()).replace(/,/g, ''));
    await facet.click();
    await page.waitForFunction(() => location.hash.includes('entity='));
    await settled(page);
    const narrowed = await resultCount(page);
    assert.equal(narrowed, facetCount, 'the facet said how many documents it would leave');
    assert.ok(narrowed < all, `the facet narrowed ${all} to ${narrowed}`);
    assert.ok((await page.locator('.hit mark').count()) > 0, 'the matched words are marked in the snippets');
    await screenshot(page, 'search-facets');
  });

  it('opens a document and follows one of its entities to the entity screen', async () => {
    const page = await bench.pageAs('analyst');
    await page.goto(bench.url + '/#/search?q=hawala');
    await page.locator('.hit-title').first().click();
    await page.locator('.document-text').waitFor();
    assert.match(await page.locator('.provenance').innerText(), /SHA-256\s+[0-9a-f]{64}/);
    const mention = page.locator('a.mention.type-person').first();
    const name = (await mention.innerText()).trim();
    await mention.click();
    await page.locator('.entity-screen h1').waitFor();
    const spellings = await page.locator('.spellings li').allInnerTexts();
    assert.ok(spellings.some((s) => s.trim() === name) || (await page.locator('.entity-screen h1').innerText()).includes(name.split(' ')[0]!), `the entity screen of ${name}`);
    await page.locator('.mention-row').first().waitFor();
    assert.ok((await page.locator('.related li').count()) > 0, 'co-mentioned entities are listed');
    await screenshot(page, 'entity');
  });

  it('shows a page of several articles with each article under its own heading', async () => {
    const page = await bench.pageAs('analyst');
    await page.goto(`${bench.url}/#/search?q=${encodeURIComponent('"new scrutiny"')}`);
    await page.locator('.hit-title').first().click();
    await page.getByRole('link', { name: 'open the whole page' }).click();
    await page.locator('.articles').waitFor();
    const headings = await page.locator('.article h2').allInnerTexts();
    assert.ok(headings.length >= 2, `several articles (${headings.join(' | ')})`);
    assert.ok(headings.some((h) => /Gaziantep under new scrutiny/.test(h)));
  });

  it('draws the network around an entity with the entities it is mentioned with', async () => {
    const page = await bench.pageAs('analyst');
    const found = await page.request.get(`${bench.url}/api/entities?q=Tikriti&type=PERSON&limit=5`);
    const tikriti = ((await found.json()) as { results: { id: string; name: string }[] }).results[0];
    assert.ok(tikriti, 'the sample corpus names a Tikriti');
    const related = ((await (await page.request.get(`${bench.url}/api/entities/${tikriti.id}/related?limit=5`)).json()) as { results: { name: string }[] }).results;
    await page.goto(`${bench.url}/#/network?entities=${tikriti.id}`);
    await page.locator('.node-table tbody tr').first().waitFor();
    const nodes = await page.locator('.node-table tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-node')));
    assert.ok(nodes.includes(tikriti.name), 'the seed is in the graph');
    for (const r of related.slice(0, 3)) assert.ok(nodes.includes(r.name), `${r.name}, mentioned with it, is in the graph`);
    assert.equal(Number(await page.locator('.graph').getAttribute('data-nodes')), nodes.length);
    // The graph is drawn: its canvas holds pixels that are not background.
    const drawn = await page.locator('.graph canvas').first().evaluate((canvas: HTMLCanvasElement) => canvas.width > 0 && canvas.height > 0);
    assert.ok(drawn);
    await page.waitForTimeout(300);
    await screenshot(page, 'network');
  });

  it('puts the sample places on the map as markers, and a click on one filters the search', async () => {
    const page = await bench.pageAs('analyst');
    await page.goto(`${bench.url}/#/map`);
    await page.getByTestId('place-count').waitFor();
    await page.locator('path.place-marker').first().waitFor();
    const places = await page.locator('path.place-marker').evaluateAll((paths) => paths.map((p) => p.getAttribute('data-place')));
    for (const place of ['Raqqa', 'Mosul', 'Deir ez-Zor']) assert.ok(places.some((p) => p?.startsWith(place)), `${place} is on the map (have ${places.join(', ')})`);
    assert.ok((await page.locator('.leaflet-overlay-pane path:not(.place-marker)').count()) > 100, 'country outlines are drawn from the bundled shapes');
    await screenshot(page, 'map');
    await page.locator('.place-table a').first().click();
    await page.waitForFunction(() => location.hash.startsWith('#/search') && location.hash.includes('place='));
    await page.getByTestId('result-count').waitFor();
    assert.ok((await resultCount(page)) > 0);
  });

  it('adds a watchlist entry, then the console screens a misspelling of it to a match, by keyboard alone', async () => {
    const manager = await bench.pageAs('watchlist-manager');
    await manager.goto(`${bench.url}/#/watchlist`);
    await manager.getByRole('button', { name: 'Add an entry' }).click();
    const form = manager.locator('form.entry-form');
    await form.getByLabel('List', { exact: true }).fill('agency');
    await form.getByLabel('Name', { exact: true }).fill('Khalid Hassan al-Tikriti');
    await form.getByLabel('Other names').fill('خالد حسن التكريتي\nAbu Hassan al-Iraqi');
    await form.getByLabel('Birth dates').fill('1979-03-14');
    await form.getByLabel('Nationalities').fill('IRQ');
    await form.getByRole('button', { name: 'Add to the list' }).click();
    await manager.locator('.entry-detail h2').waitFor();
    assert.equal((await manager.locator('.entry-detail h2').innerText()).trim(), 'Khalid Hassan al-Tikriti');
    // The Arabic name runs right to left inside the left-to-right page: its first letter is drawn right of its last.
    const arabic = manager.locator('.entry-detail .names bdi', { hasText: 'التكريتي' });
    const [firstX, lastX] = await arabic.evaluate((bdi) => {
      const text = bdi.firstChild!;
      const rectOf = (i: number) => {
        const range = document.createRange();
        range.setStart(text, i);
        range.setEnd(text, i + 1);
        return range.getBoundingClientRect().x;
      };
      return [rectOf(0), rectOf(text.textContent!.length - 1)];
    });
    assert.ok(firstX > lastX, `Arabic drawn right to left (first letter at ${firstX}, last at ${lastX})`);
    await screenshot(manager, 'watchlist');

    const officer = await bench.pageAs('screener');
    await officer.goto(`${bench.url}/#/console`);
    await officer.getByLabel('Name as in the passport').waitFor();
    await officer.keyboard.type('Khaled Hasan al-Takriti');
    await officer.keyboard.press('Tab');
    await officer.keyboard.type('1979-03-14');
    await officer.keyboard.press('Tab');
    await officer.keyboard.type('IRQ');
    await officer.keyboard.press('Enter');
    await officer.getByTestId('verdict').waitFor();
    assert.match(await officer.getByTestId('verdict').innerText(), /^Match/);
    const candidate = officer.locator('article.candidate').first();
    assert.equal((await candidate.locator('h3 bdi').innerText()).trim(), 'Khalid Hassan al-Tikriti');
    assert.ok((await candidate.locator('.side-by-side tbody tr').count()) >= 2, 'the score is explained factor by factor');
    // Focus moved to the verdict, so the officer reads it first; Tab reaches the decision without the mouse.
    assert.equal(await officer.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'verdict');
    await officer.keyboard.press('Tab');
    await officer.keyboard.type('same person: birth date and photo agree');
    await officer.keyboard.press('Tab');
    await officer.keyboard.press('Enter');
    await candidate.getByRole('status').waitFor();
    assert.match(await candidate.getByRole('status').innerText(), /true match/);
    await screenshot(officer, 'console');
  });

  it("takes an analyst's proposal to the watchlist manager, who approves it", async () => {
    const analyst = await bench.pageAs('analyst');
    const found = (await (await analyst.request.get(`${bench.url}/api/entities?q=Abu%20Ibrahim%20al-Baljiki&type=PERSON&limit=1`)).json()) as { results: { id: string; name: string }[] };
    const person = found.results[0];
    assert.ok(person, 'the sample corpus names Abu Ibrahim al-Baljiki');
    await analyst.goto(`${bench.url}/#/entity/${person.id}`);
    await analyst.getByRole('button', { name: 'Propose for the watchlist' }).click();
    await analyst.getByText('Proposed: a watchlist manager will review it.').waitFor();

    const manager = await bench.pageAs('watchlist-manager');
    await manager.goto(`${bench.url}/#/watchlist?status=proposed`);
    await manager.locator('.entry-row', { hasText: person.name }).click();
    await manager.getByText('not screened against until a watchlist manager approves it').waitFor();
    await manager.getByLabel('Reason (kept in the history)').fill('three reports agree');
    await manager.getByRole('button', { name: 'Approve' }).click();
    await manager.getByText('Approved: the entry is now screened against.').waitFor();
    await manager.locator('.history li', { hasText: /^approved/ }).waitFor();
    const history = await manager.locator('.history li').allInnerTexts();
    assert.match(history[0]!, /^approved by yusuf .* — three reports agree$/);
    assert.match(history[1]!, /^added by leila/);
  });

  it('previews a list file before importing it, then screens a PAXLST manifest against it with progress and a sortable table', async () => {
    const manager = await bench.pageAs('watchlist-manager');
    await manager.goto(`${bench.url}/#/watchlist`);
    await manager.getByRole('button', { name: 'Import a list file' }).click();
    const panel = manager.locator('.import-panel');
    await panel.getByLabel('File', { exact: true }).setInputFiles(join(packageRoot, 'samples', 'watchlist.json'));
    await panel.getByRole('button', { name: 'Preview the changes' }).click();
    await panel.locator('.preview').waitFor();
    const added = Number(await panel.locator('.preview p strong').first().innerText());
    assert.ok(added >= 3, `the preview lists the entries it would add (${added})`);
    assert.equal(await panel.locator('.preview tbody tr.change-added').count(), added);
    const before = (await (await manager.request.get(`${bench.url}/api/watchlist?list=sample-agency`)).json()) as { total: number };
    assert.equal(before.total, 0, 'a preview writes nothing');
    await screenshot(manager, 'watchlist-import-preview');
    await panel.getByRole('button', { name: 'Apply these changes' }).click();
    await panel.getByText(/Imported into “sample-agency”/).waitFor();
    const afterImport = (await (await manager.request.get(`${bench.url}/api/watchlist?list=sample-agency`)).json()) as { total: number };
    assert.equal(afterImport.total, added);

    const officer = await bench.pageAs('screener');
    await officer.goto(`${bench.url}/#/console`);
    await officer.getByLabel('Manifest file').setInputFiles(join(packageRoot, 'samples', 'travel', 'flight-va422.edi'));
    await officer.getByRole('button', { name: 'Screen every traveller' }).click();
    await officer.getByTestId('manifest-summary').waitFor();
    assert.match(await officer.getByTestId('manifest-summary').innerText(), /^3 travellers screened .*: 1 with candidates/);
    const rows = officer.locator('.manifest-table .virtual-row');
    assert.match(await rows.first().innerText(), /VA422A-1\s+Abu Khalid al-Tikriti/, 'highest score first');
    assert.match(await officer.locator('.manifest-table').innerText(), /VA422A-3[\s\S]*ALERT: registry: stolen-blank/);
    await officer.getByRole('button', { name: /^Score/ }).click();
    assert.doesNotMatch(await rows.first().innerText(), /Abu Khalid/, 'sorted the other way, lowest first');
    await screenshot(officer, 'manifest');
  });

  it('reads a pasted MRZ in the console and raises the document registry alert', async () => {
    const officer = await bench.pageAs('screener');
    await officer.goto(`${bench.url}/#/console`);
    await officer.getByLabel('Machine-readable zone').fill('P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10');
    await officer.keyboard.press('Control+Enter');
    await officer.getByTestId('verdict').waitFor();
    assert.match(await officer.getByTestId('verdict').innerText(), /^Document alert/);
    const panel = await officer.getByRole('group', { name: 'Travel document' }).innerText();
    assert.match(panel, /L898902C3 \(UTO\): ALERT/);
    assert.match(panel, /registry: lost/);
    assert.match(panel, /MRZ TD3: check digits valid/);
  });

  it('refuses the search screen to a screener, and the API refuses them the haul', async () => {
    const page = await bench.pageAs('screener');
    const screens = await page.getByRole('navigation', { name: 'Screens' }).getByRole('link').allInnerTexts();
    assert.deepEqual(screens, ['Checkpoint']);
    await page.goto(`${bench.url}/#/search?q=Raqqa`);
    await page.getByText('Not open to your role').waitFor();
    assert.equal(await page.locator('.hit').count(), 0);
    assert.equal((await page.request.get(`${bench.url}/api/search?q=Raqqa`)).status(), 403);
    await screenshot(page, 'screener-refused');
  });

  it('shows the auditor the log of what was done, with the chain intact', async () => {
    const page = await bench.pageAs('auditor');
    await page.goto(`${bench.url}/#/audit?action=screen`);
    await page.getByTestId('chain').filter({ hasText: 'intact' }).waitFor();
    await page.locator('.audit-table tbody tr').first().waitFor();
    const actions = await page.locator('.audit-table tbody td:nth-child(4)').allInnerTexts();
    assert.ok(actions.length > 0 && actions.every((a) => a.startsWith('screen')), `only screening records: ${actions.join(', ')}`);
    await screenshot(page, 'audit');
  });

  it('lays the search screen out at 1920 wide too, without horizontal scrolling', async () => {
    const page = await bench.pageAs('analyst', { width: 1920, height: 1080 });
    await page.goto(`${bench.url}/#/search?q=Mosul`);
    await page.getByTestId('result-count').waitFor();
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
    const narrow = await bench.pageAs('analyst');
    await narrow.goto(`${bench.url}/#/search?q=Mosul`);
    await narrow.getByTestId('result-count').waitFor();
    assert.ok(await narrow.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no horizontal scroll at 1280×800');
  });
});
