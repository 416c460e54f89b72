import { HtmlBasePlugin } from '@11ty/eleventy';
import type { Archive } from '../content/model.ts';
import { countryName } from '../content/normalise/countries.ts';
import { classLabel, gradeLabel } from '../filters/class-label.ts';
import { formatDate, formatList, formatNumber, formatSchoolYear, languageName } from '../filters/intl.ts';
import { ACCESSIBILITY_STATEMENT } from './accessibility.ts';
import { textLang } from '../filters/text-lang.ts';
import { translate } from '../i18n/i18n.ts';
import { DEFAULT_LANG, LANGUAGES, type Lang } from '../i18n/languages.ts';
import type { EleventyConfig } from './eleventy-types.ts';
import type { Partner } from '../content/model.ts';
import { barChart, type BarRow } from './charts/bar-chart.ts';
import { europeMap, europeMapLegend, type MapPartner } from './charts/europe-map.ts';
import { partnersPerYear, projectsPerYear } from './charts/statistics.ts';
import { jsonFeed, type Feed } from './feeds.ts';
import { archiveCsv, openArchiveJson, openArchiveJsonSchemaText } from './open-data.ts';
import { absolutizeHtml, absoluteUrlMaker, feedIdMaker } from './links.ts';
import { gradePath, localUrl, partnerPath, projectPath, versionFor, yearPath } from './pages.ts';
import { defaultPhotoCache, PhotoEncoder } from './photos.ts';
import { indexSearch } from './search-index.ts';
import { siteDataSource } from './site-data.ts';
import { registerEditor } from './editor.ts';

const mapPartners = (partners: Partner[]): MapPartner[] => partners.map((partner) => ({ code: partner.code, count: partner.projects.length }));

export interface ArchiveSiteOptions {
  contentDir: string;
  /** Already loaded and validated (by `npm run build`); otherwise loaded on every build. */
  archive?: Archive;
  /** The `--path-prefix`, for the URLs in feeds and the sitemap. */
  pathPrefix?: string;
}

/** Gives the templates the archive, its pages and the filters that present them. */
export function archiveSite(eleventyConfig: EleventyConfig, options: ArchiveSiteOptions): void {
  // `npm run build` encodes photos while it validates; `npm start` does it on each rebuild.
  const photos = options.archive ? undefined : new PhotoEncoder({ cacheDir: defaultPhotoCache() });
  const siteData = siteDataSource(options.contentDir, options.archive, photos);
  // One load per build, shared by both global data entries.
  let current: ReturnType<typeof siteData> | undefined;
  eleventyConfig.on('eleventy.before', () => {
    current = siteData();
  });
  eleventyConfig.addGlobalData('archive', async () => (await current!).archive);
  eleventyConfig.addGlobalData('pages', async () => (await current!).pages);
  eleventyConfig.addGlobalData('feeds', async () => (await current!).feeds);
  eleventyConfig.addGlobalData('languages', [...LANGUAGES]);
  eleventyConfig.addGlobalData('defaultLang', DEFAULT_LANG);
  eleventyConfig.addGlobalData('accessibilityStatement', ACCESSIBILITY_STATEMENT);
  eleventyConfig.addGlobalData('pathPrefix', options.pathPrefix ?? '/');
  eleventyConfig.addGlobalData('siteUrl', process.env.SITE_URL ?? '');
  eleventyConfig.addWatchTarget(options.contentDir);
  eleventyConfig.on('eleventy.after', async ({ directories }: { directories: { output: string } }) => {
    if (photos) await photos.copyInto(directories.output);
    await indexSearch(directories.output);
  });

  const siteUrl = process.env.SITE_URL ?? '';
  const absoluteUrl = absoluteUrlMaker(options.pathPrefix ?? '/', siteUrl);
  const feedId = feedIdMaker(absoluteUrl);
  const filters: Record<string, (...args: never[]) => unknown> = {
    t: (key: string, lang: Lang, values?: Record<string, unknown>) => translate(lang, key, values),
    /** A group of UI texts as one object, e.g. Pagefind's interface texts. */
    texts: (key: string, lang: Lang) => translate(lang, key, { returnObjects: true }),
    countryName: (code: string, lang: Lang) => countryName(code, lang),
    classLabel,
    gradeLabel,
    textLang,
    formatNumber,
    formatList,
    languageName,
    formatDate,
    schoolYear: formatSchoolYear,
    versionFor,
    localUrl: (path: string, lang: Lang) => localUrl(lang, path),
    projectUrl: (project: { id: string }, lang: Lang) => localUrl(lang, projectPath(project)),
    yearUrl: (year: { id: string }, lang: Lang) => localUrl(lang, yearPath(year)),
    gradeUrl: (grade: number, lang: Lang) => localUrl(lang, gradePath(grade)),
    partnerUrl: (code: string, lang: Lang) => localUrl(lang, partnerPath(code)),
    absoluteUrl,
    // In HTML, a root-relative URL gets the path prefix from the base plugin; an absolute one must have it already.
    alternateUrl: (path: string) => (siteUrl ? absoluteUrl(path) : path),
    absoluteHtml: (html: string) => absolutizeHtml(html, absoluteUrl),
    feedId,
    jsonFeed: (feed: Feed) => jsonFeed(feed, absoluteUrl, feedId),
    openArchiveJson: (archive: Archive) => openArchiveJson(archive, { url: absoluteUrl }),
    // Takes no data; a Nunjucks filter just needs an input.
    openArchiveSchemaJson: () => openArchiveJsonSchemaText({ url: absoluteUrl }),
    archiveCsv: (archive: Archive) => archiveCsv(archive),
    partnerMap: (partners: Partner[], lang: Lang) =>
      europeMap(mapPartners(partners), {
        href: (code) => localUrl(lang, partnerPath(code)),
        title: translate(lang, 'partners.mapTitle'),
        label: (code, count) => `${countryName(code, lang)}: ${translate(lang, 'partners.projects', { count, formatted: formatNumber(count, lang) })}`,
      }),
    partnerMapLegend: (partners: Partner[], lang: Lang) => europeMapLegend(mapPartners(partners), lang, { title: translate(lang, 'partners.mapLegend') }),
    projectsPerYear: (archive: Archive, lang: Lang) => projectsPerYear(archive, lang),
    partnersPerYear: (archive: Archive, lang: Lang) => partnersPerYear(archive, lang),
    barChart: (rows: BarRow[], lang: Lang, labelledBy: string) => barChart(rows, { lang, labelledBy }),
  };
  for (const [name, filter] of Object.entries(filters)) eleventyConfig.addFilter(name, filter);

  // The web editor at /admin/ (Decap CMS), configured from the content's schemas.
  registerEditor(eleventyConfig, { contentDir: options.contentDir, pathPrefix: options.pathPrefix ?? '/' });

  // Templates write root-relative URLs; this adds `--path-prefix` to every one of them.
  eleventyConfig.addPlugin(HtmlBasePlugin);
}
