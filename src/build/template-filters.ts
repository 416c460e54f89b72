import type { Archive, Project } from '../content/model.ts';
import { countryName, type CountryCode } from '../content/normalise/countries.ts';
import type { ClassGroup } from '../content/normalise/grades.ts';
import { gradeLabel } from '../present/class-label.ts';
import { classList, gradeNames } from '../present/fact-lists.ts';
import { formatDate, formatNumber, formatSchoolYear, languageName } from '../present/intl.ts';
import { textLang } from '../present/text-lang.ts';
import { translate } from '../i18n/i18n.ts';
import type { Lang } from '../i18n/languages.ts';
import { barChart, type BarRow } from '../site/charts/bar-chart.ts';
import { europeMap, type MapPartner } from '../site/charts/europe-map.ts';
import { europeMapLegend } from '../site/charts/map-legend.ts';
import { jsonFeed, type Feed } from '../site/feeds.ts';
import { absolutizeHtml, absoluteUrlMaker, feedIdMaker } from '../site/links.ts';
import { archiveCsv, openArchiveJson, openArchiveJsonSchemaText } from '../site/open-data.ts';
import { versionFor, type Count } from '../site/pages.ts';
import { projectCard } from '../site/project-card.ts';
import { gradePath, labelPath, localUrl, partnerPath, projectPath, yearPath } from '../site/urls.ts';
import type { QualityLabel } from '../content/normalise/labels.ts';

const mapPartners = (partners: Count<CountryCode>[]): MapPartner[] => partners.map((partner) => ({ code: partner.key, count: partner.count }));

/**
 * The Nunjucks filters the templates use: each a thin call into a pure
 * function of src/present/, src/site/ or src/content/, with the page's language.
 */
export function templateFilters(options: { pathPrefix: string; siteUrl: string }): Record<string, (...args: never[]) => unknown> {
  const { siteUrl } = options;
  const absoluteUrl = absoluteUrlMaker(options.pathPrefix, siteUrl);
  const feedId = feedIdMaker(absoluteUrl);
  return {
    t: (key: string, lang: Lang, values?: Record<string, unknown>) => translate(lang, key, values),
    /** A group of UI texts as one object, e.g. Pagefind's interface texts. */
    texts: (key: string, lang: Lang) => translate(lang, key, { returnObjects: true }),
    countryName: (code: string, lang: Lang) => countryName(code, lang),
    classList: (groups: ClassGroup[], lang: Lang) => classList(groups, lang),
    gradeNames: (groups: ClassGroup[], lang: Lang) => gradeNames(groups, lang),
    gradeLabel,
    textLang,
    formatNumber,
    languageName,
    formatDate,
    schoolYear: formatSchoolYear,
    versionFor,
    localUrl: (path: string, lang: Lang) => localUrl(lang, path),
    projectUrl: (project: { id: string }, lang: Lang) => localUrl(lang, projectPath(project)),
    yearUrl: (year: { id: string }, lang: Lang) => localUrl(lang, yearPath(year)),
    gradeUrl: (grade: number, lang: Lang) => localUrl(lang, gradePath(grade)),
    partnerUrl: (code: string, lang: Lang) => localUrl(lang, partnerPath(code)),
    labelUrl: (label: QualityLabel, lang: Lang) => localUrl(lang, labelPath(label)),
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
    partnerMap: (partners: Count<CountryCode>[], lang: Lang) =>
      europeMap(mapPartners(partners), {
        href: (code) => localUrl(lang, partnerPath(code)),
        title: translate(lang, 'partners.mapTitle'),
        label: (code, count) => `${countryName(code, lang)}: ${translate(lang, 'partners.projects', { count, formatted: formatNumber(count, lang) })}`,
      }),
    partnerMapLegend: (partners: Count<CountryCode>[], lang: Lang) =>
      europeMapLegend(mapPartners(partners), lang, { title: translate(lang, 'partners.mapLegend') }),
    barChart: (rows: BarRow[], lang: Lang, labelledBy: string) => barChart(rows, { lang, labelledBy }),
  };
}

/** What a Nunjucks filter sees as `this`: the render context, with its environment. */
interface NunjucksFilterThis {
  env: { render(name: string, context: object): string };
}

/**
 * A project's card is the same on every list it appears in (its year, its
 * grades, each partner country, the archive), so it is rendered from
 * components/project-card.njk once per project, language and variant, and
 * reused: at 2,000 projects some 12,000 renders instead of 37,000.
 * `forget` drops them all before each build: in `npm start` a template or
 * the content may have changed since the last.
 */
export function projectCards() {
  let rendered = new WeakMap<Project, Map<string, string>>();
  return {
    forget: () => {
      rendered = new WeakMap();
    },
    filter(this: NunjucksFilterThis, project: Project, lang: Lang, showYear = false, level = 2): string {
      let cards = rendered.get(project);
      if (!cards) {
        cards = new Map();
        rendered.set(project, cards);
      }
      const key = `${lang} ${showYear} ${level}`;
      let card = cards.get(key);
      if (card === undefined) {
        card = this.env.render('components/project-card.njk', { card: projectCard(project, lang), lang, showYear, level }).trim();
        cards.set(key, card);
      }
      return card;
    },
  };
}
