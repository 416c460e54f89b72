import type { Lang } from '../../i18n/languages.ts';
import { escapeHtml } from '../../present/html.ts';
import { formatNumber } from '../../present/intl.ts';
import { type MapPartner, mapLevelRanges } from './europe-map.ts';

/**
 * The key to the shades, as HTML to print unescaped under the map: the
 * legend's title, then each shade's numbers ("0", "1–2", …), each number
 * preceded by a swatch the stylesheet colours (`.map-key.map-level-N::before`).
 * Empty when there are no partners.
 */
export function europeMapLegend(partners: readonly MapPartner[], lang: Lang, options: { title: string }): string {
  const max = Math.max(0, ...partners.map((partner) => partner.count));
  if (max < 1) return '';
  const number = (n: number) => formatNumber(n, lang);
  const keys = [
    { level: 0, text: number(0) },
    ...mapLevelRanges(max).map(({ level, from, to }) => ({ level, text: from === to ? number(from) : `${number(from)}–${number(to)}` })),
  ];
  return (
    `<p class="map-legend">${escapeHtml(options.title)} ` +
    keys.map(({ level, text }) => `<span class="map-key map-level-${level}">${text}</span>`).join(' ') +
    '</p>'
  );
}
