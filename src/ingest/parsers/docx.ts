// Word documents (.docx) through mammoth to HTML, then the HTML reader's text: headings and paragraphs become
// lines, each table row one line with its cells separated. Title, author and date come from the package's core
// properties, else from the document's own Title/Heading 1 and header lines.
import { VigilError } from '../../errors.js';
import { parseLimits, type Parser } from '../parser.js';
import { htmlToDocument } from './html.js';
import { openOfficePackage, readCoreProperties } from './office-package.js';
import { readTextHeader } from './text-header.js';

// mammoth maps Heading 1–6 itself; Word's Title style is the document's own title, so it becomes the first <h1>.
const styleMap = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"];

export const docxParser: Parser = {
  mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  extensions: ['.docx'],
  async *parse(bytes, meta) {
    const zip = await openOfficePackage(bytes, meta.path, 'DOCX', parseLimits(meta).maxExpandedBytes);
    const core = await readCoreProperties(zip);
    let html: string;
    // Loaded on first use, as most hauls hold no Word files.
    const { default: mammoth } = await import('mammoth');
    // Pictures carry no text: skipping their bytes keeps base64 copies of every image out of memory.
    const noImages = mammoth.images.imgElement(async () => ({ src: '' }));
    try {
      // No external file access: a document can link a picture by a path on the machine that opens it.
      const result = await mammoth.convertToHtml(
        { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
        { styleMap, convertImage: noImages, ignoreEmptyParagraphs: true, externalFileAccess: false },
      );
      html = result.value;
    } catch (error) {
      // The package opened, so what mammoth fails on is its content: no main document part, XML it cannot read.
      const reason = error instanceof Error ? error.message : String(error);
      throw new VigilError('input', 'ingest.docx-unreadable', `${meta.path}: not a readable DOCX: ${reason}`, { cause: error });
    }
    const doc = htmlToDocument(html);
    const header = readTextHeader(doc.text);
    yield {
      title: core.title ?? doc.title ?? header.title,
      author: core.author ?? header.author,
      date: core.date ?? header.date,
      language: null,
      text: doc.text,
      metadata: {},
    };
  },
};
