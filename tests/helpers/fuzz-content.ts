/**
 * Generated content folders for the fuzz tests: any YAML value for every
 * field, unknown fields, YAML's special signs, control characters, huge and
 * empty strings, deep nesting, broken encodings, and folder layouts with every
 * kind of name, photo and symbolic link. Half of what is generated is close to
 * what a teacher writes, so that valid archives are made too and the site's
 * parts are built from them.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { lastSchoolYear } from '../../src/content/schema.ts';
import { blackPng } from './images.ts';

/** Characters no page may carry, and some that are fine but unusual. */
const CONTROL = ['\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b', '\u007f', '\u0085', '\u009f', '\ufffe', '\uffff'];
const UNUSUAL = ['\t', '\r', '\r\n', '\u00a0', '\u200b', '\u2028', '\u202e', '\ufeff', '😀', '👩‍🏫', '中文', 'ς', 'Ά', '΄', 'ʹ', '’'];

/** Fragments that mean something to YAML, Markdown or the archive. */
const FRAGMENTS = [
  '',
  ' ',
  ':',
  ': ',
  '- ',
  '#',
  '&a ',
  '*a',
  '!x ',
  '!!str ',
  '!!binary ',
  '@',
  '`',
  '%',
  '|',
  '>',
  '[',
  ']',
  '{',
  '}',
  ',',
  '?',
  '"',
  "'",
  '---',
  '...',
  '\\',
  '\\0',
  '\\x01',
  '\\u0000',
  '\\e',
  '\n',
  '\n  ',
  '<<: ',
  '__proto__',
  'constructor',
  'null',
  '~',
  'true',
  '0x1F',
  '1e400',
  '.nan',
  "Ε'",
  'Ε΄',
  'ΣΤ1',
  'Στ 1',
  'E1',
  "A'",
  'Ζ',
  'Λετονία',
  'Λετονια',
  'LV',
  'lv',
  'EL',
  'UK',
  'Latvija',
  'Ελλάδα',
  'GR',
  '2014-2015/cool-or-not-too-cool',
  '2015-2016/the-project',
  '0000-0001/x',
  'school@example.org',
  'not an email',
  '![alt](photo.png)',
  '![](photo.png)',
  '![a](file:///C:/x.jpg)',
  '[a](file:///x)',
  '[a](C:\\x.pdf)',
  '<file:///x>',
  '![a](https://example.org/a.jpg)',
  '![a](../x.png)',
  '![a](/abs.png)',
  '![a](data:image/png;base64,AAAA)',
  '[a](javascript:alert(1))',
  '<script>alert(1)</script>',
  '<img src=x>',
  '| a | b |\n|---|---|\n| ![c](photo.png) | d |',
  '```\ncode\n```',
  '> quote',
  '# Heading',
  '* * *',
  '[x]: file:///y',
];

const fragment = fc.constantFrom(...FRAGMENTS, ...CONTROL, ...UNUSUAL);

/** Any text: random characters of any code point, fragments that mean something, huge and empty. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.array(fragment, { maxLength: 8 }).map((parts) => parts.join('')) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', 'x'.repeat(70_000), 'Λ'.repeat(5000), '-'.repeat(3)) },
);

/** Any value YAML can hold: scalars, lists and maps, nested. */
const anyValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    anyText,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(anyText, tie('value'), { maxKeys: 3 }),
  ),
})).value;

const PROJECT_FIELDS = ['title', 'summary', 'classes', 'partners', 'continues', 'labels', 'link', 'outcomes'];
const SCHOOL_FIELDS = ['name', 'email'];
const fieldName = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...PROJECT_FIELDS, ...SCHOOL_FIELDS) },
  { weight: 1, arbitrary: fc.constantFrom('titel', 'Title', 'label', 'links', 'outcome', '__proto__', 'constructor', '', '- x', '"q"') },
  { weight: 1, arbitrary: anyText },
);

/** What a teacher writes: mostly valid values, some misspelt. */
const likely = {
  title: fc.constantFrom('The Scratch Project', 'Οι τέσσερις εποχές', '"Olympic Games: unite the world"', '1984', '=SUM(1+1)', '-', '@home', "'quoted'"),
  classes: fc.constantFrom("[Ε']", '[Δ2, Ε1]', "Ε', ΣΤ1", '\n  - Α\n  - ΣΤ2', '[E1, Ε1]', "[Ζ']", '[]', '[Στ 1, Β]'),
  partners: fc.constantFrom('[Ελλάδα, Λετονία]', 'GR, LV, it', '\n  - Latvia\n  - EL\n  - UK', '[Λετονία, LV]', '[Latvija]', '[Turkey, Holland, Αγγλία]'),
  continues: fc.constantFrom('2014-2015/cool-or-not-too-cool', '2015-2016/the-project', '2013-2014/nowhere', '2015-2016', ''),
  summary: fc.constantFrom('Pupils make games.', '"Two: sentences."', '', 'Ο μαθητής\u00a0γράφει.'),
  labels: fc.constantFrom('[national, european]', 'Εθνική Ετικέτα Ποιότητας', '[NQL, εθνική]', '[gold]', '[]', '\n  - european\n  - constructor'),
  link: fc.constantFrom(
    'https://school-education.ec.europa.eu/el/etwinning/projects/x',
    'http://twinspace.etwinning.net/1234/home',
    'javascript:alert(1)',
    'C:\\Users\\x.pdf',
    '[https://a.org]',
    'https://',
  ),
  outcomes: fc.constantFrom(
    '\n  - title: Our e-book\n    url: https://books.example.org/x',
    '\n  - https://a.org/x',
    '\n  - title: "a"\n    url: https://a.org/x\n  - title: b\n    url: https://a.org/x',
    '\n  - title: |\n      two\n      lines\n    url: file:///x',
    '\n  - __proto__: x\n    url: https://a.org',
    '[{title: x, link: https://a.org}]',
    '{title: x, url: https://a.org}',
  ),
  name: fc.constantFrom('14ο Δημοτικό Σχολείο Αχαρνών', '14th Primary School of Acharnes', ''),
  email: fc.constantFrom('school@example.org', 'not-an-email', ''),
} as const;

/** The front matter's text, in one of the ways it can be written or broken. */
const frontMatter = (fields: readonly string[]): fc.Arbitrary<string> =>
  fc.oneof(
    // As a teacher writes it.
    {
      weight: 6,
      arbitrary: fc
        .record(Object.fromEntries(fields.map((field) => [field, likely[field as keyof typeof likely]])), { requiredKeys: fields.slice(0, 1) })
        .map((record) =>
          Object.entries(record)
            .map(([key, value]) => `${key}: ${value}`)
            .join('\n'),
        ),
    },
    // Any YAML value for any field, written by the YAML library (always valid YAML).
    { weight: 3, arbitrary: fc.dictionary(fieldName, anyValue, { maxKeys: 6 }).map((data) => stringify(data, { lineWidth: 0 })) },
    // Lines of fragments: broken YAML, special signs, control characters.
    {
      weight: 3,
      arbitrary: fc
        .array(fc.tuple(fieldName, fc.array(fragment, { maxLength: 6 })), { maxLength: 6 })
        .map((lines) => lines.map(([key, parts]) => `${key}: ${parts.join('')}`).join('\n')),
    },
    // Aliases of aliases, and deep nesting.
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        `title: x\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]`,
        `title: ${'['.repeat(3000)}${']'.repeat(3000)}`,
        `classes: ${'{a: '.repeat(500)}1${'}'.repeat(500)}`,
        `title: x\npartners:\n${Array.from({ length: 200 }, (_, i) => `${' '.repeat(i * 2)}- `).join('\n')}GR`,
        'title: *Important* news',
        'title: &Co',
      ),
    },
  );

/** A Markdown body: text, photos, links, control characters. */
const body: fc.Arbitrary<string> = fc.array(fc.oneof(anyText, fragment), { maxLength: 8 }).map((parts) => parts.join('\n'));

export type Entry =
  /** A text file, written in UTF-8. */
  | { kind: 'text'; text: string }
  /** A file of any bytes (seldom UTF-8). */
  | { kind: 'bytes'; bytes: Uint8Array }
  /** A photo file, by name (its bytes are made when it is written: a counterexample stays readable). */
  | { kind: 'photo'; photo: keyof typeof PHOTOS }
  /** A symbolic link, to a path relative to the content folder. */
  | { kind: 'link'; to: string };

/** A file: front matter and body, or broken in one of the ways files are. */
const markdownFile = (fields: readonly string[]): fc.Arbitrary<Entry> =>
  fc.oneof(
    {
      weight: 10,
      arbitrary: fc.record({ matter: frontMatter(fields), body, bom: fc.boolean(), crlf: fc.boolean() }).map(({ matter, body: text, bom, crlf }): Entry => {
        const file = `${bom ? '\uFEFF' : ''}---\n${matter}\n---\n\n${text}\n`;
        return { kind: 'text', text: crlf ? file.replace(/\n/g, '\r\n') : file };
      }),
    },
    // No front matter, one never closed, an empty file, random bytes (seldom UTF-8).
    {
      weight: 1,
      arbitrary: fc.constantFrom('', 'Just text.\n', '---\ntitle: x\n', '---\n---\n', '--- \n...\n---\n').map((text): Entry => ({ kind: 'text', text })),
    },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((bytes): Entry => ({ kind: 'bytes', bytes })) },
  );

/** Photo files: a small real image, images too large to encode, and files that only look like one. */
const PHOTOS = {
  'small PNG': () => blackPng(8, 6),
  'PNG of 1,000,000 × 200': () => blackPng(1_000_000, 200),
  'PNG of 1,000 × 20,000': () => blackPng(1000, 20_000),
  'JPEG header only': () => Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]),
  'HEIC header': () => Buffer.from('\0\0\0\x18ftypheic\0\0\0\0', 'latin1'),
  text: () => Buffer.from('not a photo'),
  empty: () => Buffer.alloc(0),
};
const photo: fc.Arbitrary<Entry> = fc.constantFrom(...(Object.keys(PHOTOS) as (keyof typeof PHOTOS)[])).map((name): Entry => ({ kind: 'photo', photo: name }));

/** A content folder as a list of paths (relative to it) and what is there. */
export type Layout = Map<string, Entry>;

const schoolYear = (() => {
  const last = lastSchoolYear();
  return fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 2005, max: last }).map((start) => `${start}-${start + 1}`) },
    { weight: 1, arbitrary: fc.integer({ min: 1940, max: last + 3 }).map((start) => `${start}-${start + 1}`) },
    { weight: 1, arbitrary: fc.constantFrom('0000-0001', '2015-2017', '2015_2016', '15-16', 'notes', '.git', '2015-2016 ', 'Σχολικό έτος') },
  );
})();

const projectFolder = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[a-z0-9]{1,10}(-[a-z0-9]{1,10}){0,4}$/) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('the-project', 'cool-or-not-too-cool', 'x'.repeat(61), 'The Project', 'Ολυμπιακοί', '-a', 'a--b', '.hidden', 'index.el.md'),
  },
  { weight: 1, arbitrary: anyText },
);

const projectFileName = fc.constantFrom(
  'index.el.md',
  'index.en.md',
  'index.el.md',
  'index.en.md',
  'index.gr.md',
  'notes.md',
  'photo.png',
  'photo.jpg',
  'sub/photo.png',
  'README',
);

/** A name the file system can hold: no "/" or NUL, not "." or "..", at most 255 bytes. */
function usableName(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !/[/\0]/.test(name) && Buffer.byteLength(name) <= 255;
}

/** A whole content folder, of anything. */
const anyLayout: fc.Arbitrary<Layout> = fc
  .record({
    schoolEl: fc.option(markdownFile(SCHOOL_FIELDS), { nil: undefined, freq: 8 }),
    schoolEn: fc.option(markdownFile(SCHOOL_FIELDS), { nil: undefined, freq: 8 }),
    years: fc.array(
      fc.record({
        name: schoolYear,
        projects: fc.array(
          fc.record({
            name: projectFolder,
            files: fc.array(fc.tuple(projectFileName, fc.oneof(markdownFile(PROJECT_FIELDS), photo)), { maxLength: 5 }),
            link: fc.option(fc.constantFrom('index.en.md', 'photo.png'), { freq: 10 }),
          }),
          { maxLength: 3 },
        ),
        strayFile: fc.option(fc.constantFrom('notes.md', 'index.el.md', 'photo.jpg'), { freq: 8 }),
      }),
      { maxLength: 3 },
    ),
    linkedYear: fc.boolean(),
  })
  .map(({ schoolEl, schoolEn, years, linkedYear }) => {
    const layout: Layout = new Map();
    if (schoolEl) layout.set('school.el.md', schoolEl);
    if (schoolEn) layout.set('school.en.md', schoolEn);
    for (const year of years) {
      if (!usableName(year.name)) continue;
      if (year.strayFile) layout.set(`${year.name}/${year.strayFile}`, { kind: 'text', text: '---\ntitle: x\n---\n' });
      for (const project of year.projects) {
        if (!usableName(project.name)) continue;
        const folder = `${year.name}/${project.name}`;
        if ([...layout.keys()].some((known) => known === folder || folder.startsWith(`${known}/`))) continue;
        for (const [name, entry] of project.files) layout.set(`${folder}/${name}`, entry);
        if (project.files.length === 0) layout.set(`${folder}/.keep`, { kind: 'text', text: '' });
        if (project.link && !layout.has(`${folder}/${project.link}`)) layout.set(`${folder}/${project.link}`, { kind: 'link', to: 'school.el.md' });
      }
    }
    if (linkedYear && years[0] && usableName(years[0].name)) layout.set('1999-2000', { kind: 'link', to: years[0].name });
    return layout;
  });

/** Text that is not blank (which an empty field would be): mostly printable, sometimes anything. */
const someText = fc
  .oneof({ weight: 3, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }) }, { weight: 1, arbitrary: anyText })
  .filter((text) => text.trim() !== '');

const CLASSES = ["Α'", "Β'", "Γ'", "Δ'", "Ε'", "ΣΤ'", 'Δ2', 'Ε1', 'ΣΤ 2', 'A1', 'Στ3'];
const PARTNERS = ['Ελλάδα', 'LV', 'Italy', 'pt', 'Γαλλία', 'Turkey', 'es', 'PL', 'UK', 'Γερμανια'];

/** A project file that passes the check, mostly: its title may be any text, and its body any Markdown. */
const validProjectFile = (first: boolean): fc.Arbitrary<Entry> =>
  fc
    .record({
      title: fc.oneof({ weight: 3, arbitrary: likely.title.filter((title) => !title.startsWith('"')) }, { weight: 1, arbitrary: someText }),
      summary: fc.option(fc.oneof({ weight: 3, arbitrary: likely.summary.filter(Boolean) }, { weight: 1, arbitrary: someText }), { nil: undefined }),
      classes: fc.subarray(CLASSES, { minLength: 1, maxLength: 3 }),
      partners: fc.subarray(PARTNERS, { minLength: 1, maxLength: 4 }),
      body: fc.array(
        fc.oneof(
          { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
          {
            weight: 2,
            arbitrary: fc.constantFrom(
              '![Pupils at work](photo.png)',
              '**bold** and _em_',
              '[a site](https://example.org/?a=1&b=2)',
              '# Heading',
              '| a | b |\n|---|---|\n| c | d |',
              '<b>raw</b>',
              '&amp; &#0; &#x1; &#xFFFE;',
            ),
          },
          { weight: 1, arbitrary: someText },
        ),
        { maxLength: 4 },
      ),
    })
    .map(({ title, summary, classes, partners, body: parts }) => {
      const fields = first ? { title, summary, classes, partners } : { title, summary };
      return { kind: 'text', text: `---\n${stringify(fields, { lineWidth: 0 })}---\n\n${parts.join('\n\n')}\n` } satisfies Entry;
    });

/** A content folder close to a real one: a school, years and projects that pass the check unless a generated value does not. */
const likelyLayout: fc.Arbitrary<Layout> = fc
  .record({
    names: fc.tuple(likely.name.filter(Boolean), likely.name.filter(Boolean), fc.option(anyText, { nil: undefined })),
    // Mostly years the check accepts; any other four-digit year must be refused, or the open data must hold it.
    years: fc.uniqueArray(
      fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 1950, max: lastSchoolYear() }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 9998 }) }),
      {
        minLength: 1,
        maxLength: 3,
      },
    ),
    projects: fc.array(
      fc.record({
        slug: fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}$/),
        el: validProjectFile(true),
        en: fc.option(validProjectFile(false), { nil: undefined, freq: 4 }),
        photo: fc.boolean(),
      }),
      { minLength: 1, maxLength: 5 },
    ),
    broken: fc.option(fc.tuple(fc.nat(), markdownFile(PROJECT_FIELDS)), { nil: undefined, freq: 5 }),
  })
  .map(({ names: [el, en, other], years, projects, broken }) => {
    const layout: Layout = new Map();
    layout.set('school.el.md', { kind: 'text', text: `---\nname: ${el}\n---\n\n${other ?? 'Καλώς ήρθατε.'}\n` });
    layout.set('school.en.md', { kind: 'text', text: `---\nname: ${en}\nemail: school@example.org\n---\n\nWelcome.\n` });
    projects.forEach((project, index) => {
      const start = years[index % years.length]!;
      const folder = `${String(start).padStart(4, '0')}-${String(start + 1).padStart(4, '0')}/${project.slug}`;
      if (layout.has(`${folder}/index.el.md`)) return;
      layout.set(`${folder}/index.el.md`, project.el);
      if (project.en) layout.set(`${folder}/index.en.md`, project.en);
      if (project.photo) layout.set(`${folder}/photo.png`, { kind: 'photo', photo: 'small PNG' });
    });
    if (broken) {
      const files = [...layout.keys()].filter((file) => file.endsWith('.md'));
      layout.set(files[broken[0] % files.length]!, broken[1]);
    }
    return layout;
  });

/** A whole content folder: half close to a real one, half anything. */
export const contentLayout: fc.Arbitrary<Layout> = fc.oneof(likelyLayout, anyLayout);

/** Each photo file's bytes, made once. */
const madePhotos = new Map<keyof typeof PHOTOS, Uint8Array>();
function photoBytes(name: keyof typeof PHOTOS): Uint8Array {
  if (!madePhotos.has(name)) madePhotos.set(name, PHOTOS[name]());
  return madePhotos.get(name)!;
}

/** Writes a layout into an (empty) content folder. */
export function writeLayout(contentDir: string, layout: Layout): void {
  for (const [relative, entry] of layout) {
    const target = path.join(contentDir, relative);
    // A path that is also the folder of another entry, or inside a file, is left out.
    try {
      mkdirSync(path.dirname(target), { recursive: true });
      if (entry.kind === 'text') writeFileSync(target, entry.text, { flag: 'wx' });
      else if (entry.kind === 'bytes') writeFileSync(target, entry.bytes, { flag: 'wx' });
      else if (entry.kind === 'photo') writeFileSync(target, photoBytes(entry.photo), { flag: 'wx' });
      else symlinkSync(path.relative(path.dirname(target), path.join(contentDir, entry.to)), target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST' && code !== 'EISDIR' && code !== 'ENOTDIR') throw error;
    }
  }
}

/** fast-check's parameters from the environment: how many runs, and a case to replay. */
export function fuzzParameters(defaultRuns: number, runsVariable = 'FUZZ_RUNS'): fc.Parameters<unknown> {
  const runs = Number(process.env[runsVariable] ?? defaultRuns);
  return {
    numRuns: Number.isInteger(runs) && runs > 0 ? runs : defaultRuns,
    ...(process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {}),
    ...(process.env.FUZZ_PATH ? { path: process.env.FUZZ_PATH } : {}),
    // The failing case in full, with the seed and the path to replay it.
    verbose: 1,
  };
}
