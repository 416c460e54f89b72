import { plainLetters } from './normalise/text.ts';
import { renamedDeviceName, windowsDeviceName } from './portable-names.ts';

/**
 * Folder names are URL slugs: lower-case Latin letters, digits and dashes.
 * Greek titles are transliterated with ELOT 743 (the Greek standard used for
 * passports and road signs), so a URL reads as a Greek reader expects.
 */

const SINGLE: Record<string, string> = {
  α: 'a',
  β: 'v',
  γ: 'g',
  δ: 'd',
  ε: 'e',
  ζ: 'z',
  η: 'i',
  θ: 'th',
  ι: 'i',
  κ: 'k',
  λ: 'l',
  μ: 'm',
  ν: 'n',
  ξ: 'x',
  ο: 'o',
  π: 'p',
  ρ: 'r',
  σ: 's',
  ς: 's',
  τ: 't',
  υ: 'y',
  φ: 'f',
  χ: 'ch',
  ψ: 'ps',
  ω: 'o',
};

/** Pairs that ELOT 743 writes differently from their letters one by one. */
const PAIRS: Record<string, string> = { ου: 'ou', γγ: 'ng', γξ: 'nx', γχ: 'nch' };

/** αυ, ευ, ηυ become av/ev/iv, or af/ef/if before a voiceless consonant or at the end. */
const U_DIPHTHONGS: Record<string, string> = { α: 'a', ε: 'e', η: 'i' };
const VOICELESS = new Set(['θ', 'κ', 'ξ', 'π', 'σ', 'ς', 'τ', 'φ', 'χ', 'ψ']);

export function transliterateGreek(text: string): string {
  // Accents are dropped first, but a dialytika (ϊ, ϋ) means "not a diphthong": keep it marked.
  const letters = [
    ...text
      .normalize('NFD')
      .replace(/[\u0300-\u0307\u0309-\u036f]/g, '')
      .normalize('NFC')
      .toLowerCase(),
  ];
  let out = '';
  for (let i = 0; i < letters.length; i++) {
    const letter = letters[i]!;
    const next = letters[i + 1] ?? '';
    const pair = PAIRS[letter + next];
    if (pair) {
      out += pair;
      i++;
    } else if (U_DIPHTHONGS[letter] && next === 'υ') {
      const after = letters[i + 2] ?? '';
      out += U_DIPHTHONGS[letter] + (after === '' || VOICELESS.has(after) || !/\p{L}/u.test(after) ? 'f' : 'v');
      i++;
    } else {
      out += SINGLE[letter.normalize('NFD')[0] ?? letter] ?? letter;
    }
  }
  return out;
}

/**
 * The longest project folder name. It is the project's web address; and git
 * on Windows cannot check out a path longer than 260 characters, so a fork of
 * the archive cloned into a deep folder still fits. The check refuses longer
 * names; `npm run new`, the web editor and the messages' suggestions cut a
 * title's name to this length, after a whole word.
 */
export const SLUG_MAX_LENGTH = 60;

/**
 * A valid folder name made from a title in any language, at most SLUG_MAX_LENGTH
 * characters; empty when the title has no letter or digit a web address can
 * use (`!!!`, emoji, Chinese). Never a name Windows keeps for a device (a
 * project called "Aux" gets the folder `aux-project`, see portable-names.ts).
 */
export function suggestSlug(name: string): string {
  const slug = slugOf(name);
  return windowsDeviceName(slug) ? renamedDeviceName(slug, '-project') : slug;
}

function slugOf(name: string): string {
  const slug = plainLetters(transliterateGreek(name).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase())
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= SLUG_MAX_LENGTH) return slug;
  // Cut after the last whole word that fits (the character after the limit may be the dash that ends it).
  const lastDash = slug.lastIndexOf('-', SLUG_MAX_LENGTH);
  return lastDash > 0 ? slug.slice(0, lastDash) : slug.slice(0, SLUG_MAX_LENGTH).replace(/-+$/, '');
}
