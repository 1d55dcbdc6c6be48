// OCR through Debian's command-line tools: tesseract reads images, pdftoppm (poppler-utils) renders PDF pages for
// it. Both are found at run time; each call works in a private temporary folder (mode 0700, from mkdtemp) that is
// removed afterwards, since what it holds is seized material. Nothing is downloaded: tesseract reads only the
// language data Debian installed.
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VigilError } from '../../errors.js';
import type { OcrEngine, OcrResult, PdfPageRequest, PortableOcrEngine } from './ocr-engine.js';
import { runTool, ToolMissing, type ToolLimits } from './run-tool.js';

export interface TesseractOptions {
  /** Languages to read with, in tesseract's codes and order, those installed only (default: Arabic and English). */
  languages?: readonly string[];
  /** Time one tool call (one image, one page) may take (default 5 minutes). */
  timeoutMs?: number;
  /** Bytes of text one call may produce (default 8 MiB). */
  maxTextBytes?: number;
  /** Where the private temporary folders go (default: the system's, read when a file is read). */
  tempDir?: string;
  tesseract?: string;
  pdftoppm?: string;
}

/**
 * Arabic first: tesseract leans to its first language, and with English first it read a short Arabic line's "أبو" as
 * "gil"; English pages read the same in either order.
 */
export const defaultOcrLanguages: readonly string[] = ['ara', 'eng'];

const probeLimits: ToolLimits = { timeoutMs: 15_000, maxOutputBytes: 1 << 20 };

/**
 * Looks for tesseract and the wanted language packs, and for pdftoppm: an engine that reads images (and PDF pages
 * when pdftoppm is there), or null when tesseract or every wanted language is missing.
 */
export async function detectTesseract(options: TesseractOptions = {}): Promise<OcrEngine | null> {
  const tesseract = options.tesseract ?? 'tesseract';
  const pdftoppm = options.pdftoppm ?? 'pdftoppm';
  const probe = async (tool: string, args: string[]) => {
    try {
      return await runTool(tool, args, probeLimits, { subject: tool, doing: `running ${tool} ${args.join(' ')}` });
    } catch (error) {
      if (error instanceof ToolMissing) return null;
      throw error;
    }
  };
  const version = await probe(tesseract, ['--version']);
  if (!version) return null;
  // tesseract 4 and later print "tesseract 5.3.0" first, on stdout (older ones on stderr).
  const number = /tesseract\s+v?(\d[\w.-]*)/i.exec(version.stdout + '\n' + version.stderr)?.[1] ?? 'unknown';
  const listed = await probe(tesseract, ['--list-langs']);
  // The first line is a header ('List of available languages in "…" (3):'), one code a line after it.
  const installed = new Set((listed?.stdout ?? '').split(/\r?\n/).slice(1).map((line) => line.trim()).filter(Boolean));
  const languages = (options.languages ?? defaultOcrLanguages).filter((code) => installed.has(code));
  if (languages.length === 0) return null;
  const canRender = (await probe(pdftoppm, ['-v'])) !== null;
  const { timeoutMs, maxTextBytes, tempDir } = options;
  return rebuildOcrEngine({
    kind: 'tesseract',
    name: `tesseract ${number}`,
    canRender,
    tesseract,
    pdftoppm,
    languages,
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
    ...(maxTextBytes === undefined ? {} : { maxTextBytes }),
    ...(tempDir === undefined ? {} : { tempDir }),
  });
}

/**
 * The engine a description stands for, without probing the tools again: a worker thread builds the engine the main
 * thread found once per run (nothing is run until a file is read).
 */
export function rebuildOcrEngine(settings: PortableOcrEngine): OcrEngine {
  const { name, canRender } = settings;
  const maxTextBytes = settings.maxTextBytes ?? 8 << 20;
  const limits: ToolLimits = { timeoutMs: settings.timeoutMs ?? 300_000, maxOutputBytes: 1 << 20 };
  // One OpenMP thread: tesseract's own threads slow it down on a busy machine, and runs share theirs with other work.
  const env = { ...process.env, OMP_THREAD_LIMIT: '1' };

  const withFolder = async <T>(work: (folder: string) => Promise<T>): Promise<T> => {
    const folder = await mkdtemp(join(settings.tempDir ?? tmpdir(), 'vigil-ocr-'));
    try {
      return await work(folder);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  };

  /** Reads one image file (every frame of a TIFF) into `out.txt` and `out.tsv` and returns its pages and word confidences. */
  const recognise = async (folder: string, image: string, path: string, doing: string, dpi?: number) => {
    const args = [image, join(folder, 'out'), '-l', settings.languages.join('+'), ...(dpi ? ['--dpi', String(dpi)] : []), 'txt', 'tsv'];
    await runTool(settings.tesseract, args, limits, { subject: path, doing, cwd: folder, env });
    const text = await readBounded(join(folder, 'out.txt'), maxTextBytes, path);
    const tsv = await readBounded(join(folder, 'out.tsv'), maxTextBytes * 4, path);
    return { pages: splitPages(text), confidences: wordConfidences(tsv) };
  };

  const engine: OcrEngine = {
    name,
    languages: settings.languages,
    portable: settings,
    readImage: (bytes, _mediaType, path) =>
      withFolder(async (folder) => {
        // Leptonica tells the format from the content, so the name needs no extension.
        await writeFile(join(folder, 'image'), bytes, { mode: 0o600 });
        const { pages, confidences } = await recognise(folder, join(folder, 'image'), path, 'reading the image');
        return { pages, confidence: mean(confidences) };
      }),
  };
  if (!canRender) return engine;
  engine.readPdfPages = (bytes, requests, path) =>
    withFolder(async (folder): Promise<OcrResult> => {
      const pdf = join(folder, 'input.pdf');
      await writeFile(pdf, bytes, { mode: 0o600 });
      const pages: string[] = [];
      const confidences: number[] = [];
      for (const request of requests) {
        const image = await renderPage(settings.pdftoppm, pdf, folder, request, limits, path);
        const read = await recognise(folder, image, path, `reading page ${request.number}`, request.dpi);
        pages.push(read.pages.join('\n\n'));
        confidences.push(...read.confidences);
        // Pages are rendered one at a time and dropped once read, so a long scan never fills the disk.
        await rm(image, { force: true });
      }
      return { pages, confidence: mean(confidences) };
    });
  return engine;
}

async function renderPage(pdftoppm: string, pdf: string, folder: string, request: PdfPageRequest, limits: ToolLimits, path: string): Promise<string> {
  const page = String(request.number);
  // -singlefile: the output is named page.png, without the page number pdftoppm otherwise appends.
  const args = ['-r', String(request.dpi), '-f', page, '-l', page, '-png', '-singlefile', pdf, join(folder, 'page')];
  await runTool(pdftoppm, args, limits, { subject: path, doing: `rendering page ${page}`, cwd: folder });
  return join(folder, 'page.png');
}

async function readBounded(file: string, maxBytes: number, path: string): Promise<string> {
  const { size } = await stat(file);
  if (size > maxBytes) throw new VigilError('input', 'ingest.ocr-failed', `${path}: OCR produced ${size} bytes of output, over the limit of ${maxBytes}; not read`);
  return readFile(file, 'utf8');
}

/**
 * Unicode's directional marks and embeddings (UAX #9 §2): tesseract puts them around right-to-left words, where
 * they are invisible but keep the words from matching a search or a name.
 */
const bidiControls = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** tesseract ends every page but the last with a form feed. */
export function splitPages(text: string): string[] {
  return text.split('\f').map((page) => page.replace(bidiControls, '').replace(/\r\n?/g, '\n').replace(/[^\S\n]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim());
}

/** The confidence (0–100) of each word in tesseract's TSV output: level 5 rows, column 11, -1 on rows that are not words. */
export function wordConfidences(tsv: string): number[] {
  const out: number[] = [];
  for (const line of tsv.split(/\r?\n/).slice(1)) {
    const cells = line.split('\t');
    if (cells[0] !== '5' || (cells[11] ?? '').trim() === '') continue;
    const confidence = Number(cells[10]);
    if (Number.isFinite(confidence) && confidence >= 0) out.push(confidence);
  }
  return out;
}

function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return Math.round(values.reduce((sum, v) => sum + v, 0) / values.length);
}
