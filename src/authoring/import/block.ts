/** What the page's main text is made of: its paragraphs, list items and headings, each with its line. */

/** A piece of a block's text, a link when it has an address. */
export interface TextPart {
  text: string;
  href?: string;
}

export interface Block {
  /** The block's text, its spaces collapsed. */
  text: string;
  /** The same text in pieces, with the links the page had. */
  parts: TextPart[];
  /** 1-based line of the page file where the block starts. */
  line: number;
  /** An HTML heading (h1–h6): the page's own title when it comes first. */
  heading: boolean;
}
