// The language of a document's text, for the documents whose format does not say: franc-min's trigram models (82
// languages of 8 million speakers or more, bundled: nothing is downloaded; the full franc's 187 mistook English
// prose for Scots too often), its ISO 639-3 answer turned into the tag a reader expects. RFC 5646 §2.2.1: the
// shortest ISO 639 code, so 639-1 where there is one ("en", "ar"), else the 639-3 code ("ckb", "ceb").
import { franc } from 'franc-min';

/**
 * Below this many characters (spaces collapsed) trigram statistics are noise: a title, a caption, a table cell.
 * franc's own default is 10; at 50 a line of prose is enough, and an OCR fragment is not.
 */
export const minimumLanguageCharacters = 50;

/** franc reads 2,048 characters; a long document is sampled from its middle, past letterheads and e-mail headers. */
const sampleLength = 2048;

/**
 * ISO 639-3 → 639-1 for the codes franc's models use. Where franc names one member of a macrolanguage that is what the
 * macrolanguage code means in practice (Standard Arabic for "ar", Iranian Persian for "fa"), the macrolanguage's
 * 639-1 code is used; members that readers tell apart keep their own code (Dari "prs", Sorani "ckb").
 */
const iso6391: Record<string, string> = {
  afr: 'af', als: 'sq', amh: 'am', arb: 'ar', ayr: 'ay', azj: 'az', bam: 'bm', bel: 'be', ben: 'bn', bod: 'bo', bos: 'bs',
  bul: 'bg', cat: 'ca', ces: 'cs', cmn: 'zh', dan: 'da', deu: 'de', ekk: 'et', ell: 'el', eng: 'en', epo: 'eo', ewe: 'ee',
  fin: 'fi', fra: 'fr', glg: 'gl', guj: 'gu', hat: 'ht', hau: 'ha', heb: 'he', hin: 'hi', hrv: 'hr', hun: 'hu', hye: 'hy',
  ibo: 'ig', iii: 'ii', ind: 'id', ita: 'it', jav: 'jv', jpn: 'ja', kan: 'kn', kat: 'ka', kaz: 'kk', khk: 'mn', khm: 'km',
  kin: 'rw', kir: 'ky', kng: 'kg', kor: 'ko', lao: 'lo', lin: 'ln', lit: 'lt', lug: 'lg', lvs: 'lv', mal: 'ml', mar: 'mr',
  mkd: 'mk', mya: 'my', ndo: 'ng', nld: 'nl', nno: 'nn', nob: 'nb', npi: 'ne', nya: 'ny', pan: 'pa', pbu: 'ps', pes: 'fa',
  plt: 'mg', pol: 'pl', por: 'pt', ron: 'ro', run: 'rn', rus: 'ru', sag: 'sg', sin: 'si', slk: 'sk', slv: 'sl', sna: 'sn',
  som: 'so', sot: 'st', spa: 'es', srp: 'sr', ssw: 'ss', sun: 'su', swe: 'sv', swh: 'sw', tam: 'ta', tat: 'tt', tel: 'te',
  tgk: 'tg', tgl: 'tl', tha: 'th', tir: 'ti', tsn: 'tn', tso: 'ts', tuk: 'tk', tur: 'tr', uig: 'ug', ukr: 'uk', urd: 'ur',
  uzn: 'uz', ven: 've', vie: 'vi', wol: 'wo', xho: 'xh', ydd: 'yi', yor: 'yo', zlm: 'ms', zul: 'zu',
};

/** The language tag of `text` ("en", "ar", "ckb"), or null when it is too short or franc cannot tell ("und"). */
export function detectLanguage(text: string): string | null {
  const collapsed = text.replace(/\s+/g, ' ').trim();
  if (collapsed.length < minimumLanguageCharacters) return null;
  const start = collapsed.length > sampleLength ? Math.floor((collapsed.length - sampleLength) / 2) : 0;
  const code = franc(collapsed.slice(start, start + sampleLength), { minLength: minimumLanguageCharacters });
  if (code === 'und') return null;
  return iso6391[code] ?? code;
}
