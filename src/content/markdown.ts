import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';

/**
 * Bodies are rendered once, when the content is loaded, so templates only
 * place finished HTML. Raw HTML is off: a pasted embed from another site would
 * break the promise that pages make no third-party requests.
 */
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });

type InlineRule = (state: { pos: number; tokens: Token[] }, silent: boolean) => boolean;

/**
 * markdown-it keeps the lines of blocks (`token.map`) but not where an image
 * starts inside its block. The image rule is wrapped to record that offset
 * (into the block's text) on the image token, so a photo's line can be named.
 */
const rules = (markdown.inline.ruler as unknown as { __rules__: { name: string; fn: InlineRule }[] }).__rules__;
const imageRule = rules.find((rule) => rule.name === 'image')?.fn;
if (!imageRule) throw new Error('markdown-it has no "image" rule to wrap');
markdown.inline.ruler.at('image', ((state, silent) => {
  const start = state.pos;
  if (!imageRule(state, silent)) return false;
  const token = state.tokens.at(-1);
  if (!silent && token?.type === 'image') token.meta = { ...token.meta, offset: start };
  return true;
}) as InlineRule as never);

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

/** An image's alt text as plain text (what `alt=""` would hold). */
export function imageAltText(token: Token): string {
  return markdown.renderer.renderInlineAsText(token.children ?? [], markdown.options, {});
}

/** Shared with photos.ts so that messages escape nothing twice. */
export const escapeHtml: (text: string) => string = markdown.utils.escapeHtml;

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
