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
}

/** `/2015-2016/` in the default language, `/en/2015-2016/` in the others. */
export function localUrl(lang: Lang, path: string): string {
  return lang === DEFAULT_LANG ? path : `/${lang}${path}`;
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

  add('/', 'home', (lang) => ({ title: archive.school.name[lang], year: archive.years[0] }));
  add('/archive/', 'archive', (lang) => ({ title: translate(lang, 'archive.title') }));
  for (const year of archive.years) {
    add(yearPath(year), 'year', (lang) => ({ title: translate(lang, 'year.title', { year: formatSchoolYear(year) }), year }));
    for (const project of year.projects) {
      add(projectPath(project), 'project', (lang) => {
        const version = versionFor(project, lang);
        return { title: version.title, year, project, version };
      });
    }
  }
  add('/grades/', 'grades', (lang) => ({ title: translate(lang, 'grades.title') }));
  for (const grade of archive.grades) {
    add(gradePath(grade.grade), 'grade', (lang) => ({ title: gradeLabel(grade.grade, lang), grade }));
  }
  add('/countries/', 'partners', (lang) => ({
    title: translate(lang, 'partners.title'),
    partners: sortByText(archive.partners, (partner) => countryName(partner.code, lang), lang),
  }));
  for (const partner of archive.partners) {
    add(partnerPath(partner.code), 'partner', (lang) => ({ title: countryName(partner.code, lang), partner }));
  }
  add('/search/', 'search', (lang) => ({ title: translate(lang, 'search.title') }));
  add('/accessibility/', 'accessibility', (lang) => ({ title: translate(lang, 'accessibility.title') }));
  add('/404.html', 'not-found', (lang) => ({ title: translate(lang, 'notFound.title') }));
  return pages;
}
