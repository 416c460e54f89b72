/**
 * Plans the content files for what was read from the page: one project per
 * understood entry (folder names as `npm run new` makes them), `continues`
 * between the same project in consecutive years, and the school's two files.
 * Nothing is written here, and nothing here depends on what is on the disk.
 */
import { stringify } from 'yaml';
import { newProjectBody, newProjectFiles, type NewProject } from '../new-project.ts';
import { foldForMatching } from '../../content/normalise/text.ts';
import { suggestSlug } from '../../content/slug.ts';
import { translate } from '../../i18n/i18n.ts';
import { GREEK, LANGUAGES, type Lang } from '../../i18n/languages.ts';
import { readEntry, type EntryReading } from './entry.ts';
import type { Block, MainText } from './main-text.ts';
import { blockMarkdown, tidyProse } from './prose.ts';
import { findSchoolName, type FoundSchoolName } from './school-name.ts';
import { splitYears, type YearSection } from './years.ts';

export interface PlannedFile {
  /** Relative to the content folder, e.g. `2015-2016/the-scratch-project/index.<lang>.md`. */
  path: string;
  text: string;
}

export interface PlannedProject {
  year: string;
  folder: string;
  /** `YEAR/folder`, as `continues` names it. */
  id: string;
  title: string;
  project: NewProject;
  files: PlannedFile[];
}

export interface EntryPlan {
  block: Block;
  reading: EntryReading;
  /** Present when the entry has all a project needs: a school year, a title, classes and partners. */
  planned?: PlannedProject;
  /** The sentence says the project goes on from an earlier year, but the page has no earlier project of that title. */
  earlierNotFound?: boolean;
}

export interface YearPlan {
  section: YearSection;
  /** Absent when the heading is not one school year ("2015-2017"). */
  year?: string;
  entries: EntryPlan[];
}

export interface SchoolPlan {
  /** The name given on the command line, or found in the page. */
  name?: string;
  /** Where the name was found, when it was not given. */
  found?: FoundSchoolName;
  /** The introduction: the paragraphs before the first school year. */
  intro: Block[];
  /** Empty when there is no name. */
  files: PlannedFile[];
}

export interface ImportPlan {
  school: SchoolPlan;
  years: YearPlan[];
  /** Sentences about a project before the first school year heading: not imported, since their year is not known. */
  beforeFirstYear: EntryPlan[];
  /** Lines of the site's template left out ("Joomla templates by a4joomla"). */
  credits: Block[];
}

/** The language of the old page's sentences (the entry reader reads Greek). */
export const PAGE_LANG: Lang = GREEK;

/** Longer folder names than this are made from the title before its subtitle, when it has one. */
const LONG_FOLDER_NAME = 50;

export function planImport(page: MainText, options: { schoolName?: string } = {}): ImportPlan {
  const sections = splitYears(page.blocks);
  // Headings before the introduction are the page's own title ("eTwinning"), not paragraphs of it.
  const firstParagraph = sections.intro.findIndex((block) => !block.heading);
  const intro: Block[] = [];
  const beforeFirstYear: EntryPlan[] = [];
  for (const block of firstParagraph < 0 ? [] : sections.intro.slice(firstParagraph)) {
    // A project's sentence is not the school's introduction, even without its year.
    const reading = readEntry(tidyProse(block.text));
    if (reading.title && reading.classes.length > 0) beforeFirstYear.push({ block, reading });
    else intro.push(block);
  }

  const years: YearPlan[] = sections.years.map((section) => ({
    section,
    year: 'year' in section.reading ? section.reading.year : undefined,
    entries: section.entries.map((block) => ({ block, reading: readEntry(tidyProse(block.text)) })),
  }));
  planProjects(years);

  const found = options.schoolName ? undefined : findSchoolName(page.title, sections.intro);
  const name = options.schoolName?.trim() || found?.name;
  const school: SchoolPlan = { name, found, intro, files: [] };
  if (name) school.files = schoolFiles(name, intro, years);
  return { school, years, beforeFirstYear, credits: page.credits };
}

function planProjects(years: YearPlan[]): void {
  const planned: PlannedProject[] = [];
  const taken = new Set<string>();
  // Oldest year first, so that a project's earlier year is planned before it.
  const oldestFirst = [...years].filter((year) => year.year).sort((a, b) => a.year!.localeCompare(b.year!));
  for (const year of oldestFirst) {
    for (const entry of year.entries) {
      const { reading } = entry;
      if (!reading.title || reading.classes.length === 0 || reading.partners.length === 0) continue;
      const earlier = earlierProject(planned, year.year!, reading.title, reading.continuing);
      if (reading.continuing && !earlier) entry.earlierNotFound = true;
      const folder = uniqueFolder(year.year!, folderName(reading.title), taken);
      const project: NewProject = {
        year: year.year!,
        titles: Object.fromEntries(LANGUAGES.map((lang) => [lang, reading.title!])),
        classes: reading.classes,
        partners: reading.partners,
        ...(earlier ? { continues: earlier.id } : {}),
      };
      const bodies: Partial<Record<Lang, string>> = {};
      for (const lang of LANGUAGES) {
        // The page's own sentence in its language; in the others, one made of the facts.
        bodies[lang] = lang === PAGE_LANG ? blockMarkdown(entry.block) : factsSentence(project, lang);
      }
      const id = `${year.year}/${folder}`;
      entry.planned = {
        year: year.year!,
        folder,
        id,
        title: reading.title,
        project,
        files: newProjectFiles(project, bodies).map((file) => ({ path: `${id}/${file.name}`, text: file.text })),
      };
      planned.push(entry.planned);
    }
  }
}

/**
 * The same project in an earlier year: same title (spelling aside) in the
 * year just before; or, when the sentence says it continues, in the nearest
 * earlier year that has it.
 */
function earlierProject(planned: readonly PlannedProject[], year: string, title: string, continuing: boolean): PlannedProject | undefined {
  const start = Number(year.slice(0, 4));
  const key = foldForMatching(title);
  const candidates = planned
    .filter((project) => Number(project.year.slice(0, 4)) < start && foldForMatching(project.title) === key)
    .sort((a, b) => b.year.localeCompare(a.year));
  const nearest = candidates[0];
  if (!nearest) return undefined;
  return continuing || Number(nearest.year.slice(0, 4)) === start - 1 ? nearest : undefined;
}

/**
 * The folder name `npm run new` would make from the title; a title with a
 * subtitle ("Cool or not too cool? Rights and Obligations of …") that would
 * make a very long web address is named after its main title, as the
 * bundled archive's folders are.
 */
export function folderName(title: string): string {
  const full = suggestSlug(title);
  if (full.length <= LONG_FOLDER_NAME) return full || 'project';
  const main = /^(.+?)(?:[?!:]|\s[–—-]\s)/u.exec(title)?.[1];
  const short = main ? suggestSlug(main) : '';
  return short.length >= 3 ? short : full;
}

function uniqueFolder(year: string, folder: string, taken: Set<string>): string {
  let name = folder;
  for (let n = 2; taken.has(`${year}/${name}`); n++) name = `${folder}-${n}`;
  taken.add(`${year}/${name}`);
  return name;
}

function factsSentence(project: NewProject, lang: Lang): string {
  const sentence = newProjectBody(project, lang);
  if (!project.continues) return sentence;
  return `${sentence} ${translate(lang, 'import.files.continues', { year: project.continues.split('/')[0] })}`;
}

/** The school's files: its name, and the page's introduction in Greek; a sentence of facts in the other languages. */
function schoolFiles(name: string, intro: readonly Block[], years: readonly YearPlan[]): PlannedFile[] {
  const known = years
    .map((year) => year.year)
    .filter((year): year is string => year !== undefined)
    .sort();
  return LANGUAGES.map((lang) => {
    const body =
      lang === PAGE_LANG && intro.length > 0
        ? intro.map(blockMarkdown).join('\n\n')
        : translate(lang, known.length > 0 ? 'import.files.school' : 'import.files.schoolNoYears', { name, first: known[0] });
    return { path: `school.${lang}.md`, text: `---\n${stringify({ name }, { lineWidth: 0 })}---\n\n${body}\n` };
  });
}
