// Minimal Office Open XML packages for the parser tests, written by hand (ECMA-376): only the parts a reader needs.
import JSZip from 'jszip';

export interface CoreFixture {
  title?: string;
  creator?: string;
  created?: string;
}

function coreXml(core: CoreFixture): string {
  const fields = [
    core.title === undefined ? '' : `<dc:title>${escapeXml(core.title)}</dc:title>`,
    core.creator === undefined ? '' : `<dc:creator>${escapeXml(core.creator)}</dc:creator>`,
    core.created === undefined ? '' : `<dcterms:created xsi:type="dcterms:W3CDTF">${core.created}</dcterms:created>`,
  ].join('');
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    `xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${fields}</cp:coreProperties>`;
}

export function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);
}

/** A paragraph; `style` is a built-in style id such as Heading1 or Title. */
export function paragraph(text: string, style?: string): string {
  const properties = style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : '';
  return `<w:p>${properties}<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;
}

export function table(rows: string[][]): string {
  const cells = (row: string[]) => row.map((cell) => `<w:tc>${paragraph(cell)}</w:tc>`).join('');
  return `<w:tbl>${rows.map((row) => `<w:tr>${cells(row)}</w:tr>`).join('')}</w:tbl>`;
}

const styles = ['Title', 'Heading1', 'Heading2'].map((id) => `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${id === 'Title' ? 'Title' : id.replace('Heading', 'heading ')}"/></w:style>`).join('');

export async function buildDocx(body: string, core?: CoreFixture): Promise<Uint8Array> {
  const zip = new JSZip();
  const w = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
    (core ? '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' : '') + '</Types>');
  zip.file('_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="${rel}/officeDocument" Target="word/document.xml"/>` +
    (core ? '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' : '') +
    '</Relationships>');
  zip.file('word/_rels/document.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="${rel}/styles" Target="styles.xml"/></Relationships>`);
  zip.file('word/styles.xml', `<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="${w}">${styles}</w:styles>`);
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${w}"><w:body>${body}</w:body></w:document>`);
  if (core) zip.file('docProps/core.xml', coreXml(core));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/**
 * MS-CFB header bytes and a directory entry naming the EncryptedPackage stream (MS-OFFCRYPTO §2.3.4): enough for a
 * reader that only needs to tell an encrypted OOXML file from other compound files.
 */
export function encryptedOfficeFile(): Uint8Array {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  const directory = Buffer.alloc(512);
  Buffer.from('EncryptionInfo', 'utf16le').copy(directory, 0);
  Buffer.from('EncryptedPackage', 'utf16le').copy(directory, 128);
  return new Uint8Array(Buffer.concat([header, directory]));
}

/** A compound file without an EncryptedPackage stream, as a Word 97–2003 .doc is. */
export function legacyOfficeFile(): Uint8Array {
  const bytes = encryptedOfficeFile();
  bytes.fill(0, 512);
  Buffer.from('WordDocument', 'utf16le').copy(Buffer.from(bytes.buffer), 512);
  return bytes;
}
