/**
 * Addresses of pages on other sites that a project links to: its page on the
 * European School Education Platform (`link`) and what its pupils made
 * (`outcomes`). Only `https` addresses are taken. An `http` page makes
 * browsers warn the visitor, and can be changed on its way; a file on the
 * teacher's computer (`file:///…`, `C:\…`) opens for no one else; and any other
 * scheme (`javascript:`, `data:`) is not a page at all, but something the
 * visitor's browser would run.
 */

/** Why an address was refused, for the message. */
export type AddressMistake = 'insecure' | 'file' | 'other';

export type ParsedAddress =
  | { ok: true; value: string }
  /** `suggestion`: the address the teacher most likely meant (the https one), when there is one. */
  | { ok: false; mistake: AddressMistake; suggestion?: string };

/** A path on a computer: `file:`, a Windows drive (`C:\`, `c:/`), a network share (`\\server`), or a Unix path (`/home/…`, `~/…`). */
const FILE_PATH = /^(?:file:|[a-z]:[\\/]|\\|\/|~\/)/i;

/** A scheme, as in `https:`, `mailto:` or `javascript:`. */
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** The address in its normal form, when it is a web address this archive links to. */
function httpsAddress(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  // A host with a dot is one on the web (not `localhost` or a name on the school's own network);
  // a name and password in an address would be published with it.
  if (url.protocol !== 'https:' || !url.hostname.includes('.') || url.username !== '' || url.password !== '') return undefined;
  return url.href;
}

/**
 * Reads an address as teachers paste it (spaces around it are fine) into its
 * normal form (`https://School-Education.ec.europa.eu/x` is
 * `https://school-education.ec.europa.eu/x`), or says why it is not one.
 */
export function parseWebAddress(raw: string): ParsedAddress {
  const text = raw.trim();
  const value = httpsAddress(text);
  if (value) return { ok: true, value };
  if (FILE_PATH.test(text)) return { ok: false, mistake: 'file' };
  if (/^http:/i.test(text)) {
    const suggestion = httpsAddress(text.replace(/^http:/i, 'https:'));
    return suggestion ? { ok: false, mistake: 'insecure', suggestion } : { ok: false, mistake: 'insecure' };
  }
  // `www.etwinning.net/…` or `school-education.ec.europa.eu/…`, copied without its scheme.
  if (!SCHEME.test(text) || /^[^/:]+\.[^/:]+:\d/.test(text)) {
    const suggestion = /^[^\s/]+\.[^\s/]+/.test(text) ? httpsAddress(`https://${text}`) : undefined;
    return suggestion ? { ok: false, mistake: 'other', suggestion } : { ok: false, mistake: 'other' };
  }
  return { ok: false, mistake: 'other' };
}

/** The European School Education Platform, where eTwinning projects and their TwinSpaces have lived since 2022. */
export const PLATFORM_HOST = 'school-education.ec.europa.eu';

/** A platform address's language: its path begins with it (`/en/etwinning/projects/…`, `/el/…`). */
const PLATFORM_LANGUAGE = new RegExp(`^(https://${PLATFORM_HOST.replaceAll('.', '\\.')}/)[a-z]{2}(?=/)`);

/**
 * The same page of the platform in another language: a teacher copies the
 * project's address from the platform as it was shown to them, in Greek
 * (`/el/…`) or in English (`/en/…`); each of the site's pages links to it in
 * its own language. Any other address is returned as it is.
 */
export function platformAddressIn(address: string, lang: string): string {
  return address.replace(PLATFORM_LANGUAGE, `$1${lang}`);
}

/** What two addresses are compared by: the same platform page in two languages is the same page. */
export function samePageKey(address: string): string {
  return address.replace(PLATFORM_LANGUAGE, '$1*');
}
