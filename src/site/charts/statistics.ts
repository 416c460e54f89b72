/**
 * The archive's numbers per school year, as rows for `barChart`.
 *
 * Oldest year first, unlike the rest of the site (newest first): these rows
 * are a time series, and a chart of one reads forward in time, so growth
 * shows as bars lengthening down the chart, as on any timeline.
 */
import type { Archive, SchoolYear } from '../../content/model.ts';
import { formatSchoolYear } from '../../present/intl.ts';
import type { Lang } from '../../i18n/languages.ts';
import { localUrl, yearPath } from '../urls.ts';
import type { BarRow } from './bar-chart.ts';

/** The number of projects of each school year. With `lang`, each row links to the year's page in it. */
export function projectsPerYear(archive: Pick<Archive, 'years'>, lang?: Lang): BarRow[] {
  return perYear(archive, lang, (year) => year.projects.length);
}

/**
 * The number of different partner countries of each school year: a country
 * in several projects of a year counts once. Greece counts when a project
 * lists it (partner schools in Greece), as on the partner countries page.
 */
export function partnersPerYear(archive: Pick<Archive, 'years'>, lang?: Lang): BarRow[] {
  return perYear(archive, lang, (year) => new Set(year.projects.flatMap((project) => project.partners)).size);
}

function perYear(archive: Pick<Archive, 'years'>, lang: Lang | undefined, value: (year: SchoolYear) => number): BarRow[] {
  return [...archive.years]
    .sort((a, b) => a.start - b.start)
    .map((year) => ({
      label: formatSchoolYear(year),
      value: value(year),
      ...(lang === undefined ? {} : { href: localUrl(lang, yearPath(year)) }),
    }));
}
