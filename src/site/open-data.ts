/**
 * The archive as open data: `archive.json` (typed records, described by the
 * JSON Schema `archive.schema.json`, generated from the zod schema below) and
 * `archive.csv` (one row per project, for spreadsheets).
 *
 * Both files are made from the validated Archive and contain nothing that
 * changes from build to build (no dates), like the feeds. The zod schema
 * reuses the content schemas' patterns (school year folders, project folders,
 * `continues` references), grades, canonical class codes and languages, so
 * what the JSON promises is what the content validation guarantees.
 */
import { z } from 'zod';
import type { Archive, Project } from '../content/model.ts';
import { countryName } from '../content/normalise/countries.ts';
import { classGroupCode, gradeLetters, GRADES, type ClassGroup } from '../content/normalise/grades.ts';
import { QUALITY_LABELS } from '../content/normalise/labels.ts';
import { FIRST_SCHOOL_YEAR, HTTPS_ADDRESS, SLUG_PATTERN, YEAR_PATTERN, schoolYearSchema } from '../content/schema.ts';
import { absolutizeHtml } from './links.ts';
import { LANGUAGES, type Lang } from '../i18n/languages.ts';
import { localUrl, projectPath, SITE_PATHS } from './urls.ts';

/** Metadata for the generated JSON Schema: an `id` makes a schema a named `$defs` entry. */
const registry = z.registry<z.core.JSONSchemaMeta>();

/** A pattern's source without its anchors, to build larger patterns from it. */
function inner(pattern: RegExp): string {
  return pattern.source.replace(/^\^/, '').replace(/\$$/, '');
}

/** The content check's own schema of a year folder's name: what the check accepts, the open data holds. */
const yearId = schoolYearSchema().register(registry, { id: 'SchoolYearId', description: 'A school year, as its content folder is named: `2015-2016`.' });

const slug = z.string().regex(SLUG_PATTERN).register(registry, { description: "The project's folder in its school year (a-z, 0-9, -)." });

/** `2015-2016/the-scratch-project`: the same form as `continues` in the content files. */
const projectId = z
  .string()
  .regex(new RegExp(`^${inner(YEAR_PATTERN)}/${inner(SLUG_PATTERN)}$`))
  .register(registry, {
    id: 'ProjectId',
    description: "A project: its school year and folder, `2015-2016/the-scratch-project`. Also the project's path on the site.",
  });

const CLASS_CODE = new RegExp(`^(?:${GRADES.map(gradeLetters).join('|')})(?:'|[1-9])$`, 'u');

const classGroupSchema = z
  .object({
    code: z.string().regex(CLASS_CODE).register(registry, {
      description: "The canonical way the school writes it: `Ε'` for the whole 5th grade, `ΣΤ1` for section 1 of the 6th.",
    }),
    grade: z.literal([...GRADES]).register(registry, { description: "The grade, 1 (Α') to 6 (ΣΤ')." }),
    section: z.int().min(1).max(9).nullable().register(registry, { description: 'The section of the grade; null for the whole grade.' }),
  })
  .refine((group) => group.code === classGroupCode(toClassGroup(group)), { message: 'code does not match grade and section' })
  .register(registry, { id: 'ClassGroup', description: 'A class that took part: a whole grade or one section of it.' });

const countryCode = z
  .string()
  .regex(/^[A-Z]{2}$/)
  .register(registry, { id: 'CountryCode', description: 'An ISO 3166-1 alpha-2 country code, upper case: `LV`.' });

const language = z.enum(LANGUAGES).register(registry, { id: 'Language', description: 'A language of the archive (BCP 47).' });

/** A value for each language of the archive, as an object with one property per language. */
function inEveryLanguage<T extends z.ZodType>(value: T) {
  return z.object(Object.fromEntries(LANGUAGES.map((lang) => [lang, value])) as Record<Lang, T>);
}

/** A value for some languages of the archive; at least one. */
function inSomeLanguages<T extends z.ZodType>(value: T) {
  return z
    .object(Object.fromEntries(LANGUAGES.map((lang) => [lang, value.optional()])) as Record<Lang, z.ZodOptional<T>>)
    .refine((values) => Object.values(values).some((value) => value !== undefined), { message: 'at least one language' });
}

/** A new schema each time: metadata is registered per schema instance. */
const text = () => z.string().min(1);

/** The content check's own pattern of the web addresses it takes: https, a host with a dot, no spaces. */
const httpsAddress = () => z.string().regex(HTTPS_ADDRESS);

const qualityLabel = z.enum(QUALITY_LABELS).register(registry, {
  id: 'QualityLabel',
  description:
    "An eTwinning Quality Label: `national` (the National Quality Label, awarded by a country's National Support Service) or `european` (the European Quality Label).",
});

const outcomeSchema = z
  .object({
    title: text().register(registry, { description: 'What it is, as this language version names it (one line).' }),
    url: httpsAddress().register(registry, { description: 'Where it is published: an https address on another site.' }),
  })
  .register(registry, { id: 'Outcome', description: 'Something the pupils made (an e-book, a video, a website), published on another site.' });

const versionSchema = z
  .object({
    title: text().register(registry, {
      description: "The project's title as written in this language's file (it may be in another language, e.g. an English title in the Greek file).",
    }),
    summary: text().nullable().register(registry, { description: 'One or two sentences about the project, or null.' }),
    outcomes: z.array(outcomeSchema).register(registry, {
      description: "What the pupils made, as this language's file lists it, in its order; empty when it lists none.",
    }),
    html: z
      .string()
      .register(registry, { description: "The project's description, rendered from Markdown to HTML (raw HTML in the Markdown is not rendered)." }),
  })
  .register(registry, { id: 'ProjectVersion', description: "One language's version of a project." });

const projectSchema = z
  .object({
    id: projectId,
    year: yearId,
    slug,
    classes: z
      .array(classGroupSchema)
      .min(1)
      .register(registry, { description: 'The classes that took part, in order: first grade first, a whole grade before its sections.' }),
    partners: z.array(countryCode).min(1).register(registry, { description: 'The partner countries, in the order the teacher wrote them.' }),
    continues: projectId.nullable().register(registry, { description: 'The same project in an earlier school year, or null.' }),
    labels: z.array(qualityLabel).register(registry, { description: 'The eTwinning Quality Labels the project earned, national first; empty when none.' }),
    link: httpsAddress().nullable().register(registry, {
      description: "The project's page on the European School Education Platform (its TwinSpace), as the teacher wrote it, or null.",
    }),
    continuedIn: z.array(projectId).register(registry, { description: 'The same project in later school years, oldest first.' }),
    urls: inEveryLanguage(text()).register(registry, {
      description: "The project's page in each language (every page exists in every language, translated or not).",
    }),
    versions: inSomeLanguages(versionSchema).register(registry, {
      description: 'The language versions the project has; a language is absent until it is translated.',
      minProperties: 1,
    }),
  })
  .refine((project) => project.id === `${project.year}/${project.slug}`, { message: 'id must be year/slug', path: ['id'] })
  .register(registry, { id: 'Project', description: 'An eTwinning project in one school year.' });

const yearSchema = z
  .object({
    id: yearId,
    // The upper bound is the id's (the next school year, which moves on with the calendar), not written into the JSON Schema.
    start: z.int().min(FIRST_SCHOOL_YEAR).register(registry, { description: 'The calendar year the school year begins (in September).' }),
    end: z
      .int()
      .min(FIRST_SCHOOL_YEAR + 1)
      .register(registry, { description: 'The calendar year it ends: start + 1.' }),
    projects: z
      .array(projectId)
      .min(1)
      .register(registry, { description: "The year's projects, in the site's order: by the classes that took part, then by title." }),
  })
  .refine((year) => year.id === `${year.start}-${year.end}` && year.end === year.start + 1, { message: 'id must be start-end, one year apart' })
  .register(registry, { id: 'SchoolYear', description: 'A school year and its projects.' });

const countrySchema = z
  .object({
    code: countryCode,
    name: inEveryLanguage(text()).register(registry, { description: "The country's name in each language (CLDR)." }),
  })
  .register(registry, { id: 'Country', description: 'A partner country.' });

export const openArchiveSchema = z
  .object({
    $schema: z.string().min(1).register(registry, { description: 'The URL of this JSON Schema.' }),
    languages: z.array(language).min(1).register(registry, { description: "The archive's languages; the first is the default." }),
    school: z.object({ name: inEveryLanguage(text()) }).register(registry, { description: 'The school whose archive this is.' }),
    years: z.array(yearSchema).register(registry, { description: 'The school years, newest first.' }),
    projects: z.array(projectSchema).register(registry, { description: 'Every project of every year, newest year first, each year in its own order.' }),
    countries: z.array(countrySchema).register(registry, { description: 'Every partner country of any project, by code.' }),
  })
  .superRefine((archive, ctx) => {
    const ids = new Set(archive.projects.map((project) => project.id));
    const listed = archive.years.flatMap((year) => year.projects);
    if (listed.length !== ids.size || listed.some((id) => !ids.has(id))) {
      ctx.addIssue({ code: 'custom', message: 'years must list every project exactly once', path: ['years'] });
    }
    const codes = new Set(archive.countries.map((country) => country.code));
    archive.projects.forEach((project, i) => {
      if (!archive.years.some((year) => year.id === project.year && year.projects.includes(project.id))) {
        ctx.addIssue({ code: 'custom', message: `${project.id} is not listed in its year`, path: ['projects', i, 'year'] });
      }
      for (const id of [project.continues ?? [], project.continuedIn].flat()) {
        if (!ids.has(id)) ctx.addIssue({ code: 'custom', message: `${id} is not a project of the archive`, path: ['projects', i] });
      }
      for (const code of project.partners) {
        if (!codes.has(code)) ctx.addIssue({ code: 'custom', message: `${code} is not in countries`, path: ['projects', i, 'partners'] });
      }
    });
  })
  .register(registry, {
    title: 'eTwinning archive',
    description: "A school's eTwinning projects: which classes took part in which project, in which school year, with which partner countries.",
  });

export type OpenArchive = z.output<typeof openArchiveSchema>;
export type OpenProject = z.output<typeof projectSchema>;

function toClassGroup(group: { grade: ClassGroup['grade']; section: number | null }): ClassGroup {
  return group.section === null ? { grade: group.grade } : { grade: group.grade, section: group.section };
}

export interface OpenDataOptions {
  /**
   * Makes a site path (`/archive.schema.json`, `/en/2015-2016/x/`) into the URL
   * the files give: the site's `absoluteUrl`. Root-relative paths by default.
   */
  url?: (path: string) => string;
}

/** A value for each language of the archive. */
function perLanguage<T>(value: (lang: Lang) => T): Record<Lang, T> {
  return Object.fromEntries(LANGUAGES.map((lang) => [lang, value(lang)])) as Record<Lang, T>;
}

function openProject(project: Project, url: (path: string) => string): OpenProject {
  return {
    id: project.id,
    year: project.year,
    slug: project.slug,
    classes: project.classes.map((group) => ({ code: classGroupCode(group), grade: group.grade, section: group.section ?? null })),
    partners: [...project.partners],
    continues: project.continues?.id ?? null,
    labels: [...project.labels],
    link: project.link ?? null,
    continuedIn: project.continuedIn.map((later) => later.id),
    urls: perLanguage((lang) => url(localUrl(lang, projectPath(project)))),
    versions: Object.fromEntries(
      LANGUAGES.flatMap((lang) => {
        const version = project.versions[lang];
        return version
          ? [
              [
                lang,
                {
                  title: version.title,
                  summary: version.summary ?? null,
                  outcomes: version.outcomes.map(({ title, url: address }) => ({ title, url: address })),
                  html: absolutizeHtml(version.html, url),
                },
              ],
            ]
          : [];
      }),
    ),
  };
}

/** The archive as plain JSON-able records, checked against `openArchiveSchema` (a mismatch is a bug, and fails the build). */
export function openArchive(archive: Archive, { url = (path) => path }: OpenDataOptions = {}): OpenArchive {
  const codes = [...new Set(archive.projects.flatMap((project) => project.partners))].sort();
  return openArchiveSchema.parse({
    $schema: url(SITE_PATHS.openDataSchema),
    languages: [...LANGUAGES],
    school: { name: perLanguage((lang) => archive.school.name[lang]) },
    years: archive.years.map((year) => ({
      id: year.id,
      start: year.start,
      end: year.end,
      projects: year.projects.map((project) => project.id),
    })),
    projects: archive.projects.map((project) => openProject(project, url)),
    countries: codes.map((code) => ({
      code,
      name: perLanguage((lang) => countryName(code, lang)),
    })),
  } satisfies z.input<typeof openArchiveSchema>);
}

/** `archive.json`'s text. */
export function openArchiveJson(archive: Archive, options: OpenDataOptions = {}): string {
  return `${JSON.stringify(openArchive(archive, options), null, 2)}\n`;
}

/** The JSON Schema (draft 2020-12) of `archive.json`, generated from `openArchiveSchema`. */
export function openArchiveJsonSchema({ url = (path) => path }: OpenDataOptions = {}): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(openArchiveSchema, { metadata: registry });
  return { $schema, $id: url(SITE_PATHS.openDataSchema), ...rest };
}

/** `archive.schema.json`'s text. */
export function openArchiveJsonSchemaText(options: OpenDataOptions = {}): string {
  return `${JSON.stringify(openArchiveJsonSchema(options), null, 2)}\n`;
}

/** One CSV column: its header and its value for a project. */
interface Column {
  name: string;
  value: (project: OpenProject, names: ReadonlyMap<string, Record<Lang, string>>) => string;
}

/** Items of a list in one CSV cell. */
const LIST_SEPARATOR = '; ';

/** Text columns come once per language, so a language added to LANGUAGES adds its columns. */
const COLUMNS: readonly Column[] = [
  { name: 'school_year', value: (project) => project.year },
  { name: 'project_id', value: (project) => project.id },
  ...LANGUAGES.map((lang): Column => ({ name: `title_${lang}`, value: (project) => project.versions[lang]?.title ?? '' })),
  { name: 'classes', value: (project) => project.classes.map((group) => group.code).join(LIST_SEPARATOR) },
  { name: 'partner_codes', value: (project) => project.partners.join(LIST_SEPARATOR) },
  ...LANGUAGES.map(
    (lang): Column => ({
      name: `partner_names_${lang}`,
      value: (project, names) => project.partners.map((code) => names.get(code)?.[lang] ?? code).join(LIST_SEPARATOR),
    }),
  ),
  { name: 'continues', value: (project) => project.continues ?? '' },
  { name: 'labels', value: (project) => project.labels.join(LIST_SEPARATOR) },
  { name: 'link', value: (project) => project.link ?? '' },
];

/**
 * RFC 4180: a field with a comma, a double quote or a line break is quoted, its
 * quotes doubled. A field that starts like a formula (`=`, `+`, `-`, `@`, a tab
 * or a carriage return) would be run as one by a spreadsheet program (CSV
 * injection): as OWASP recommends, it is prefixed with a single quote, which
 * makes it text, and quoted.
 */
export function csvField(value: string): string {
  if (/^[=+\-@\t\r]/.test(value)) return `"'${value.replace(/"/g, '""')}"`;
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * `archive.csv`: one row per project per school year, newest year first, in
 * UTF-8 with a byte order mark (without it, spreadsheet programs read the
 * Greek as another encoding) and CRLF line endings (RFC 4180). A language
 * without a translation leaves its title empty.
 *
 * What the pupils made (`outcomes`) is not in it: each is a title and an
 * address, several per language, and titles may hold the "; " that separates
 * a cell's items, so no cell could be split back reliably; archive.json has them.
 */
export function archiveCsv(archive: Archive): string {
  const data = openArchive(archive);
  const names = new Map(data.countries.map((country) => [country.code, country.name]));
  const byId = new Map(data.projects.map((project) => [project.id, project]));
  const rows = [
    COLUMNS.map((column) => column.name),
    ...data.years.flatMap((year) => year.projects.map((id) => COLUMNS.map((column) => column.value(byId.get(id)!, names)))),
  ];
  return `\uFEFF${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
