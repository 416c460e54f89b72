/**
 * Partner countries, stored as ISO 3166-1 alpha-2 codes and shown by name
 * in the page's language. The list of countries and their names come from
 * `Intl` (CLDR data shipped with Node), so nothing here goes out of date
 * by hand; only the alternative names CLDR does not know are listed below.
 */
import { LANGUAGES } from '../../i18n/languages.ts';
import { foldForMatching, greekLookalikes, greekNominatives, nearest, type Candidate, type Parsed } from './text.ts';

export type { Parsed } from './text.ts';

/** ISO 3166-1 alpha-2, upper case, e.g. 'LV'. */
export type CountryCode = string;

/**
 * Two-letter region codes CLDR names that are not countries:
 * - EU, EZ, UN: organisations (ISO reserves them exceptionally);
 * - AC, CP, CQ, DG, EA, IC, TA: places with an exceptionally reserved code
 *   (Ascension, Clipperton, Sark, Diego Garcia, Ceuta & Melilla, Canary
 *   Islands, Tristan da Cunha) that are parts of other countries;
 * - QO, XA, XB, ZZ: CLDR's private-use codes (Outlying Oceania, two
 *   pseudo-locales, Unknown Region).
 * XK (Kosovo) is private-use too, but is the code everyone, the EU
 * included, uses for Kosovo, so it stays.
 * Deprecated codes (SU, YU, DD, UK…) are not listed: they are recognised
 * below because Intl canonicalises them to another code.
 */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'AC', 'CP', 'CQ', 'DG', 'EA', 'IC', 'TA', 'QO', 'XA', 'XB', 'ZZ']);

/** The EU's own codes for two member states, used in EU (and eTwinning) documents. */
const EU_CODES: Readonly<Record<string, CountryCode>> = { EL: 'GR', UK: 'GB' };

/**
 * Names people use that CLDR does not give (CLDR has one name per country
 * and language, plus sometimes a short one). Greek and English together.
 * The Greek "Μακεδονία" alone is deliberately absent: in Greek it names a
 * Greek region, so it must not silently become North Macedonia.
 */
const ALTERNATIVE_NAMES: Readonly<Record<CountryCode, readonly string[]>> = {
  BA: ['Bosnia and Herzegovina', 'Βοσνία και Ερζεγοβίνη', 'Βοσνία Ερζεγοβίνη'],
  BY: ['Belorussia', 'Byelorussia', 'Μπελαρούς'],
  CI: ['Ivory Coast'],
  CV: ['Cabo Verde', 'Κάβο Βέρντε'],
  CZ: ['Czech Republic', 'Τσεχική Δημοκρατία'],
  EE: ['Εστονία'],
  GB: [
    'Great Britain',
    'Britain',
    'England',
    'Scotland',
    'Wales',
    'Northern Ireland',
    'Μεγάλη Βρετανία',
    'Βρετανία',
    'Αγγλία',
    'Σκωτία',
    'Ουαλία',
    'Βόρεια Ιρλανδία',
  ],
  GR: ['Hellas', 'Ελλάς'],
  IE: ['Republic of Ireland', 'Eire', 'Δημοκρατία της Ιρλανδίας'],
  LV: ['Λεττονία'],
  MD: ['Moldavia', 'Republic of Moldova', 'Μολδοβία', 'Μολδοβα'],
  MK: ['Macedonia', 'Republic of North Macedonia', 'FYROM', 'ΠΓΔΜ', 'Σκόπια'],
  NL: ['Holland', 'Ολλανδία'],
  RU: ['Russian Federation', 'Ρωσική Ομοσπονδία'],
  SK: ['Slovak Republic', 'Σλοβακική Δημοκρατία'],
  SM: ['Σαν Μαρίνο'],
  SZ: ['Swaziland', 'Σουαζιλάνδη'],
  TL: ['East Timor', 'Ανατολικό Τιμόρ'],
  TR: ['Turkey', 'Turkiye'],
  US: ['USA', 'United States of America', 'Ηνωμένες Πολιτείες Αμερικής'],
  VA: ['Vatican', 'Holy See', 'Αγία Έδρα'],
  XK: ['Κόσοβο', 'Κόσσοβο'],
};

/** The languages whose country names are understood in content files: every language of the archive. */
const INPUT_LANGUAGES = LANGUAGES;

// Greek articles (folded) and English "the" before a name, as in the
// school's page: "τη Λετονία", "το Ηνωμένο Βασίλειο", "the Netherlands";
// also in the genitive plural and joined with "σε" ("των Κάτω Χωρών",
// "στην Ιταλία"), as sentences write them.
const LEADING_ARTICLE = /^(?:ο|η|οι|το|τα|τη|την|τον|τησ|του|τισ|των|στη|στην|στο|στον|στισ|στα|the) /u;

/**
 * The key a name or typed value is looked up by: folded, with `&` read as
 * "and" (CLDR writes "Bosnia & Herzegovina"), dots and apostrophes dropped
 * ("U.K.", "Côte d’Ivoire" typed with a straight apostrophe) and any other
 * punctuation read as a space ("Guinea-Bissau", "Βοσνία - Ερζεγοβίνη").
 */
function countryKey(s: string): string {
  let key = foldForMatching(s)
    .replace(/&/g, ' and ')
    .replace(/[.'\u2019\u2018\u02BC]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  // A Greek word with Latin look-alikes in it ("Eλλάδα" with a Latin E)
  // was typed while switching keyboards; read it as all Greek.
  if (/\p{Script=Greek}/u.test(key) && /[a-z]/.test(key)) key = greekLookalikes(key);
  return key;
}

/** Every way a CLDR name may be written: "X (Y)" as X and Y, "St." as "Saint". */
function nameVariants(name: string): string[] {
  const variants = [name];
  const paren = /^(.*?)\s*\((.*)\)$/.exec(name);
  if (paren) variants.push(paren[1]!, paren[2]!);
  return variants.flatMap((v) => (/^St\. /.test(v) ? [v, v.replace(/^St\. /, 'Saint ')] : [v]));
}

let codes: readonly CountryCode[] | undefined;

/**
 * All country codes, computed once from Intl: every AA..ZZ that CLDR names in
 * every language of the archive (a country's page needs its name in each),
 * minus deprecated codes (those Intl canonicalises to another one) and the
 * non-countries above. Sorted alphabetically.
 */
export function allCountryCodes(): readonly CountryCode[] {
  if (codes) return codes;
  const probes = LANGUAGES.map((lang) => new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' }));
  const found: CountryCode[] = [];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (NOT_COUNTRIES.has(code) || probes.some((probe) => probe.of(code) === undefined)) continue;
      if (Intl.getCanonicalLocales(`und-${code}`)[0] !== `und-${code}`) continue;
      found.push(code);
    }
  }
  codes = Object.freeze(found);
  return codes;
}

const displayNames = new Map<string, Intl.DisplayNames>();
/** Names already asked for: a large archive's pages ask for the same few hundred thousands of times. */
const namesGiven = new Map<string, string>();

/** The country's name in `lang`: Λετονία for LV in Greek. */
export function countryName(code: CountryCode, lang: string): string {
  const id = `${lang}:${code}`;
  const given = namesGiven.get(id);
  if (given !== undefined) return given;
  let names = displayNames.get(lang);
  if (!names) {
    // One formatter per language: building one loads locale data.
    names = new Intl.DisplayNames([lang], { type: 'region' });
    displayNames.set(lang, names);
  }
  const name = names.of(code) ?? code;
  namesGiven.set(id, name);
  return name;
}

interface NameIndex {
  byKey: Map<string, CountryCode>;
  candidates: Candidate[];
}

let index: NameIndex | undefined;

/** Every known key for every country, built on first use. */
function nameIndex(): NameIndex {
  if (index) return index;
  const byKey = new Map<string, CountryCode>();
  const candidates: Candidate[] = [];
  const styles = INPUT_LANGUAGES.flatMap((lang) => (['long', 'short'] as const).map((style) => new Intl.DisplayNames([lang], { type: 'region', style })));
  for (const code of allCountryCodes()) {
    const names = [...styles.map((n) => n.of(code) ?? ''), ...(ALTERNATIVE_NAMES[code] ?? [])];
    const keys = [
      ...new Set(
        names
          .flatMap(nameVariants)
          .map(countryKey)
          .filter((k) => k !== ''),
      ),
    ];
    for (const key of keys) byKey.set(key, code);
    // Single words of longer names are suggestion keys only, so that
    // "Congo", "Korea" or "Μακεδονία" point to the countries they are part
    // of without being accepted as one of them.
    const words = keys.flatMap((k) => k.split(' ')).filter((w) => w.length >= 4);
    candidates.push({ value: code, keys: [code.toLowerCase(), ...keys, ...words] });
  }
  index = { byKey, candidates };
  return index;
}

/**
 * Read a partner country as a teacher typed it: an ISO code in any case
 * (`lv`), the EU's `EL`/`UK`, or a Greek or English name with or without
 * accents and with or without an article (`τη Λετονία`, `Latvia`).
 *
 * `anyCase` also reads a Greek name in the genitive or accusative, as a
 * sentence declines it (`της Ρουμανίας`, `του Ηνωμένου Βασιλείου`): for the
 * sentences of an old archive page. A front matter list names countries,
 * so there a genitive stays a mistake whose message suggests the name.
 */
export function parseCountry(raw: string, { anyCase = false }: { anyCase?: boolean } = {}): Parsed<CountryCode> {
  const full = countryKey(raw);
  const bare = full.replace(LEADING_ARTICLE, '');
  for (const key of [full, bare]) {
    const code = fromCode(key) ?? nameIndex().byKey.get(key);
    if (code !== undefined) return { ok: true, value: code };
  }
  const declined = anyCase ? fromDeclinedName(bare) : undefined;
  if (declined !== undefined) return { ok: true, value: declined };
  return { ok: false, suggestions: nearest(bare, nameIndex().candidates) };
}

/** Names of more words than this are not tried in other grammatical cases (none is that long). */
const MAX_DECLINED_WORDS = 5;

/**
 * A Greek name as a sentence declines it ("της Ρουμανίας", "του Ηνωμένου
 * Βασιλείου", "τον Λίβανο"): each word is put back into the nominative it
 * may come from, and a combination is accepted only if it is a name the
 * index already knows. No name is listed here in any other case.
 */
function fromDeclinedName(key: string): CountryCode | undefined {
  if (!/\p{Script=Greek}/u.test(key)) return undefined;
  const words = key.split(' ');
  if (words.length > MAX_DECLINED_WORDS) return undefined;
  let combinations = [''];
  for (const word of words) {
    const forms = greekNominatives(word);
    combinations = combinations.flatMap((start) => forms.map((form) => (start ? `${start} ${form}` : form)));
  }
  for (const combination of combinations) {
    const code = nameIndex().byKey.get(combination);
    if (code !== undefined) return code;
  }
  return undefined;
}

function fromCode(key: string): CountryCode | undefined {
  if (!/^[a-z]{2}$/.test(key)) return undefined;
  const code = key.toUpperCase();
  const canonical = EU_CODES[code] ?? code;
  return allCountryCodes().includes(canonical) ? canonical : undefined;
}
