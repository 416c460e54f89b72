/**
 * Links that leave the page: feeds, the sitemap and robots.txt need absolute
 * URLs, which only the host knows. `SITE_URL` (e.g. https://school.github.io)
 * gives it; without it they are root-relative, which browsers still follow.
 * HTML pages need none of this: Eleventy's base plugin adds the path prefix.
 */
export function absoluteUrlMaker(pathPrefix: string, siteUrl = process.env.SITE_URL ?? ''): (path: string) => string {
  const origin = siteUrl.replace(/\/+$/, '');
  return (path) => `${origin}${pathPrefix}${path.replace(/^\//, '')}`;
}

/**
 * A feed's or entry's permanent id. Atom requires an absolute IRI: the page's
 * URL when SITE_URL is known, otherwise a tag URI made from its path, which
 * stays the same from build to build.
 */
export function feedIdMaker(absoluteUrl: (path: string) => string): (path: string) => string {
  return (path) => {
    const url = absoluteUrl(path);
    return /^[a-z][a-z0-9+.-]*:/i.test(url) ? url : `tag:etwinning-archive,2012:${path}`;
  };
}

/**
 * Root-relative `src`, `href` and `srcset` URLs in a piece of HTML made
 * absolute: the project texts in feeds and open data are read away from the
 * site, where a photo's `/photos/...` would not resolve. An address that
 * starts with two slashes (`//twinspace.etwinning.net/…`) is another site's,
 * written without its scheme, and stays as it is.
 */
export function absolutizeHtml(html: string, absoluteUrl: (path: string) => string): string {
  return html
    .replace(/\b(src|href)="(\/(?!\/)[^"]*)"/g, (_, attribute: string, url: string) => `${attribute}="${absoluteUrl(url)}"`)
    .replace(
      /\bsrcset="([^"]*)"/g,
      (_, list: string) => `srcset="${list.replace(/(^|,\s*)(\/(?!\/)[^\s,]+)/g, (__, separator: string, url: string) => `${separator}${absoluteUrl(url)}`)}"`,
    );
}
