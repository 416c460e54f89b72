/**
 * Turns the bytes of a saved page into text. Greek school sites were written
 * in UTF-8, windows-1253 or ISO-8859-7, and a page saved from the browser
 * keeps its bytes and its declaration, so the declaration is honoured as a
 * browser honours it: a byte order mark first, then `<meta charset>` or
 * `<meta http-equiv="Content-Type" content="…; charset=…">`.
 */

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
  | 'guessed';

export interface DecodedPage {
  text: string;
  kind: PageKind;
  /** The WHATWG name of the encoding the text was read in, e.g. `windows-1253`. */
  encoding: string;
  source: EncodingSource;
  /** The encoding the page declares, when it declares one (also one that was not used). */
  declared?: string;
}

/** What a Greek page that is not UTF-8 and declares nothing is most likely in. */
const GREEK_FALLBACK = 'windows-1253';

/** A declaration is looked for in the first bytes, as browsers do (they look at 1024; saved pages move it a little). */
const PRESCAN_BYTES = 4096;

export function decodePage(bytes: Uint8Array): DecodedPage {
  const bom = byteOrderMark(bytes);
  // latin1 maps each byte to one character: enough to read ASCII markup in any of these encodings.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, PRESCAN_BYTES));
  if (bom) {
    const text = new TextDecoder(bom).decode(bytes);
    return { text, kind: looksLikeHtml(text.slice(0, PRESCAN_BYTES)) ? 'html' : 'text', encoding: bom, source: 'bom' };
  }
  const kind: PageKind = looksLikeHtml(head) ? 'html' : 'text';
  const declared = kind === 'html' ? declaredEncoding(head) : undefined;
  const utf8 = strictUtf8(bytes);
  if (declared === 'utf-8' || (declared === undefined && utf8 !== undefined)) {
    if (utf8 !== undefined) return { text: utf8, kind, encoding: 'utf-8', source: declared ? 'declared' : 'utf-8', declared };
  } else if (declared !== undefined) {
    // A Greek single-byte page is never valid UTF-8 by chance (its letters are
    // bytes that UTF-8 allows only in sequences); if these bytes are, the file
    // was saved again as UTF-8 and kept its old declaration.
    if (utf8 !== undefined && /[^\p{ASCII}]/u.test(utf8)) {
      return { text: utf8, kind, encoding: 'utf-8', source: 'utf-8-not-declared', declared };
    }
    return { text: new TextDecoder(declared).decode(bytes), kind, encoding: declared, source: 'declared', declared };
  }
  return { text: new TextDecoder(GREEK_FALLBACK).decode(bytes), kind, encoding: GREEK_FALLBACK, source: 'guessed', declared };
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
 * (`greek` → `iso-8859-7`, `cp1253` → `windows-1253`); an unknown name counts
 * as none. An XML declaration counts too, for XHTML pages.
 */
function declaredEncoding(head: string): string | undefined {
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
    if (encoding) return encoding;
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
