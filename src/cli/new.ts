import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { newProjectFiles, slugFor, type NewProject } from '../authoring/new-project.ts';
import { countryName, parseCountry, type CountryCode } from '../content/normalise/countries.ts';
import { classGroupKey, parseClassGroup, type ClassGroup } from '../content/normalise/grades.ts';
import { parseQualityLabel, sortLabels, type QualityLabel } from '../content/normalise/labels.ts';
import { parseWebAddress } from '../content/normalise/web-address.ts';
import { windowsDeviceName } from '../content/portable-names.ts';
import { FIRST_SCHOOL_YEAR, LINE_BREAK, lastSchoolYear, schoolYearMistake, SLUG_PATTERN } from '../content/schema.ts';
import { SLUG_MAX_LENGTH, suggestSlug } from '../content/slug.ts';
import { controlCharacterIn } from '../content/source-file.ts';
import { translate } from '../i18n/i18n.ts';
import { LANGUAGES, type Lang } from '../i18n/languages.ts';
import { languageName } from '../present/intl.ts';
import { commandLanguage } from './language.ts';
import { contentFolder, EXIT, parseOptions, runCommand, UsageError } from './options.ts';

/**
 * `npm run new`: scaffolds a project folder with files that pass the check as
 * they are. Asks for what the flags do not give when run in a terminal; in a
 * script, every answer must come as a flag.
 */
const USAGE = `npm run new [-- --year 2016-2017 ${LANGUAGES.map((lang) => `--title-${lang} "..."`).join(' ')} --classes "Ε', ΣΤ1" --partners "Ελλάδα, Λετονία" --labels "national, european" --link https://... --folder NAME --content DIR --lang ${LANGUAGES.join('|')}]`;

/** `--title-el`, `--title-en`, …: a project's title in each language of the archive, asked in their order. */
const titleFlag = (lang: Lang) => `title-${lang}` as const;

/** A right answer may come with notes on how it was read (a class given twice, written once). */
type Answer<T> = { value: T; notes?: string[] } | { error: string };

/** Each answer's reading, shared by flags and questions, with the message for a wrong one. */
function readers(lang: Lang) {
  const t = (key: string, values: Record<string, unknown> = {}) => translate(lang, `cli.new.${key}`, values);
  const example = `${new Date().getFullYear()}-${new Date().getFullYear() + 1}`;
  /**
   * A list of items, each read as the check reads it. An item that means the
   * same as an earlier one (`Ε, Ε΄`, `LV, Latvia`) is written once, and said:
   * the teacher meant that class or country, and a file the check refuses
   * ("written twice") for it would only send them back to delete the line.
   */
  const list = <T>(
    raw: string,
    parse: (item: string) => { ok: true; value: T } | { ok: false; suggestions: string[] },
    bad: (item: string, suggestions: string[]) => string,
    keyOf: (value: T) => string,
    repeated: (item: string, first: string) => string,
  ): Answer<T[]> => {
    const items = raw
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
    if (items.length === 0) return { error: t('empty') };
    const values: T[] = [];
    const notes: string[] = [];
    const seen = new Map<string, string>();
    for (const item of items) {
      const parsed = parse(item);
      if (!parsed.ok) return { error: bad(item, parsed.suggestions) };
      const first = seen.get(keyOf(parsed.value));
      if (first !== undefined) {
        // "national, national": the same text twice is said to be written twice, not to be "the same label as" itself.
        notes.push(item === first ? t('writtenTwice', { value: item }) : repeated(item, first));
        continue;
      }
      seen.set(keyOf(parsed.value), item);
      values.push(parsed.value);
    }
    return notes.length > 0 ? { value: values, notes } : { value: values };
  };
  const didYouMean = (values: string[]) => (values.length ? t('didYouMean', { values: values.join(', ') }) : '');
  return {
    t,
    example,
    year(raw: string): Answer<string> {
      const year = raw.trim();
      const mistake = schoolYearMistake(year);
      if (mistake === undefined) return { value: year };
      if (mistake === 'form') return { error: t('badYear', { value: raw, example }) };
      const last = lastSchoolYear();
      return { error: t('yearRange', { value: year, first: `${FIRST_SCHOOL_YEAR}-${FIRST_SCHOOL_YEAR + 1}`, last: `${last}-${last + 1}` }) };
    },
    /** A title, or nothing; never one with a character the check refuses. */
    title(raw: string): Answer<string | undefined> {
      // A title is one line (the check refuses one with a line break, also a Windows one, "\r\n"); spaces around it are nothing.
      if (LINE_BREAK.test(raw.trim())) return { error: t('titleLineBreak') };
      const code = controlCharacterIn(raw);
      if (code) return { error: t('controlCharacter', { code }) };
      return { value: raw.trim() || undefined };
    },
    /** A folder name that the check accepts; a wrong one is refused with one made from it. */
    folder(raw: string): Answer<string> {
      const name = raw.trim();
      if (SLUG_PATTERN.test(name) && name.length <= SLUG_MAX_LENGTH && !windowsDeviceName(name)) return { value: name };
      const slug = suggestSlug(name);
      if (SLUG_PATTERN.test(name) && windowsDeviceName(name)) return { error: t('deviceFolder', { value: name, suggestion: slug }) };
      return { error: t('badFolder', { value: raw, max: SLUG_MAX_LENGTH, suggestion: slug ? t('didYouMean', { values: slug }) : '' }) };
    },
    classes: (raw: string): Answer<ClassGroup[]> =>
      list(
        raw,
        parseClassGroup,
        (value, suggestions) => t('badClass', { value, suggestion: didYouMean(suggestions) }),
        classGroupKey,
        (value, first) => t('repeatedClass', { value, first }),
      ),
    partners: (raw: string): Answer<CountryCode[]> =>
      list(
        raw,
        parseCountry,
        (value, suggestions) => t('badCountry', { value, suggestion: didYouMean(suggestions.map((code) => countryName(code, lang))) }),
        (code) => code,
        (value, first) => t('repeatedCountry', { value, first }),
      ),
    /** Read as the check reads them, and written in the archive's order; the same label twice is one. */
    labels(raw: string): Answer<QualityLabel[]> {
      const read = list(
        raw,
        parseQualityLabel,
        (value, suggestions) => t('badLabel', { value, suggestion: didYouMean(suggestions) }),
        (label) => label,
        (value, first) => t('repeatedLabel', { value, first }),
      );
      return 'value' in read ? { ...read, value: sortLabels(read.value) } : read;
    },
    link(raw: string): Answer<string> {
      const parsed = parseWebAddress(raw);
      if (parsed.ok) return { value: parsed.value };
      return { error: t('badLink', { value: raw.trim(), suggestion: parsed.suggestion ? didYouMean([parsed.suggestion]) : '' }) };
    },
  };
}

await runCommand(USAGE, async () => {
  const flags = parseOptions(process.argv.slice(2), [
    'year',
    ...LANGUAGES.map(titleFlag),
    'classes',
    'partners',
    'labels',
    'link',
    'folder',
    'content',
    'lang',
  ]);
  const lang = commandLanguage(flags.lang);
  const contentDir = contentFolder(flags.content);
  const read = readers(lang);
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);

  if (!interactive) {
    const missing = (['year', 'classes', 'partners'] as const).filter((name) => !flags[name]).map((name) => `--${name}`);
    if (LANGUAGES.every((lang) => !flags[titleFlag(lang)])) missing.push(LANGUAGES.map((lang) => `--${titleFlag(lang)}`).join(' / '));
    if (missing.length > 0) throw new UsageError(read.t('missingFlags', { flags: missing.join(', ') }));
  }

  const prompt = interactive ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;
  if (prompt) console.log(read.t('intro'));
  /** A flag's value if given (a wrong one is a usage error), or else the teacher's answer, asked again until it is right. */
  async function answer<T>(flag: string | undefined, question: string, reader: (raw: string) => Answer<T>): Promise<T> {
    if (flag !== undefined || !prompt) {
      const result = reader(flag ?? '');
      if ('error' in result) throw new UsageError(result.error);
      for (const note of result.notes ?? []) console.log(note);
      return result.value;
    }
    for (;;) {
      const result = reader(await prompt.question(question));
      if ('value' in result) {
        for (const note of result.notes ?? []) console.log(note);
        return result.value;
      }
      console.log(result.error);
    }
  }

  try {
    const year = await answer(flags.year, read.t('year', { example: read.example }), read.year);
    const titles: NewProject['titles'] = {};
    for (;;) {
      for (const language of LANGUAGES) {
        const question = read.t('title', { language: languageName(language, lang) });
        const title = await answer(flags[titleFlag(language)] ?? (prompt ? undefined : ''), question, read.title);
        if (title) titles[language] = title;
      }
      if (Object.keys(titles).length > 0) break;
      if (!prompt) throw new UsageError(read.t('noTitle'));
      console.log(read.t('noTitle'));
    }
    const classes = await answer(flags.classes, read.t('classes'), read.classes);
    const partners = await answer(flags.partners, read.t('partners'), read.partners);

    // Optional, and asked for by no question: given as flags, or written in the file later.
    const labels = flags.labels === undefined ? undefined : await answer(flags.labels, '', read.labels);
    const link = flags.link === undefined ? undefined : await answer(flags.link, '', read.link);
    const project: NewProject = { year, titles, classes, partners, ...(labels ? { labels } : {}), ...(link ? { link } : {}) };
    const slug = await folderName(flags.folder, slugFor(project), path.join(contentDir, year));
    const folder = path.join(contentDir, year, slug);
    if (existsSync(folder)) {
      console.error(read.t('exists', { folder }));
      return EXIT.contentErrors;
    }
    // The first folder made (the year's, when it is new): removed again if anything fails, so nothing empty is left behind.
    const files = newProjectFiles(project);
    let made: string | undefined;
    try {
      made = await mkdir(folder, { recursive: true });
      for (const file of files) await writeFile(path.join(folder, file.name), file.text, { flag: 'wx' });
    } catch (error) {
      if (made) await rm(made, { recursive: true, force: true });
      console.error(read.t('cannotWrite', { folder, reason: (error as Error).message }));
      return EXIT.contentErrors;
    }
    for (const file of files) console.log(read.t('written', { file: path.join(folder, file.name) }));
    console.log(read.t('next'));
    return EXIT.ok;
  } catch (error) {
    // Ctrl+D or Ctrl+C at a question: the teacher changed their mind.
    if ((error as NodeJS.ErrnoException).code !== 'ABORT_ERR') throw error;
    console.error(`\n${read.t('cancelled')}`);
    return EXIT.contentErrors;
  } finally {
    prompt?.close();
  }

  /**
   * The project's folder name: `--folder`, or the one made from the titles; when
   * no title has a letter a web address can use, asked for in a terminal, or
   * else "project" (numbered if taken), and said.
   */
  async function folderName(given: string | undefined, fromTitles: string, yearFolder: string): Promise<string> {
    if (given !== undefined) return answer(given, '', read.folder);
    if (fromTitles) return fromTitles;
    if (prompt) {
      console.log(read.t('noFolderFromTitle'));
      return answer(undefined, read.t('folder'), read.folder);
    }
    let fallback = 'project';
    for (let number = 2; existsSync(path.join(yearFolder, fallback)); number++) fallback = `project-${number}`;
    console.log(read.t('fallbackFolder', { folder: fallback }));
    return fallback;
  }
});
