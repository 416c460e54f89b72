import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { closest } from 'fastest-levenshtein';
import { isLang, LANGUAGES, type Lang } from '../i18n/languages.ts';
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
        message: `The school's page in this language is missing.`,
        fix: `Create ${shown(name)} with a line "name: ..." between two "---" lines, and the home page's introduction below them.`,
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
              message: 'A Markdown file lies directly in a school year folder, so it belongs to no project.',
              fix: `Make a folder for the project, e.g. ${shown(year, suggestSlug(entry.name.replace(/\.md$/, '').replace(/\.(el|en)$/, '')) || 'my-project')}/, and move the file into it as index.el.md (Greek) or index.en.md (English).`,
            });
          }
          continue;
        }
        if (!SLUG_PATTERN.test(entry.name)) {
          const slug = suggestSlug(entry.name) || 'project';
          problems.push({
            file: folder,
            message: `"${entry.name}" cannot be a project folder's name: it becomes the project's web address, so only small Latin letters (a-z), digits and dashes are allowed.`,
            fix: `Rename the folder to "${slug}".`,
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
  const fix = first
    ? `Name the folder after the school year, first year then second year: "${first}-${Number(first) + 1}".`
    : 'Name each school year folder "YYYY-YYYY", for example "2015-2016", and put the project folders inside it.';
  return {
    file: folder,
    message: `"${name}" is not a school year: year folders are named like 2015-2016 (the second year one after the first).`,
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
      message: 'This project folder has no index.el.md or index.en.md, so the project has no text.',
      fix: `Create ${shown(year, slug, 'index.el.md')} (Greek) and/or index.en.md (English) in it.`,
    });
    return undefined;
  }
  files.sort((a, b) => LANGUAGES.indexOf(a.lang) - LANGUAGES.indexOf(b.lang));
  return { year, slug, folder: shown(year, slug), files, hasMisnamedFile };
}

function misplacedMarkdown(file: string, expected: string[], name: string): ContentProblem {
  return {
    file,
    message: `"${name}" is not a file name the archive reads, so this text would never be shown.`,
    fix: `Rename it to "${closest(name, expected)}" (the names are ${expected.join(', ')}).`,
  };
}
