import { z } from 'zod';
import { classGroupKey, parseClassGroup, type ClassGroup } from './normalise/grades.ts';
import { parseCountry, type CountryCode } from './normalise/countries.ts';
import { parseQualityLabel, QUALITY_LABELS, type QualityLabel } from './normalise/labels.ts';
import { parseWebAddress, type AddressMistake } from './normalise/web-address.ts';

/**
 * The front matter a teacher writes, as zod schemas. Items that teachers type
 * in many ways (classes, countries) are normalised here; a value that cannot be
 * understood becomes a "custom" issue carrying the suggestions for the message.
 */

/** Why an item was refused, carried in a custom issue's params. */
export interface RefusedValue {
  kind: 'class' | 'country' | 'label';
  value: string;
  suggestions: string[];
}

/** Why a web address was refused (`link`, an outcome's `url`), carried in a custom issue's params. */
export interface RefusedAddress {
  kind: 'address';
  value: string;
  mistake: AddressMistake;
  /** The address the teacher most likely meant, when there is one (the https one of an http address). */
  suggestion?: string;
}

/** A text that must be one line (an outcome's title) written on several, carried in a custom issue's params. */
export interface LineBreak {
  kind: 'lineBreak';
}

/** An item of a list that means the same as an earlier one (`Λετονία` and `LV`), carried in a custom issue's params. */
export interface RepeatedItem {
  kind: 'repeated';
  /** What the list holds, for the message. */
  of: 'class' | 'country' | 'label' | 'outcome';
  /** Index of the earlier item, in the list as written (see `listItems`). */
  first: number;
}

/** A line break, also Unicode's own line and paragraph separators. */
export const LINE_BREAK = /[\r\n\u2028\u2029]/;

const oneLine = z.preprocess(
  // A title like 1984 is read by YAML as a number: source-file.ts keeps it as the text written; one given as data is its text too.
  (value) => (typeof value === 'number' ? String(value) : value),
  z.string().trim().min(1),
);

/**
 * A list field's items as written: teachers write lists as YAML lists or as
 * "Δ2, Ε1" on one line, and both are fine. The messages about an item quote it
 * from here, so their indexes are the schema's.
 */
export function listItems(value: unknown): unknown {
  if (typeof value === 'string')
    return value
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean);
  if (typeof value === 'number') return [String(value)];
  return value;
}

/**
 * A list of items, each written once: the same class or country written twice
 * (`Ε'` and `Ε΄`, `Λετονία` and `LV`) would be shown twice, so the later one is
 * an issue on its own line that names the earlier one.
 */
function listOf<T extends z.ZodType>(item: T, of: RepeatedItem['of'], keyOf: (value: z.output<T>) => string) {
  return z.preprocess(
    listItems,
    z
      .array(item)
      .min(1)
      .superRefine((items, ctx) => {
        const seen = new Map<string, number>();
        // Runs only when every item was understood (zod skips it otherwise): an
        // item that was not is its own issue, and repeats are told once it is fixed.
        items.forEach((value, index) => {
          const key = keyOf(value);
          const first = seen.get(key);
          if (first === undefined) {
            seen.set(key, index);
            return;
          }
          const params: RepeatedItem = { kind: 'repeated', of, first };
          ctx.addIssue({ code: 'custom', message: `repeated ${of}`, path: [index], params });
        });
      }),
  );
}

function normalised<T>(kind: RefusedValue['kind'], parse: (raw: string) => { ok: true; value: T } | { ok: false; suggestions: string[] }) {
  return z.union([z.string(), z.number()]).transform((raw, ctx): T => {
    const value = String(raw);
    const parsed = parse(value);
    if (parsed.ok) return parsed.value;
    const params: RefusedValue = { kind, value, suggestions: parsed.suggestions };
    ctx.addIssue({ code: 'custom', message: `unknown ${kind}`, params });
    return z.NEVER;
  });
}

export const classGroup = normalised<ClassGroup>('class', parseClassGroup);
export const country = normalised<CountryCode>('country', parseCountry);
/** Ends in the labels' own values, so that its JSON Schema (the web editor's) lists them. */
export const qualityLabel = normalised<QualityLabel>('label', parseQualityLabel).pipe(z.enum(QUALITY_LABELS));

/** What a web address in the content is once read: https, a host with a dot, no spaces. Also the web editor's pattern. */
export const HTTPS_ADDRESS = /^https:\/\/[^\s/?#@]+\.[^\s/?#@]+(?:[/?#]\S*)?$/;

/**
 * An https address, in its normal form (see normalise/web-address.ts). Ends in
 * a string with the HTTPS_ADDRESS pattern, so that its JSON Schema (the web
 * editor's) carries it.
 */
export const webAddress = z
  .string()
  .transform((raw, ctx): string => {
    const parsed = parseWebAddress(raw);
    if (parsed.ok) return parsed.value;
    const params: RefusedAddress = {
      kind: 'address',
      value: raw.trim(),
      mistake: parsed.mistake,
      ...(parsed.suggestion ? { suggestion: parsed.suggestion } : {}),
    };
    ctx.addIssue({ code: 'custom', message: `not an https address (${parsed.mistake})`, params });
    return z.NEVER;
  })
  .pipe(z.string().regex(HTTPS_ADDRESS));

/**
 * A text on one line: a title, shown as a heading, a link's text, a feed's
 * entry and a browser tab's name, none of which can hold a line break
 * (`title: "a\nb"`, or a block `title: |` of two lines).
 */
const singleLine = oneLine.superRefine((text, ctx) => {
  if (!LINE_BREAK.test(text)) return;
  const params: LineBreak = { kind: 'lineBreak' };
  ctx.addIssue({ code: 'custom', message: 'more than one line', params });
});

/** Something the pupils made, published elsewhere: `{ title, url }`, shown as a link, never embedded. */
export const outcome = z.strictObject({
  title: singleLine,
  url: webAddress,
});

export const OUTCOME_FIELDS = Object.keys(outcome.shape) as (keyof typeof outcome.shape)[];

export const YEAR_PATTERN = /^(\d{4})-(\d{4})$/;
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The first school year an archive can hold: 1950-1951. eTwinning began in
 * 2005 and Comenius school partnerships in 1995, but a school may add older
 * exchanges to its archive; a year before 1950 is far more likely a typing
 * mistake (`1015-1016`, `0000-0001`) than a project.
 */
export const FIRST_SCHOOL_YEAR = 1950;

/**
 * The last school year that may have a folder: the next one, whose projects
 * are prepared before it begins (the web editor offers the current and the
 * next school year too). It moves on with the calendar, so content that passes
 * the check once always passes it; a year further ahead is a typing mistake.
 */
export function lastSchoolYear(today: Date = new Date()): number {
  return today.getFullYear() + 1;
}

/** What is wrong with a school year folder's name, or undefined for a good one. */
export type SchoolYearMistake = 'form' | 'range';

/** `2015-2016`: two years one after the other, from FIRST_SCHOOL_YEAR to lastSchoolYear(). */
export function schoolYearMistake(name: string, today: Date = new Date()): SchoolYearMistake | undefined {
  const match = YEAR_PATTERN.exec(name);
  if (!match || Number(match[2]) !== Number(match[1]) + 1) return 'form';
  const start = Number(match[1]);
  return start < FIRST_SCHOOL_YEAR || start > lastSchoolYear(today) ? 'range' : undefined;
}

/**
 * A school year, as its folder is named: the one schema of a year folder's
 * name, for the content check (layout.ts), `npm run new` and the open data. A
 * new schema each time, so that each user can register its own metadata.
 */
export function schoolYearSchema() {
  return z
    .string()
    .regex(YEAR_PATTERN)
    .refine((name) => schoolYearMistake(name) === undefined, {
      message: `not a school year from ${FIRST_SCHOOL_YEAR}-${FIRST_SCHOOL_YEAR + 1} to the next one`,
    });
}

/** `continues: 2014-2015/cool-or-not-too-cool` */
export const projectRef = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{4}\/[a-z0-9]+(?:-[a-z0-9]+)*$/);

/** One language version of a project: `index.<lang>.md`. */
export const projectFrontMatter = z.strictObject({
  title: singleLine,
  summary: oneLine.optional(),
  classes: listOf(classGroup, 'class', classGroupKey).optional(),
  partners: listOf(country, 'country', (code) => code).optional(),
  continues: projectRef.optional(),
  labels: listOf(qualityLabel, 'label', (label) => label).optional(),
  link: webAddress.optional(),
  // The same address twice is the same thing listed twice.
  outcomes: listOf(outcome, 'outcome', (item) => item.url).optional(),
});

export type ProjectFrontMatter = z.output<typeof projectFrontMatter>;
export const PROJECT_FIELDS = Object.keys(projectFrontMatter.shape) as (keyof ProjectFrontMatter)[];

/** Fields that describe the project rather than one language version of it. */
export const LANGUAGE_NEUTRAL_FIELDS = ['classes', 'partners', 'continues', 'labels', 'link'] as const satisfies readonly (keyof ProjectFrontMatter)[];
/** Language-neutral fields that must be written in at least one language file. */
export const REQUIRED_NEUTRAL_FIELDS = ['classes', 'partners'] as const satisfies readonly (keyof ProjectFrontMatter)[];

/** `school.<lang>.md` */
export const schoolFrontMatter = z.strictObject({
  name: singleLine,
  /** Where visitors send accessibility feedback; written in one of the school files. */
  email: z.email().optional(),
});

export type SchoolFrontMatter = z.output<typeof schoolFrontMatter>;
export const SCHOOL_FIELDS = Object.keys(schoolFrontMatter.shape) as (keyof SchoolFrontMatter)[];
