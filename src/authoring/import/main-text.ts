/**
 * Finds the page's main text, the article, as a list of blocks (paragraphs,
 * list items, headings), each with the line of the page where it starts: the
 * report sends a teacher to that line.
 *
 * Why a small heuristic over node-html-parser rather than a library such as
 * @mozilla/readability: the report needs each paragraph's line in the saved
 * file, and node-html-parser keeps every node's place in the source, which
 * Readability (working on a DOM it rewrites) cannot give back. Readability is
 * also tuned for long news articles (it drops content under 500 characters
 * and scores paragraphs by commas), while an archive page is short lists; and
 * it would need a whole DOM (jsdom) as a second dependency. What the page is
 * about tells where its text is: the CMS's article container, or else the
 * element that holds the school years' headings.
 */
import { parse, type HTMLElement, type Node } from 'node-html-parser';
import { isYearHeading } from './years.ts';

export type { Block } from './block.ts';
import type { Block, TextPart } from './block.ts';

export interface MainText {
  blocks: Block[];
  /** The page's `<title>`, which often names the school. */
  title?: string;
  /** Lines left out because they are the site template's credits ("Joomla templates by …"). */
  credits: Block[];
}

/** A line of the site's template or platform, not of the archive. */
const CREDIT =
  /\b(?:joomla|wordpress|drupal|blogger)\b.*\b(?:templates?|themes?)\b|\b(?:templates?|themes?|designed|powered)\s+by\b|©|\(c\)\s*\d{4}|\bcopyright\b|all rights reserved|με επιφύλαξη παντός δικαιώματος|σχεδίαση\s+(?:ιστοσελίδας|ιστότοπου)/iu;

function isCredit(text: string): boolean {
  return CREDIT.test(text);
}

/** Plain text (a page saved as text, or copied): one line, one block; bullets are dropped. */
export function mainTextOfPlainText(text: string): MainText {
  const blocks: Block[] = [];
  const credits: Block[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const clean = collapse(raw.replace(/^\uFEFF/, '')).replace(BULLET, '');
    if (clean === '') return;
    const block: Block = { text: clean, parts: [{ text: clean }], line: index + 1, heading: false };
    (isCredit(clean) ? credits : blocks).push(block);
  });
  return { blocks, credits };
}

/** "•", "-", "*", "1." and the like before an item of a list typed as text. */
const BULLET = /^(?:[•·▪‣◦●○■□►▸➢✓✔–—*+-]|\d{1,2}[.)])\s+/u;

/** Elements whose content is never the article. */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'iframe',
  'object',
  'embed',
  'form',
  'button',
  'select',
  'textarea',
  'nav',
  'header',
  'footer',
  'aside',
  'head',
  'title',
  'meta',
  'link',
]);

/** Class or id words of menus, modules and the like in Joomla and WordPress templates. */
const BOILERPLATE =
  /(?:^|[\s_-])(?:menu|mainmenu|nav|navbar|navigation|breadcrumbs?|pathway|footer|header|sidebar|banner|moduletable|search|login|copyright|credits?|social|share|sharing|skip|pagination|pagenav|pager|cookies?|article-info|icons|actions|tags|related)(?:$|[\s_-])/i;

/** Where Joomla and WordPress templates put the article, most specific first. */
const CONTENT_SELECTORS = [
  '[itemprop="articleBody"]',
  '.entry-content',
  '.post-content',
  '.article-content',
  '.item-page',
  '.contentpaneopen',
  'article',
  'main',
  '[role="main"]',
  '#content',
  '#main',
  '.content',
];

/** Elements that end a block of text before and after them. */
const BLOCK_ELEMENTS = new Set([
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'section',
  'article',
  'main',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'caption',
  'address',
  'figure',
  'figcaption',
  'hr',
  'center',
  'fieldset',
  'details',
  'summary',
]);

/** Containers of blocks: a list item starts where the `<li>` is, not where its `<ul>` is. */
const CONTAINERS = new Set(['ul', 'ol', 'dl', 'table', 'thead', 'tbody', 'tfoot', 'tr']);

/**
 * How deep elements may nest. node-html-parser parses any depth, but its
 * selectors and `text`, and the walk below, recurse once a level, and a page
 * of 200,000 nested `<div>`s overflows the stack. Browsers stop at about this
 * depth too (Chromium's parser nests at most 512 elements and puts the rest
 * beside), so no page a teacher has seen in a browser is deeper; a page
 * nested deeper is refused (PageTooDeep) before anything recurses.
 */
export const DEEPEST_NESTING = 512;

/** A page whose elements nest deeper than DEEPEST_NESTING, at the line of the first element too deep. */
export class PageTooDeep extends Error {
  constructor(readonly line: number) {
    super(`the page nests its elements more than ${DEEPEST_NESTING} deep, from line ${line}`);
  }
}

export function mainTextOfHtml(html: string): MainText {
  const root = parse(html, { comment: false });
  const lineOf = lineFinder(html);
  const tooDeep = firstTooDeep(root);
  if (tooDeep) throw new PageTooDeep(lineOf(tooDeep.range[0]));
  const title = collapse(root.querySelector('title')?.text ?? '') || undefined;
  const base = root.querySelector('base')?.getAttribute('href');
  const body = root.querySelector('body') ?? root;
  const container = articleContainer(body);
  const all = blocksOf(container, lineOf, base);
  const blocks = all.filter((block) => !isCredit(block.text));
  return { blocks, title, credits: all.filter((block) => isCredit(block.text)) };
}

/** The first element nested deeper than DEEPEST_NESTING, found without recursion. */
function firstTooDeep(root: HTMLElement): HTMLElement | undefined {
  const pending: Array<{ node: Node; depth: number }> = [{ node: root, depth: 0 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (next.depth > DEEPEST_NESTING) return next.node as HTMLElement;
    // Children pushed last first, so that they are visited in the page's order.
    for (const child of next.node.childNodes.toReversed()) if (child.nodeType === 1) pending.push({ node: child, depth: next.depth + 1 });
  }
  return undefined;
}

function isSkipped(element: HTMLElement): boolean {
  const tag = element.rawTagName?.toLowerCase() ?? '';
  if (SKIPPED.has(tag)) return true;
  const words = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''} ${element.getAttribute('role') ?? ''}`;
  return BOILERPLATE.test(words) || element.getAttribute('role') === 'navigation' || element.getAttribute('aria-hidden') === 'true';
}

/**
 * The article: the CMS's own container, when it holds the school years (or,
 * on a page without them, some text); or else the element that holds every
 * school year heading; or else the whole body, without its menus.
 */
function articleContainer(body: HTMLElement): HTMLElement {
  const headings = body
    .querySelectorAll('p, h1, h2, h3, h4, h5, h6, div, li, td, strong, b, span')
    .filter((element) => isYearHeading(collapse(element.text)) && !isSkipped(element) && !insideSkipped(element, body));
  for (const selector of CONTENT_SELECTORS) {
    const found = body.querySelectorAll(selector).filter((element) => !insideSkipped(element, body));
    const fitting = found.filter((element) =>
      headings.length > 0 ? headings.some((heading) => contains(element, heading)) : collapse(element.text).length >= 80,
    );
    if (fitting.length > 0) {
      return fitting.reduce((best, element) => (collapse(element.text).length > collapse(best.text).length ? element : best));
    }
  }
  if (headings.length > 0) {
    let common = headings[0]!.parentNode;
    while (common && common !== body && !headings.every((heading) => contains(common!, heading))) common = common.parentNode;
    // One heading: its own block's parent, which also holds the year's entries.
    if (common && headings.length === 1) common = blockOf(headings[0]!).parentNode ?? common;
    if (common) return common;
  }
  return body;
}

function contains(ancestor: HTMLElement, node: Node): boolean {
  for (let current: Node | null = node; current; current = current.parentNode) if (current === ancestor) return true;
  return false;
}

function insideSkipped(element: HTMLElement, body: HTMLElement): boolean {
  for (let current: HTMLElement | null = element.parentNode; current && current !== body; current = current.parentNode) {
    if (isSkipped(current)) return true;
  }
  return false;
}

/** The nearest block element around an element (a `<strong>` heading's `<p>`). */
function blockOf(element: HTMLElement): HTMLElement {
  let current = element;
  while (!BLOCK_ELEMENTS.has(current.rawTagName?.toLowerCase() ?? '') && current.parentNode) current = current.parentNode;
  return current;
}

/** Walks the container's text into blocks, each starting at the line of its element (or of its text after a `<br>`). */
function blocksOf(container: HTMLElement, lineOf: (offset: number) => number, base: string | undefined): Block[] {
  const blocks: Block[] = [];
  let parts: TextPart[] = [];
  let start: number | undefined;
  let heading = false;

  const flush = () => {
    const normal = normaliseParts(parts);
    // A bullet typed as text ("• Η Ε' τάξη…" in a paragraph of lines) is not part of the sentence.
    if (normal[0]) normal[0].text = normal[0].text.replace(BULLET, '');
    if (normal[0]?.text === '') normal.shift();
    const text = normal.map((part) => part.text).join('');
    if (text !== '' && start !== undefined) blocks.push({ text, parts: normal, line: lineOf(start), heading });
    parts = [];
    start = undefined;
    heading = false;
  };
  const addText = (text: string, offset: number, href?: string) => {
    if (start === undefined) {
      const leading = /^\s*/.exec(text)![0].length;
      if (leading === text.length) return;
      start = offset + leading;
    }
    parts.push(href === undefined ? { text } : { text, href });
  };

  const walk = (node: Node, href?: string) => {
    if (node.nodeType === 3) {
      addText(node.text, node.range[0], href);
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as HTMLElement;
    const tag = element.rawTagName?.toLowerCase() ?? '';
    if (isSkipped(element)) return;
    if (tag === 'br') {
      flush();
      return;
    }
    if (BLOCK_ELEMENTS.has(tag)) {
      if (parts.some((part) => part.text.trim() !== '')) flush();
      if (start === undefined && !CONTAINERS.has(tag)) start = element.range[0];
      if (/^h[1-6]$/.test(tag)) heading = true;
      for (const child of element.childNodes) walk(child, href);
      flush();
      return;
    }
    const link = tag === 'a' ? absoluteLink(element.getAttribute('href'), base) : undefined;
    for (const child of element.childNodes) walk(child, link ?? href);
  };
  for (const child of container.childNodes) walk(child);
  flush();
  return blocks;
}

/**
 * Only links that still lead somewhere from the new site: absolute web and
 * e-mail addresses, or addresses relative to the page's `<base>`. A link
 * relative to the old site (`/index.php/…`) is dropped and its text kept.
 */
function absoluteLink(href: string | undefined, base: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    const url = base ? new URL(href, base) : new URL(href);
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Spaces collapsed across the parts, the ends trimmed, empty parts dropped, neighbouring parts of one link joined. */
function normaliseParts(parts: TextPart[]): TextPart[] {
  const out: TextPart[] = [];
  let text = '';
  for (const part of parts) {
    let piece = part.text.replace(/\s+/g, ' ');
    if ((text === '' || text.endsWith(' ')) && piece.startsWith(' ')) piece = piece.slice(1);
    if (piece === '') continue;
    text += piece;
    const last = out.at(-1);
    if (last && last.href === part.href) last.text += piece;
    else out.push(part.href === undefined ? { text: piece } : { text: piece, href: part.href });
  }
  // Trim the end, then drop what became empty.
  while (out.length > 0) {
    const last = out.at(-1)!;
    last.text = last.text.replace(/\s+$/, '');
    if (last.text !== '') break;
    out.pop();
  }
  return out;
}

/** Whitespace (also no-break spaces) collapsed to one space, the ends trimmed. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The 1-based line of an offset in the text. */
function lineFinder(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
}
