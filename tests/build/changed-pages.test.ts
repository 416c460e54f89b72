/**
 * What `npm start` draws again after a save must include every page whose HTML
 * the save changed. Each field a teacher can write is changed in turn; the site
 * is rendered before and after with the real templates, and every page that
 * differs must be among the pages DrawnPages selects. A field added to the
 * content format without a case here fails the first test.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import Eleventy from '@11ty/eleventy';
import configure from '../../.eleventy.ts';
import { loadArchive } from '../../src/content/load.ts';
import type { Archive } from '../../src/content/model.ts';
import { PROJECT_FIELDS, SCHOOL_FIELDS } from '../../src/content/schema.ts';
import { DrawnPages } from '../../src/build/changed-pages.ts';
import { buildPages } from '../../src/site/pages.ts';
import { repoRoot, tempDir } from '../helpers/built-site.ts';
import { makeContentFixture, SCRATCH_EL, SCRATCH_EN, type ContentFixture } from '../helpers/content-fixture.ts';

const COOL_2015 = '2015-2016/cool-or-not-too-cool/index.el.md';
const OLYMPIC_EL = '2015-2016/olympic-games-unite-the-world/index.el.md';

/** Every page's HTML by URL, rendered by Eleventy with the project's configuration, nothing written. */
async function render(contentDir: string, archive: Archive): Promise<Map<string, string>> {
  const eleventy = new Eleventy('templates', tempDir('changed-pages'), {
    quietMode: true,
    config: (config) => configure(config, { contentDir, archive }),
  }) as unknown as { toJSON(): Promise<{ url: string; content: string }[]> };
  return new Map((await eleventy.toJSON()).map((page) => [page.url, page.content]));
}

async function load(contentDir: string): Promise<Archive> {
  const { archive, problems } = await loadArchive(contentDir);
  assert.deepEqual(problems, []);
  return archive!;
}

/** A change a teacher makes, and the field it changes. */
interface Edit {
  field: string;
  change(fixture: ContentFixture): void;
}

const EDITS: Edit[] = [
  { field: 'title (Greek file)', change: (f) => f.replace(SCRATCH_EL, 'title: "The Scratch Project"', 'title: "Το πρόγραμμα Scratch"') },
  { field: 'title (English file)', change: (f) => f.replace(SCRATCH_EN, 'title: "The Scratch Project"', 'title: "The Scratch Project 2016"') },
  { field: 'summary (Greek file)', change: (f) => f.replace(SCRATCH_EL, 'συνεργάτες από 12 χώρες."', 'συνεργάτες από δώδεκα χώρες."') },
  { field: 'summary (English file)', change: (f) => f.replace(SCRATCH_EN, 'partners from 12 countries."', 'partners from twelve countries."') },
  { field: 'classes', change: (f) => f.replace(SCRATCH_EL, `  - "Ε'"\n`, `  - "Ε'"\n  - "Β1"\n`) },
  { field: 'partners (one added)', change: (f) => f.replace(SCRATCH_EL, '  - "Ισπανία"\n', '  - "Ισπανία"\n  - "Μάλτα"\n') },
  { field: 'partners (reordered)', change: (f) => f.replace(SCRATCH_EL, '  - "Ελλάδα"\n  - "Λετονία"\n', '  - "Λετονία"\n  - "Ελλάδα"\n') },
  { field: 'continues (added)', change: (f) => f.replace(OLYMPIC_EL, 'summary:', 'continues: "2014-2015/4-seasons-in-europe"\nsummary:') },
  { field: 'continues (removed)', change: (f) => f.replace(COOL_2015, 'continues: "2014-2015/cool-or-not-too-cool"\n', '') },
  {
    field: 'labels (added)',
    change: (f) => f.replace(SCRATCH_EL, 'title: "The Scratch Project"', 'title: "The Scratch Project"\nlabels: [national, european]'),
  },
  {
    field: 'labels (another project, in its English file)',
    change: (f) => f.replace(COOL_2015.replace('.el.', '.en.'), 'summary:', 'labels: [National Quality Label]\nsummary:'),
  },
  {
    field: 'link (added)',
    change: (f) =>
      f.replace(
        SCRATCH_EN,
        'title: "The Scratch Project"',
        'title: "The Scratch Project"\nlink: https://school-education.ec.europa.eu/en/etwinning/projects/x',
      ),
  },
  {
    // The English page shows the Greek outcomes until its own file has some.
    field: 'outcomes (Greek file)',
    change: (f) =>
      f.replace(
        SCRATCH_EL,
        'title: "The Scratch Project"',
        'title: "The Scratch Project"\noutcomes:\n  - title: Τα παιχνίδια μας\n    url: https://games.example.org/x',
      ),
  },
  {
    field: 'outcomes (English file)',
    change: (f) =>
      f.replace(
        SCRATCH_EN,
        'title: "The Scratch Project"',
        'title: "The Scratch Project"\noutcomes:\n  - title: Our games\n    url: https://games.example.org/x',
      ),
  },
  { field: 'body (Greek file)', change: (f) => f.write(SCRATCH_EL, `${f.read(SCRATCH_EL)}\nΜία ακόμη παράγραφος.\n`) },
  { field: 'body (English file)', change: (f) => f.write(SCRATCH_EN, `${f.read(SCRATCH_EN)}\nOne more paragraph.\n`) },
  { field: 'translation removed', change: (f) => f.removeFile(SCRATCH_EN) },
  { field: 'school name', change: (f) => f.replace('school.en.md', 'name: "14th Primary School of Acharnes"', 'name: "The 14th Primary School of Acharnes"') },
  {
    field: 'school email',
    change: (f) => f.replace('school.el.md', 'name: "14ο Δημοτικό Σχολείο Αχαρνών"', 'name: "14ο Δημοτικό Σχολείο Αχαρνών"\nemail: "school@example.org"'),
  },
  { field: 'school introduction', change: (f) => f.write('school.en.md', `${f.read('school.en.md')}\nOne more sentence.\n`) },
];

describe('npm start draws again every page a save changes', () => {
  let base: ContentFixture;
  let baseArchive: Archive;
  let baseHtml: Map<string, string>;
  before(async () => {
    base = makeContentFixture();
    baseArchive = await load(base.contentDir);
    baseHtml = await render(base.contentDir, baseArchive);
  });
  after(() => base.remove());

  test('every field of the content format has its case here', () => {
    const covered = (field: string) => EDITS.some((edit) => edit.field === field || edit.field.startsWith(`${field} (`) || edit.field === `school ${field}`);
    for (const field of PROJECT_FIELDS) assert.ok(covered(field), `no case changes the project field "${field}"`);
    for (const field of SCHOOL_FIELDS) assert.ok(covered(field), `no case changes the school field "${field}"`);
    // The bundled school file has these lines, which the cases change.
    assert.match(readFileSync(path.join(repoRoot, 'content', 'school.en.md'), 'utf8'), /name: "14th Primary School of Acharnes"/);
  });

  for (const edit of EDITS) {
    test(edit.field, async () => {
      const fixture = makeContentFixture(base.contentDir);
      try {
        edit.change(fixture);
        const archive = await load(fixture.contentDir);
        const html = await render(fixture.contentDir, archive);
        const drawn = new DrawnPages();
        drawn.select(baseArchive, buildPages(baseArchive), true);
        const redrawn = new Set(drawn.select(archive, buildPages(archive), false).map((page) => page.url));
        const changed = [...html]
          .filter(([url, text]) => baseHtml.get(url) !== text && buildPages(archive).some((page) => page.url === url))
          .map(([url]) => url);
        assert.ok(changed.length > 0, 'the edit changes some page');
        for (const url of changed) assert.ok(redrawn.has(url), `${url} changed but is not drawn again`);
        // And not everything: an edit of one project leaves the pages of the school year 2012–2013 alone.
        if (!edit.field.startsWith('school')) assert.ok(!redrawn.has('/2012-2013/'), 'an unrelated year page is not drawn again');
      } finally {
        fixture.remove();
      }
    });
  }

  test('the pages read only the page data and the school, nothing else of the archive', () => {
    const folder = path.join(repoRoot, 'templates', '_includes');
    const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.njk'));
    for (const file of files) {
      const text = readFileSync(path.join(folder, file), 'utf8');
      const reads = [...text.matchAll(/(?<!["'\w.])archive\.(\w+)/g)].map((match) => match[1]);
      assert.deepEqual(
        [...new Set(reads)].filter((name) => name !== 'school'),
        [],
        `${file} reads the archive beyond its school`,
      );
    }
  });
});
