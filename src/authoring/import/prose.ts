/**
 * The page's sentences as the Markdown of content files: the teacher's own
 * words, with two typing slips of the old page mended (a Greek word typed
 * with Latin look-alike letters, as "Tο"; no space after a comma, as
 * "plants,όπου"), its links kept, and Markdown's own characters escaped so
 * that the text shows as it was written.
 */
import { greekLookalikes } from '../../content/normalise/text.ts';
import type { Block, TextPart } from './block.ts';

/** A word of Greek letters and Latin look-alikes only ("Tο" with a Latin T) is a Greek word. */
const MIXED_WORD = /[\p{L}]+/gu;

export function tidyProse(text: string): string {
  return text
    .normalize('NFC')
    .replace(MIXED_WORD, (word) => {
      if (!/\p{Script=Greek}/u.test(word) || !/[A-Za-z]/.test(word)) return word;
      const greek = greekLookalikes(word);
      return /[A-Za-z]/.test(greek) ? word : greek;
    })
    .replace(/(\p{L}),(?=\p{L})/gu, '$1, ');
}

/** A block as one Markdown paragraph. */
export function blockMarkdown(block: Block): string {
  const markdown = block.parts.map(partMarkdown).join('');
  // What would begin a heading, a quote or a list at the start of a line is written as text.
  return markdown.replace(/^(#{1,6}|[-+=])(?=\s)/, '\\$1').replace(/^(\d+)([.)])(?=\s)/, '$1\\$2');
}

function partMarkdown(part: TextPart): string {
  const text = tidyProse(part.text);
  if (part.href !== undefined) return `[${escapeMarkdown(text)}](${linkTarget(part.href)})`;
  return withAutolinks(text);
}

/** A web address written out in the text ("www.etwinning.net") becomes a link, as a reader expects. */
const ADDRESS = /\b(?:https?:\/\/|www\.)[^\s<>()«»"]*[^\s<>()«».,;:!?'"»]/giu;

function withAutolinks(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(ADDRESS)) {
    const address = match[0];
    out += `${escapeMarkdown(text.slice(last, match.index))}[${escapeMarkdown(address)}](${linkTarget(/^https?:/i.test(address) ? address : `https://${address}`)})`;
    last = match.index + address.length;
  }
  return out + escapeMarkdown(text.slice(last));
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, '\\$&').replace(/&(?=#?\w+;)/g, '\\&');
}

/** An address as a Markdown link's target: a space, a parenthesis or an angle bracket would end it, so they are percent-encoded (encodeURIComponent leaves parentheses as they are). */
function linkTarget(href: string): string {
  return href.replace(/[\s()<>]/g, (c) => (c === '(' ? '%28' : c === ')' ? '%29' : encodeURIComponent(c)));
}
