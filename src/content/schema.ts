import { z } from 'zod';
import { parseClassGroup, type ClassGroup } from './normalise/grades.ts';
import { parseCountry, type CountryCode } from './normalise/countries.ts';

/**
 * The front matter a teacher writes, as zod schemas. Items that teachers type
 * in many ways (classes, countries) are normalised here; a value that cannot be
 * understood becomes a "custom" issue carrying the suggestions for the message.
 */

/** Why an item was refused, carried in a custom issue's params. */
export interface RefusedValue {
  kind: 'class' | 'country';
  value: string;
  suggestions: string[];
}

const oneLine = z.preprocess(
  // A title like 1984 is read by YAML as a number; it is still a title.
  (value) => (typeof value === 'number' ? String(value) : value),
  z.string().trim().min(1),
);

/** Teachers write lists as YAML lists or as "Δ2, Ε1" on one line: both are fine. */
function listOf<T extends z.ZodType>(item: T) {
  return z.preprocess(
    (value) =>
      typeof value === 'string'
        ? value.split(',').map((part) => part.trim()).filter(Boolean)
        : typeof value === 'number'
          ? [String(value)]
          : value,
    z.array(item).min(1),
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

export const YEAR_PATTERN = /^(\d{4})-(\d{4})$/;
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** `continues: 2014-2015/cool-or-not-too-cool` */
export const projectRef = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{4}\/[a-z0-9]+(?:-[a-z0-9]+)*$/);

/** One language version of a project: `index.<lang>.md`. */
export const projectFrontMatter = z.strictObject({
  title: oneLine,
  summary: oneLine.optional(),
  classes: listOf(classGroup).optional(),
  partners: listOf(country).optional(),
  continues: projectRef.optional(),
});

export type ProjectFrontMatter = z.output<typeof projectFrontMatter>;
export const PROJECT_FIELDS = Object.keys(projectFrontMatter.shape) as (keyof ProjectFrontMatter)[];

/** Fields that describe the project rather than one language version of it. */
export const LANGUAGE_NEUTRAL_FIELDS = ['classes', 'partners', 'continues'] as const satisfies readonly (keyof ProjectFrontMatter)[];
/** Language-neutral fields that must be written in at least one language file. */
export const REQUIRED_NEUTRAL_FIELDS = ['classes', 'partners'] as const satisfies readonly (keyof ProjectFrontMatter)[];

/** `school.<lang>.md` */
export const schoolFrontMatter = z.strictObject({
  name: oneLine,
  /** Where visitors send accessibility feedback; written in one of the school files. */
  email: z.email().optional(),
});

export type SchoolFrontMatter = z.output<typeof schoolFrontMatter>;
export const SCHOOL_FIELDS = Object.keys(schoolFrontMatter.shape) as (keyof SchoolFrontMatter)[];
