import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFooter, splitArticles, type Article } from './split-articles.js';

// An index page: site chrome, then four posts. Posts 1, 2 and 4 end with footers (post 2 "Posted by:" with an ISO
// date); post 3 is a teaser cut with "Read more", no footer, and the next title follows on the very next line.
const page = [
  'Euphrates Border Monitor',
  'Home | Archive | About',
  '',
  'Fuel convoys return to the Hasakah road',
  '',
  'Drivers on the road south of Al-Hasakah report that tanker convoys are moving again at night.',
  '',
  'The convoys carry no markings.',
  '',
  'Author: Sam Reyes | Date: March 3, 2018 | Permalink',
  '',
  'Exchange offices in Gaziantep under new scrutiny',
  '',
  'Turkish investigators are examining the books of three exchange offices in the old market.',
  '',
  'Posted by: Leila Haddad | Date: 2018-03-05 | Permalink',
  '',
  'Who is still paying the Mayadin fighters?',
  '',
  'Six months after the battalion left the town, its former members still receive salaries…',
  'Read more',
  'A brother in Al-Qaim',
  'Iraqi officials confirmed that the brother of the finance chief ran a trucking yard.',
  'Author: Tomasz Wierzbicki | Date: March 9, 2018 | Permalink',
  '',
  'Older posts »',
  '',
].join('\n');

function articlesOf(text: string): Article[] {
  const articles = splitArticles(text);
  assert.ok(articles, 'the page should split');
  return articles;
}

describe('splitArticles', () => {
  it('splits a page into its four articles and leaves the trailing page chrome out', () => {
    assert.equal(articlesOf(page).length, 4);
  });

  it('reads each article\'s title, author, date and whether it was cut short', () => {
    assert.deepEqual(
      articlesOf(page).map(({ title, author, date, truncated }) => ({ title, author, date, truncated })),
      [
        { title: 'Fuel convoys return to the Hasakah road', author: 'Sam Reyes', date: '2018-03-03', truncated: false },
        { title: 'Exchange offices in Gaziantep under new scrutiny', author: 'Leila Haddad', date: '2018-03-05', truncated: false },
        { title: 'Who is still paying the Mayadin fighters?', author: null, date: null, truncated: true },
        { title: 'A brother in Al-Qaim', author: 'Tomasz Wierzbicki', date: '2018-03-09', truncated: false },
      ],
    );
  });

  it('does not take page chrome before the first article for its title or body', () => {
    const [first] = articlesOf(page);
    assert.equal(first?.title, 'Fuel convoys return to the Hasakah road');
    assert.ok(!first?.text.includes('Euphrates Border Monitor'));
    assert.ok(!first?.text.includes('Home | Archive'));
  });

  it('keeps the body text of each article, without its title or footer', () => {
    const [first, , teaser, last] = articlesOf(page);
    assert.equal(
      first?.text,
      'Drivers on the road south of Al-Hasakah report that tanker convoys are moving again at night.\n\nThe convoys carry no markings.',
    );
    assert.equal(teaser?.text, 'Six months after the battalion left the town, its former members still receive salaries…');
    assert.equal(last?.text, 'Iraqi officials confirmed that the brother of the finance chief ran a trucking yard.');
  });

  it('gives each article a span of the page, from its title through its footer or "Read more", holding its body', () => {
    const articles = articlesOf(page);
    for (const article of articles) {
      const span = page.slice(article.start, article.end);
      assert.ok(span.includes(article.text), `span of "${article.title}" holds its body`);
      assert.ok(span.startsWith(article.title!), `span of "${article.title}" starts at its title`);
    }
    assert.match(page.slice(articles[0]!.start, articles[0]!.end), /\| Permalink$/);
    assert.match(page.slice(articles[2]!.start, articles[2]!.end), /Read more$/);
  });

  it('gives articles spans in page order that never overlap', () => {
    const articles = articlesOf(page);
    for (let i = 1; i < articles.length; i++) assert.ok(articles[i - 1]!.end <= articles[i]!.start);
  });

  it('keeps a short question that opens the body after a title as body text', () => {
    const text = [
      'Where did the money go',
      'Who paid?',
      'Nobody in the town will say who paid the fighters in the last months of the siege.',
      'Author: Sam Reyes | Date: March 3, 2018 | Permalink',
      'Second post',
      'A second post with a body line long enough to count as body text on its own.',
      'Author: Sam Reyes | Date: March 4, 2018 | Permalink',
    ].join('\n');
    const [first] = articlesOf(text);
    assert.equal(first?.title, 'Where did the money go');
    assert.match(first!.text, /^Who paid\?\n/);
  });

  it('returns null for a single article with a footer, so the document stays whole', () => {
    const single = 'One report\n\nA body that is long enough to be read as the body of the article itself.\n\nAuthor: Sam Reyes | Date: March 3, 2018 | Permalink\n';
    assert.equal(splitArticles(single), null);
  });

  it('returns null for prose that has pipes in it but no footers', () => {
    const prose = 'Ledger, page 4\n\nPaid to the courier | 3,000 USD | for fuel.\nPaid to the driver | 500 USD | for the lorry.\n';
    assert.equal(splitArticles(prose), null);
  });

  it('returns null for empty text', () => {
    assert.equal(splitArticles(''), null);
  });
});

describe('parseFooter', () => {
  const footers: [string, { author: string | null; date: string | null }][] = [
    ['Author: Sam Reyes | Date: March 3, 2018 | Permalink', { author: 'Sam Reyes', date: '2018-03-03' }],
    ['Posted by: Leila Haddad | Date: 2018-03-05 | Permalink', { author: 'Leila Haddad', date: '2018-03-05' }],
    ['Author: Sam Reyes | Date: March 3, 2018', { author: 'Sam Reyes', date: '2018-03-03' }],
    ['Posted by Sam Reyes on March 3, 2018', { author: 'Sam Reyes', date: '2018-03-03' }],
    ['By Sam Reyes • March 3, 2018', { author: 'Sam Reyes', date: '2018-03-03' }],
    ['Author: Sam Reyes | Permalink', { author: 'Sam Reyes', date: null }],
    ['Date: July 2013 | Permalink', { author: null, date: '2013-07' }],
  ];
  for (const [line, expected] of footers) {
    it(`reads "${line}"`, () => assert.deepEqual(parseFooter(line), expected));
  }

  const notFooters: [string, string][] = [
    ['Permalink', 'a permalink alone'],
    ['Author: Sam Reyes', 'an author alone'],
    ['Permalink | Share', 'a permalink with an unknown field'],
    ['Sam Reyes | March 3, 2018', 'a name that is not marked as the author'],
    ['He paid $100 | the rest later', 'prose with a pipe'],
    ['', 'an empty line'],
  ];
  for (const [line, what] of notFooters) {
    it(`returns null for ${what}: "${line}"`, () => assert.equal(parseFooter(line), null));
  }
});
