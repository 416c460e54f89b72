import matter from 'gray-matter';
import { isMap, isScalar, LineCounter, parseDocument, visit, type Document, type YAMLError } from 'yaml';
import { say } from './messages.ts';
import type { ContentProblem } from './problems.ts';
import { PROJECT_FIELDS, SCHOOL_FIELDS } from './schema.ts';

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
  /** Line of a field's name: a list or named values written below it begin on the next line. */
  lineOfName(field: string): number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a file's bytes into a SourceFile, or into the problems that stop it
 * being read: not UTF-8, no front matter, front matter that is not YAML.
 * A UTF-8 byte order mark and Windows line endings are normal input.
 */
export function readSourceFile(file: string, bytes: Uint8Array): { source: SourceFile } | { problems: ContentProblem[] } {
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

  // A file saved as UTF-16 without a byte order mark decodes as UTF-8 when it
  // holds only Latin letters, with a NUL after each: the encoding is the mistake.
  const nuls = text.split('\0').length - 1;
  if (nuls > 0 && nuls * 4 >= text.length) {
    return { problems: [{ file, line: 1, message: say('notUtf8'), fix: say('notUtf8Fix') }] };
  }
  const controls = controlCharacterProblems(file, text);
  if (controls.length > 0) return { problems: controls };

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
  // logLevel 'error': a map used as a field name is stringified (and then an
  // unknown field) without the library printing a warning of its own.
  const doc = parseDocument(split.matter ?? '', { lineCounter, uniqueKeys: true, prettyErrors: false, logLevel: 'error' });
  const bodyLine = text.slice(0, text.length - split.content.length).split('\n').length;

  // A value that starts with a sign often trips a YAML error too (`title: *Important* news`):
  // the sign is the mistake to tell.
  const signs = yamlSignProblems(file, split.matter ?? '', doc, lineCounter);
  if (doc.errors.length > 0 || signs.length > 0) {
    // Lists inside lists too deep for the reader (`title: [[[[…`): its other errors are echoes of it.
    const tooDeep = doc.errors.find((error) => error.code === 'RESOURCE_EXHAUSTION');
    if (tooDeep) return { problems: [tooDeepProblem(file, split.matter ?? '', tooDeep.pos[0], lineCounter)] };
    // One mistake often trips several YAML errors on the same line: report the line once.
    const byLine = new Map(signs.map((problem) => [problem.line!, problem]));
    for (const error of doc.errors) {
      const line = error.code === 'MULTIPLE_DOCS' ? documentMarkerLine(split.matter ?? '', error.pos[0]) : lineCounter.linePos(error.pos[0]).line;
      if (!byLine.has(line)) byLine.set(line, yamlProblem(file, error.code, error.message, line));
    }
    return { problems: [...byLine.values()].sort((a, b) => a.line! - b.line!) };
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
  const closingLine = text
    .slice(0, text.length - split.content.length)
    .trimEnd()
    .split('\n').length;
  const written = isMap(doc.contents) ? doc.contents.items.flatMap((pair) => (isScalar(pair.key) ? [String(pair.key.value)] : [])) : [];
  const early = earlyEndProblem(file, split.content, closingLine, new Set(written));
  if (early) return { problems: [early] };
  keepNumbersAsWritten(doc, split.matter ?? '');
  const data = (doc.toJS() ?? {}) as Record<string, unknown>;
  const lineOf = (path: readonly (string | number)[]) => lineOfPath(doc, lineCounter, path);
  const lineOfName = (field: string) => lineOfKey(doc, lineCounter, field) ?? lineOf([field]);
  // Double-quoted YAML can write a control character as an escape ("\0", "\x01").
  const escaped = escapedControlProblems(file, data, lineOf);
  if (escaped.length > 0) return { problems: escaped };
  return { source: { file, data, body: split.content, bodyLine, lineOf, lineOfName } };
}

/**
 * Characters that are invisible in an editor and that no page, feed or data
 * file may carry: the C0 controls except tab and line feed (a carriage return
 * is already a line ending), DEL, the C1 controls (U+0080 to U+009F, left by a
 * text converted twice between encodings) and the noncharacters U+FFFE and
 * U+FFFF. XML 1.0 forbids most of them (one NUL in a title made the Atom feed
 * unreadable) and the rest are never meant. Refused where a file is read, so
 * no value or body that reaches the site can hold one.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what it is for.
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFFFE\uFFFF]/;

/** The first control character of a text (see CONTROL_CHARACTER), as `U+0000`; undefined when it has none. */
export function controlCharacterIn(text: string): string | undefined {
  const found = CONTROL_CHARACTER.exec(text)?.[0];
  return found === undefined ? undefined : codePoint(found);
}

/** `U+0000`, as a character table names it. */
function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** One problem per line that holds a control character, naming the first one on it. */
function controlCharacterProblems(file: string, text: string): ContentProblem[] {
  if (!CONTROL_CHARACTER.test(text)) return [];
  return text.split('\n').flatMap((lineText, index) => {
    const found = CONTROL_CHARACTER.exec(lineText)?.[0];
    return found === undefined
      ? []
      : [{ file, line: index + 1, message: say('limits.controlCharacter', { code: codePoint(found) }), fix: say('limits.controlCharacterFix') }];
  });
}

/** Every field name and text value of the front matter, with its path, for the control character check. */
function escapedControlProblems(file: string, data: Record<string, unknown>, lineOf: SourceFile['lineOf']): ContentProblem[] {
  const byLine = new Map<number, ContentProblem>();
  const pending: { value: unknown; path: (string | number)[] }[] = [{ value: data, path: [] }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, path } = next;
    const texts: { text: string; path: (string | number)[] }[] = [];
    if (typeof value === 'string') texts.push({ text: value, path });
    else if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) pending.push({ value: item, path: [...path, index] });
    } else if (value !== null && typeof value === 'object' && !ArrayBuffer.isView(value)) {
      for (const [key, item] of Object.entries(value)) {
        texts.push({ text: key, path: [...path, key] });
        pending.push({ value: item, path: [...path, key] });
      }
    }
    for (const { text, path: at } of texts) {
      const found = CONTROL_CHARACTER.exec(text)?.[0];
      if (found === undefined) continue;
      const line = lineOf(at);
      if (!byLine.has(line)) {
        byLine.set(line, { file, line, message: say('limits.controlEscape', { code: codePoint(found) }), fix: say('limits.controlEscapeFix') });
      }
    }
  }
  return [...byLine.values()].sort((a, b) => a.line! - b.line!);
}

/**
 * YAML's anchors (`&name`), aliases (`*name`) and tags (`!name`) are refused:
 * teachers never need them, and they are what turns a mistake into something
 * else. A title written `*Important*` is an alias to nothing, `&Co` an anchor
 * on an empty value, `!New` a tag; and a few lines of aliases of aliases
 * ("billion laughs") expand into billions of values. Each is named on its line,
 * with the fix: the value in double quotes is plain text.
 */
function yamlSignProblems(file: string, yaml: string, doc: Document, lineCounter: LineCounter): ContentProblem[] {
  const byLine = new Map<number, ContentProblem>();
  const add = (sign: string, at: number) => {
    const line = lineCounter.linePos(Math.max(0, at)).line;
    if (!byLine.has(line)) byLine.set(line, { file, line, message: say('limits.yamlSign', { sign }), fix: say('limits.yamlSignFix') });
  };
  visit(doc, {
    Alias: (_key, node) => add('*', node.range?.[0] ?? 0),
    Node: (_key, node) => {
      // A node's range starts at its value; its anchor or tag is written before it, maybe on the line above.
      const start = node.range?.[0] ?? 0;
      if (node.anchor) add('&', yaml.lastIndexOf(`&${node.anchor}`, start));
      // `tag` is set only when one is written.
      if (node.tag) add('!', yaml.lastIndexOf('!', start));
    },
  });
  return [...byLine.values()].sort((a, b) => a.line! - b.line!);
}

function lineOfPath(doc: Document, lineCounter: LineCounter, path: readonly (string | number)[]): number {
  for (let length = path.length; length > 0; length--) {
    // Scalars, lists and maps all carry their source range.
    const node = doc.getIn(path.slice(0, length), true) as { range?: [number, number, number] } | undefined;
    if (node?.range) return lineCounter.linePos(node.range[0]).line;
    // A field whose value is empty has no value node: use its key instead.
    const keyLine = length === 1 ? lineOfKey(doc, lineCounter, path[0]!) : undefined;
    if (keyLine !== undefined) return keyLine;
  }
  return 1;
}

/** The line of a field's name, if the front matter has that field. */
function lineOfKey(doc: Document, lineCounter: LineCounter, field: string | number): number | undefined {
  if (!isMap(doc.contents)) return undefined;
  const pair = doc.contents.items.find((item) => isScalar(item.key) && item.key.value === field);
  const keyStart = isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
  return keyStart === undefined ? undefined : lineCounter.linePos(keyStart).line;
}

/** The YAML mistakes teachers make, told in their words (`messages.yaml.<code>`); anything else quotes the YAML library. */
const KNOWN_YAML_MISTAKES: ReadonlySet<YAMLError['code']> = new Set([
  'MISSING_CHAR',
  'DUPLICATE_KEY',
  'BLOCK_AS_IMPLICIT_KEY',
  'MULTILINE_IMPLICIT_KEY',
  'TAB_AS_INDENT',
  'BAD_INDENT',
  // `...` (YAML's end of a document) or `--- ` with text after it, inside the front matter.
  'MULTIPLE_DOCS',
]);

/**
 * `title: [[[[…` ten thousand times, or lists indented under lists as deep:
 * the YAML reader runs out of room (its RESOURCE_EXHAUSTION). No field holds
 * more than a list of items, so it is a mistake, told on the line of the field
 * it is in (the error's own position is where the reader gave up, maybe
 * thousands of lines further down).
 */
function tooDeepProblem(file: string, yaml: string, at: number, lineCounter: LineCounter): ContentProblem {
  const lines = yaml.slice(0, at).split('\n');
  // The last line before the error that starts a field (not indented, not a list item or a comment).
  let index = lines.length - 1;
  while (index > 0 && !/^[^\s#-]/.test(lines[index]!)) index--;
  const field = /^([^:\s[\]{}]+):/.exec(lines[index]!)?.[1];
  const line = index > 0 || /^[^\s#-]/.test(lines[0]!) ? index + 1 : lineCounter.linePos(at).line;
  return { file, line, ...(field ? { field } : {}), message: say('limits.tooDeep'), fix: say('limits.tooDeepFix') };
}

/** Every field name of the archive's files, to tell fields written below an early "---" from a text. */
const FIELD_NAMES: ReadonlySet<string> = new Set([...PROJECT_FIELDS, ...SCHOOL_FIELDS]);

/**
 * A "---" line in the middle of the fields (a second document, to YAML) ends
 * the front matter there: the fields below it would be published as the
 * text, and the check would say they are missing. Told only when what follows
 * that line, up to the next "---" line, can be nothing but fields: lines with
 * no blank line among them (a text's paragraphs are separated by blank lines,
 * fields are not), read by YAML as a map whose names are all fields of the
 * archive. So a text that begins `summary: what we did…` or `link: https://…`
 * and has a horizontal rule further down stays a text: refusing it would be an
 * error with no way around it, while a missed stray "---" is still caught as
 * missing fields.
 */
function earlyEndProblem(file: string, body: string, closingLine: number, written: ReadonlySet<string>): ContentProblem | undefined {
  const lines = body.split('\n');
  const next = lines.findIndex((line) => /^---[ \t]*$/.test(line));
  if (next <= 0) return undefined;
  // Blank lines right after the stray "---" are allowed when two fields or more follow; one line before a "---" is a heading's underline.
  const first = lines.findIndex((line) => line.trim() !== '');
  const between = lines.slice(first, next);
  if (first > 0 && between.length < 2) return undefined;
  // The "---" line itself may carry the first field (`--- partners: [LV]`).
  const name = /^\s*([A-Za-z]+):(?:\s|$)/.exec(between[0] ?? '')?.[1];
  if (name === undefined || between.some((line) => line.trim() === '')) return undefined;
  const fields = parseDocument([between[0]!.trimStart(), ...between.slice(1)].join('\n'), { prettyErrors: false, logLevel: 'silent' });
  if (fields.errors.length > 0 || fields.warnings.length > 0 || !isMap(fields.contents)) return undefined;
  const names = fields.contents.items.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : ''));
  // A field already written above cannot be one the stray line cut off (YAML refuses a name twice): this is text.
  if (!names.every((each) => FIELD_NAMES.has(each) && !written.has(each))) return undefined;
  return { file, line: closingLine, message: say('yaml.earlyEnd', { field: name }), fix: say('yaml.earlyEndFix') };
}

/**
 * The line of the `...` or `--- ` that ends the front matter's fields early:
 * YAML names where the next document begins, which is the line after a `...`.
 */
function documentMarkerLine(yaml: string, at: number): number {
  const lines = yaml.slice(0, at + 1).split('\n');
  let index = lines.length - 1;
  while (index > 0 && !/^(?:\.\.\.|---)(?:\s|$)/.test(lines[index]!)) index--;
  return index + 1;
}

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

/**
 * Every front matter field is text, so a value YAML reads as a number keeps
 * the characters the teacher typed: `title: 007` is the title "007", not 7,
 * and `1.50`, `1e3` or `0x1F` stay as written.
 */
function keepNumbersAsWritten(doc: Document, matter: string): void {
  visit(doc, {
    Scalar(key, node) {
      if (key === 'key' || typeof node.value !== 'number' || !node.range) return;
      node.value = matter.slice(node.range[0], node.range[1]);
    },
  });
}
