// Small PDFs written by hand for the parser tests: one Helvetica text object per page, a correct xref table
// (PDF 32000-1 §7.5.4: 20-byte entries, offsets from the start of the file), an optional Info dictionary and
// an optional trailer addition (an /Encrypt dictionary, for instance).

export interface PdfFixture {
  /** Lines of text on each page; an empty list is a page with no text layer, as a scan has. */
  pages: string[][];
  info?: Record<string, string>;
  trailerExtra?: string;
}

function pdfString(text: string): string {
  return '(' + text.replace(/[\\()]/g, (c) => '\\' + c) + ')';
}

export function buildPdf({ pages, info, trailerExtra = '' }: PdfFixture): Uint8Array {
  const objects: string[] = ['<< /Type /Catalog /Pages 2 0 R >>', '', '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'];
  const kids: string[] = [];
  for (const lines of pages) {
    const content = lines.length === 0 ? '' : `BT /F1 12 Tf 72 720 Td 14 TL ${lines.map((l) => `${pdfString(l)} Tj T*`).join(' ')} ET`;
    objects.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${objects.length} 0 R >>`);
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
