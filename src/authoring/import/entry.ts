/**
 * Reads one entry of a school year, a Greek sentence as old archive pages
 * write them:
 *
 *   Η Ε' τάξη συμμετέχει στο πρόγραμμα The Scratch Project με συνεργάτες από
 *   την Ελλάδα, τη Λετονία, το Ηνωμένο Βασίλειο και την Ισπανία.
 *
 * the classes (before the verb), the project's title (after "στο πρόγραμμα"
 * or "στο έργο", quoted or not, up to where the partners begin) and the
 * partner countries in any grammatical case. Classes and countries are read
 * by the archive's own normalisers, so a sentence understands exactly what a
 * front matter does, and more (declined names).
 */
import { parseCountry, type CountryCode } from '../../content/normalise/countries.ts';
import { parseClassList, type ClassGroup } from '../../content/normalise/grades.ts';
import { foldAligned, splitGreekList } from '../../content/normalise/text.ts';

/** A part of the sentence that was not understood, with what it may have meant. */
export type UnreadPart =
  /** No verb of taking part was found, so no classes either. */
  | { part: 'classes'; value?: undefined }
  /** A class that is not one (`Ζ'`), with the nearest classes. */
  | { part: 'classes'; value: string; suggestions: string[] }
  /** No title after "στο πρόγραμμα". */
  | { part: 'title' }
  /** No partner countries were found. */
  | { part: 'partners'; value?: undefined }
  /** A partner that is not a country the archive knows, with the nearest ones. */
  | { part: 'partners'; value: string; suggestions: CountryCode[] };

export interface EntryReading {
  classes: ClassGroup[];
  title?: string;
  partners: CountryCode[];
  /** The sentence says the project goes on from an earlier year ("συνεχίζει για δεύτερη χρονιά"). */
  continuing: boolean;
  /** Whether the sentence is about taking part in a project at all (its verb or "στο πρόγραμμα" was found). */
  aboutAProject: boolean;
  unread: UnreadPart[];
}

// The patterns below run on the folded sentence (no accents, lower case, σ for ς).

/** "συμμετέχει", "συμμετείχαν", "συνεχίζει", "παίρνουν μέρος", "υλοποιεί"…: the classes are what comes before. */
const VERB = new RegExp(
  String.raw`(?<=^|\s)(?:συμμετεχ(?:ει|ουν)|συμμετειχ(?:ε|αν)|συνεχιζ(?:ει|ουν)|συνεχισ(?:ε|αν)|` +
    String.raw`(?:παιρν(?:ει|ουν)|πηρ(?:ε|αν)|ελαβ(?:ε|αν)|λαμβαν(?:ει|ουν))\s+μεροσ|` +
    String.raw`υλοποι(?:ει|ουν|ησε|ησαν)|ολοκληρ(?:ωνει|ωνουν|ωσε|ωσαν)|ξεκιν(?:α|αει|ανε|ουν|ησε|ησαν))(?=\s|$)`,
  'u',
);

/** "στο πρόγραμμα", "στο έργο", "το πρόγραμμα", "στο ευρωπαϊκό πρόγραμμα eTwinning": the title follows. */
const PROJECT_WORD =
  /(?<=^|\s)(?:(?:στο|το|ενα|σε\s+ενα|στα|τα)\s+)?(?:(?:ευρωπαικο|συνεργατικο|etwinning|νεο)\s+)*(?:προγραμμα|εργο|σχεδιο|project)(?:\s+etwinning)?(?:\s+με\s+(?:τιτλο|θεμα|ονομα))?\s*:?\s+/u;

/** Where the partners begin: "με συνεργάτες από", "και συνεργάζεται με", ", όπου συνεργάζεται με". */
const PARTNERS_START = new RegExp(
  [
    String.raw`\s*,?\s*(?:(?:και|οπου|οπου\s+και|στο\s+οποιο|με\s+το\s+οποιο)\s+)?(?:συνεργαζ(?:εται|ονται|ομαστε)|συνεργαστηκ(?:ε|αν))(?:\s+με)?\s+`,
    String.raw`(?:^|\s*,?\s+)(?:μαζι\s+)?με\s+(?=(?:συνεργατ|εταιρ|σχολει|ενα\s|δυο\s|τρια\s|τεσσερα\s|πεντε\s|εξι\s|\d+\s|μαθητ|χωρ))`,
    String.raw`(?:^|\s*,?\s+)(?:σε\s+)?συνεργασια\s+με\s+`,
  ].join('|'),
  'u',
);

/** "για δεύτερη χρονιά", "για τρίτο έτος", "για 2η συνεχόμενη χρονιά". */
const CONTINUING =
  /(?<=^|\s)για\s+(?:(?:δευτερη|τριτη|τεταρτη|πεμπτη|[2-9]η)\s+(?:συνεχομενη\s+)?(?:χρονια|φορα)|(?:δευτερο|τριτο|τεταρτο|πεμπτο|[2-9]ο)\s+(?:συνεχομενο\s+)?(?:ετοσ|χρονο))(?=\s|[,.;]|$)/u;

/** Words before a country in a list of partners: "σχολεία από", "ένα σχολείο", "δύο σχολεία στην". */
const PARTNER_FILLER =
  /^(?:(?:ενα|μια|δυο|τρια|τεσσερα|πεντε|εξι|επτα|εφτα|οκτω|οχτω|εννεα|δεκα|\d+)\s+)?(?:(?:αλλα|αλλο)\s+)?(?:(?:σχολει(?:ο|α)|συνεργατ(?:εσ|η|ιδεσ)|εταιρ(?:ουσ|οι|ο)|μαθητ(?:εσ|ριεσ)|χωρ(?:εσ|ων))\s+)?(?:(?:απο|σε)\s+)?/u;

/** Quotes a title may be written in, and the quote that closes each. */
const QUOTES: Readonly<Record<string, string>> = { '«': '»', '"': '"', '“': '”', '„': '“', "'": "'", '‘': '’' };

export function readEntry(sentence: string): EntryReading {
  const text = sentence.normalize('NFC').trim();
  const folded = foldAligned(text);
  const reading: EntryReading = { classes: [], partners: [], continuing: CONTINUING.test(folded), aboutAProject: false, unread: [] };

  const verb = VERB.exec(folded);
  const afterVerb = verb ? verb.index + verb[0].length : 0;
  if (verb) {
    reading.aboutAProject = true;
    if (/^συνεχ/.test(verb[0])) reading.continuing = true;
    const classes = parseClassList(text.slice(0, verb.index));
    reading.classes = classes.value;
    for (const refused of classes.refused) reading.unread.push({ part: 'classes', value: refused.value, suggestions: refused.suggestions });
    if (classes.value.length === 0 && classes.refused.length === 0) reading.unread.push({ part: 'classes' });
  } else {
    reading.unread.push({ part: 'classes' });
  }

  const word = PROJECT_WORD.exec(folded.slice(afterVerb));
  let rest = afterVerb;
  if (word) {
    reading.aboutAProject = true;
    const start = afterVerb + word.index + word[0].length;
    const title = readTitle(text, folded, start);
    rest = title.end;
    if (title.title) reading.title = title.title;
  }
  if (!reading.title) reading.unread.push({ part: 'title' });

  const partnersStart = PARTNERS_START.exec(folded.slice(rest));
  if (partnersStart) {
    const from = rest + partnersStart.index + partnersStart[0].length;
    readPartners(text.slice(from, sentenceEnd(text, from)), reading);
  }
  if (reading.partners.length === 0 && !reading.unread.some((part) => part.part === 'partners')) {
    reading.unread.push({ part: 'partners' });
  }
  return reading;
}

/**
 * The title from `start`: inside its quotes when it is quoted, or else up to
 * where the partners begin (or the sentence ends). Returns where reading goes on.
 */
function readTitle(text: string, folded: string, start: number): { title?: string; end: number } {
  const open = text[start]!;
  const close = QUOTES[open];
  if (close !== undefined) {
    const end = text.indexOf(close, start + 1);
    if (end > start + 1) return { title: cleanTitle(text.slice(start + 1, end)), end: end + 1 };
  }
  const partners = PARTNERS_START.exec(folded.slice(start));
  const end = partners ? start + partners.index : sentenceEnd(text, start);
  let title = text.slice(start, end);
  // "… το πρόγραμμα X για δεύτερη χρονιά": the phrase is not part of the title.
  const continuing = CONTINUING.exec(foldAligned(title));
  if (continuing && continuing.index > 0) title = title.slice(0, continuing.index);
  return { title: cleanTitle(title), end };
}

function cleanTitle(title: string): string | undefined {
  const clean = title
    .replace(/\s+/g, ' ')
    .replace(/^[\s:–—-]+/u, '')
    .replace(/[\s,;:–—-]+$/u, '')
    .trim();
  return clean === '' ? undefined : clean;
}

/** Where the sentence that goes on at `from` ends: a full stop, "!" or ";" before a space or the end. */
function sentenceEnd(text: string, from: number): number {
  const end = /[.!;](?=\s|$)/u.exec(text.slice(from));
  return end ? from + end.index : text.length;
}

/**
 * The partner countries of a list such as "σχολεία από την Ελλάδα, τη
 * Λετονία και το Ηνωμένο Βασίλειο" or "ένα σχολείο της Ρουμανίας", in their
 * order, each once. An item that is not a country alone is tried with the
 * next one, for names with "και" in them ("Τρινιντάντ και Τομπάγκο").
 */
function readPartners(list: string, reading: EntryReading): void {
  const items = splitGreekList(list.replace(/\s*\([^)]*\)/g, ''));
  for (let i = 0; i < items.length; i++) {
    const item = withoutFiller(items[i]!);
    if (item === '') continue;
    let parsed = parseCountry(item, { anyCase: true });
    if (!parsed.ok && i + 1 < items.length) {
      const joined = parseCountry(`${item} και ${withoutFiller(items[i + 1]!)}`, { anyCase: true });
      if (joined.ok) {
        parsed = joined;
        i++;
      }
    }
    if (!parsed.ok) reading.unread.push({ part: 'partners', value: item, suggestions: parsed.suggestions });
    else if (!reading.partners.includes(parsed.value)) reading.partners.push(parsed.value);
  }
}

function withoutFiller(item: string): string {
  const filler = PARTNER_FILLER.exec(foldAligned(item));
  return item.slice(filler ? filler[0].length : 0).trim();
}
