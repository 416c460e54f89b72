import { closest } from 'fastest-levenshtein';
import type { z } from 'zod';
import { LANGUAGES } from '../i18n/languages.ts';
import { countryName, type CountryCode } from './normalise/countries.ts';
import { type MessageValue, say } from './messages.ts';
import type { ContentProblem } from './problems.ts';
import { listItems, OUTCOME_FIELDS, type LineBreak, type RefusedAddress, type RefusedValue, type RepeatedItem } from './schema.ts';
import type { SourceFile } from './source-file.ts';

/** What each field holds, for the messages: `messages.hint.<field>`, or `messages.fields.<field>.hint`, in the locale files. */
const hint = (field: string | undefined) => {
  if (field && KNOWN_HINTS.has(field)) return say(`hint.${field}`);
  if (field && FIELD_HINTS.has(field)) return say(`fields.${field}.hint`);
  return say('hint.value');
};
const KNOWN_HINTS = new Set(['title', 'summary', 'classes', 'partners', 'continues', 'name', 'email']);
const FIELD_HINTS = new Set(['labels', 'link', 'outcomes']);

/** The kinds of custom issues the schemas raise, by their params. */
type CustomParams = RefusedValue | RefusedAddress | LineBreak | RepeatedItem;

/** A value quoted in a message: long addresses are cut, the message stays readable. */
const shorten = (value: string) => (value.length > 80 ? `${value.slice(0, 77)}…` : value);

/** "A or B or C", in the language the message is said in. */
const orList = (values: MessageValue[]): MessageValue => ({ list: values, separator: say('or') });

/** Turns zod's issues for one file into messages a teacher can act on. */
export function issueProblems(source: SourceFile, issues: readonly z.core.$ZodIssue[], fields: readonly string[]): ContentProblem[] {
  return issues.flatMap((issue): ContentProblem[] => {
    const field = typeof issue.path[0] === 'string' ? issue.path[0] : undefined;
    const line = source.lineOf(issue.path as (string | number)[]);
    const at = { file: source.file, line, field };

    const params = issue.code === 'custom' ? (issue.params as CustomParams | undefined) : undefined;
    if (params?.kind === 'repeated') return [repeatedItemProblem(source, at, issue.path, params)];
    if (params?.kind === 'address') return [addressProblem(at, params, field)];
    if (params?.kind === 'lineBreak' && field === 'outcomes') {
      return [{ ...at, message: say('fields.outcomes.lineBreak', { key: String(issue.path.at(-1)) }), fix: say('fields.outcomes.lineBreakFix') }];
    }
    if (params?.kind === 'lineBreak') {
      // A title is a heading and a link's text; any other one-line field (the school's `name`) is told by its own name.
      const fix = field === 'title' ? say('lineBreakFix', { hint: hint(field) }) : say('lineBreakFieldFix', { field, hint: hint(field) });
      return [{ ...at, message: say('lineBreak', { field }), fix }];
    }
    if (params) return [refusedValueProblem(at, params)];
    // An item of `outcomes`: its own messages, on its own line.
    if (field === 'outcomes' && issue.path.length >= 2) return outcomeProblems(source, issue, at);

    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        file: source.file,
        line: source.lineOfName(key),
        // Named without an invisible character, which a terminal would print as nothing or as a box.
        field: withoutInvisible(key) || key,
        ...unknownFieldTexts(key, fields),
      }));
    }
    if (field === 'continues' && issue.code === 'invalid_format') {
      return [{ ...at, message: say('badContinues', { value: String(source.data.continues) }), fix: say('badContinuesFix') }];
    }
    const missing = issue.code === 'invalid_type' && source.data[field ?? ''] === undefined;
    if (missing) {
      return [{ ...at, message: say('missingField', { field }), fix: say('missingFieldFix', { hint: hint(field) }) }];
    }
    // `title:` with nothing after it is read by YAML as null: the field is there but empty.
    const emptyLine = issue.code === 'invalid_type' && source.data[field ?? ''] === null;
    if (issue.code === 'too_small' || emptyLine) {
      return [{ ...at, message: say('emptyField', { field }), fix: say('writeHint', { hint: hint(field) }) }];
    }
    // `title: [a, b]` or `title:` with `key: value` lines under it: say what was written, and what to write.
    const value = source.data[field ?? ''];
    const shape = Array.isArray(value) ? 'wrongFieldList' : value !== null && typeof value === 'object' ? 'wrongFieldMap' : undefined;
    // Told on the field's name: the list or the named values may begin on the next line.
    const named = { ...at, line: source.lineOfName(field ?? '') };
    if (shape && field && TEXT_FIELDS.has(field)) return [{ ...named, message: say(shape, { field }), fix: say('oneLineFix', { hint: hint(field) }) }];
    if (shape) return [{ ...named, message: say(shape, { field }), fix: say('writeHint', { hint: hint(field) }) }];
    return [{ ...at, message: say('wrongField', { field }), fix: say('writeHint', { hint: hint(field) }) }];
  });
}

/** Fields that hold one line of text: a list or a set of named values in one is told to be written as that line. */
const TEXT_FIELDS = new Set(['title', 'summary', 'name', 'continues', 'email', 'link']);

/**
 * Characters that show as nothing in an editor: a byte order mark (U+FEFF)
 * left in the middle of a file by pasting from another one, zero-width spaces
 * and joiners, a word joiner, a soft hyphen.
 */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/;

const withoutInvisible = (text: string) => text.replace(new RegExp(INVISIBLE.source, 'g'), '');

/**
 * An unknown field name, with the nearest known one. A name that is a known
 * one with an invisible character in it (`\uFEFFclasses` looks exactly like
 * `classes`) is told by that character: "did you mean classes?" about what
 * reads as classes would leave the teacher nothing to fix.
 */
function unknownFieldTexts(key: string, fields: readonly string[]): Pick<ContentProblem, 'message' | 'fix'> {
  const invisible = INVISIBLE.exec(key);
  const visible = withoutInvisible(key);
  if (invisible && visible !== '') {
    const code = `U+${invisible[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    // Before the name it is deleted from the start of the line; inside it, it sits between two letters that show side by side.
    const where = invisible.index === 0 ? 'invisibleBefore' : 'invisibleInside';
    return { message: say(where, { key: visible, code }), fix: say(`${where}Fix`, { key: visible }) };
  }
  return { message: say('unknownField', { key }), fix: say('unknownFieldFix', { nearest: closest(key, fields as string[]), fields: fields.join(', ') }) };
}

type Where = Pick<ContentProblem, 'file' | 'line' | 'field'>;

function refusedValueProblem(at: Where, refused: RefusedValue): ContentProblem {
  if (refused.kind === 'label') {
    const didYouMean = refused.suggestions.length ? say('didYouMean', { values: orList(refused.suggestions) }) : '';
    return { ...at, message: say('fields.labels.unknown', { value: refused.value }), fix: say('fields.labels.unknownFix', { didYouMean }) };
  }
  if (refused.kind === 'class') {
    const didYouMean = refused.suggestions.length ? say('didYouMean', { values: orList(refused.suggestions) }) : '';
    return { ...at, message: say('badClass', { value: refused.value }), fix: say('badClassFix', { didYouMean }) };
  }
  const names = refused.suggestions.map(everyName);
  const didYouMean = names.length ? say('didYouMean', { values: orList(names) }) : '';
  const languages = orList(LANGUAGES.map((lang) => say('inLanguage', { language: { language: lang } })));
  return { ...at, message: say('badCountry', { value: refused.value }), fix: say('badCountryFix', { didYouMean, languages }) };
}

/** "Λετονία / Latvia (LV)": the country in every language of the archive (a name written twice once), and its code. */
function everyName(code: CountryCode): string {
  const names = new Set(LANGUAGES.map((lang) => countryName(code, lang)));
  return `${[...names].join(' / ')} (${code})`;
}

/** Where each kind of list item's repeat is told. */
const REPEATED_MESSAGES: Record<RepeatedItem['of'], string> = {
  class: 'limits.repeatedClass',
  country: 'limits.repeatedCountry',
  label: 'fields.labels.repeated',
  outcome: 'fields.outcomes.repeated',
};

/** `partners: [Λετονία, LV]`: the later item, on its line, names the earlier one and its line. */
function repeatedItemProblem(source: SourceFile, at: Where, path: readonly PropertyKey[], repeated: RepeatedItem): ContentProblem {
  const field = String(path[0]);
  const items = listItems(source.data[field]) as unknown[];
  // An outcome is told by its address, the thing it repeats.
  const quote = (index: number) => (repeated.of === 'outcome' ? shorten(String((items[index] as { url?: unknown }).url).trim()) : String(items[index]));
  const values = { value: quote(Number(path[1])), first: quote(repeated.first), line: source.lineOf([field, repeated.first]) };
  return { ...at, message: say(REPEATED_MESSAGES[repeated.of], values), fix: say('limits.repeatedFix') };
}

/** `link: http://…`, an outcome's `url: C:\…`: what the address is, and the https one to write. */
function addressProblem(at: Where, refused: RefusedAddress, field: string | undefined): ContentProblem {
  const example = say(field === 'link' ? 'fields.link.example' : 'fields.outcomes.urlExample');
  let fix = say(refused.mistake === 'file' ? 'fields.address.fileFix' : 'fields.address.fix', { example });
  // The https address itself, written out, rather than "did you mean": a question mark after an address reads as part of it.
  if (refused.suggestion) fix = say('fields.address.suggestionFix', { address: refused.suggestion });
  return { ...at, message: say(`fields.address.${refused.mistake}`, { value: shorten(refused.value) }), fix };
}

/**
 * An item of `outcomes` that is not `{ title, url }`: told on the item's own
 * line (or its key's), with the item's two lines to write.
 */
function outcomeProblems(source: SourceFile, issue: z.core.$ZodIssue, at: Where): ContentProblem[] {
  const fix = say('fields.outcomes.itemFix');
  const index = Number(issue.path[1]);
  const item = (listItems(source.data.outcomes) as unknown[])[index];
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      ...at,
      line: source.lineOf([...(issue.path as (string | number)[]), key]),
      message: say('fields.outcomes.unknownKey', { key }),
      fix: say('fields.outcomes.unknownKeyFix', { nearest: closest(key, OUTCOME_FIELDS), fields: OUTCOME_FIELDS.join(', ') }),
    }));
  }
  if (issue.path.length === 2) {
    // `- https://…` or `- Our e-book`: a list item that is a text, not a title and an address.
    const value = item === null || typeof item === 'object' ? '' : shorten(String(item));
    return [{ ...at, message: say(value ? 'fields.outcomes.notItem' : 'fields.outcomes.notItemEmpty', { value }), fix }];
  }
  const key = String(issue.path[2]);
  const value = item !== null && typeof item === 'object' ? (item as Record<string, unknown>)[key] : undefined;
  if (value === undefined) return [{ ...at, message: say('fields.outcomes.missing', { key }), fix }];
  if (value === null || issue.code === 'too_small') return [{ ...at, message: say('fields.outcomes.empty', { key }), fix }];
  return [{ ...at, message: say('fields.outcomes.wrong', { key }), fix }];
}
