/** What a build left in its output folder: pages, sizes, the largest page with its CSS. */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

export const PAGE_BUDGET_BYTES = 30 * 1024;

export interface OutputStats {
  files: number;
  /** HTML files that are pages: without the redirects (see `redirects`). */
  htmlPages: number;
  /**
   * HTML files that only send the browser elsewhere (`<meta http-equiv="refresh">`):
   * Hugo writes one for page 1 of every list (`…/page/1/` → the list) and one
   * for the first language's folder (`/el/` → `/`).
   */
  redirects: number;
  totalBytes: number;
  largestPage: { file: string; htmlBytes: number; cssBytes: number; totalBytes: number } | undefined;
  /** Pages whose HTML plus their own stylesheets exceed PAGE_BUDGET_BYTES. */
  pagesOverBudget: number;
  /** The largest few, for the report. */
  largest: { file: string; totalBytes: number }[];
  images: number;
  searchIndexFiles: number;
}

async function walk(dir: string, out: { file: string; size: number }[] = []): Promise<{ file: string; size: number }[]> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await walk(full, out);
    else if (entry.isFile()) out.push({ file: full, size: (await stat(full)).size });
  }
  return out;
}

/** Same-site stylesheets a page links to (`<link rel="stylesheet" href="/css/site.css">`). */
function stylesheets(html: string): string[] {
  const hrefs: string[] = [];
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    if (!/rel=["']?stylesheet/i.test(tag)) continue;
    const href = /href=["']?([^"' >]+)/i.exec(tag)?.[1];
    if (href && !/^[a-z]+:|^\/\//i.test(href)) hrefs.push(href);
  }
  return hrefs;
}

/** A redirect page is a few hundred bytes; a real page is never that small. */
const REDIRECT_MAX_BYTES = 1024;

async function isRedirect(file: { file: string; size: number }): Promise<boolean> {
  return file.size <= REDIRECT_MAX_BYTES && /http-equiv=["']?refresh/i.test(await readFile(file.file, 'utf8'));
}

export async function outputStats(outputDir: string, pathPrefix = '/'): Promise<OutputStats> {
  const files = await walk(outputDir);
  const redirects = new Set<string>();
  for (const file of files) if (file.file.endsWith('.html') && (await isRedirect(file))) redirects.add(file.file);
  const html = files.filter((f) => f.file.endsWith('.html') && !redirects.has(f.file));
  const sizes = new Map(files.map((f) => [f.file, f.size]));
  const cssSize = (page: string, href: string) => {
    const local = href.startsWith('/') ? path.join(outputDir, href.slice(pathPrefix.length - 1)) : path.resolve(path.dirname(page), href);
    return sizes.get(local.split(/[?#]/)[0]!) ?? 0;
  };
  // Every page links the same stylesheet in practice: read the links of the biggest pages,
  // and count the largest stylesheet total found there for the others (an upper bound).
  const biggest = [...html].sort((a, b) => b.size - a.size);
  const withCss: { file: string; htmlBytes: number; cssBytes: number; totalBytes: number }[] = [];
  let cssUpperBound = 0;
  for (const [index, page] of biggest.entries()) {
    let cssBytes = cssUpperBound;
    if (index < 20) {
      cssBytes = stylesheets(await readFile(page.file, 'utf8')).reduce((sum, href) => sum + cssSize(page.file, href), 0);
      cssUpperBound = Math.max(cssUpperBound, cssBytes);
    }
    withCss.push({ file: path.relative(outputDir, page.file), htmlBytes: page.size, cssBytes, totalBytes: page.size + cssBytes });
  }
  withCss.sort((a, b) => b.totalBytes - a.totalBytes);
  return {
    files: files.length,
    htmlPages: html.length,
    redirects: redirects.size,
    totalBytes: files.reduce((sum, f) => sum + f.size, 0),
    largestPage: withCss[0],
    pagesOverBudget: withCss.filter((p) => p.totalBytes > PAGE_BUDGET_BYTES).length,
    largest: withCss.slice(0, 5).map(({ file, totalBytes }) => ({ file, totalBytes })),
    images: files.filter((f) => /\.(jpe?g|png|webp|avif|gif|svg)$/i.test(f.file)).length,
    searchIndexFiles: files.filter((f) => /search|pagefind|lunr|index\.json$/i.test(path.relative(outputDir, f.file))).length,
  };
}
