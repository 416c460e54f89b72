/**
 * A horizontal bar chart for a handful of rows (school years): an HTML list,
 * one item per row, with the label (a link when the row has an `href`), the
 * value, and the bar as a small inline SVG under them.
 *
 * The labels and values are text, so the chart reads without colour, in a
 * screen reader ("list, Projects per school year, 4 items; 2015–2016 3"), in
 * print and when copied; the bars are drawn for the eye only (`aria-hidden`).
 * A native list rather than ARIA roles inside one SVG: it needs no role that
 * assistive technology may not know on SVG elements, and the text keeps the
 * page's font size on a phone, where a scaled SVG would shrink it. Bar
 * lengths are percentages of the row, so the chart fits any width.
 */
import { escapeHtml } from '../../present/html.ts';
import { formatNumber } from '../../present/intl.ts';
import type { Lang } from '../../i18n/languages.ts';

export interface BarRow {
  label: string;
  value: number;
  /** Makes the label a link, e.g. to the school year's page. */
  href?: string;
}

/**
 * The chart's accessible name: the `id` of the heading above it
 * (`labelledBy`, preferred: the name is then visible too), or a `title`.
 */
export type BarChartOptions = { lang: Lang } & ({ labelledBy: string } | { title: string });

/** Rounds to two decimals for attributes: "37.5", not "37.49999". */
function num(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** The chart as HTML, to print unescaped. Bars are scaled to the largest value, which fills the row. */
export function barChart(rows: readonly BarRow[], options: BarChartOptions): string {
  const max = Math.max(0, ...rows.map((row) => row.value));
  const name = 'labelledBy' in options ? `aria-labelledby="${escapeHtml(options.labelledBy)}"` : `aria-label="${escapeHtml(options.title)}"`;
  const items = rows.map((row) => {
    const label = escapeHtml(row.label);
    const width = max > 0 ? (Math.max(0, row.value) / max) * 100 : 0;
    return (
      '<li>' +
      (row.href === undefined ? `<span>${label}</span>` : `<a href="${escapeHtml(row.href)}">${label}</a>`) +
      ` <span class="bar-value">${escapeHtml(formatNumber(row.value, options.lang))}</span>` +
      `<svg class="bar" aria-hidden="true" focusable="false"><rect width="${num(width)}%" height="100%"/></svg>` +
      '</li>'
    );
  });
  // role="list": lists styled without bullets lose their list semantics in WebKit otherwise.
  return `<ul class="bar-chart" role="list" ${name}>${items.join('')}</ul>`;
}
