// Small PDFs written by hand for the parser tests: one Helvetica text object per page (or a grey image filling it,
// as a scanner writes), a correct xref table (PDF 32000-1 §7.5.4: 20-byte entries, offsets from the start of the
// file), an optional Info dictionary and an optional trailer addition (an /Encrypt dictionary, for instance).
import { deflateSync } from 'node:zlib';

/** 8-bit grey pixels, row by row (PDF 32000-1 §8.9.5: an image XObject in DeviceGray). */
export interface GreyImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

export interface PdfFixture {
  /** Lines of text on each page; an empty list is a page with no text layer, as a scan has; an image is a scanned page. */
  pages: (string[] | GreyImage)[];
  info?: Record<string, string>;
  trailerExtra?: string;
}

function pdfString(text: string): string {
  return '(' + text.replace(/[\\()]/g, (c) => '\\' + c) + ')';
}

export function buildPdf({ pages, info, trailerExtra = '' }: PdfFixture): Uint8Array {
  const objects: string[] = ['<< /Type /Catalog /Pages 2 0 R >>', '', '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'];
  const kids: string[] = [];
  for (const page of pages) {
    let resources = '/Font << /F1 3 0 R >>';
    let content: string;
    if (Array.isArray(page)) {
      content = page.length === 0 ? '' : `BT /F1 12 Tf 72 720 Td 14 TL ${page.map((l) => `${pdfString(l)} Tj T*`).join(' ')} ET`;
    } else {
      // The image scaled to the whole page (§8.3.4: an image is drawn in the unit square, the matrix sizes it).
      const data = Buffer.from(deflateSync(page.pixels)).toString('latin1');
      objects.push(`<< /Type /XObject /Subtype /Image /Width ${page.width} /Height ${page.height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length ${data.length} >>\nstream\n${data}\nendstream`);
      resources = `/XObject << /Im1 ${objects.length} 0 R >>`;
      content = 'q 612 0 0 792 0 0 cm /Im1 Do Q';
    }
    objects.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << ${resources} >> /Contents ${objects.length} 0 R >>`);
    kids.push(`${objects.length} 0 R`);
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${kids.length} >>`;
  let infoReference = '';
  if (info) {
    objects.push('<< ' + Object.entries(info).map(([key, value]) => `/${key} ${pdfString(value)}`).join(' ') + ' >>');
    infoReference = ` /Info ${objects.length} 0 R`;
  }
  let file = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(file.length);
    file += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xrefOffset = file.length;
  file += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) file += `${String(offset).padStart(10, '0')} 00000 n \n`;
  file += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${infoReference}${trailerExtra} >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  // Latin-1 throughout, so string length is byte length and the offsets above are byte offsets.
  return Uint8Array.from(file, (c) => c.charCodeAt(0));
}

/** PDF 32000-1 §7.6.3: a standard security handler with a user password; the keys are arbitrary, so no password opens it. */
export const encryptTrailer =
  ' /Encrypt << /Filter /Standard /V 1 /R 2 /O <' + 'ab'.repeat(32) + '> /U <' + 'cd'.repeat(32) + '> /P -4 >>' +
  ' /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]';
