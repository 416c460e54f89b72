/**
 * The web editor's configuration (Decap CMS) comes from the same schemas as the
 * content check: one source of truth. A field added to or removed from a schema
 * without the editor following fails here, and so does any field the editor
 * would write that the check refuses.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import {
  LANGUAGE_NEUTRAL_FIELDS,
  PROJECT_FIELDS,
  projectFrontMatter,
  REQUIRED_NEUTRAL_FIELDS,
  SCHOOL_FIELDS,
  schoolFrontMatter,
} from '../../../src/content/schema.ts';
import { DEFAULT_LANG, FOLDER_NAME_LANGUAGES, LANGUAGES } from '../../../src/i18n/languages.ts';
import { EDITOR_FORMAT, editorConfig, editorConfigYaml, editorSchoolYears, FOLDER_KEY, repositoryContentFolder } from '../../../src/editor/editor-config.ts';
import { editorContentSecurityPolicy } from '../../../src/editor/editor-csp.ts';
import { BODY_FIELD, SCHOOL_LANGUAGE_NEUTRAL_FIELDS, type EditorField } from '../../../src/editor/editor-fields.ts';
import { DEFAULT_LOCAL_BACKEND, editorCanSave, readEditorSettings } from '../../../src/editor/editor-settings.ts';
import { fillMissingPhrases, projectFolderName, readMarkdownFile, repairPlaceholders, writeMarkdownFile } from '../../../src/editor/editor-format.ts';
import { loadArchive } from '../../../src/content/load.ts';
import { formatProblem } from '../../../src/content/problems.ts';
import { bundledContent, makeContentFixture, SCRATCH_EL } from '../../helpers/content-fixture.ts';

interface Collection {
  name: string;
  folder?: string;
  path?: string;
  slug?: string;
  i18n?: boolean;
  format?: string;
  extension?: string;
  media_folder?: string;
  public_folder?: string;
  fields?: EditorField[];
  files?: { name: string; file: string; fields: EditorField[] }[];
}

const YEARS = ['2015-2016', '2014-2015'];
const settings = readEditorSettings({ CMS_REPOSITORY: 'school/etwinning' }, {});
const config = editorConfig({ settings, contentFolder: 'content', years: YEARS });
const collections = config.collections as Collection[];
const yearCollections = collections.filter((collection) => collection.folder !== undefined);
const school = collections.find((collection) => collection.name === 'school')!;

const frontMatterNames = (fields: readonly EditorField[]) => fields.map((field) => field.name).filter((name) => name !== BODY_FIELD);

describe('project fields: one source of truth with projectFrontMatter', () => {
  test('one collection per school year, in the year folder, one project folder per entry', () => {
    assert.deepEqual(
      yearCollections.map((collection) => collection.name),
      YEARS,
    );
    for (const collection of yearCollections) {
      assert.equal(collection.folder, `content/${collection.name}`);
      assert.equal(collection.path, '{{slug}}/index');
      assert.equal(collection.slug, `{{${FOLDER_KEY}}}`);
      assert.equal(collection.i18n, true);
      assert.equal(collection.format, EDITOR_FORMAT);
      assert.equal(collection.extension, 'md');
      // Photos go into the project's own folder and are referenced by file name.
      assert.equal(collection.media_folder, '');
      assert.equal(collection.public_folder, '');
    }
  });

  for (const collection of yearCollections) {
    test(`${collection.name}: every schema field is an editor field and every editor field is a schema field`, () => {
      assert.deepEqual(frontMatterNames(collection.fields!), [...PROJECT_FIELDS]);
      assert.deepEqual(Object.keys(projectFrontMatter.shape), PROJECT_FIELDS);
      assert.equal(collection.fields!.filter((field) => field.name === BODY_FIELD).length, 1, 'one Markdown body');
    });
  }

  test('language-neutral fields are edited once (i18n: false), the others in each language (i18n: true)', () => {
    for (const field of yearCollections[0]!.fields!) {
      const neutral = (LANGUAGE_NEUTRAL_FIELDS as readonly string[]).includes(field.name);
      assert.equal(field.i18n, !neutral, field.name);
    }
  });

  test('required in the editor: required by the schema, or a neutral field the content must have once', () => {
    for (const field of yearCollections[0]!.fields!) {
      if (field.name === BODY_FIELD) continue;
      const schema = projectFrontMatter.shape[field.name as keyof typeof projectFrontMatter.shape];
      const required = !schema.safeParse(undefined).success || (REQUIRED_NEUTRAL_FIELDS as readonly string[]).includes(field.name);
      assert.equal(field.required, required, field.name);
    }
  });

  test("lists are list widgets; continues carries the schema's pattern", () => {
    const fields = Object.fromEntries(yearCollections[0]!.fields!.map((field) => [field.name, field]));
    assert.equal(fields.classes!.widget, 'list');
    assert.equal(fields.partners!.widget, 'list');
    assert.equal(fields.title!.widget, 'string');
    assert.equal(fields[BODY_FIELD]!.widget, 'markdown');
    const pattern = new RegExp(fields.continues!.pattern![0]);
    assert.ok(pattern.test('2014-2015/cool-or-not-too-cool'));
    assert.ok(!pattern.test('2014-2015/Cool Or Not'));
    for (const field of Object.values(fields)) assert.ok(field.hint && /[α-ω]/.test(field.hint), `${field.name} has a Greek hint`);
  });

  test("labels are a choice of the schema's own values; link and each outcome's url carry the https pattern", () => {
    const fields = Object.fromEntries(yearCollections[0]!.fields!.map((field) => [field.name, field]));
    assert.equal(fields.labels!.widget, 'select');
    assert.equal(fields.labels!.multiple, true);
    assert.deepEqual(fields.labels!.options, [
      { label: 'Εθνική Ετικέτα Ποιότητας', value: 'national' },
      { label: 'Ευρωπαϊκή Ετικέτα Ποιότητας', value: 'european' },
    ]);
    const https = new RegExp(fields.link!.pattern![0]);
    assert.ok(https.test('https://school-education.ec.europa.eu/el/etwinning/projects/x'));
    for (const wrong of ['http://school-education.ec.europa.eu/x', 'javascript:alert(1)', 'C:\\x.pdf', 'www.etwinning.net'])
      assert.ok(!https.test(wrong), wrong);

    // A list of { title, url }: Decap's list widget with a field for each, in the list's language column.
    const outcomes = fields.outcomes!;
    assert.equal(outcomes.widget, 'list');
    assert.equal(outcomes.i18n, true);
    assert.deepEqual(
      outcomes.fields!.map(({ name, widget, required, i18n }) => ({ name, widget, required, i18n })),
      [
        { name: 'title', widget: 'string', required: true, i18n: true },
        { name: 'url', widget: 'string', required: true, i18n: true },
      ],
    );
    assert.equal(outcomes.fields![1]!.pattern![0], fields.link!.pattern![0]);
    assert.equal(outcomes.summary, '{{fields.title}}');
    for (const field of [...outcomes.fields!, outcomes]) assert.ok(field.label && field.hint && /[α-ω]/.test(field.hint), field.name);
  });
});

describe('school files: one source of truth with schoolFrontMatter', () => {
  test('one file per language, school.<lang>.md', () => {
    assert.deepEqual(
      school.files!.map((file) => file.file),
      LANGUAGES.map((lang) => `content/school.${lang}.md`),
    );
  });

  test("the default language's file has every school field; the others every field but the neutral ones", () => {
    for (const [index, lang] of LANGUAGES.entries()) {
      const names = frontMatterNames(school.files![index]!.fields);
      const expected =
        lang === DEFAULT_LANG ? [...SCHOOL_FIELDS] : SCHOOL_FIELDS.filter((name) => !(SCHOOL_LANGUAGE_NEUTRAL_FIELDS as readonly string[]).includes(name));
      assert.deepEqual(names, expected, lang);
      assert.deepEqual(Object.keys(schoolFrontMatter.shape), SCHOOL_FIELDS);
      for (const field of school.files![index]!.fields) {
        if (field.name === BODY_FIELD) continue;
        const optional = schoolFrontMatter.shape[field.name as keyof typeof schoolFrontMatter.shape].safeParse(undefined).success;
        assert.equal(field.required, !optional, `${lang}: ${field.name}`);
      }
    }
  });
});

describe('the whole configuration', () => {
  test('i18n: one file per language (multiple_files), the default language first and default', () => {
    assert.deepEqual(config.i18n, {
      structure: 'multiple_files',
      locales: [DEFAULT_LANG, ...LANGUAGES.filter((lang) => lang !== DEFAULT_LANG)],
      default_locale: DEFAULT_LANG,
    });
  });

  test('the YAML written to /admin/config.yml is the same object', () => {
    assert.deepEqual(parse(editorConfigYaml(config)), config);
  });

  test('the GitHub backend comes from the settings; local_backend only when built for local editing', () => {
    assert.deepEqual(
      {
        name: (config.backend as Record<string, unknown>).name,
        repo: (config.backend as Record<string, unknown>).repo,
        branch: (config.backend as Record<string, unknown>).branch,
      },
      { name: 'github', repo: 'school/etwinning', branch: 'main' },
    );
    assert.equal(config.local_backend, undefined);
    const local = editorConfig({ settings: readEditorSettings({ CMS_LOCAL_BACKEND: 'true' }, {}), contentFolder: 'content', years: YEARS });
    assert.deepEqual(local.local_backend, { url: DEFAULT_LOCAL_BACKEND });
  });
});

describe('settings: package.json, overridden by the environment', () => {
  test("package.json's etwinningArchive.editor", () => {
    const read = readEditorSettings({}, { repository: 'acharnes/etwinning', branch: 'published', authUrl: 'https://auth.example.org/' });
    assert.deepEqual(read, { repository: 'acharnes/etwinning', branch: 'published', apiRoot: 'https://api.github.com', authUrl: 'https://auth.example.org' });
    assert.ok(editorCanSave(read));
  });

  test("the environment wins; GitHub Actions' GITHUB_REPOSITORY is the last resort", () => {
    assert.equal(readEditorSettings({ CMS_REPOSITORY: 'a/b', GITHUB_REPOSITORY: 'c/d' }, { repository: 'e/f' }).repository, 'a/b');
    assert.equal(readEditorSettings({ GITHUB_REPOSITORY: 'c/d' }, { repository: 'e/f' }).repository, 'e/f');
    assert.equal(readEditorSettings({ GITHUB_REPOSITORY: 'c/d' }, { repository: '' }).repository, 'c/d');
    assert.equal(readEditorSettings({ CMS_BRANCH: 'draft' }, { branch: 'main' }).branch, 'draft');
  });

  test('nothing configured: the editor cannot save, and says so', () => {
    assert.equal(editorCanSave(readEditorSettings({}, {})), false);
    assert.throws(() => readEditorSettings({ CMS_REPOSITORY: 'not a repository' }, {}), /owner\/name/);
  });

  test('the bundled package.json has the editor settings', () => {
    const manifest = JSON.parse(readFileSync(path.join(bundledContent, '..', 'package.json'), 'utf8'));
    assert.equal(typeof manifest.etwinningArchive.editor, 'object');
    assert.equal(manifest.scripts.edit, 'node --import tsx src/cli/edit.ts');
  });

  test("the /admin/ page's CSP allows the backend's host and no other", () => {
    const github = editorContentSecurityPolicy(settings);
    assert.match(github, /connect-src 'self' https:\/\/api\.github\.com;/);
    const local = editorContentSecurityPolicy(readEditorSettings({ CMS_LOCAL_BACKEND: 'http://127.0.0.1:9999/api/v1' }, {}));
    assert.match(local, /connect-src 'self' http:\/\/127\.0\.0\.1:9999;/);
    for (const policy of [github, local]) {
      const hosts = policy.match(/https?:\/\/[^\s;]+/g) ?? [];
      assert.equal(hosts.length, 1, policy);
    }
  });
});

test("school years: the content's, the current one and the next, newest first", () => {
  assert.deepEqual(editorSchoolYears(['2015-2016', '2014-2015'], new Date(2026, 8, 1)), ['2027-2028', '2026-2027', '2015-2016', '2014-2015']);
  assert.deepEqual(editorSchoolYears(['2025-2026'], new Date(2026, 7, 31)), ['2026-2027', '2025-2026']);
});

test("the content folder's path in the repository", () => {
  assert.equal(repositoryContentFolder('content', '/repo'), 'content');
  assert.equal(repositoryContentFolder('/repo/archive/content', '/repo'), 'archive/content');
  assert.equal(repositoryContentFolder('/tmp/copy/content', '/repo'), 'content');
});

describe("the editor's file format", () => {
  const projectFiles = readdirSync(bundledContent, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.md'));

  test('every bundled file reads and writes back with the same front matter and text', () => {
    assert.ok(projectFiles.length > 10);
    for (const file of projectFiles) {
      const text = readFileSync(path.join(bundledContent, file), 'utf8');
      const data = readMarkdownFile(text);
      const written = writeMarkdownFile(data, Object.keys(data));
      assert.deepEqual(readMarkdownFile(written), data, file);
      assert.match(written, /^---\n[\s\S]*\n---\n/, file);
    }
  });

  test("empty values, empty list items and the editor's own keys are not written", () => {
    const written = writeMarkdownFile(
      { title: ' Title ', summary: '', classes: ["Ε'", '', ' ΣΤ1 '], partners: [], continues: null, [FOLDER_KEY]: 'title', body: '\nText\n\n' },
      ['title', 'summary', 'classes', 'partners', 'continues', 'body'],
    );
    assert.equal(written, "---\ntitle: Title\nclasses:\n  - Ε'\n  - ΣΤ1\n---\n\nText\n");
  });

  test('labels, link and outcomes are written as the check reads them; an outcome left empty is not written', async () => {
    const written = writeMarkdownFile(
      {
        title: 'The Scratch Project',
        labels: ['national', 'european'],
        link: ' https://school-education.ec.europa.eu/el/etwinning/projects/scratch ',
        outcomes: [
          { title: ' Τα παιχνίδια μας ', url: 'https://games.example.org/ours' },
          { title: '', url: '' },
        ],
        body: 'Κείμενο.',
      },
      ['title', 'labels', 'link', 'outcomes', 'body'],
    );
    assert.equal(
      written,
      '---\ntitle: The Scratch Project\nlabels:\n  - national\n  - european\nlink: https://school-education.ec.europa.eu/el/etwinning/projects/scratch\noutcomes:\n  - title: Τα παιχνίδια μας\n    url: https://games.example.org/ours\n---\n\nΚείμενο.\n',
    );
    assert.deepEqual(readMarkdownFile(written).outcomes, [{ title: 'Τα παιχνίδια μας', url: 'https://games.example.org/ours' }]);
    // The check reads it: the bundled project with this file as its Greek version loads without a problem.
    const fixture = makeContentFixture();
    try {
      const classes = "classes: [Ε']\npartners: [Ελλάδα]\n";
      fixture.write(SCRATCH_EL, written.replace('---\ntitle:', `---\n${classes}title:`));
      const { problems } = await loadArchive(fixture.contentDir);
      assert.deepEqual(
        problems.map((problem) => formatProblem(problem, 'en')),
        [],
      );
    } finally {
      fixture.remove();
    }
  });

  test('a byte order mark, Windows line ends and a file without text are read', () => {
    assert.deepEqual(readMarkdownFile('\uFEFF---\r\ntitle: A\r\n---\r\n\r\nText\r\n'), { title: 'A', body: 'Text\n' });
    assert.deepEqual(readMarkdownFile('---\ntitle: A\n---\n'), { title: 'A' });
  });

  test("a new project's folder: from the English title, else the Greek one transliterated (ELOT 743)", () => {
    assert.equal(projectFolderName({ el: 'Οι φίλοι μας', en: "Children's Games" }, FOLDER_NAME_LANGUAGES), 'children-s-games');
    assert.equal(projectFolderName({ el: 'Οι φίλοι μας στην Ευρώπη', en: '' }, FOLDER_NAME_LANGUAGES), 'oi-filoi-mas-stin-evropi');
    // As npm run new: a title without letters a web address can use gives way to the other one; long names are cut after a word.
    assert.equal(projectFolderName({ el: 'Οι φίλοι μας', en: '!!!' }, FOLDER_NAME_LANGUAGES), 'oi-filoi-mas');
    assert.equal(projectFolderName({ el: '🎉', en: '' }, FOLDER_NAME_LANGUAGES), '');
    assert.equal(projectFolderName({ en: 'Friends '.repeat(20) }, FOLDER_NAME_LANGUAGES), Array(7).fill('friends').join('-'));
  });

  test("the phrases Decap's Greek interface lacks are filled in, and its own are kept", () => {
    const missing = { editor: { editorWidgets: { list: { add: 'Προσθήκη: %{item}' } } } };
    assert.deepEqual(fillMissingPhrases({ editor: { editorWidgets: { image: { choose: 'Επιλέξτε' } } } }, missing), {
      editor: { editorWidgets: { image: { choose: 'Επιλέξτε' }, list: { add: 'Προσθήκη: %{item}' } } },
    });
    assert.deepEqual(fillMissingPhrases({ editor: { editorWidgets: { list: { add: 'Add %{item}' } } } }, missing), {
      editor: { editorWidgets: { list: { add: 'Add %{item}' } } },
    });
  });

  test("Decap's Greek interface gets its malformed placeholders back, so a failed save says why", () => {
    assert.deepEqual(
      repairPlaceholders(
        { toast: { onFailToPersist: 'Απέτυχε η αποθήκευση:% {Details}', ok: 'Το %{fieldLabel} λείπει' }, extra: 'x' },
        { toast: { onFailToPersist: 'Failed to persist entry: %{details}', ok: '%{fieldLabel} is required' } },
      ),
      { toast: { onFailToPersist: 'Απέτυχε η αποθήκευση:%{details}', ok: 'Το %{fieldLabel} λείπει' }, extra: 'x' },
    );
  });
});
