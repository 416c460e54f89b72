import type { Archive, Project, ProjectVersion, SchoolYear } from '../content/model.ts';
import { countryName, type CountryCode } from '../content/normalise/countries.ts';
import type { Grade } from '../content/normalise/grades.ts';
import type { QualityLabel } from '../content/normalise/labels.ts';
import { gradeLabel } from '../present/class-label.ts';
import { formatSchoolYear, sortByText } from '../present/intl.ts';
import { translate } from '../i18n/i18n.ts';
import { LANGUAGES, type Lang } from '../i18n/languages.ts';
import { partnersPerYear, projectsPerYear } from './charts/statistics.ts';
import type { BarRow } from './charts/bar-chart.ts';
import { projectLinks, type ProjectLinks } from './project-links.ts';
import { gradePath, labelPath, listPagePath, localUrl, partnerPath, projectPath, SITE_PATHS, yearPath } from './urls.ts';

/**
 * Every page of the site: one per URL per language, each knowing the URL of the
 * same page in every other language. The language switcher, the `hreflang`
 * links and the sitemap all read this one list, so they cannot disagree, and
 * every page exists in every language (an untranslated project shows the text
 * it has), so the switcher never leads to a missing page.
 *
 * A page carries everything its template shows beyond the school's own name
 * and texts: templates read `current` (the page) and `archive.school`, nothing
 * else of the archive. That is what lets `npm start` tell which pages an edit
 * changed from the pages' data alone (changed-pages.ts).
 */

export interface Alternate {
  lang: Lang;
  url: string;
}

/** What every page has. */
interface PageBase {
  lang: Lang;
  /** Root-relative URL without the path prefix (added when the HTML is written). */
  url: string;
  /** The page's heading, also the start of its `<title>`. */
  title: string;
  /** This page in every language, this one included, in the archive's language order. */
  alternates: Alternate[];
}

/** A school year as a page refers to it: its name and address, not its projects. */
export type SchoolYearRef = Pick<SchoolYear, 'id' | 'start' | 'end'>;

/** A number per index entry, e.g. a grade and its number of projects. */
export interface Count<K> {
  key: K;
  count: number;
}

export type Page = PageBase &
  (
    | {
        kind: 'home';
        /** The latest school year, its first projects (HOME_PROJECTS) and how many it has. */
        year?: SchoolYearRef;
        latest: Project[];
        latestTotal: number;
        /** `labelled`: the projects with an eTwinning Quality Label (the link to the labels' page is shown when there are some). */
        counts: { projects: number; partners: number; years: number; labelled: number };
        charts: { projectsPerYear: BarRow[]; partnersPerYear: BarRow[] };
      }
    | { kind: 'archive'; list: ListPage; yearGroups: { year: SchoolYearRef; projects: Project[] }[] }
    | { kind: 'year'; year: SchoolYearRef; list: ListPage }
    | {
        kind: 'project';
        year: SchoolYearRef;
        project: Project;
        /** The project's text shown on this page: its own language's or, until translated, another's. */
        version: ProjectVersion;
        /** Its page on the platform and what its pupils made, as links to other sites. */
        links: ProjectLinks;
      }
    | { kind: 'grades'; grades: Count<Grade>[] }
    | { kind: 'grade'; grade: Grade; list: ListPage }
    | {
        kind: 'partners';
        /** Every partner country with its number of projects, in this language's alphabetical order. */
        partners: Count<CountryCode>[];
      }
    | { kind: 'partner'; partner: CountryCode; list: ListPage }
    | {
        kind: 'labels';
        /** Every eTwinning Quality Label a project earned, national first, with its number of projects. */
        labels: Count<QualityLabel>[];
      }
    | { kind: 'label'; label: QualityLabel; list: ListPage }
    | { kind: 'search' }
    | { kind: 'accessibility' }
    | { kind: 'not-found' }
  );

export type PageKind = Page['kind'];

/** A page of one kind, e.g. `PageOf<'project'>`. */
export type PageOf<K extends PageKind> = Extract<Page, { kind: K }>;

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

/** The version a page in `lang` shows: its own, or the first language the project has. */
export function versionFor(project: Project, lang: Lang): ProjectVersion {
  return project.versions[lang] ?? LANGUAGES.map((other) => project.versions[other]).find((version) => version !== undefined)!;
}

/** The page data of one kind, without what every page has. */
type Describe<K extends PageKind> = Omit<PageOf<K>, keyof PageBase | 'kind'>;

const yearRef = (year: SchoolYear): SchoolYearRef => ({ id: year.id, start: year.start, end: year.end });

export function buildPages(archive: Archive): Page[] {
  const pages: Page[] = [];
  const add = <K extends PageKind>(path: string, kind: K, describe: (lang: Lang) => Describe<K> & { title: string }) => {
    const alternates = LANGUAGES.map((lang) => ({ lang, url: localUrl(lang, path) }));
    for (const lang of LANGUAGES) {
      pages.push({ kind, lang, url: localUrl(lang, path), alternates, ...describe(lang) } as Page);
    }
  };

  /** A list of projects, on as many pages as it needs, each page in every language. */
  const addList = <K extends 'archive' | 'year' | 'grade' | 'partner' | 'label'>(
    path: string,
    kind: K,
    projects: Project[],
    describe: (lang: Lang, list: ListPage) => Omit<Describe<K>, 'list'> & { title: string },
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
        return { ...described, title, list } as unknown as Describe<K> & { title: string };
      });
    });
  };

  const latest = archive.years[0];
  add(SITE_PATHS.home, 'home', (lang) => ({
    title: archive.school.name[lang],
    ...(latest ? { year: yearRef(latest) } : {}),
    latest: latest?.projects.slice(0, HOME_PROJECTS) ?? [],
    latestTotal: latest?.projects.length ?? 0,
    counts: {
      projects: archive.projects.length,
      partners: archive.partners.length,
      years: archive.years.length,
      labelled: archive.projects.filter((project) => project.labels.length > 0).length,
    },
    charts: { projectsPerYear: projectsPerYear(archive, lang), partnersPerYear: partnersPerYear(archive, lang) },
  }));
  addList(SITE_PATHS.archive, 'archive', archive.projects, (lang, list) => ({
    title: translate(lang, 'archive.title'),
    yearGroups: groupByYear(list.projects, archive.years),
  }));
  for (const year of archive.years) {
    addList(yearPath(year), 'year', year.projects, (lang) => ({ title: translate(lang, 'year.title', { year: formatSchoolYear(year) }), year: yearRef(year) }));
    for (const project of year.projects) {
      add(projectPath(project), 'project', (lang) => {
        const version = versionFor(project, lang);
        return { title: version.title, year: yearRef(year), project, version, links: projectLinks(project, lang) };
      });
    }
  }
  add(SITE_PATHS.grades, 'grades', (lang) => ({
    title: translate(lang, 'grades.title'),
    grades: archive.grades.map((entry) => ({ key: entry.grade, count: entry.projects.length })),
  }));
  for (const grade of archive.grades) {
    addList(gradePath(grade.grade), 'grade', grade.projects, (lang) => ({ title: gradeLabel(grade.grade, lang), grade: grade.grade }));
  }
  add(SITE_PATHS.partners, 'partners', (lang) => ({
    title: translate(lang, 'partners.title'),
    partners: sortByText(archive.partners, (partner) => countryName(partner.code, lang), lang).map((partner) => ({
      key: partner.code,
      count: partner.projects.length,
    })),
  }));
  for (const partner of archive.partners) {
    addList(partnerPath(partner.code), 'partner', partner.projects, (lang) => ({ title: countryName(partner.code, lang), partner: partner.code }));
  }
  // Only when a project earned a label: an archive without any has no labels' pages, and no link to them.
  if (archive.labels.length > 0) {
    add(SITE_PATHS.labels, 'labels', (lang) => ({
      title: translate(lang, 'labels.title'),
      labels: archive.labels.map((entry) => ({ key: entry.label, count: entry.projects.length })),
    }));
  }
  for (const entry of archive.labels) {
    addList(labelPath(entry.label), 'label', entry.projects, (lang) => ({ title: translate(lang, `labels.${entry.label}`), label: entry.label }));
  }
  add(SITE_PATHS.search, 'search', (lang) => ({ title: translate(lang, 'search.title') }));
  add(SITE_PATHS.accessibility, 'accessibility', (lang) => ({ title: translate(lang, 'accessibility.title') }));
  add(SITE_PATHS.notFound, 'not-found', (lang) => ({ title: translate(lang, 'notFound.title') }));
  return pages;
}

/** The projects of one archive page under their school years, in the archive's order. */
function groupByYear(projects: Project[], years: SchoolYear[]): { year: SchoolYearRef; projects: Project[] }[] {
  return years
    .map((year) => ({ year: yearRef(year), projects: projects.filter((project) => project.year === year.id) }))
    .filter((group) => group.projects.length > 0);
}
