import { closest } from 'fastest-levenshtein';
import type { z } from 'zod';
import { countryName } from './normalise/countries.ts';
import type { ContentProblem } from './problems.ts';
import type { RefusedValue } from './schema.ts';
import type { SourceFile } from './source-file.ts';

/** What each field holds, in the words used by the messages. */
const FIELD_HINTS: Record<string, string> = {
  title: 'the title in this file\'s language, for example: title: The Scratch Project',
  summary: 'one or two sentences, for example: summary: Pupils make games with Scratch.',
  classes: 'the classes as a list, for example: classes: [Ε\', ΣΤ1]',
  partners: 'the partner countries as a list, for example: partners: [Ελλάδα, Λετονία]',
  continues: 'the same project in an earlier year, for example: continues: 2014-2015/cool-or-not-too-cool',
  name: 'the school\'s name in this file\'s language, for example: name: 14ο Δημοτικό Σχολείο Αχαρνών',
  email: 'the school\'s e-mail address, for example: email: school@example.org',
};

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
        message: `"${key}" is not a field this archive knows.`,
        fix: `Did you mean "${closest(key, fields as string[])}"? The fields are: ${fields.join(', ')}.`,
      }));
    }
    if (issue.code === 'custom' && issue.params) {
      return [refusedValueProblem(at, issue.params as RefusedValue)];
    }
    if (field === 'continues' && issue.code === 'invalid_format') {
      return [{ ...at, message: `"${String(source.data.continues)}" is not a project's place in the archive.`, fix: `Write the school year folder and the project folder, for example: continues: 2014-2015/cool-or-not-too-cool` }];
    }
    const missing = issue.code === 'invalid_type' && source.data[field ?? ''] === undefined;
    if (missing) {
      return [{ ...at, message: `The field "${field}" is missing.`, fix: `Add a line with ${FIELD_HINTS[field ?? ''] ?? field}.` }];
    }
    // `title:` with nothing after it is read by YAML as null: the field is there but empty.
    const emptyLine = issue.code === 'invalid_type' && source.data[field ?? ''] === null;
    if (issue.code === 'too_small' || emptyLine) {
      return [{ ...at, message: `The field "${field}" is empty.`, fix: `Write ${FIELD_HINTS[field ?? ''] ?? 'a value'}.` }];
    }
    return [{ ...at, message: `The field "${field}" does not hold what it should.`, fix: `Write ${FIELD_HINTS[field ?? ''] ?? 'a value'}.` }];
  });
}

function refusedValueProblem(at: Pick<ContentProblem, 'file' | 'line' | 'field'>, refused: RefusedValue): ContentProblem {
  if (refused.kind === 'class') {
    const didYouMean = refused.suggestions.length ? `Did you mean ${refused.suggestions.join(' or ')}? ` : '';
    return {
      ...at,
      message: `"${refused.value}" is not a class of a primary school.`,
      fix: `${didYouMean}Write a whole grade (Α' to ΣΤ') or a section such as ΣΤ1.`,
    };
  }
  const names = refused.suggestions.map((code) => `${countryName(code, 'el')} / ${countryName(code, 'en')} (${code})`);
  const didYouMean = names.length ? `Did you mean ${names.join(' or ')}? ` : '';
  return {
    ...at,
    message: `"${refused.value}" is not a country this archive knows.`,
    fix: `${didYouMean}Write the country's name in Greek or English, or its two-letter code.`,
  };
}
