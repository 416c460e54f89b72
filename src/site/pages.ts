import type { Archive, GradeEntry, Partner, Project, ProjectVersion, SchoolYear } from '../content/model.ts';
import { countryName } from '../content/normalise/countries.ts';
import { gradeLabel } from '../filters/class-label.ts';
import { formatSchoolYear, sortByText } from '../filters/intl.ts';
import { translate } from '../i18n/i18n.ts';
import { DEFAULT_LANG, LANGUAGES, type Lang } from '../i18n/languages.ts';

/**
 * Every page of the site: one per URL per language, each knowing the URL of the
 * same page in every other language. The language switcher, the `hreflang`
 * links and the sitemap all read this one list, so they cannot disagree, and
 * every page exists in every language (an untranslated project shows the text
 * it has), so the switcher never leads to a missing page.
 */
export type PageKind =
  | 'home'
  | 'archive'
  | 'year'
  | 'project'
  | 'grades'
  | 'grade'
  | 'partners'
  | 'partner'
  | 'search'
  | 'accessibility'
  | 'not-found';

export interface Alternate {
  lang: Lang;
  url: string;
}

export interface Page {
  kind: PageKind;
  lang: Lang;
  /** Root-relative URL without the path prefix (added when the HTML is written). */
  url: string;
  /** The page's heading, also the start of its `<title>`. */
  title: string;
  /** This page in every language, this one included, in the archive's language order. */
  alternates: Alternate[];
  year?: SchoolYear;
  project?: Project;
  /** The project's text shown on this page: its own language's or, until translated, another's. */
  version?: ProjectVersion;
  grade?: GradeEntry;
  partner?: Partner;
  /** The partner countries index, in this language's alphabetical order. */
  partners?: Partner[];
  /** A list page's share of its projects (year, grade, country and archive pages). */
  list?: ListPage;
  /** The archive page's projects, under their school years. */
  yearGroups?: { year: SchoolYear; projects: Project[] }[];
  /** The home page's first projects of the latest year (HOME_PROJECTS), beside its charts. */
  latest?: Project[];
}

/**
 * Long lists are split into numbered pages, so that every page stays small
 * enough for a phone (30 KB with its stylesheet): twenty project cards and the
 * page around them fit. A school's archive rarely reaches that on one list, so
 * its lists, the whole archive included, stay on one page.
 */
export const PROJECTS_PER_PAGE = 20;

/** The home page lists this many projects of the latest year, and links to the rest: its charts take the room of the others. */
export const HOME_PROJECTS = 10;

export interface ListPage {
  projects: Project[];
  /** From 1. */
  number: number;
  /** How many pages the list has. */
  count: number;
  /** How many projects the whole list has. */
  total: number;
  /** The page links to show: the first, the last, and the two either side of this one; `null` marks a gap. */
  links: ({ number: number; url: string } | null)[];
  previous?: string;
  next?: string;
}

/** `/2015-2016/` in the default language, `/en/2015-2016/` in the others. */
export function localUrl(lang: Lang, path: string): string {
  return lang === DEFAULT_LANG ? path : `/${lang}${path}`;
}

/** The list's first page is at `path`, page 2 at `path` + `page/2/`: a level deeper than any project's page, so never the same address (not even for a project folder named `page`). */
export function listPagePath(path: string, number: number): string {
  return number === 1 ? path : `${path}page/${number}/`;
}

/** The page numbers a pagination shows on page `number` of `count`; `null` is a gap. */
export function pageLinks(number: number, count: number): (number | null)[] {
  const shown: (number | null)[] = [];
  for (let n = 1; n <= count; n++) {
    if (n === 1 || n === count || Math.abs(n - number) <= 2) shown.push(n);
    else if (shown.at(-1) !== null) shown.push(null);
  }
  return shown;
}

function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result.length > 0 ? result : [[]];
}

export function projectPath(project: Pick<Project, 'id'>): string {
  return `/${project.id}/`;
}

export function yearPath(year: Pick<SchoolYear, 'id'>): string {
  return `/${year.id}/`;
}

export function gradePath(grade: number): string {
  return `/grades/${grade}/`;
}

export function partnerPath(code: string): string {
  return `/countries/${code.toLowerCase()}/`;
}

/** The version a page in `lang` shows: its own, or the first language the project has. */
export function versionFor(project: Project, lang: Lang): ProjectVersion {
  return project.versions[lang] ?? LANGUAGES.map((other) => project.versions[other]).find((version) => version !== undefined)!;
}

export function buildPages(archive: Archive): Page[] {
  const pages: Page[] = [];
  const add = (path: string, kind: PageKind, describe: (lang: Lang) => Omit<Page, 'kind' | 'lang' | 'url' | 'alternates'>) => {
    const alternates = LANGUAGES.map((lang) => ({ lang, url: localUrl(lang, path) }));
    for (const lang of LANGUAGES) {
      pages.push({ kind, lang, url: localUrl(lang, path), alternates, ...describe(lang) });
    }
  };

  /** A list of projects, on as many pages as it needs, each page in every language. */
  const addList = (
    path: string,
    kind: PageKind,
    projects: Project[],
    describe: (lang: Lang, list: ListPage) => Omit<Page, 'kind' | 'lang' | 'url' | 'alternates' | 'list'>,
  ) => {
    const pieces = chunks(projects, PROJECTS_PER_PAGE);
    pieces.forEach((piece, index) => {
      const number = index + 1;
      const listFor = (lang: Lang): ListPage => ({
        projects: piece,
        number,
        count: pieces.length,
        total: projects.length,
        links: pageLinks(number, pieces.length).map((n) => (n === null ? null : { number: n, url: localUrl(lang, listPagePath(path, n)) })),
        previous: number > 1 ? localUrl(lang, listPagePath(path, number - 1)) : undefined,
        next: number < pieces.length ? localUrl(lang, listPagePath(path, number + 1)) : undefined,
      });
      add(listPagePath(path, number), kind, (lang) => {
        const list = listFor(lang);
        const described = describe(lang, list);
        const title = number === 1 ? described.title : translate(lang, 'pagination.title', { title: described.title, page: number, count: pieces.length });
        return { ...described, title, list };
      });
    });
  };

  add('/', 'home', (lang) => ({ title: archive.school.name[lang], year: archive.years[0], latest: archive.years[0]?.projects.slice(0, HOME_PROJECTS) }));
  addList('/archive/', 'archive', archive.projects, (lang, list) => ({ title: translate(lang, 'archive.title'), yearGroups: groupByYear(list.projects, archive.years) }));
  for (const year of archive.years) {
    addList(yearPath(year), 'year', year.projects, (lang) => ({ title: translate(lang, 'year.title', { year: formatSchoolYear(year) }), year }));
    for (const project of year.projects) {
      add(projectPath(project), 'project', (lang) => {
        const version = versionFor(project, lang);
        return { title: version.title, year, project, version };
      });
    }
  }
  add('/grades/', 'grades', (lang) => ({ title: translate(lang, 'grades.title') }));
  for (const grade of archive.grades) {
    addList(gradePath(grade.grade), 'grade', grade.projects, (lang) => ({ title: gradeLabel(grade.grade, lang), grade }));
  }
  add('/countries/', 'partners', (lang) => ({
    title: translate(lang, 'partners.title'),
    partners: sortByText(archive.partners, (partner) => countryName(partner.code, lang), lang),
  }));
  for (const partner of archive.partners) {
    addList(partnerPath(partner.code), 'partner', partner.projects, (lang) => ({ title: countryName(partner.code, lang), partner }));
  }
  add('/search/', 'search', (lang) => ({ title: translate(lang, 'search.title') }));
  add('/accessibility/', 'accessibility', (lang) => ({ title: translate(lang, 'accessibility.title') }));
  add('/404.html', 'not-found', (lang) => ({ title: translate(lang, 'notFound.title') }));
  return pages;
}

/** The projects of one archive page under their school years, in the archive's order. */
function groupByYear(projects: Project[], years: SchoolYear[]): { year: SchoolYear; projects: Project[] }[] {
  return years
    .map((year) => ({ year, projects: projects.filter((project) => project.year === year.id) }))
    .filter((group) => group.projects.length > 0);
}
