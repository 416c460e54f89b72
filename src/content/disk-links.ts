import { inlineTokens, type ParsedMarkdown } from './markdown.ts';
import { say } from './messages.ts';
import { decodeUrl } from './photos.ts';
import type { ContentProblem } from './problems.ts';
import type { SourceFile } from './source-file.ts';

/**
 * Links in a body to a file on the teacher's own computer: `[…](file:///…)`,
 * `[…](C:\Users\…)`, `[…](\\server\share\…)`. They work on that computer
 * only; every visitor would find a broken link. (A photo written this way is
 * photos.ts's to report.) A path starting with "/" is not one of them: it is
 * a page of the site, such as `/2014-2015/cool-or-not-too-cool/`.
 */
export interface DiskLink {
  /** The link as written (percent-escapes decoded). */
  href: string;
  /** 1-based line in the file. */
  line: number;
}

const DISK_PATH = /^(?:file:|[a-z]:[\\/]|\\)/i;

export function findDiskLinks(parsed: ParsedMarkdown, bodyLine: number): DiskLink[] {
  const links: DiskLink[] = [];
  for (const { token, line } of inlineTokens(parsed, bodyLine)) {
    if (token.type !== 'link_open') continue;
    const href = decodeUrl(token.attrGet('href') ?? '').trim();
    if (DISK_PATH.test(href)) links.push({ href, line });
  }
  return links;
}

export function diskLinkProblems(source: SourceFile, links: readonly DiskLink[]): ContentProblem[] {
  return links.map(({ href, line }) => ({
    file: source.file,
    line,
    message: say('limits.diskLink', { href: href.length > 80 ? `${href.slice(0, 77)}…` : href }),
    fix: say('limits.diskLinkFix'),
  }));
}
