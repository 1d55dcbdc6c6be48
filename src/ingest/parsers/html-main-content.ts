// The main content of an article-like page, through Mozilla's Readability (the engine of Firefox's reader view) on a
// linkedom document: navigation, sidebars, "trending" boxes, share buttons and footers left out, so their names
// are not taken for the page's entities. Pages Readability does not judge article-like (forums, listings, short
// pages) are left whole.
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

type ReadableDocument = Parameters<typeof isProbablyReaderable>[0];

/** The main content's HTML, or null when the page is not article-like. */
export function mainContentHtml(html: string): string | null {
  const { document } = parseHTML(html);
  const page = document as unknown as ReadableDocument;
  if (!isProbablyReaderable(page)) return null;
  return new Readability(page, { charThreshold: 200 }).parse()?.content ?? null;
}
