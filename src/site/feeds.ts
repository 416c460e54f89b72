import type { Archive, Project, SchoolYear } from '../content/model.ts';
import { translate } from '../i18n/i18n.ts';
import { LANGUAGES, type Lang } from '../i18n/languages.ts';
import { absolutizeHtml } from './links.ts';
import { versionFor } from './pages.ts';
import { localUrl, projectPath, SITE_PATHS } from './urls.ts';

/**
 * An Atom feed and a JSON Feed per language: the newest FEED_ENTRIES projects,
 * newest school year first. Projects carry no dates of their own, so each is
 * dated to the day its school year began (1 September), which keeps every
 * build's feeds identical.
 */
export interface FeedEntry {
  /** Root-relative URL of the project's page in the feed's language. */
  url: string;
  title: string;
  summary?: string;
  html: string;
  /** The language the entry's text is in (another one until it is translated). */
  textLang: Lang;
  date: string;
}

export interface Feed {
  lang: Lang;
  title: string;
  homeUrl: string;
  atomUrl: string;
  jsonUrl: string;
  updated: string;
  entries: FeedEntry[];
}

/**
 * A feed reader wants what is new, not the whole archive (archive.json has
 * that): a school's last few years fit, and a national archive's feed stays
 * a few hundred kilobytes instead of megabytes.
 */
export const FEED_ENTRIES = 50;

export function schoolYearStart(year: Pick<SchoolYear, 'start'>): string {
  return `${year.start}-09-01T00:00:00Z`;
}

function entry(project: Project, year: SchoolYear, lang: Lang): FeedEntry {
  const version = versionFor(project, lang);
  return {
    url: localUrl(lang, projectPath(project)),
    title: version.title,
    summary: version.summary,
    html: version.html,
    textLang: version.lang,
    date: schoolYearStart(year),
  };
}

export function buildFeeds(archive: Archive): Feed[] {
  const years = new Map(archive.years.map((year) => [year.id, year]));
  const newest = archive.projects.slice(0, FEED_ENTRIES);
  return LANGUAGES.map((lang) => {
    const entries = newest.map((project) => entry(project, years.get(project.year)!, lang));
    return {
      lang,
      title: `${archive.school.name[lang]} — ${translate(lang, 'archive.title')}`,
      homeUrl: localUrl(lang, SITE_PATHS.home),
      atomUrl: localUrl(lang, SITE_PATHS.atomFeed),
      jsonUrl: localUrl(lang, SITE_PATHS.jsonFeed),
      updated: entries[0]?.date ?? '1970-01-01T00:00:00Z',
      entries,
    };
  });
}

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1). */
export function jsonFeed(feed: Feed, absolute: (path: string) => string, id: (path: string) => string): string {
  return JSON.stringify(
    {
      version: 'https://jsonfeed.org/version/1.1',
      title: feed.title,
      home_page_url: absolute(feed.homeUrl),
      feed_url: absolute(feed.jsonUrl),
      language: feed.lang,
      items: feed.entries.map((item) => ({
        id: id(item.url),
        url: absolute(item.url),
        title: item.title,
        ...(item.summary ? { summary: item.summary } : {}),
        content_html: absolutizeHtml(item.html, absolute),
        date_published: item.date,
        language: item.textLang,
      })),
    },
    null,
    2,
  );
}
