import MarkdownIt from 'markdown-it';

/**
 * Bodies are rendered once, when the content is loaded, so templates only
 * place finished HTML. Raw HTML is off: a pasted embed from another site would
 * break the promise that pages make no third-party requests.
 */
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });

export function renderMarkdown(body: string): string {
  return markdown.render(body);
}
