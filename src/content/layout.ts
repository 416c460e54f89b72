import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { closest } from 'fastest-levenshtein';
import { DEFAULT_LANG, isLang, LANGUAGES, type Lang } from '../i18n/languages.ts';
import { say } from './messages.ts';
import type { ContentProblem } from './problems.ts';
import { FIRST_SCHOOL_YEAR, lastSchoolYear, schoolYearMistake, SLUG_PATTERN } from './schema.ts';
import { SLUG_MAX_LENGTH, suggestSlug } from './slug.ts';
import { namesDifferingInCase, renamedDeviceName, windowsDeviceName } from './portable-names.ts';

/** A language file's name and its language's name ("index.<lang>.md (Greek)"), in the message's language. */
const fileInLanguage = (file: string, lang: Lang) => say('fileInLanguage', { file, language: { language: lang } });

/** A language's code at the end of a file's name without its `.md`: `index.<lang>`. */
const LANGUAGE_SUFFIX = new RegExp(`\\.(${LANGUAGES.join('|')})$`);

/**
 * Finds the archive's files by the content format's folder layout:
 * `school.<lang>.md`, `YYYY-YYYY/` year folders, one folder per project with
 * `index.<lang>.md`. Anything out of place is a problem with a suggestion.
 *
 * Symbolic links are not followed: a link in the content folder or in a year
 * folder (where year and project folders are), or a project's Markdown file
 * that is a link, is a problem of its own. Followed, a link could
 * publish a file from anywhere on the machine that builds the site, and what
 * is published would depend on that machine rather than on the repository.
 * (A photo may be a link into its own project's folder: photos.ts checks where
 * it leads.)
 */

export interface LanguageFile {
  lang: Lang;
  /** Absolute path, to read. */
  absolute: string;
  /** Path shown in messages. */
  file: string;
}

export interface ProjectFolder {
  year: string;
  slug: string;
  /** Path shown in messages. */
  folder: string;
  files: LanguageFile[];
  /** A Markdown file with a name the archive does not read is in the folder (already a problem). */
  hasMisnamedFile: boolean;
}

export interface ContentLayout {
  schoolFiles: LanguageFile[];
  years: string[];
  projects: ProjectFolder[];
  problems: ContentProblem[];
}

/**
 * The school year folders of the content folder, newest first, without looking
 * inside them (the web editor needs only these, on every rebuild of `npm start`).
 */
export async function findYearFolders(contentDir: string): Promise<string[]> {
  const top = await readdir(contentDir, { withFileTypes: true });
  return top
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && schoolYearMistake(entry.name) === undefined)
    .map((entry) => entry.name)
    .sort()
    .reverse();
}

export async function findContent(contentDir: string): Promise<ContentLayout> {
  const problems: ContentProblem[] = [];
  const shown = (...parts: string[]) => path.join(contentDir, ...parts);
  const layout: ContentLayout = { schoolFiles: [], years: [], projects: [], problems };

  const top = await readdir(contentDir, { withFileTypes: true });
  for (const lang of LANGUAGES) {
    const name = `school.${lang}.md`;
    // A link in its place is reported as a link, below.
    if (top.some((entry) => entry.isSymbolicLink() && entry.name === name)) continue;
    if (top.some((entry) => entry.isFile() && entry.name === name)) {
      layout.schoolFiles.push({ lang, absolute: path.resolve(contentDir, name), file: shown(name) });
    } else {
      problems.push({
        file: shown(name),
        message: say('missingSchool'),
        fix: say('missingSchoolFix', { file: shown(name) }),
      });
    }
  }

  const yearFolders: string[] = [];
  for (const entry of top) {
    if (entry.name.startsWith('.')) continue;
    if (entry.isSymbolicLink()) {
      problems.push(linkProblem(shown(entry.name), entry.name));
    } else if (entry.isDirectory()) {
      const problem = yearFolderProblem(entry.name, shown(entry.name));
      if (problem) problems.push(problem);
      else yearFolders.push(entry.name);
    } else if (looksLikeMarkdown(entry.name) && !layout.schoolFiles.some((school) => school.file === shown(entry.name))) {
      problems.push(
        misplacedMarkdown(
          shown(entry.name),
          LANGUAGES.map((lang) => `school.${lang}.md`),
          entry.name,
        ),
      );
    }
  }

  layout.years = yearFolders.sort().reverse();
  await Promise.all(
    layout.years.map(async (year) => {
      for (const entry of await readdir(path.join(contentDir, year), { withFileTypes: true })) {
        if (entry.name.startsWith('.')) continue;
        const folder = shown(year, entry.name);
        if (entry.isSymbolicLink()) {
          problems.push(linkProblem(folder, entry.name));
          continue;
        }
        if (!entry.isDirectory()) {
          if (looksLikeMarkdown(entry.name)) {
            problems.push({
              file: folder,
              message: say('markdownInYear'),
              fix: say('markdownInYearFix', {
                folder: shown(year, suggestSlug(entry.name.replace(/\.md$/, '').replace(LANGUAGE_SUFFIX, '')) || 'my-project'),
                files: { list: LANGUAGES.map((lang) => fileInLanguage(`index.${lang}.md`, lang)), separator: say('or') },
              }),
            });
          }
          continue;
        }
        if (!SLUG_PATTERN.test(entry.name)) {
          const slug = suggestSlug(entry.name) || 'project';
          problems.push({
            file: folder,
            message: say('badSlug', { name: entry.name }),
            fix: say('badSlugFix', { slug }),
          });
          continue;
        }
        if (entry.name.length > SLUG_MAX_LENGTH) {
          problems.push({
            file: folder,
            message: say('limits.longSlug', { name: entry.name, length: entry.name.length, max: SLUG_MAX_LENGTH }),
            fix: say('badSlugFix', { slug: suggestSlug(entry.name) }),
          });
          continue;
        }
        const device = windowsDeviceName(entry.name);
        if (device) {
          problems.push({
            file: folder,
            message: say('names.device', { name: entry.name, device }),
            fix: say('badSlugFix', { slug: suggestSlug(entry.name) }),
          });
          continue;
        }
        const project = await findProjectFiles(contentDir, year, entry.name, shown, problems);
        if (project) layout.projects.push(project);
      }
    }),
  );
  return layout;
}

function yearFolderProblem(name: string, folder: string): ContentProblem | undefined {
  const mistake = schoolYearMistake(name);
  if (mistake === undefined) return undefined;
  const schoolYear = (start: number) => `${start}-${start + 1}`;
  if (mistake === 'range') {
    const range = { name, first: schoolYear(FIRST_SCHOOL_YEAR), last: schoolYear(lastSchoolYear()) };
    return { file: folder, message: say('limits.yearRange', range), fix: say('limits.yearRangeFix', range) };
  }
  const first = /\d{4}/.exec(name)?.[0];
  const suggestion = first && schoolYearMistake(schoolYear(Number(first))) === undefined ? schoolYear(Number(first)) : undefined;
  return {
    file: folder,
    message: say('badYear', { name }),
    fix: suggestion ? say('badYearFix', { year: suggestion }) : say('badYearFixNoDigits'),
  };
}

function linkProblem(file: string, name: string): ContentProblem {
  return { file, message: say('limits.link', { name }), fix: say('limits.linkFix') };
}

async function findProjectFiles(
  contentDir: string,
  year: string,
  slug: string,
  shown: (...parts: string[]) => string,
  problems: ContentProblem[],
): Promise<ProjectFolder | undefined> {
  const expected = LANGUAGES.map((lang) => `index.${lang}.md`);
  const files: LanguageFile[] = [];
  let hasMisnamedFile = false;
  let hasLink = false;
  const entries = await readdir(path.join(contentDir, year, slug), { withFileTypes: true });
  problems.push(...(await unportableNames(path.join(contentDir, year, slug), entries, (name) => shown(year, slug, name))));
  for (const entry of entries) {
    if (entry.isSymbolicLink() && looksLikeMarkdown(entry.name)) {
      hasMisnamedFile = hasLink = true;
      problems.push(linkProblem(shown(year, slug, entry.name), entry.name));
      continue;
    }
    if (!entry.isFile() || !looksLikeMarkdown(entry.name)) continue;
    const lang = /^index\.([a-z]+)\.md$/.exec(entry.name)?.[1];
    if (lang && isLang(lang)) {
      files.push({ lang, absolute: path.resolve(contentDir, year, slug, entry.name), file: shown(year, slug, entry.name) });
    } else {
      hasMisnamedFile = true;
      problems.push(misplacedMarkdown(shown(year, slug, entry.name), expected, entry.name));
    }
  }
  if (files.length === 0) {
    // A link in place of the file has been named: one message is enough.
    if (hasLink) return undefined;
    problems.push({
      file: shown(year, slug),
      message: say('noLanguageFile', { files: { list: LANGUAGES.map((lang) => `index.${lang}.md`), separator: say('or') } }),
      fix: say('noLanguageFileFix', {
        // The default language's file with its path, then the others' names: "Create content/…/index.<lang>.md (Greek) and/or …".
        files: {
          list: LANGUAGES.map((lang) => fileInLanguage(lang === DEFAULT_LANG ? shown(year, slug, `index.${lang}.md`) : `index.${lang}.md`, lang)),
          separator: say('noLanguageFileFixAnd'),
        },
      }),
    });
    return undefined;
  }
  files.sort((a, b) => LANGUAGES.indexOf(a.lang) - LANGUAGES.indexOf(b.lang));
  return { year, slug, folder: shown(year, slug), files, hasMisnamedFile };
}

/**
 * Names in a project's folder (photos and anything else, in its subfolders
 * too) that Windows or macOS cannot hold: a device name (`nul.jpg`), or two
 * names that differ only in capitals (`Photo.jpg`, `photo.jpg`). A fork of the
 * archive could not be checked out there. Each is told with a name to use
 * instead; the references to it must change with it.
 */
async function unportableNames(absolute: string, entries: Dirent[], shown: (name: string) => string): Promise<ContentProblem[]> {
  // Subfolders are rare: listed only when there is one.
  const names = entries.some((entry) => entry.isDirectory())
    ? (await readdir(absolute, { recursive: true, encoding: 'utf8' })).map((name) => name.split(path.sep).join('/')).sort()
    : entries.map((entry) => entry.name).sort();
  const problems: ContentProblem[] = [];
  for (const name of names) {
    const base = path.posix.basename(name);
    const device = windowsDeviceName(base);
    if (device && !base.startsWith('.')) {
      const renamed = path.posix.join(path.posix.dirname(name), renamedDeviceName(base));
      problems.push({ file: shown(name), message: say('names.device', { name: base, device }), fix: say('names.deviceFix', { name: renamed }) });
    }
  }
  for (const [first, other] of namesDifferingInCase(names)) {
    // `photos/a.jpg` and `Photos/a.jpg` clash because their folders do: the folders' pair is told, once.
    if (path.posix.dirname(first) !== path.posix.dirname(other)) continue;
    problems.push({ file: shown(other), ...(await clashTexts(path.join(absolute, other), first, other)) });
  }
  return problems;
}

/**
 * What is said of two names that Windows or macOS see as one. Two names with
 * the same letters stored two ways (`é` as one character, or as `e` and an
 * accent mark, as a Mac stores it) look the same everywhere, so they are not
 * said to differ in capitals. A folder is not "the same photo": its fix is to
 * rename it or to move its photos into the other one.
 */
async function clashTexts(absolute: string, first: string, other: string): Promise<Pick<ContentProblem, 'message' | 'fix'>> {
  const sameLetters = first.normalize('NFC') === other.normalize('NFC');
  const folder = (await stat(absolute)).isDirectory();
  const message = sameLetters ? say('names.sameLetters', { name: other }) : say(folder ? 'names.caseFolder' : 'names.case', { name: other, first });
  const fix = folder ? say('names.caseFolderFix', { name: other, first }) : sameLetters ? say('names.sameLettersFix') : say('names.caseFix', { name: other });
  return { message, fix };
}

function misplacedMarkdown(file: string, expected: string[], name: string): ContentProblem {
  return {
    file,
    message: say('misnamedFile', { name }),
    // Compared in small letters: a name typed with Caps Lock on is one letter's case from its own language's file name, not as near another's.
    fix: say('misnamedFileFix', { nearest: closest(name.toLowerCase(), expected), names: expected.join(', ') }),
  };
}

/**
 * A file meant as one of the archive's Markdown files, also when its name was
 * changed on the way: typed with Caps Lock on (`INDEX…MD`), or given a `.txt`
 * by an editor on Windows, which hides the extension it added. It is told its right name
 * instead of being silently left out.
 */
function looksLikeMarkdown(name: string): boolean {
  return /\.md(?:\.(?:txt|markdown|md))?$/i.test(name);
}
