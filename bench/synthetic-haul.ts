// A seeded mixed haul for the ingest benchmark, written to a folder file by file (never all in memory): the
// synthetic reports of synthetic-corpus.ts saved as plain text, HTML pages, PDFs with a text layer, DOCX files,
// e-mail messages (the report as the body, every third one with a PDF of it attached), and ZIP archives of a few
// text and HTML reports each.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipArchive } from '../src/ingest/containers/archive-fixtures.js';
import { buildDocx, escapeXml, paragraph } from '../src/ingest/parsers/office.fixture.js';
import { buildPdf } from '../src/ingest/parsers/pdf.fixture.js';
import { seededRandom } from '../src/seeded-random.js';
import { syntheticReports, type SyntheticReport } from './synthetic-corpus.js';

export type HaulFormat = 'text' | 'html' | 'pdf' | 'docx' | 'eml' | 'zip';

/** Share of the reports each format gets: text-heavy, as seized media are. */
const formatWeights: [HaulFormat, number][] = [['text', 0.3], ['html', 0.18], ['pdf', 0.13], ['docx', 0.13], ['eml', 0.12], ['zip', 0.14]];

export interface HaulSummary {
  files: number;
  bytes: number;
  byFormat: Record<HaulFormat, { files: number; bytes: number }>;
}

const filesPerFolder = 500;

/** Writes reports until the files on disk hold `bytes` bytes; returns what was written. */
export async function writeSyntheticHaul(folder: string, options: { seed: number; bytes: number }): Promise<HaulSummary> {
  const random = seededRandom(options.seed + 1);
  const summary: HaulSummary = { files: 0, bytes: 0, byFormat: { text: { files: 0, bytes: 0 }, html: { files: 0, bytes: 0 }, pdf: { files: 0, bytes: 0 }, docx: { files: 0, bytes: 0 }, eml: { files: 0, bytes: 0 }, zip: { files: 0, bytes: 0 } } };
  // The corpus is asked for more text than the haul needs: archives and PDFs hold more text per byte or less.
  const reports = syntheticReports({ seed: options.seed, bytes: options.bytes * 4 });
  let pendingZip: SyntheticReport[] = [];
  let zipSize = 0;
  for (const report of reports) {
    if (summary.bytes >= options.bytes) break;
    const format = pickFormat(random());
    if (format === 'zip') {
      pendingZip.push(report);
      // An archive of 3–12 reports, some as HTML.
      if (zipSize === 0) zipSize = 3 + Math.floor(random() * 10);
      if (pendingZip.length < zipSize) continue;
      const entries = pendingZip.map((r, i) => (i % 3 === 2 ? { name: `pages/${r.id}.html`, data: htmlPage(r) } : { name: `reports/${r.id}.txt`, data: r.text }));
      save(folder, summary, 'zip', `${report.id}.zip`, zipArchive(entries));
      pendingZip = [];
      zipSize = 0;
      continue;
    }
    if (format === 'text') save(folder, summary, 'text', `${report.id}.txt`, new TextEncoder().encode(report.text));
    else if (format === 'html') save(folder, summary, 'html', `${report.id}.html`, new TextEncoder().encode(htmlPage(report)));
    else if (format === 'pdf') save(folder, summary, 'pdf', `${report.id}.pdf`, pdfOf(report));
    else if (format === 'eml') save(folder, summary, 'eml', `${report.id}.eml`, new TextEncoder().encode(messageOf(report, summary.byFormat.eml.files % 3 === 2)));
    else save(folder, summary, 'docx', `${report.id}.docx`, await docxOf(report));
  }
  return summary;
}

function pickFormat(draw: number): HaulFormat {
  let sum = 0;
  for (const [format, weight] of formatWeights) {
    sum += weight;
    if (draw < sum) return format;
  }
  return 'text';
}

function save(folder: string, summary: HaulSummary, format: HaulFormat, name: string, bytes: Uint8Array): void {
  const sub = join(folder, `part-${String(Math.floor(summary.files / filesPerFolder)).padStart(4, '0')}`);
  if (summary.files % filesPerFolder === 0) mkdirSync(sub, { recursive: true });
  writeFileSync(join(sub, name), bytes);
  summary.files++;
  summary.bytes += bytes.byteLength;
  summary.byFormat[format].files++;
  summary.byFormat[format].bytes += bytes.byteLength;
}

function htmlPage(report: SyntheticReport): string {
  const paragraphs = report.text.split(/\n+/).map((p) => `<p>${escapeXml(p)}</p>`).join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeXml(report.title)}</title></head>` +
    `<body><nav><a href="/">Home</a> | <a href="/news">News</a></nav><article><h1>${escapeXml(report.title)}</h1>` +
    `<time datetime="${report.date}">${report.date}</time>\n${paragraphs}</article><footer>© the site</footer></body></html>`;
}

/** Lines of at most 90 characters, 50 to a page; characters outside Latin-1 (the fixture's encoding) become "?". */
function pdfOf(report: SyntheticReport): Uint8Array {
  const lines: string[] = [];
  for (const paragraphText of [report.title, ...report.text.split(/\n+/)]) {
    let line = '';
    for (const word of paragraphText.replace(/[^\u0000-\u00ff]/g, '?').split(' ')) {
      if (line.length + word.length + 1 > 90 && line !== '') {
        lines.push(line);
        line = '';
      }
      line = line === '' ? word : `${line} ${word}`;
    }
    if (line !== '') lines.push(line);
  }
  const pages: string[][] = [];
  for (let at = 0; at < lines.length; at += 50) pages.push(lines.slice(at, at + 50));
  return buildPdf({ pages, info: { Title: report.title.replace(/[^\u0000-\u00ff]/g, '?') } });
}

function docxOf(report: SyntheticReport): Promise<Uint8Array> {
  const body = [paragraph(report.title, 'Title'), ...report.text.split(/\n+/).map((p) => paragraph(p))].join('');
  return buildDocx(body, { title: report.title, created: `${report.date}T09:00:00Z` });
}

const senders = ['Abu Omar <abu.omar@example.org>', 'Leila Haddad <leila.haddad@example.net>', 'khalid@example.com', '"Yusuf al-Masri" <y.masri@example.org>'];

/** An RFC 5322 message carrying the report as its UTF-8 body (base64), with a PDF of it attached when asked. */
function messageOf(report: SyntheticReport, attach: boolean): string {
  const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64').replace(/.{76}/g, '$&\r\n');
  const encodedSubject = `=?UTF-8?B?${Buffer.from(report.title).toString('base64')}?=`;
  const from = senders[report.text.length % senders.length]!;
  const to = senders[(report.text.length + 1) % senders.length]!;
  const head = [`From: ${from}`, `To: ${to}`, `Date: ${new Date(`${report.date}T08:30:00Z`).toUTCString()}`, `Subject: ${encodedSubject}`,
    `Message-ID: <${report.id}@example.org>`, 'MIME-Version: 1.0'];
  const body = base64(new TextEncoder().encode(report.text));
  if (!attach) return [...head, 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64', '', body, ''].join('\r\n');
  const boundary = `b-${report.id}`;
  return [...head, `Content-Type: multipart/mixed; boundary="${boundary}"`, '',
    `--${boundary}`, 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64', '', body,
    `--${boundary}`, `Content-Type: application/pdf; name="${report.id}.pdf"`, `Content-Disposition: attachment; filename="${report.id}.pdf"`,
    'Content-Transfer-Encoding: base64', '', base64(pdfOf(report)), `--${boundary}--`, ''].join('\r\n');
}
