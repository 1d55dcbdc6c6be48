// The minimal Vigil page: sign-in, then search, screening and the people found so far, as the user's role
// allows, through /api only. Text from the server is always inserted as text, never as HTML.

const $ = (id) => document.getElementById(id);

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  Object.assign(node, props);
  for (const child of children) node.append(child);
  return node;
}

// The session's anti-forgery token, sent with every change; the session itself is an httpOnly cookie.
let csrf = null;

async function api(path, options = {}) {
  const headers = { 'content-type': 'application/json', ...(csrf && options.method && options.method !== 'GET' ? { 'x-csrf-token': csrf } : {}) };
  const response = await fetch(path, { ...options, headers, credentials: 'same-origin' });
  const body = await response.json();
  if (response.status === 401 && path !== '/api/session') showSignIn('Your session ended; sign in again.');
  if (!response.ok) throw Object.assign(new Error(body.error?.message ?? `request failed (${response.status})`), { code: body.error?.code });
  return body;
}

function showSignIn(message = '') {
  csrf = null;
  $('workbench').hidden = true;
  $('sign-out').hidden = true;
  $('sign-in').hidden = false;
  $('status').textContent = 'signed out';
  $('sign-in-summary').textContent = message;
}

function showWorkbench(me) {
  $('sign-in').hidden = true;
  $('workbench').hidden = false;
  $('sign-out').hidden = false;
  const sections = [...document.querySelectorAll('[data-needs]')];
  for (const section of sections) section.hidden = !me.permissions.includes(section.dataset.needs);
  $('status').textContent = `${me.actor.replace(/^user:/, '')} (${me.role})`;
  // An administrator or auditor has nothing to do on this page: say where their work is.
  if (sections.every((section) => section.hidden)) {
    $('status').textContent += ' — this page is for analysts and screeners; add them with vigil users add NAME --role analyst --collection \'*\' (auditors: vigil audit verify)';
  }
  if (me.permissions.includes('haul:read')) loadOverview();
}

$('sign-in-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  const body = { name: form.get('name'), password: form.get('password') };
  if (form.get('newPassword')) body.newPassword = form.get('newPassword');
  try {
    const signed = await api('/api/session', { method: 'POST', body: JSON.stringify(body) });
    csrf = signed.csrf;
    event.target.reset();
    showWorkbench(await api('/api/me'));
  } catch (error) {
    if (error.code === 'auth.password-change-required') {
      $('si-new').hidden = $('si-new-label').hidden = false;
      $('si-new').required = true;
      $('si-new').focus();
    }
    $('sign-in-summary').replaceChildren(el('span', { className: 'error', textContent: error.message }));
  }
});

$('sign-out').addEventListener('click', async () => {
  await api('/api/session', { method: 'DELETE' }).catch(() => undefined); // signed out either way
  showSignIn('Signed out.');
});

function highlighted(snippet, ranges) {
  const out = document.createDocumentFragment();
  let at = 0;
  for (const [start, end] of ranges) {
    out.append(snippet.slice(at, start), el('mark', { textContent: snippet.slice(start, end) }));
    at = end;
  }
  out.append(snippet.slice(at));
  return out;
}

const plural = (n, word, many = word + 's') => `${n} ${n === 1 ? word : many}`;
// Names may be in Arabic script: <bdi> keeps their direction from reordering the text around them.
const name = (text) => el('bdi', {}, el('strong', { textContent: text }));

let nextCursor = null;
let lastQuery = '';

async function search(query, cursor) {
  const params = new URLSearchParams({ q: query });
  if (cursor) params.set('cursor', cursor);
  try {
    const page = await api('/api/search?' + params);
    if (!cursor) $('search-results').replaceChildren();
    for (const hit of page.results) {
      const meta = [hit.date, hit.author, hit.id].filter(Boolean).join(' · ');
      $('search-results').append(
        el('li', {}, name(hit.title ?? '(untitled)'), ' ', el('span', { className: 'meta', textContent: meta }), el('div', {}, highlighted(hit.snippet, hit.highlights))),
      );
    }
    const shown = $('search-results').children.length;
    $('search-summary').textContent = page.total === 0 ? 'No documents match.' : `${shown} of ${plural(page.total, 'document')}`;
    nextCursor = page.nextCursor;
    $('search-more').hidden = !nextCursor;
  } catch (error) {
    $('search-summary').replaceChildren(el('span', { className: 'error', textContent: error.message }));
  }
}

$('search-form').addEventListener('submit', (event) => {
  event.preventDefault();
  lastQuery = $('q').value;
  search(lastQuery, null);
});
$('search-more').addEventListener('click', () => search(lastQuery, nextCursor));

$('screen-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  const traveller = { name: form.get('name') };
  if (form.get('dob')) traveller.dob = form.get('dob');
  if (form.get('nationality')) traveller.nationality = form.get('nationality');
  try {
    const result = await api('/api/screen', { method: 'POST', body: JSON.stringify(traveller) });
    $('screen-results').replaceChildren(
      ...result.candidates.map((c) =>
        el('li', {}, el('span', { className: 'score', textContent: c.score.toFixed(2) }), ' ', name(c.name), ' ', el('span', { className: 'meta', textContent: `${c.list}${c.ref ? ' ' + c.ref : ''}` }), el('div', { className: 'reason', textContent: c.reason })),
      ),
    );
    $('screen-summary').textContent = result.candidates.length === 0 ? 'No watchlist candidates.' : `${plural(result.candidates.length, 'candidate')} in ${result.tookMs} ms`;
  } catch (error) {
    $('screen-summary').replaceChildren(el('span', { className: 'error', textContent: error.message }));
  }
});

async function loadOverview() {
  try {
    const s = await api('/api/summary');
    $('status').textContent = `${plural(s.documents, 'document')} · ${s.entitiesByType.PERSON ?? 0} people · ${plural(s.watchlistEntries, 'watchlist entry', 'watchlist entries')}`;
    const people = await api('/api/entities?type=PERSON&limit=25');
    $('entities').replaceChildren(
      ...people.results.map((e) => el('li', {}, name(e.name), ' ', el('span', { className: 'meta', textContent: `${plural(e.mentions, 'mention')} in ${plural(e.documents.length, 'document')}${e.aliases.length ? ' · also ' + e.aliases.join('; ') : ''}` }))),
    );
  } catch (error) {
    $('status').replaceChildren(el('span', { className: 'error', textContent: error.message }));
  }
}

// Signed in already (a session cookie from before a reload)? /api/me says, with the session's token.
api('/api/me')
  .then((me) => {
    csrf = me.csrf ?? null;
    showWorkbench(me);
  })
  .catch(() => showSignIn());

// A search can be shared as a link: /?q=%22Deir%20ez-Zor%22
const initial = new URLSearchParams(location.search).get('q');
if (initial) {
  $('q').value = initial;
  lastQuery = initial;
  search(initial, null);
}
