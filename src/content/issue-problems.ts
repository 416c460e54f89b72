import { closest } from 'fastest-levenshtein';
import type { z } from 'zod';
import { LANGUAGES } from '../i18n/languages.ts';
import { countryName, type CountryCode } from './normalise/countries.ts';
import { type MessageValue, say } from './messages.ts';
import type { ContentProblem } from './problems.ts';
import { listItems, type RefusedValue, type RepeatedItem } from './schema.ts';
import type { SourceFile } from './source-file.ts';

/** What each field holds, for the messages: `messages.hint.<field>` in the locale files. */
const hint = (field: string | undefined) => (field && KNOWN_HINTS.has(field) ? say(`hint.${field}`) : say('hint.value'));
const KNOWN_HINTS = new Set(['title', 'summary', 'classes', 'partners', 'continues', 'name', 'email']);

/** "A or B or C", in the language the message is said in. */
const orList = (values: MessageValue[]): MessageValue => ({ list: values, separator: say('or') });

/** Turns zod's issues for one file into messages a teacher can act on. */
export function issueProblems(source: SourceFile, issues: readonly z.core.$ZodIssue[], fields: readonly string[]): ContentProblem[] {
  return issues.flatMap((issue): ContentProblem[] => {
    const field = typeof issue.path[0] === 'string' ? issue.path[0] : undefined;
    const line = source.lineOf(issue.path as (string | number)[]);
    const at = { file: source.file, line, field };

    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        file: source.file,
        line: source.lineOf([key]),
        field: key,
        message: say('unknownField', { key }),
        fix: say('unknownFieldFix', { nearest: closest(key, fields as string[]), fields: fields.join(', ') }),
      }));
    }
    if (issue.code === 'custom' && (issue.params as RepeatedItem | undefined)?.kind === 'repeated') {
      return [repeatedItemProblem(source, at, issue.path, issue.params as RepeatedItem)];
    }
    if (issue.code === 'custom' && issue.params) {
      return [refusedValueProblem(at, issue.params as RefusedValue)];
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
    return [{ ...at, message: say('wrongField', { field }), fix: say('writeHint', { hint: hint(field) }) }];
  });
}

function refusedValueProblem(at: Pick<ContentProblem, 'file' | 'line' | 'field'>, refused: RefusedValue): ContentProblem {
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

/** `partners: [Λετονία, LV]`: the later item, on its line, names the earlier one and its line. */
function repeatedItemProblem(
  source: SourceFile,
  at: Pick<ContentProblem, 'file' | 'line' | 'field'>,
  path: readonly PropertyKey[],
  repeated: RepeatedItem,
): ContentProblem {
  const field = String(path[0]);
  const items = listItems(source.data[field]) as unknown[];
  const quote = (index: number) => String(items[index]);
  const values = { value: quote(Number(path[1])), first: quote(repeated.first), line: source.lineOf([field, repeated.first]) };
  return { ...at, message: say(repeated.of === 'class' ? 'limits.repeatedClass' : 'limits.repeatedCountry', values), fix: say('limits.repeatedFix') };
}
