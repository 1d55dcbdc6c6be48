import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { htmlParser, htmlToDocument } from './html.js';

const page = `<!doctype html>
<html lang="en-GB">
<head>
  <title>Raid in Mayadin yields ledgers | The Levant Ledger</title>
  <meta name="author" content="Nadia Okafor">
  <meta property="article:published_time" content="2017-03-14T09:30:00Z">
  <style>p { color: red; } .secret { display: none }</style>
  <script>var tracking = "<p>not text</p>";</script>
</head>
<body>
  <nav><a href="/">Home</a></nav>
  <article>
    <h1>Raid in <em>Mayadin</em>   yields ledgers</h1>
    <p>Caf&eacute; owners &quot;saw&quot; the convoy &mdash; 5 &lt; 6 &amp; all.</p>
    <script>alert("not text either")</script>
    <p>First line<br>second line</p>
    <ul><li>one</li><li>two</li></ul>
    <noscript>Enable JavaScript</noscript>
  </article>
</body>
</html>`;

describe('htmlToDocument', () => {
  const doc = htmlToDocument(page);

  it('turns block elements and <br> into lines, collapsing spaces and keeping at most one blank line', () => {
    assert.deepEqual(doc.text.split('\n').filter(Boolean), [
      'Home',
      'Raid in Mayadin yields ledgers',
      'Café owners "saw" the convoy — 5 < 6 & all.',
      'First line',
      'second line',
      'one',
      'two',
    ]);
    assert.doesNotMatch(doc.text, /\n\n\n/);
    assert.equal(doc.text, doc.text.trim());
  });

  it('removes scripts, styles and noscript blocks', () => {
    for (const hidden of ['tracking', 'not text', 'color: red', 'Enable JavaScript']) assert.ok(!doc.text.includes(hidden), hidden);
  });

  it('decodes character entities', () => {
    assert.match(doc.text, /Café owners "saw" the convoy — 5 < 6 & all\./);
  });

  it('takes the <h1> for the title and keeps the <title> in metadata', () => {
    assert.equal(doc.title, 'Raid in Mayadin yields ledgers');
    assert.deepEqual(doc.metadata, { htmlTitle: 'Raid in Mayadin yields ledgers | The Levant Ledger' });
  });

  it('falls back to <title> when there is no <h1>', () => {
    assert.equal(htmlToDocument('<html><head><title> Only  the title </title></head><body><p>x</p></body></html>').title, 'Only the title');
  });

  it('reads the author and publication date from meta tags, and the language from <html lang>', () => {
    assert.equal(doc.author, 'Nadia Okafor');
    assert.equal(doc.date, '2017-03-14');
    assert.equal(doc.language, 'en');
  });

  it('reads a written-out meta date and a <time datetime>', () => {
    assert.equal(htmlToDocument('<head><meta name="date" content="March 3, 2018"></head><p>x</p>').date, '2018-03-03');
    assert.equal(htmlToDocument('<head><meta name="dc.date" content="July 2013"></head><p>x</p>').date, '2013-07');
    assert.equal(htmlToDocument('<p>Posted <time datetime="2018-12-02">2 December</time></p>').date, '2018-12-02');
  });

  it('makes each table row one line with its cells separated, even when cells hold paragraphs', () => {
    const html = '<p>Contacts</p><table><tr><th>Name</th><th>Phone</th></tr>' +
      '<tr><td><p>Abu Khalid</p><p>(the courier)</p></td><td>0944 123 456<br>0933 000 111</td></tr></table><p>End.</p>';
    assert.equal(htmlToDocument(html).text, 'Contacts\nName | Phone\nAbu Khalid (the courier) | 0944 123 456 0933 000 111\nEnd.');
  });

  it('takes only the first <h1> as the title', () => {
    assert.equal(htmlToDocument('<h1>Report</h1><p>a</p><h1>Annex</h1><p>b</p>').title, 'Report');
  });

  it('leaves title, author, date and language null when the page has none', () => {
    const bare = htmlToDocument('<p>Just a paragraph.</p>');
    assert.deepEqual([bare.title, bare.author, bare.date, bare.language, bare.text], [null, null, null, null, 'Just a paragraph.']);
  });
});

describe('htmlParser', () => {
  it('decodes the bytes and records their encoding', async () => {
    const bytes = new TextEncoder().encode('<html><body><h1>Gaziantep</h1><p>Exchange offices.</p></body></html>');
    const docs = [];
    for await (const doc of htmlParser.parse(bytes, { path: '/haul/page.html', mediaType: 'text/html', size: bytes.byteLength })) docs.push(doc);
    assert.equal(docs.length, 1);
    assert.equal(docs[0]?.title, 'Gaziantep');
    assert.equal(docs[0]?.text, 'Gaziantep\nExchange offices.');
    assert.deepEqual(docs[0]?.metadata, { encoding: 'utf-8' });
  });
});

describe('htmlParser main content', () => {
  const paragraph = (n: number) => `<p>Paragraph ${n} of the report: the finance emir Abu Khalid al-Tikriti moved cash from Mayadin to the border crossing at Tal Abyad, where couriers met the buyers of smuggled oil, according to two defectors interviewed in Gaziantep in the spring.</p>`;
  const article = `<!doctype html><html><head><title>Oil money | Levant Ledger</title></head><body>
    <header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/about">About Sam Reyes</a></nav></header>
    <aside class="sidebar"><h3>Trending</h3><ul><li><a href="/a">Donald Trump visits Riyadh</a></li><li><a href="/b">Vladimir Putin in Sochi</a></li></ul></aside>
    <main><article><h1>Oil money in the east</h1>${[1, 2, 3, 4, 5, 6].map(paragraph).join('\n')}</article></main>
    <footer><p>© Levant Ledger. Contact Leila Haddad for corrections.</p></footer></body></html>`;
  const parse = async (html: string) => {
    const out = [];
    for await (const doc of htmlParser.parse(new TextEncoder().encode(html), { path: '/haul/page.html', mediaType: 'text/html', size: html.length })) out.push(doc);
    return out;
  };

  it('keeps the article and leaves navigation, sidebars and footers out', async () => {
    const [doc] = await parse(article);
    assert.match(doc!.text, /Paragraph 1 of the report/);
    assert.match(doc!.text, /Paragraph 6 of the report/);
    for (const boilerplate of ['Donald Trump', 'Vladimir Putin', 'Sam Reyes', 'Leila Haddad', 'Trending']) assert.ok(!doc!.text.includes(boilerplate), boilerplate);
    assert.equal(doc!.title, 'Oil money in the east');
    assert.equal(doc!.metadata.mainContent, 'readability');
    assert.ok(Number(doc!.metadata.pageCharacters) > doc!.text.length);
  });

  it('keeps a short or list-like page whole', async () => {
    const [doc] = await parse('<html><body><nav>Home | World</nav><p>Short note: Abu Omar crossed.</p></body></html>');
    assert.equal(doc!.text, 'Home | World\nShort note: Abu Omar crossed.');
    assert.equal(doc!.metadata.mainContent, undefined);
  });

  it('keeps a page of several articles whole, for them to be split one by one', async () => {
    const post = (n: number) => `<div class="post"><h2>Post ${n}</h2>${paragraph(n)}${paragraph(n + 10)}<p>Posted by: Leila Haddad | Date: 2018-03-0${n} | Permalink</p></div>`;
    const [doc] = await parse(`<html><body><nav>Home</nav><main>${[1, 2, 3].map(post).join('')}</main></body></html>`);
    assert.equal(doc!.metadata.mainContent, undefined);
    assert.equal((doc!.text.match(/Posted by: Leila Haddad/g) ?? []).length, 3);
  });
});
