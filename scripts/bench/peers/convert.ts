/**
 * Turns an archive in this project's content format into the two peer sites
 * the benchmark builds beside it: the same school, years, projects, texts and
 * photos, written as a Hugo user and an Eleventy user would keep them.
 *
 *   <root>/hugo/      a Hugo site: scripts/bench/peers/hugo/ (configuration,
 *                     layouts, i18n) plus content/ as Hugo page bundles,
 *                     `index.el.md` / `index.en.md` translated by file name
 *   <root>/eleventy/  an Eleventy site: scripts/bench/peers/eleventy/ plus
 *                     projects/YEAR/SLUG/index.LANG.md and _data/archive.json
 *
 * Each project file gets the front matter both generators read without any
 * code of ours: its title and summary, its classes as the language names them,
 * `grades` and `countries` (Hugo's taxonomies, Eleventy's collections), a
 * `weight` giving the archive's order (newest year first, then by classes, as
 * our lists) and a `date` (the school year's first day, for the feeds). The
 * Markdown body is the teacher's, unchanged.
 *
 * The archive is read with this project's loader, so class groups spelled
 * `Ε'`, `ΣΤ1` or `Στ΄` and partners written as names or codes become the same
 * grades and countries our build shows: the peers then build the same pages.
 * Converting is not part of what the benchmark times: a site kept in Hugo's or
 * Eleventy's format would have been written that way from the start.
 *
 * Standalone: `node --import tsx scripts/bench/peers/convert.ts --content DIR --out DIR`
 */
import { copyFile, cp, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import matter from 'gray-matter';
import { loadArchive } from '../../../src/content/load.ts';
import type { Archive, Project } from '../../../src/content/model.ts';
import { countryName } from '../../../src/content/normalise/countries.ts';
import { classLabel, gradeLabel } from '../../../src/present/class-label.ts';
import { formatSchoolYear } from '../../../src/present/intl.ts';
import { translate } from '../../../src/i18n/i18n.ts';
import { LANGUAGES, type Lang } from '../../../src/i18n/languages.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
/** The same stylesheet as ours, so the peers' pages look alike and weigh alike. */
const STYLESHEET = path.join(repoRoot, 'public/css/site.css');

export interface PeerSites {
  hugoDir: string;
  eleventyDir: string;
  projects: number;
}

/** A YAML document of plain values: JSON is YAML, and needs no library to write. */
function frontMatter(fields: Record<string, unknown>): string {
  const lines = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
  return `---\n${lines.join('\n')}\n---\n`;
}

/** The Markdown body of a content file, as the teacher wrote it. */
async function bodyOf(file: string): Promise<string> {
  return matter(await readFile(file, 'utf8')).content.replace(/^\n+/, '');
}

function yearStart(project: Project): string {
  return `${project.year.slice(0, 4)}-09-01`;
}

/** One project's file in one language: the same for both peers. */
async function projectFile(contentDir: string, project: Project, lang: Lang, weight: number): Promise<string | undefined> {
  const version = project.versions[lang];
  if (!version) return undefined;
  const grades = [...new Set(project.classes.map((group) => group.grade))].sort((a, b) => a - b);
  const fields = {
    title: version.title,
    summary: version.summary,
    weight,
    date: yearStart(project),
    classes: project.classes.map((group) => classLabel(group, lang)),
    grades: grades.map(String),
    countries: project.partners.map((code) => code.toLowerCase()),
  };
  return `${frontMatter(fields)}\n${await bodyOf(path.join(contentDir, project.year, project.slug, `index.${lang}.md`))}`;
}

/** Photos and other files beside a project's texts. */
async function projectFiles(contentDir: string, project: Project): Promise<string[]> {
  const entries = await readdir(path.join(contentDir, project.year, project.slug), { withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && !entry.name.endsWith('.md')).map((entry) => entry.name);
}

async function write(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
}

/** The school's introduction, as written in school.LANG.md. */
async function schoolIntro(contentDir: string, lang: Lang): Promise<string> {
  return bodyOf(path.join(contentDir, `school.${lang}.md`));
}

/** Hugo: list pages are `_index.LANG.md` files; their titles are what the language calls them. */
async function writeHugoContent(contentDir: string, archive: Archive, content: string): Promise<void> {
  const index = (folder: string, lang: Lang, fields: Record<string, unknown>, body = '') =>
    write(path.join(content, folder, `_index.${lang}.md`), frontMatter(fields) + (body ? `\n${body}` : ''));
  for (const lang of LANGUAGES) {
    await index('', lang, { title: archive.school.name[lang] }, await schoolIntro(contentDir, lang));
    await index('archive', lang, { title: translate(lang, 'archive.title') });
    // Sections are listed newest year first; the archive's own section comes after every year.
    for (const [i, year] of archive.years.entries()) {
      await index(year.id, lang, {
        title: translate(lang, 'year.title', { year: formatSchoolYear(year) }),
        label: formatSchoolYear(year),
        schoolyear: year.id,
        weight: i + 1,
      });
    }
    await index('grades', lang, { title: translate(lang, 'grades.title') });
    for (const { grade } of archive.grades) await index(`grades/${grade}`, lang, { title: gradeLabel(grade, lang) });
    await index('countries', lang, { title: translate(lang, 'partners.title') });
    for (const { code } of archive.partners) await index(`countries/${code.toLowerCase()}`, lang, { title: countryName(code, lang) });
  }
}

/** Eleventy: what Hugo keeps in `_index` files is global data here. */
function eleventyData(archive: Archive, intro: Record<Lang, string>) {
  const perLang = <T>(make: (lang: Lang) => T) => Object.fromEntries(LANGUAGES.map((lang) => [lang, make(lang)])) as Record<Lang, T>;
  return {
    school: perLang((lang) => ({ name: archive.school.name[lang], intro: intro[lang] })),
    years: archive.years.map((year) => ({
      id: year.id,
      label: formatSchoolYear(year),
      title: perLang((lang) => translate(lang, 'year.title', { year: formatSchoolYear(year) })),
    })),
    grades: Object.fromEntries(archive.grades.map(({ grade }) => [String(grade), perLang((lang) => gradeLabel(grade, lang))])),
    countries: Object.fromEntries(archive.partners.map(({ code }) => [code.toLowerCase(), perLang((lang) => countryName(code, lang))])),
    titles: perLang((lang) => ({
      archive: translate(lang, 'archive.title'),
      grades: translate(lang, 'grades.title'),
      countries: translate(lang, 'partners.title'),
    })),
  };
}

/**
 * Writes both peer sites for the archive in `contentDir` under `root`.
 * Throws if the archive has mistakes (the generated ones have none).
 */
export async function convertForPeers(contentDir: string, root: string): Promise<PeerSites> {
  const { archive, problems } = await loadArchive(contentDir);
  if (!archive) throw new Error(`${contentDir} has ${problems.length} problems; the peers need an archive without mistakes.`);
  const hugoDir = path.join(root, 'hugo');
  const eleventyDir = path.join(root, 'eleventy');
  await cp(path.join(here, 'hugo'), hugoDir, { recursive: true });
  await cp(path.join(here, 'eleventy'), eleventyDir, { recursive: true });
  for (const dir of [path.join(hugoDir, 'static/css'), path.join(eleventyDir, 'css')]) {
    await mkdir(dir, { recursive: true });
    await copyFile(STYLESHEET, path.join(dir, 'site.css'));
  }
  // The Eleventy site imports its feed plugin as any Eleventy project does, from its node_modules.
  await symlink(path.join(repoRoot, 'node_modules'), path.join(eleventyDir, 'node_modules'), 'dir');

  await writeHugoContent(contentDir, archive, path.join(hugoDir, 'content'));
  const intro = Object.fromEntries(await Promise.all(LANGUAGES.map(async (lang) => [lang, await schoolIntro(contentDir, lang)]))) as Record<Lang, string>;
  await write(path.join(eleventyDir, '_data/archive.json'), JSON.stringify(eleventyData(archive, intro), null, 2));

  const copies = archive.projects.map((project, i) => async () => {
    const folders = [path.join(hugoDir, 'content', project.year, project.slug), path.join(eleventyDir, 'projects', project.year, project.slug)];
    for (const folder of folders) await mkdir(folder, { recursive: true });
    for (const lang of LANGUAGES) {
      const text = await projectFile(contentDir, project, lang, i + 1);
      if (text !== undefined) for (const folder of folders) await writeFile(path.join(folder, `index.${lang}.md`), text);
    }
    for (const name of await projectFiles(contentDir, project)) {
      for (const folder of folders) await copyFile(path.join(contentDir, project.year, project.slug, name), path.join(folder, name));
    }
  });
  for (let i = 0; i < copies.length; i += 32) await Promise.all(copies.slice(i, i + 32).map((copy) => copy()));
  return { hugoDir, eleventyDir, projects: archive.projects.length };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { content: { type: 'string' }, out: { type: 'string' } } });
  if (!values.content || !values.out) {
    console.error('Usage: node --import tsx scripts/bench/peers/convert.ts --content DIR --out DIR');
    process.exit(2);
  }
  const sites = await convertForPeers(values.content, values.out);
  console.log(`${sites.projects} projects written to ${sites.hugoDir} and ${sites.eleventyDir}`);
}
