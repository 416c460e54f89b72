/**
 * The school's name as the page gives it: in its `<title>` or in a sentence
 * of its introduction ("Το 14ο Δημοτικό Σχολείο Αχαρνών, συνεχίζοντας…").
 */
import { foldAligned } from '../../content/normalise/text.ts';
import type { Block } from './main-text.ts';

export interface FoundSchoolName {
  name: string;
  /** Where it was found: the page's title, or a line of its text. */
  from: { title: true } | { line: number };
}

// On the folded text: an optional ordinal (14ο, 14ου), an optional kind, and
// the kind of school, in the nominative or the genitive ("ου?" tries the
// genitive first), ending at the end of a word.
const SCHOOL = new RegExp(
  String.raw`(?<=^|[\s(«"“])(?:\d{1,3}(?:ου|ον|ο)\s+)?(?:(?:ολοημερ|πειραματικ|προτυπ|ειδικ|μουσικ)ου?\s+)?` +
    String.raw`(?:δημοτικου?\s+σχολειου?|νηπιαγωγειου?|γυμνασιου?|(?:γενικ|επαγγελματικ)ου?\s+λυκειου?|λυκειου?)(?=[\s,.;:!)»"”-]|$)`,
  'gu',
);

/** Its place: one to four words that begin with a capital ("Αχαρνών", "Νέας Σμύρνης"). */
const PLACE = /^(?:\s+\p{Lu}[\p{L}\p{M}'’-]*){1,4}/u;

/** The genitive of the words of a school's kind, and their nominative. */
const NOMINATIVE: Readonly<Record<string, string>> = {
  δημοτικου: 'Δημοτικό',
  σχολειου: 'Σχολείο',
  νηπιαγωγειου: 'Νηπιαγωγείο',
  γυμνασιου: 'Γυμνάσιο',
  λυκειου: 'Λύκειο',
  γενικου: 'Γενικό',
  επαγγελματικου: 'Επαγγελματικό',
  ολοημερου: 'Ολοήμερο',
  πειραματικου: 'Πειραματικό',
  προτυπου: 'Πρότυπο',
  ειδικου: 'Ειδικό',
  μουσικου: 'Μουσικό',
};

/** Every school name in a text, put in the nominative ("του 14ου Δημοτικού Σχολείου Αχαρνών" → "14ο Δημοτικό Σχολείο Αχαρνών"). */
export function schoolNamesIn(text: string): string[] {
  const clean = text.normalize('NFC');
  const folded = foldAligned(clean);
  const names: string[] = [];
  for (const match of folded.matchAll(SCHOOL)) {
    const end = match.index + match[0].length;
    const place = PLACE.exec(clean.slice(end));
    if (!place) continue;
    const kind = clean
      .slice(match.index, end)
      .split(/\s+/)
      .map((word) => {
        const ordinal = /^(\d+)(ου|ον)$/iu.exec(word);
        if (ordinal) return `${ordinal[1]}${/[Α-Ω]/u.test(ordinal[2]!) ? 'Ο' : 'ο'}`;
        const nominative = NOMINATIVE[foldAligned(word)];
        if (!nominative) return word;
        return word === word.toUpperCase() ? nominative.toUpperCase().normalize('NFD').replace(/\p{M}/gu, '') : nominative;
      })
      .join(' ');
    names.push(`${kind}${place[0].replace(/\s+/g, ' ')}`);
  }
  return names;
}

/**
 * The first name found in the title or the introduction; a name written in
 * capitals only ("14ο ΔΗΜΟΤΙΚΟ ΣΧΟΛΕΙΟ") is taken only when there is no other,
 * since capitals drop the accents.
 */
export function findSchoolName(title: string | undefined, intro: readonly Block[]): FoundSchoolName | undefined {
  const found: FoundSchoolName[] = [
    ...(title ? schoolNamesIn(title).map((name) => ({ name, from: { title: true as const } })) : []),
    ...intro.flatMap((block) => schoolNamesIn(block.text).map((name) => ({ name, from: { line: block.line } }))),
  ];
  return found.find((candidate) => !inCapitals(candidate.name)) ?? found[0];
}

/** "14ο ΔΗΜΟΤΙΚΟ ΣΧΟΛΕΙΟ ΑΧΑΡΝΩΝ": its words in capitals, whatever the ordinal's "ο" is written in. */
function inCapitals(name: string): boolean {
  const words = name.replace(/^\d+\p{L}*\s+/u, '');
  return words === words.toUpperCase();
}
