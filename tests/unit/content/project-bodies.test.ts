import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LoadCache } from '../../../src/content/load-cache.ts';
import type { Photo, PhotoProcessor } from '../../../src/content/photos.ts';
import { sayProblem } from '../../../src/content/problems.ts';
import { type ProjectBody, renderProjectBodies } from '../../../src/content/project-bodies.ts';
import { readSourceFile } from '../../../src/content/source-file.ts';

const FOLDER = '2015-2016/the-scratch-project';
const TREE: Photo = { absolute: '/archive/content/2015-2016/the-scratch-project/tree.jpg', file: `${FOLDER}/tree.jpg`, name: 'tree.jpg', projectId: FOLDER };

/** A language file's body that shows the tree with this alt text, waiting to be rendered. */
function body(cache: LoadCache, lang: 'el' | 'en', alt: string): ProjectBody {
  const file = `${FOLDER}/index.${lang}.md`;
  const read = readSourceFile(file, Buffer.from(`---\ntitle: Scratch\n---\nOur tree:\n\n![${alt}](tree.jpg)\n`));
  assert.ok('source' in read);
  const [reference] = cache.references(read.source);
  assert.ok(reference, 'the body shows a photo');
  return {
    version: { lang, title: 'Scratch', outcomes: [], html: '', file },
    source: read.source,
    photos: [{ reference, photo: { ...TREE } }],
  };
}

/** Encodes nothing: records what it is asked, and answers with the given reasons. */
function processor(unreadable: Record<string, string> = {}) {
  const prepared: string[][] = [];
  const fake: PhotoProcessor = {
    async prepare(photos) {
      prepared.push(photos.map((photo) => photo.name));
      return new Map(photos.filter((photo) => unreadable[photo.name]).map((photo) => [photo, unreadable[photo.name]!]));
    },
    picture: (photo, alt) => `<picture data-photo="${photo.name}" data-alt="${alt}"></picture>`,
  };
  return { fake, prepared };
}

describe("the projects' bodies, rendered once the archive has no mistakes", () => {
  test('without photo encoding (npm run check), a photo is a plain image', async () => {
    const cache = new LoadCache();
    const bodies = [body(cache, 'en', 'Our tree')];
    assert.deepEqual(await renderProjectBodies(bodies, undefined, cache), []);
    assert.match(bodies[0]!.version.html, /<p>Our tree:<\/p>/);
    assert.match(bodies[0]!.version.html, /<img src="tree.jpg" alt="Our tree">/);
  });

  test('a photo shown in both languages is encoded once, and shown with each language’s alt text', async () => {
    const cache = new LoadCache();
    const bodies = [body(cache, 'en', 'Our tree'), body(cache, 'el', 'Το δέντρο μας')];
    const { fake, prepared } = processor();
    assert.deepEqual(await renderProjectBodies(bodies, fake, cache), []);
    assert.deepEqual(prepared, [['tree.jpg']], 'one call, one photo');
    const html = Object.fromEntries(bodies.map((each) => [each.version.lang, each.version.html]));
    assert.match(html.el!, /<picture data-photo="tree.jpg" data-alt="Το δέντρο μας"><\/picture>/);
    assert.match(html.en!, /<picture data-photo="tree.jpg" data-alt="Our tree"><\/picture>/);
    assert.doesNotMatch(html.en!, /<img/);
  });

  test('a photo that cannot be encoded is one problem, at its first reference, and nothing is rendered', async () => {
    const cache = new LoadCache();
    const bodies = [body(cache, 'en', 'Our tree'), body(cache, 'el', 'Το δέντρο μας')];
    const problems = await renderProjectBodies(bodies, processor({ 'tree.jpg': 'it is cut short' }).fake, cache);
    assert.deepEqual(
      problems.map((problem) => {
        const said = sayProblem(problem, 'en');
        return `${said.file}:${said.line}: ${said.message}`;
      }),
      [`${FOLDER}/index.el.md:6: The photo "tree.jpg" cannot be read as an image: the file is damaged, or cut short (as an upload that stopped leaves it).`],
    );
    for (const each of bodies) assert.equal(each.version.html, '', `${each.version.file} is not rendered`);
  });
});
