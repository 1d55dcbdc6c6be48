// Images of text for the OCR tests, made with the tools the OCR packages install: a PDF fixture rendered by pdftoppm
// (PNG, JPEG, TIFF or grey pixels), or a line of any script rendered by tesseract's text2image (which shapes Arabic
// through Pango). Each is made in a temporary folder removed afterwards.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildPdf, type GreyImage } from '../parsers/pdf.fixture.js';

const run = promisify(execFile);

async function inFolder<T>(work: (folder: string) => Promise<T>): Promise<T> {
  const folder = await mkdtemp(join(tmpdir(), 'vigil-ocr-fixture-'));
  try {
    return await work(folder);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** Why the tests that need tesseract are skipped, or false when it is installed with English and Arabic. */
export async function tesseractMissing(): Promise<string | false> {
  const install = 'tesseract not installed: apt-get install tesseract-ocr tesseract-ocr-ara poppler-utils';
  try {
    const { stdout } = await run('tesseract', ['--list-langs']);
    const languages = stdout.split('\n').slice(1).map((l) => l.trim());
    if (!languages.includes('eng') || !languages.includes('ara')) return install;
    await run('pdftoppm', ['-v']);
    return false;
  } catch {
    // Either tool missing is the one reason these tests cannot run; the message says what to install.
    return install;
  }
}

export type RenderFormat = 'png' | 'jpeg' | 'tiff';

/** The first page of a PDF fixture with these lines of Helvetica, rendered as an image file. */
export function renderedText(lines: string[], format: RenderFormat, dpi = 200): Promise<Uint8Array> {
  return inFolder(async (folder) => {
    await writeFile(join(folder, 'in.pdf'), buildPdf({ pages: [lines] }));
    await run('pdftoppm', ['-r', String(dpi), `-${format}`, '-singlefile', join(folder, 'in.pdf'), join(folder, 'out')]);
    const extension = format === 'jpeg' ? 'jpg' : format === 'tiff' ? 'tif' : 'png';
    return new Uint8Array(await readFile(join(folder, `out.${extension}`)));
  });
}

/** The same page as grey pixels, to draw into a PDF that has no text layer: a scan. */
export function greyText(lines: string[], dpi = 150): Promise<GreyImage> {
  return inFolder(async (folder) => {
    await writeFile(join(folder, 'in.pdf'), buildPdf({ pages: [lines] }));
    await run('pdftoppm', ['-r', String(dpi), '-gray', '-singlefile', join(folder, 'in.pdf'), join(folder, 'out')]);
    return parsePgm(new Uint8Array(await readFile(join(folder, 'out.pgm'))));
  });
}

/** Netpbm binary greymap ("P5", width, height, maximum value, one byte a pixel). */
function parsePgm(bytes: Uint8Array): GreyImage {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(Buffer.from(bytes.subarray(0, 64)).toString('latin1'));
  if (!header || header[3] !== '255') throw new Error('not an 8-bit PGM file');
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, pixels: bytes.subarray(header[0].length, header[0].length + width * height) };
}

/** Lines in a font fontconfig knows ("DejaVu Sans"), rendered by text2image as a TIFF; null when the font is not installed. */
export function scriptText(lines: string[], font = 'DejaVu Sans'): Promise<Uint8Array | null> {
  return inFolder(async (folder) => {
    const { stdout } = await run('fc-list', [':', 'family']);
    if (!stdout.split('\n').some((family) => family.split(',').includes(font))) return null;
    await writeFile(join(folder, 'text.txt'), lines.join('\n') + '\n');
    // text2image writes a fonts.conf of its own in the working folder: run it in the temporary one.
    await run('text2image', [`--text=${join(folder, 'text.txt')}`, `--outputbase=${join(folder, 'out')}`, `--font=${font}`, '--fonts_dir=/usr/share/fonts', '--ptsize=14'], { cwd: folder });
    return new Uint8Array(await readFile(join(folder, 'out.tif')));
  });
}
