import matter from 'gray-matter';
import { isMap, isScalar, LineCounter, parseDocument, type Document, type YAMLError } from 'yaml';
import { say } from './messages.ts';
import type { ContentProblem } from './problems.ts';

/**
 * One Markdown file of the content folder, split into front matter and body,
 * with a way back from a front matter field to its line. Line numbers are the
 * file's own (1-based), which is what a teacher sees in an editor.
 */
export interface SourceFile {
  /** Path shown in messages: the content folder as given plus the relative path. */
  file: string;
  /** Front matter as plain data (undefined when it could not be read). */
  data: Record<string, unknown>;
  /** Markdown body. */
  body: string;
  /** Line of the body's first line. */
  bodyLine: number;
  /** Line of a field, or of an item in a list field; falls back to the field, then to line 1. */
  lineOf(path: readonly (string | number)[]): number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a file's bytes into a SourceFile, or into the problems that stop it
 * being read: not UTF-8, no front matter, front matter that is not YAML.
 * A UTF-8 byte order mark and Windows line endings are normal input.
 */
export function readSourceFile(
  file: string,
  bytes: Uint8Array,
): { source: SourceFile } | { problems: ContentProblem[] } {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const line = lineOfFirstInvalidByte(bytes);
    return {
      problems: [
        {
          file,
          line,
          message: say('notUtf8'),
          fix: say('notUtf8Fix'),
        },
      ],
    };
  }
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');

  if (!/^---[ \t]*\n/.test(text)) {
    return {
      problems: [
        {
          file,
          line: 1,
          message: say('noFrontMatter'),
          fix: say('noFrontMatterFix'),
        },
      ],
    };
  }
  const closing = /\n---[ \t]*(\n|$)/.exec(text.slice(3));
  if (!closing) {
    return {
      problems: [
        {
          file,
          line: 1,
          message: say('unclosedFrontMatter'),
          fix: say('unclosedFrontMatterFix'),
        },
      ],
    };
  }

  // gray-matter splits front matter from body; the front matter itself is read
  // by `yaml`, which keeps every value's position so messages can name lines.
  const split = matter(text, { engines: { yaml: { parse: () => ({}), stringify: () => '' } } });
  const lineCounter = new LineCounter();
  // gray-matter's `matter` starts right after the opening "---", so its line 1
  // is the file's line 1 and positions need no shifting.
  const doc = parseDocument(split.matter ?? '', { lineCounter, uniqueKeys: true, prettyErrors: false });
  const bodyLine = text.slice(0, text.length - split.content.length).split('\n').length;

  if (doc.errors.length > 0) {
    // One mistake often trips several YAML errors on the same line: report the line once.
    const byLine = new Map<number, ContentProblem>();
    for (const error of doc.errors) {
      const line = lineCounter.linePos(error.pos[0]).line;
      if (!byLine.has(line)) byLine.set(line, yamlProblem(file, error.code, error.message, line));
    }
    return { problems: [...byLine.values()] };
  }
  if (doc.contents !== null && !isMap(doc.contents)) {
    return {
      problems: [
        {
          file,
          line: 2,
          message: say('notFields'),
          fix: say('notFieldsFix'),
        },
      ],
    };
  }
  const data = (doc.toJS() ?? {}) as Record<string, unknown>;
  return {
    source: {
      file,
      data,
      body: split.content,
      bodyLine,
      lineOf: (path) => lineOfPath(doc, lineCounter, path),
    },
  };
}

function lineOfPath(doc: Document, lineCounter: LineCounter, path: readonly (string | number)[]): number {
  for (let length = path.length; length > 0; length--) {
    // Scalars, lists and maps all carry their source range.
    const node = doc.getIn(path.slice(0, length), true) as { range?: [number, number, number] } | undefined;
    if (node?.range) return lineCounter.linePos(node.range[0]).line;
    // A field whose value is empty has no value node: use its key instead.
    if (length === 1 && isMap(doc.contents)) {
      const pair = doc.contents.items.find((item) => isScalar(item.key) && item.key.value === path[0]);
      const keyStart = isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
      if (keyStart !== undefined) return lineCounter.linePos(keyStart).line;
    }
  }
  return 1;
}

/** The YAML mistakes teachers make, told in their words (`messages.yaml.<code>`); anything else quotes the YAML library. */
const KNOWN_YAML_MISTAKES: ReadonlySet<YAMLError['code']> = new Set(['MISSING_CHAR', 'DUPLICATE_KEY', 'BLOCK_AS_IMPLICIT_KEY', 'MULTILINE_IMPLICIT_KEY', 'TAB_AS_INDENT', 'BAD_INDENT']);

function yamlProblem(file: string, code: YAMLError['code'], yamlMessage: string, line: number): ContentProblem {
  if (KNOWN_YAML_MISTAKES.has(code)) return { file, line, message: say(`yaml.${code}`), fix: say(`yaml.${code}Fix`) };
  const detail = yamlMessage.split(' at line')[0] ?? yamlMessage;
  return { file, line, message: say('yaml.other', { detail }), fix: say('yaml.otherFix') };
}

function lineOfFirstInvalidByte(bytes: Uint8Array): number {
  let line = 1;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte === 0x0a) line++;
    if (byte < 0x80) continue;
    // A valid multi-byte sequence: a lead byte and its continuation bytes.
    const length = byte >= 0xf0 && byte < 0xf5 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc2 && byte < 0xe0 ? 2 : 0;
    if (length === 0 || byte >= 0xf5) return line;
    try {
      utf8.decode(bytes.subarray(i, i + length));
    } catch {
      return line;
    }
    i += length - 1;
  }
  return line;
}
