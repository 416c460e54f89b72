/**
 * Turns the bytes of a saved page into text. Greek school sites were written
 * in UTF-8, windows-1253 or ISO-8859-7, and a page saved from the browser
 * keeps its bytes and its declaration, so the declaration is honoured as a
 * browser honours it: a byte order mark first, then `<meta charset>` or
 * `<meta http-equiv="Content-Type" content="…; charset=…">`.
 */
import { imageFormat } from '../../content/photos.ts';

export type PageKind = 'html' | 'text';

/** How the encoding was found, for the report. */
export type EncodingSource =
  /** A byte order mark. */
  | 'bom'
  /** The page's own declaration. */
  | 'declared'
  /** Undeclared, and the bytes are valid UTF-8. */
  | 'utf-8'
  /** Declared as another encoding, but the bytes are UTF-8 (the file was saved again as UTF-8). */
  | 'utf-8-not-declared'
  /** Undeclared and not UTF-8: read as windows-1253, what Greek Windows wrote. */
  | 'guessed'
  /** Declared as a Latin single-byte encoding (windows-1252, ISO-8859-1…), but its letters are Greek in windows-1253. */
  | 'greek-letters';

export interface DecodedPage {
  text: string;
  kind: PageKind;
  /** The WHATWG name of the encoding the text was read in, e.g. `windows-1253`. */
  encoding: string;
  source: EncodingSource;
  /** The encoding the page declares, as it writes it (`iso-8859-1`, not its WHATWG name `windows-1252`), when it declares one (also one that was not used). */
  declared?: string;
}

/** What a Greek page that is not UTF-8 and declares nothing is most likely in. */
const GREEK_FALLBACK = 'windows-1253';

/** A declaration is looked for in the first bytes, as browsers do (they look at 1024; saved pages move it a little). */
const PRESCAN_BYTES = 4096;

/**
 * Why the bytes cannot be a saved page: the format a signature names (a photo,
 * a PDF, a ZIP or Word file given by mistake), or `binary` for a file with
 * many NUL bytes, which no text in these encodings has. Undefined for a page.
 */
export function notAPage(bytes: Uint8Array): string | undefined {
  // UTF-16 has a NUL in every Latin letter; with its byte order mark it is text.
  if (byteOrderMark(bytes)?.startsWith('utf-16')) return undefined;
  const head = bytes.subarray(0, 16);
  const format = imageFormat(head);
  // An XHTML page starts with `<?xml` as an SVG image may: text either way.
  if (format !== undefined && format !== 'SVG') return format;
  if (head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5) && (head[3] === 4 || head[3] === 6)) return 'ZIP';
  return manyNulBytes(bytes) ? 'binary' : undefined;
}

/** How much of a file's start is looked at for NUL bytes. */
const NUL_SCAN_BYTES = 8192;

/**
 * Whether NUL bytes are frequent enough to make the file binary: more than 1%
 * of its first 8 KB. A photo or a Word file has NULs all through it, and a
 * page in UTF-16 without a byte order mark one in every two bytes of its
 * markup; a saved page with a few NULs (padding a program added at its end, a
 * stray one in the text) is a page, and decodePage drops them. A run of NULs
 * at the very end is padding, whatever its length, and not counted; a file of
 * nothing but NULs is binary.
 */
function manyNulBytes(bytes: Uint8Array): boolean {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end--;
  if (end === 0) return bytes.length > 0;
  const head = bytes.subarray(0, Math.min(end, NUL_SCAN_BYTES));
  let nul = 0;
  for (const byte of head) if (byte === 0) nul++;
  return nul > head.length / 100;
}

export function decodePage(bytes: Uint8Array): DecodedPage {
  const page = decodeBytes(bytes);
  return { ...page, text: withoutControlCharacters(page.text) };
}

/**
 * The characters the check refuses in a content file (see controlCharacterIn
 * in src/content/source-file.ts) are dropped from the page's text: a form
 * feed or a stray byte the encoding leaves undefined (windows-1253's 0x81
 * becomes U+0081) would otherwise be written into a file the check refuses.
 * Tab, line feed and carriage return stay: they are spaces and line endings,
 * and the report's line numbers count them.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is what it is for.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;

function withoutControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '');
}

function decodeBytes(bytes: Uint8Array): DecodedPage {
  const bom = byteOrderMark(bytes);
  // latin1 maps each byte to one character: enough to read ASCII markup in any of these encodings.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, PRESCAN_BYTES));
  if (bom) {
    const text = new TextDecoder(bom).decode(bytes);
    return { text, kind: looksLikeHtml(text.slice(0, PRESCAN_BYTES)) ? 'html' : 'text', encoding: bom, source: 'bom' };
  }
  const kind: PageKind = looksLikeHtml(head) ? 'html' : 'text';
  const declaration = kind === 'html' ? declaredEncoding(head) : undefined;
  const declared = declaration?.encoding;
  const label = declaration?.label;
  const utf8 = strictUtf8(bytes);
  if (declared === 'utf-8' || (declared === undefined && utf8 !== undefined)) {
    if (utf8 !== undefined) return { text: utf8, kind, encoding: 'utf-8', source: declared ? 'declared' : 'utf-8', declared: label };
  } else if (declared !== undefined) {
    // A Greek single-byte page is never valid UTF-8 by chance (its letters are
    // bytes that UTF-8 allows only in sequences); if these bytes are, the file
    // was saved again as UTF-8 and kept its old declaration.
    if (utf8 !== undefined && /[^\p{ASCII}]/u.test(utf8)) {
      return { text: utf8, kind, encoding: 'utf-8', source: 'utf-8-not-declared', declared: label };
    }
    if (LATIN_SINGLE_BYTE.has(declared)) {
      const greek = new TextDecoder(GREEK_FALLBACK).decode(bytes);
      if (lettersAreGreek(greek)) return { text: greek, kind, encoding: GREEK_FALLBACK, source: 'greek-letters', declared: label };
    }
    return { text: decodeAs(declared, bytes), kind, encoding: declared, source: 'declared', declared: label };
  }
  return { text: new TextDecoder(GREEK_FALLBACK).decode(bytes), kind, encoding: GREEK_FALLBACK, source: 'guessed', declared: label };
}

/**
 * Single-byte encodings of Latin scripts, as TextDecoder names them
 * (`iso-8859-1` and `us-ascii` are `windows-1252`). Old Greek sites often
 * declared one of these (a template's default) while their text was typed in
 * windows-1253; a browser then shows "Ôï 14ï Äçìïôéêü". Encodings of other
 * scripts (Cyrillic, Arabic…) are left as declared: their words, too, are all
 * high bytes, so they would look Greek.
 */
const LATIN_SINGLE_BYTE = new Set([
  'windows-1252',
  'iso-8859-15',
  'windows-1250',
  'iso-8859-2',
  'iso-8859-3',
  'iso-8859-4',
  'iso-8859-10',
  'iso-8859-13',
  'iso-8859-14',
  'iso-8859-16',
  'windows-1254',
  'windows-1257',
  'windows-1258',
  'macintosh',
]);

/**
 * Whether text read as windows-1253 is Greek: most of its words with a letter
 * beyond ASCII are Greek letters only. In a French or German page read so,
 * such a word keeps its Latin letters around the accented one ("café" →
 * "cafι", "für" → "fόr"), so it is mixed; in a Greek page it is a whole Greek
 * word. One-letter words are left out ("à" → "ΰ"), and a few words are
 * needed before the page is called Greek.
 */
function lettersAreGreek(text: string): boolean {
  let greek = 0;
  let mixed = 0;
  for (const [word] of text.matchAll(/\p{L}{2,}/gu)) {
    if (/^[\p{ASCII}]*$/u.test(word)) continue;
    if (/^\p{Script=Greek}+$/u.test(word)) greek++;
    else mixed++;
  }
  return greek >= 3 && greek >= 4 * mixed;
}

/**
 * windows-1252's bytes 0x80–0x9F (€, ‘ ’ “ ”, –, …), which Node 20's
 * TextDecoder reads as ISO-8859-1 does, as C1 controls: put right after
 * decoding, so a page's quotes are not dropped with the
 * controls. Where TextDecoder gets them right there is nothing to put right.
 */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function decodeAs(encoding: string, bytes: Uint8Array): string {
  const text = new TextDecoder(encoding).decode(bytes);
  if (encoding !== 'windows-1252') return text;
  return text.replace(/[\u0080-\u009F]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

function byteOrderMark(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Markup at the start, or closing tags of the usual elements anywhere in the first bytes. */
function looksLikeHtml(head: string): boolean {
  return /^\s*<(?:!doctype\s+html|html|head|body|meta|title|!--)/i.test(head) || /<\/(?:p|div|li|ul|body|html|h[1-6]|table)>/i.test(head);
}

/**
 * The encoding a page declares, as the name TextDecoder knows it
 * (`greek` → `iso-8859-7`, `cp1253` → `windows-1253`), with the label as the
 * page writes it, for the report; an unknown name counts as none. An XML
 * declaration counts too, for XHTML pages.
 */
function declaredEncoding(head: string): { encoding: string; label: string } | undefined {
  const labels: string[] = [];
  for (const meta of head.matchAll(/<meta\b[^>]*>/gi)) {
    const tag = meta[0];
    const charset = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (charset) labels.push(charset[1]!);
  }
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (xml) labels.push(xml[1]!);
  for (const label of labels) {
    const encoding = encodingName(label);
    if (encoding) return { encoding, label };
  }
  return undefined;
}

function encodingName(label: string): string | undefined {
  try {
    const encoding = new TextDecoder(label).encoding;
    // A page cannot be in UTF-16 when its declaration was readable as ASCII (HTML's own rule).
    return encoding.startsWith('utf-16') ? 'utf-8' : encoding;
  } catch {
    return undefined;
  }
}
