import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';

/**
 * Bodies are rendered once, when the content is loaded, so templates only
 * place finished HTML. Raw HTML is off: a pasted embed from another site would
 * break the promise that pages make no third-party requests.
 */
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });

/**
 * markdown-it drops a link or an image to `file:` (it renders as plain text),
 * and then nothing tells the teacher that `![…](file:///C:/…)` or
 * `[…](file:///…)` points to their own computer. Such links are parsed here, so
 * that photos.ts and links.ts report them; a body that has one is never
 * rendered into the site. `javascript:`, `vbscript:` and `data:` stay refused.
 */
const validateLink = markdown.validateLink.bind(markdown);
markdown.validateLink = (url) => /^file:/i.test(url.trim()) || validateLink(url);

type InlineRule = (state: { pos: number; tokens: Token[] }, silent: boolean) => boolean;

/**
 * markdown-it keeps the lines of blocks (`token.map`) but not where an image
 * or a link starts inside its block. Their rules are wrapped to record that
 * offset (into the block's text) on the token they make (`image`,
 * `link_open`), so a message can name the line.
 */
const rules = (markdown.inline.ruler as unknown as { __rules__: { name: string; fn: InlineRule }[] }).__rules__;
for (const name of ['image', 'link', 'autolink']) {
  const rule = rules.find((each) => each.name === name)?.fn;
  if (!rule) throw new Error(`markdown-it has no "${name}" rule to wrap`);
  markdown.inline.ruler.at(name, ((state, silent) => {
    const start = state.pos;
    const before = state.tokens.length;
    if (!rule(state, silent)) return false;
    // Text pending before it is pushed first, so the rule's own token may come after it.
    const token = state.tokens.slice(before).find((each) => each.type === 'image' || each.type === 'link_open');
    if (!silent && token) token.meta = { ...token.meta, offset: start };
    return true;
  }) as InlineRule as never);
}

/** A Markdown body parsed once: its references are checked, then it is rendered. */
export interface ParsedMarkdown {
  tokens: Token[];
  env: Record<string, unknown>;
}

export type { Token };

export function parseMarkdown(body: string): ParsedMarkdown {
  const env: Record<string, unknown> = {};
  return { tokens: markdown.parse(body, env), env };
}

/**
 * Every inline token of a body (text, images, links…) with the 1-based line of
 * the file it is on. A block token's `map` gives its first line; the offset
 * recorded on an image or a link counts the lines inside the block before it.
 * Tokens inside an image's alt text are only text, so they are not listed.
 */
export function* inlineTokens(parsed: ParsedMarkdown, bodyLine: number): Generator<{ token: Token; line: number }> {
  let blockLine = 0;
  for (const block of parsed.tokens) {
    // Table cells have no map of their own: their row's map, seen just before, is their line.
    if (block.map) blockLine = block.map[0];
    if (block.type !== 'inline') continue;
    for (const token of block.children ?? []) {
      const offset = (token.meta as { offset?: number } | null)?.offset ?? 0;
      const linesBefore = block.content.slice(0, offset).split('\n').length - 1;
      yield { token, line: bodyLine + blockLine + linesBefore };
    }
  }
}

/** An image's alt text as plain text (what `alt=""` would hold). */
export function imageAltText(token: Token): string {
  return markdown.renderer.renderInlineAsText(token.children ?? [], markdown.options, {});
}

const defaultImage = markdown.renderer.rules.image!;
markdown.renderer.rules.image = (tokens, index, options, env, self) => {
  const picture = (env as { pictures?: ReadonlyMap<Token, string> }).pictures?.get(tokens[index]!);
  return picture ?? defaultImage(tokens, index, options, env, self);
};

/**
 * Renders a body to HTML. `pictures` holds the finished `<picture>` of each
 * image token (made by the build); an image without one is a plain `<img>`,
 * which is what `npm run check` renders (and never shows).
 */
export function renderMarkdown(body: string | ParsedMarkdown, pictures?: ReadonlyMap<Token, string>): string {
  const parsed = typeof body === 'string' ? parseMarkdown(body) : body;
  return markdown.renderer.render(parsed.tokens, markdown.options, { ...parsed.env, pictures });
}
