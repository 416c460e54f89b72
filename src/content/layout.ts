import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { closest } from 'fastest-levenshtein';
import { isLang, LANGUAGES, type Lang } from '../i18n/languages.ts';
import { say } from './messages.ts';
import type { ContentProblem } from './problems.ts';
import { SLUG_PATTERN, YEAR_PATTERN } from './schema.ts';
import { suggestSlug } from './slug.ts';

/**
 * Finds the archive's files by the content format's folder layout:
 * `school.<lang>.md`, `YYYY-YYYY/` year folders, one folder per project with
 * `index.<lang>.md`. Anything out of place is a problem with a suggestion.
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
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && !yearFolderProblem(entry.name, entry.name))
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
    if (entry.isDirectory()) {
      const problem = yearFolderProblem(entry.name, shown(entry.name));
      if (problem) problems.push(problem);
      else yearFolders.push(entry.name);
    } else if (entry.name.endsWith('.md') && !layout.schoolFiles.some((school) => school.file === shown(entry.name))) {
      problems.push(misplacedMarkdown(shown(entry.name), LANGUAGES.map((lang) => `school.${lang}.md`), entry.name));
    }
  }

  layout.years = yearFolders.sort().reverse();
  await Promise.all(
    layout.years.map(async (year) => {
      for (const entry of await readdir(path.join(contentDir, year), { withFileTypes: true })) {
        if (entry.name.startsWith('.')) continue;
        const folder = shown(year, entry.name);
        if (!entry.isDirectory()) {
          if (entry.name.endsWith('.md')) {
            problems.push({
              file: folder,
              message: say('markdownInYear'),
              fix: say('markdownInYearFix', {
                folder: shown(year, suggestSlug(entry.name.replace(/\.md$/, '').replace(/\.(el|en)$/, '')) || 'my-project'),
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
        const project = await findProjectFiles(contentDir, year, entry.name, shown, problems);
        if (project) layout.projects.push(project);
      }
    }),
  );
  return layout;
}

function yearFolderProblem(name: string, folder: string): ContentProblem | undefined {
  const match = YEAR_PATTERN.exec(name);
  if (match && Number(match[2]) === Number(match[1]) + 1) return undefined;
  const first = /\d{4}/.exec(name)?.[0];
  const fix = first ? say('badYearFix', { year: `${first}-${Number(first) + 1}` }) : say('badYearFixNoDigits');
  return {
    file: folder,
    message: say('badYear', { name }),
    fix,
  };
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
  for (const entry of await readdir(path.join(contentDir, year, slug), { withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.md')) continue;
    const lang = /^index\.([a-z]+)\.md$/.exec(entry.name)?.[1];
    if (lang && isLang(lang)) {
      files.push({ lang, absolute: path.resolve(contentDir, year, slug, entry.name), file: shown(year, slug, entry.name) });
    } else {
      hasMisnamedFile = true;
      problems.push(misplacedMarkdown(shown(year, slug, entry.name), expected, entry.name));
    }
  }
  if (files.length === 0) {
    problems.push({
      file: shown(year, slug),
      message: say('noLanguageFile'),
      fix: say('noLanguageFileFix', { file: shown(year, slug, 'index.el.md') }),
    });
    return undefined;
  }
  files.sort((a, b) => LANGUAGES.indexOf(a.lang) - LANGUAGES.indexOf(b.lang));
  return { year, slug, folder: shown(year, slug), files, hasMisnamedFile };
}

function misplacedMarkdown(file: string, expected: string[], name: string): ContentProblem {
  return {
    file,
    message: say('misnamedFile', { name }),
    fix: say('misnamedFileFix', { nearest: closest(name, expected), names: expected.join(', ') }),
  };
}
