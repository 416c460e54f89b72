import type { Project, SchoolYear } from '../content/model.ts';
import type { QualityLabel } from '../content/normalise/labels.ts';
import { DEFAULT_LANG, type Lang } from '../i18n/languages.ts';

/**
 * Every address of the site, in one place. All are root-relative and without
 * the path prefix (Eleventy's base plugin adds it to the HTML; feeds and open
 * data make them absolute). Templates never spell a path: the page list
 * carries each page's address and its alternates, and the `paths` global and
 * the URL filters give the rest.
 *
 * Web addresses use the same Latin path in every language: grades by number,
 * countries by ISO code, so switching language changes only the `/en` prefix.
 */
export const SITE_PATHS = {
  home: '/',
  archive: '/archive/',
  grades: '/grades/',
  partners: '/countries/',
  labels: '/labels/',
  search: '/search/',
  accessibility: '/accessibility/',
  notFound: '/404.html',
  atomFeed: '/feed.xml',
  jsonFeed: '/feed.json',
  sitemap: '/sitemap.xml',
  robots: '/robots.txt',
  openDataJson: '/archive.json',
  openDataSchema: '/archive.schema.json',
  openDataCsv: '/archive.csv',
  /** Files of public/, copied as they are. */
  stylesheet: '/css/site.css',
  /** Quality Labels' badges and links to other sites: linked only by the pages that show projects. */
  projectsStylesheet: '/css/projects.css',
  icon: '/favicon.svg',
  searchScript: '/js/search.js',
  /** Pagefind's index and interface, written by the search index. */
  searchUiStylesheet: '/pagefind/pagefind-ui.css',
  searchUiScript: '/pagefind/pagefind-ui.js',
  /** The web editor and its files. */
  editor: '/admin/index.html',
  editorConfig: '/admin/config.yml',
  editorScript: '/admin/editor.js',
} as const;

/** `/2015-2016/` in the default language, `/en/2015-2016/` in the others. */
export function localUrl(lang: Lang, path: string): string {
  return lang === DEFAULT_LANG ? path : `/${lang}${path}`;
}

/** The list's first page is at `path`, page 2 at `path` + `page/2/`: a level deeper than any project's page, so never the same address (not even for a project folder named `page`). */
export function listPagePath(path: string, number: number): string {
  return number === 1 ? path : `${path}page/${number}/`;
}

export function projectPath(project: Pick<Project, 'id'>): string {
  return `/${project.id}/`;
}

export function yearPath(year: Pick<SchoolYear, 'id'>): string {
  return `/${year.id}/`;
}

export function gradePath(grade: number): string {
  return `${SITE_PATHS.grades}${grade}/`;
}

export function partnerPath(code: string): string {
  return `${SITE_PATHS.partners}${code.toLowerCase()}/`;
}

/** `/labels/national/`: the label's own word, the same in every language. */
export function labelPath(label: QualityLabel): string {
  return `${SITE_PATHS.labels}${label}/`;
}
