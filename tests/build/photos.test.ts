/**
 * Project photos, through the real command line: the bundled example photos
 * become responsive pictures in both languages (also under --path-prefix);
 * each mistake in a photo reference stops the build with a message that names
 * the file and the line; no metadata (GPS above all) reaches the site; and a
 * rebuild takes the encoded photos from the cache instead of encoding again.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse, type HTMLElement } from 'node-html-parser';
import sharp from 'sharp';
import { PHOTO_SIZES } from '../../src/build/photo-encoder.ts';
import {
  makeContentFixture,
  makeTempDir,
  runBuild,
  runCheck,
  SCRATCH,
  SCRATCH_EL,
  SCRATCH_EN,
  snapshotFolder,
  type CliResult,
  type ContentFixture,
} from '../helpers/content-fixture.ts';

/** The example photos' alt texts, as the content files write them. */
const ALT = {
  el: {
    blocks: 'Σχέδιο: πολύχρωμα τουβλάκια προγραμματισμού κουμπωμένα το ένα κάτω από το άλλο, και ένα ακόμη τουβλάκι δίπλα τους',
    screen: 'Σχέδιο: οθόνη φορητού υπολογιστή με πλέγμα, όπου ένα βέλος έχει σχεδιάσει τρεις πλευρές ενός τετραγώνου και γυρίζει στην αφετηρία',
  },
  en: {
    blocks: 'Drawing: coloured programming blocks snapped together one below the other, with one more block lying beside them',
    screen: 'Drawing: a laptop screen with a grid, on which an arrow has drawn three sides of a square and is heading back to where it started',
  },
} as const;

const PAGES = [
  { lang: 'el', url: `/${SCRATCH}/` },
  { lang: 'en', url: `/en/${SCRATCH}/` },
] as const;

/** The temporary folders of this file, removed at the end. */
const temps: { remove(): void }[] = [];
const temp = (prefix: string) => {
  const made = makeTempDir(prefix);
  temps.push(made);
  return made.dir;
};
const fixture = (): ContentFixture => {
  const made = makeContentFixture();
  temps.push(made);
  return made;
};
after(() => {
  for (const each of temps) each.remove();
});

/** Builds with its own photo cache (the variable is passed on to the command). */
function build(args: string[], cacheDir: string): CliResult {
  process.env.PHOTOS_CACHE = cacheDir;
  return runBuild(args);
}

function page(site: string, url: string): HTMLElement {
  return parse(readFileSync(path.join(site, url, 'index.html'), 'utf8'));
}

/** Every URL and width of a srcset. */
function srcset(value: string | undefined): { url: string; width: number }[] {
  return (value ?? '').split(', ').map((entry) => {
    const [url, descriptor] = entry.split(' ') as [string, string];
    return { url, width: Number(descriptor.replace(/w$/, '')) };
  });
}

/** Files of a folder with their modification time and inode, to tell whether anything was written again. */
function fileTimes(folder: string): Map<string, string> {
  const times = new Map<string, string>();
  for (const name of readdirSync(folder, { recursive: true, encoding: 'utf8' }).sort()) {
    const file = path.join(folder, name);
    const info = statSync(file);
    if (info.isFile()) times.set(name, `${info.mtimeMs} ${info.ino}`);
  }
  return times;
}

describe('the example photos of the bundled archive', () => {
  const cache = path.join(temp('etwinning-photo-cache-'), 'photos');
  const site = path.join(temp('etwinning-photos-'), 'site');
  let content: ContentFixture;
  let first: CliResult;
  let cacheAfterFirstBuild: Map<string, string>;

  before(() => {
    content = fixture();
    first = build(['--content', content.contentArg, '--output', site], cache);
    assert.equal(first.status, 0, first.stderr);
    cacheAfterFirstBuild = fileTimes(cache);
  });

  test('are shown as <picture> with AVIF, WebP and JPEG, their size, lazy loading and the alt text of each language', async () => {
    for (const { lang, url } of PAGES) {
      const pictures = page(site, url).querySelectorAll('article .body picture');
      assert.equal(pictures.length, 2, `${url} shows the two photos`);
      for (const [index, picture] of pictures.entries()) {
        const sources = picture.querySelectorAll('source');
        assert.deepEqual(
          sources.map((source) => source.getAttribute('type')),
          ['image/avif', 'image/webp'],
        );
        const img = picture.querySelector('img')!;
        assert.equal(img.getAttribute('alt'), index === 0 ? ALT[lang].blocks : ALT[lang].screen);
        assert.equal(img.getAttribute('width'), '1600');
        assert.equal(img.getAttribute('height'), '1067');
        assert.equal(img.getAttribute('loading'), 'lazy');
        assert.equal(img.getAttribute('decoding'), 'async');
        assert.equal(img.getAttribute('sizes'), PHOTO_SIZES);
        assert.match(img.getAttribute('src')!, /^\/photos\/2015-2016\/the-scratch-project\/(programming-blocks|square-on-screen)-[0-9a-f]{8}-480\.jpeg$/);

        const formats = [...sources, img].map((element) => ({ element, format: /image\/(\w+)/.exec(element.getAttribute('type') ?? 'image/jpeg')![1]! }));
        for (const { element, format } of formats) {
          assert.equal(element.getAttribute('sizes'), PHOTO_SIZES);
          const entries = srcset(element.getAttribute('srcset'));
          assert.deepEqual(
            entries.map((entry) => entry.width),
            [480, 960, 1600],
            `${format} in three widths`,
          );
          for (const { url: file, width } of entries) {
            assert.ok(file.endsWith(`-${width}.${format}`), file);
            const bytes = readFileSync(path.join(site, file));
            const metadata = await sharp(bytes).metadata();
            assert.equal(metadata.format === 'heif' ? 'avif' : metadata.format, format, `${file} is ${format}`);
            assert.equal(metadata.width, width, file);
            assert.equal(metadata.height, Math.floor((width * 1067) / 1600), file);
          }
        }
      }
    }
  });

  test('are published only as the encoded files, never as the originals', () => {
    const published = readdirSync(path.join(site, 'photos', SCRATCH)).sort();
    assert.equal(published.length, 2 * 3 * 3, 'two photos, three formats, three widths');
    assert.ok(
      published.every((name) => /^(programming-blocks|square-on-screen)-[0-9a-f]{8}-(480|960|1600)\.(avif|webp|jpeg)$/.test(name)),
      published.join(', '),
    );
    assert.ok(!existsSync(path.join(site, SCRATCH, 'programming-blocks.jpg')));
  });

  test('carry the path prefix in src and srcset under --path-prefix, and the files are there', () => {
    const prefixed = path.join(temp('etwinning-photos-prefixed-'), 'site');
    const result = build(['--content', content.contentArg, '--output', prefixed, '--path-prefix', '/etwinning/'], cache);
    assert.equal(result.status, 0, result.stderr);
    for (const { url } of PAGES) {
      const pictures = page(prefixed, url).querySelectorAll('article .body picture');
      assert.equal(pictures.length, 2);
      for (const element of pictures.flatMap((picture) => picture.querySelectorAll('source, img'))) {
        const urls = srcset(element.getAttribute('srcset')).map((entry) => entry.url);
        if (element.tagName === 'IMG') urls.push(element.getAttribute('src')!);
        for (const target of urls) {
          assert.ok(target.startsWith('/etwinning/photos/'), `${url}: ${target} lacks the prefix`);
          assert.ok(existsSync(path.join(prefixed, target.slice('/etwinning'.length))), `${url}: ${target} does not exist`);
        }
      }
    }
  });

  test('are encoded by the first build and taken from the cache by the next ones, which encode nothing', () => {
    assert.match(first.stdout, new RegExp(`^Photos: 2 \\(2 encoded, 0 already encoded in ${escapeRegExp(cache)}/\\)\\.$`, 'm'));
    const again = path.join(temp('etwinning-photos-again-'), 'site');
    const result = build(['--content', content.contentArg, '--output', again], cache);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, new RegExp(`^Photos: 2 \\(0 encoded, 2 already encoded in ${escapeRegExp(cache)}/\\)\\.$`, 'm'));
    // Not one file of the cache was written again, and the photos are the same.
    assert.deepEqual(fileTimes(cache), cacheAfterFirstBuild);
    const photos = (folder: string) => snapshotFolder(path.join(folder, 'photos'));
    assert.deepEqual(photos(again), photos(site));
  });
});

describe('mistakes in photo references stop the build with the file and the line', () => {
  const cache = path.join(temp('etwinning-photo-cache-'), 'photos');
  const output = path.join(temp('etwinning-photo-output-'), 'site');
  let goodSite: Map<string, string>;

  before(() => {
    const result = build(['--content', fixture().contentArg, '--output', output], cache);
    assert.equal(result.status, 0, result.stderr);
    goodSite = snapshotFolder(output);
  });

  /** Builds a fixture that has exactly one mistake; checks the failure and returns the reported problem's two lines. */
  function oneProblem(content: ContentFixture): { main: string; fix: string } {
    const result = build(['--content', content.contentArg, '--output', output], cache);
    assert.equal(result.status, 1, `exit code 1; stderr:\n${result.stderr}`);
    assert.equal(result.stdout, '');
    assert.doesNotMatch(result.stderr, /\n\s+at |Error:/, 'no stack trace');
    assert.deepEqual(snapshotFolder(output), goodSite, 'the previous output folder is exactly as it was');
    const [main, fix, empty, summary, end] = result.stderr.split('\n');
    assert.deepEqual([empty, summary, end], ['', `1 error in 1 file. Nothing was built; ${output} is unchanged.`, '']);
    assert.ok(fix?.startsWith('    Fix: '), fix);
    // `npm run check` finds the same mistake without encoding anything (and may also warn that the copy has no git history).
    const check = runCheck(['--content', content.contentArg]);
    assert.equal(check.status, 1);
    assert.ok(check.stderr.startsWith(`${main}\n${fix}\n\n`), check.stderr);
    assert.match(check.stderr, /\n1 error in 1 file[.,]/);
    return { main: main!, fix: fix!.slice('    Fix: '.length) };
  }

  /** Replaces the reference to programming-blocks.jpg in a file; returns its line. */
  function changeReference(content: ContentFixture, file: string, to: string): number {
    const alt = file === SCRATCH_EL ? ALT.el.blocks : ALT.en.blocks;
    content.replace(file, `![${alt}](programming-blocks.jpg)`, to);
    return content.lineOf(file, to);
  }

  test('a photo without alt text, with an example in the language of the file', () => {
    const content = fixture();
    const line = changeReference(content, SCRATCH_EL, '![](programming-blocks.jpg)');
    assert.equal(line, 25);
    assert.deepEqual(oneProblem(content), {
      main: `${content.shown(SCRATCH_EL)}:${line}: The photo "programming-blocks.jpg" has no alt text, so a visitor who cannot see it would not know what it shows.`,
      fix: 'Describe the photo between the square brackets, in the language of this file, e.g. ![Οι μαθητές παρουσιάζουν το έργο τους](programming-blocks.jpg)',
    });
  });

  test('alt text of spaces only is no alt text, also in the English file', () => {
    const content = fixture();
    const line = changeReference(content, SCRATCH_EN, 'Blocks: ![   ](programming-blocks.jpg)');
    assert.deepEqual(oneProblem(content), {
      main: `${content.shown(SCRATCH_EN)}:${line}: The photo "programming-blocks.jpg" has no alt text, so a visitor who cannot see it would not know what it shows.`,
      fix: 'Describe the photo between the square brackets, in the language of this file, e.g. ![The pupils present their work](programming-blocks.jpg)',
    });
  });

  test('in Greek with --lang el, and the example still in the language of the file', () => {
    const content = fixture();
    const line = changeReference(content, SCRATCH_EN, '![](programming-blocks.jpg)');
    const check = runCheck(['--content', content.contentArg, '--lang', 'el']);
    assert.equal(check.status, 1, check.stderr);
    assert.ok(
      check.stderr.startsWith(
        `${content.shown(SCRATCH_EN)}:${line}: Η φωτογραφία «programming-blocks.jpg» δεν έχει εναλλακτικό κείμενο, ` +
          'οπότε ένας επισκέπτης που δεν μπορεί να τη δει δεν θα ήξερε τι δείχνει.\n' +
          '    Διόρθωση: Περιγράψτε τη φωτογραφία ανάμεσα στις αγκύλες [ ], στη γλώσσα αυτού του αρχείου, ' +
          'π.χ. ![The pupils present their work](programming-blocks.jpg)\n\n',
      ),
      check.stderr,
    );
    assert.match(check.stderr, /\n1 λάθος σε 1 αρχείο[.,]/);
  });

  test("a photo outside the project's folder", () => {
    const content = fixture();
    const line = changeReference(content, SCRATCH_EL, '![Τουβλάκια](../x.jpg)');
    assert.deepEqual(oneProblem(content), {
      main: `${content.shown(SCRATCH_EL)}:${line}: The photo "../x.jpg" is outside the project's folder, so it would not be published with the project.`,
      fix: `Copy the photo into ${content.shown(SCRATCH)}/ and write only its name: ![Τουβλάκια](x.jpg)`,
    });
  });

  test('a photo written as an absolute path', () => {
    const content = fixture();
    const line = changeReference(content, SCRATCH_EL, '![Τουβλάκια](/x.jpg)');
    assert.deepEqual(oneProblem(content), {
      main: `${content.shown(SCRATCH_EL)}:${line}: The photo "/x.jpg" is written as a path on a computer; a photo is found by its name in the project's folder.`,
      fix: `Copy the photo into ${content.shown(SCRATCH)}/ and write only its name: ![Τουβλάκια](x.jpg)`,
    });
  });

  test('a photo on another website, which is a privacy problem', () => {
    const content = fixture();
    const line = changeReference(content, SCRATCH_EN, '![Blocks](https://example.org/pictures/x.jpg)');
    assert.deepEqual(oneProblem(content), {
      main:
        `${content.shown(SCRATCH_EN)}:${line}: The photo "https://example.org/pictures/x.jpg" is on another website: every visitor's browser would ask ` +
        "that site for it, telling it who reads the page (a privacy problem), and the site's pages may load images only from the site itself.",
      fix: `If the school may publish it, copy the photo into ${content.shown(SCRATCH)}/ and write only its name: ![Blocks](x.jpg)`,
    });
  });

  test('a photo that is not in the folder, with the name it most likely means', () => {
    const content = fixture();
    const line = changeReference(content, SCRATCH_EL, '![Τουβλάκια](Programming-Blocks.JPG)');
    assert.deepEqual(oneProblem(content), {
      main: `${content.shown(SCRATCH_EL)}:${line}: The photo "Programming-Blocks.JPG" is not in ${content.shown(SCRATCH)}/.`,
      fix: 'Did you mean "programming-blocks.jpg"? The name must match exactly, capitals included.',
    });
    const other = fixture();
    const otherLine = changeReference(other, SCRATCH_EL, '![Τουβλάκια](photo-7.jpg)');
    assert.deepEqual(oneProblem(other), {
      main: `${other.shown(SCRATCH_EL)}:${otherLine}: The photo "photo-7.jpg" is not in ${other.shown(SCRATCH)}/.`,
      fix: `Put the photo in ${other.shown(SCRATCH)}/, or correct its name; the photos there are: programming-blocks.jpg, square-on-screen.jpg.`,
    });
  });

  test('an iPhone photo (HEIC) renamed to .jpg is found out before anything is encoded', () => {
    const content = fixture();
    // The first bytes of a HEIC file: a box "ftyp" with the brand "heic".
    content.write(`${SCRATCH}/programming-blocks.jpg`, Buffer.from('\0\0\0\x18ftypheic\0\0\0\0mif1heic', 'latin1'));
    const line = content.lineOf(SCRATCH_EL, '](programming-blocks.jpg)');
    const problems = build(['--content', content.contentArg, '--output', output], cache).stderr.split('\n\n');
    assert.equal(problems.length, 3, 'one problem in each file, and the summary');
    assert.equal(
      problems[0],
      `${content.shown(SCRATCH_EL)}:${line}: The photo "programming-blocks.jpg" is a HEIC file, which the site cannot show as a photo.\n` +
        '    Fix: Open it in an image editor and save it as JPEG (on a phone: share or export it as JPEG), then write its name: ' +
        `![${ALT.el.blocks}](programming-blocks.jpg)`,
    );
  });

  test('a photo cut short after its header (an upload that stopped) is found by the check as by the build, which encodes nothing', () => {
    const content = fixture();
    const jpeg = readFileSync(content.abs(`${SCRATCH}/programming-blocks.jpg`));
    content.write(`${SCRATCH}/programming-blocks.jpg`, jpeg.subarray(0, Math.floor(jpeg.length / 2)));
    const checkCache = path.join(temp('etwinning-photo-check-'), 'never');
    process.env.PHOTOS_CACHE = checkCache;
    const check = runCheck(['--content', content.contentArg]);
    assert.equal(check.status, 1, check.stderr);
    assert.ok(!existsSync(checkCache), 'the check does not encode');
    const build = runBuildOf(content);
    assert.equal(build.status, 1, build.stderr);
    const errors = (stderr: string) => stderr.split('\n\n').filter((block) => block.includes('\n    Fix: ') && !block.includes(': warning: '));
    assert.deepEqual(errors(check.stderr), errors(build.stderr), 'the check says what the build says');
    assert.match(
      errors(build.stderr)[0]!,
      new RegExp(
        `^${escapeRegExp(content.shown(SCRATCH_EL))}:${content.lineOf(SCRATCH_EL, '](programming-blocks.jpg)')}: The photo "programming-blocks.jpg" cannot be read as an image: the file is damaged, or cut short \\(as an upload that stopped leaves it\\)\\.\n    Fix: Open it in an image editor and save it again as JPEG, or replace it with another copy of the photo\\.$`,
      ),
    );
  });

  test('a photo whose header cannot be read is found by the check as by the build, at each reference', () => {
    const content = fixture();
    const jpeg = readFileSync(content.abs(`${SCRATCH}/programming-blocks.jpg`));
    content.write(`${SCRATCH}/programming-blocks.jpg`, jpeg.subarray(0, 40));
    const build = runBuildOf(content);
    assert.equal(build.status, 1, build.stderr);
    assert.doesNotMatch(build.stderr, /\n\s+at |Error:/, 'no stack trace');
    assert.deepEqual(snapshotFolder(output), goodSite, 'the previous output folder is exactly as it was');
    const check = runCheck(['--content', content.contentArg]);
    assert.equal(check.status, 1, check.stderr);
    const errors = (stderr: string) => stderr.split('\n\n').filter((block) => block.includes('\n    Fix: ') && !block.includes(': warning: '));
    assert.deepEqual(errors(check.stderr), errors(build.stderr));
    assert.deepEqual(
      errors(build.stderr).map((block) => block.split(': The photo')[0]),
      [
        `${content.shown(SCRATCH_EL)}:${content.lineOf(SCRATCH_EL, '](programming-blocks.jpg)')}`,
        `${content.shown(SCRATCH_EN)}:${content.lineOf(SCRATCH_EN, '](programming-blocks.jpg)')}`,
      ],
    );
    assert.match(
      build.stderr,
      /The photo "programming-blocks\.jpg" cannot be read as an image: the file is damaged, or cut short \(as an upload that stopped leaves it\)\./,
    );
  });

  test("a photo in the school's introduction", () => {
    const content = fixture();
    content.write('school.el.md', `${content.read('school.el.md')}\n![Το σχολείο](school.jpg)\n`);
    const line = content.lineOf('school.el.md', '![Το σχολείο]');
    assert.deepEqual(oneProblem(content), {
      main: `${content.shown('school.el.md')}:${line}: Photos can be shown only on project pages, not in the school's introduction ("school.jpg").`,
      fix: "Remove the photo from this file; put it in a project's folder and that project's text instead.",
    });
  });

  function runBuildOf(content: ContentFixture) {
    return build(['--content', content.contentArg, '--output', output], cache);
  }
});

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Inserts JPEG marker segments right after the start-of-image marker. */
function withSegments(jpeg: Buffer, segments: { marker: number; payload: Buffer }[]): Buffer {
  const parts = segments.map(({ marker, payload }) => {
    const header = Buffer.alloc(4);
    header.writeUInt16BE(0xff00 | marker, 0);
    header.writeUInt16BE(payload.length + 2, 2);
    return Buffer.concat([header, payload]);
  });
  return Buffer.concat([jpeg.subarray(0, 2), ...parts, jpeg.subarray(2)]);
}

/** A phone photo as it leaves the phone: EXIF with the camera, the author and a GPS position, XMP, IPTC, and "rotated" in EXIF. */
async function phonePhoto(): Promise<Buffer> {
  const jpeg = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#3a7' } })
    .withMetadata({
      orientation: 6,
      exif: {
        IFD0: { Make: 'PhoneMaker', Model: 'Phone 12', Artist: 'A Teacher' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '38/1 5/1 3000/100', GPSLongitudeRef: 'E', GPSLongitude: '23/1 44/1 0/1', GPSMapDatum: 'WGS-84' },
      },
    })
    .jpeg()
    .toBuffer();
  const xmp = Buffer.concat([
    Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1'),
    Buffer.from(
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
        '<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="38,5.5N" exif:GPSLongitude="23,44.0E"/>' +
        '</rdf:RDF></x:xmpmeta>',
    ),
  ]);
  const caption = Buffer.from('Acharnes schoolyard');
  const record = Buffer.concat([Buffer.from([0x1c, 0x02, 0x78, 0x00, caption.length]), caption]);
  const resource = Buffer.concat([
    Buffer.from('8BIM\x04\x04\0\0', 'latin1'),
    Buffer.from([0, 0, 0, record.length]),
    record,
    record.length % 2 ? Buffer.from([0]) : Buffer.alloc(0),
  ]);
  const iptc = Buffer.concat([Buffer.from('Photoshop 3.0\0', 'latin1'), resource]);
  return withSegments(jpeg, [
    { marker: 0xe1, payload: xmp },
    { marker: 0xed, payload: iptc },
  ]);
}

/** Text that would give the photo's place, camera or author away. */
const TELLTALES = [
  'Exif',
  'WGS-84',
  'PhoneMaker',
  'Phone 12',
  'A Teacher',
  'http://ns.adobe.com/xap',
  'GPSLatitude',
  'Photoshop 3.0',
  '8BIM',
  'Acharnes schoolyard',
];

test('no metadata reaches the site: EXIF (GPS, camera, author), XMP and IPTC are removed, and the rotation is applied', async () => {
  const content = fixture();
  const photo = await phonePhoto();
  const original = await sharp(photo).metadata();
  assert.ok(original.exif && original.xmp && original.iptc, 'the photo carries EXIF, XMP and IPTC');
  assert.equal(original.orientation, 6);
  for (const telltale of TELLTALES) assert.ok(photo.includes(telltale), `the photo contains "${telltale}"`);

  content.write(`${SCRATCH}/schoolyard.jpg`, photo);
  content.write(SCRATCH_EL, `${content.read(SCRATCH_EL)}\n![Η αυλή του σχολείου](schoolyard.jpg)\n`);
  content.write(SCRATCH_EN, `${content.read(SCRATCH_EN)}\n![The schoolyard](schoolyard.jpg)\n`);
  const site = path.join(temp('etwinning-photos-gps-'), 'site');
  const result = build(['--content', content.contentArg, '--output', site], path.join(temp('etwinning-photo-cache-'), 'photos'));
  assert.equal(result.status, 0, result.stderr);

  const img = page(site, `/en/${SCRATCH}/`).querySelector('img[alt="The schoolyard"]')!;
  // Turned upright: 600×400 pixels that EXIF says to rotate are a 400×600 photo; never enlarged.
  assert.deepEqual([img.getAttribute('width'), img.getAttribute('height')], ['400', '600']);
  const folder = path.join(site, 'photos', SCRATCH);
  const outputs = readdirSync(folder).filter((name) => name.startsWith('schoolyard-'));
  assert.deepEqual(outputs.map((name) => name.replace(/-[0-9a-f]{8}-/, '-*-')).sort(), [
    'schoolyard-*-400.avif',
    'schoolyard-*-400.jpeg',
    'schoolyard-*-400.webp',
  ]);
  for (const name of outputs) {
    const bytes = readFileSync(path.join(folder, name));
    const metadata = await sharp(bytes).metadata();
    assert.deepEqual(
      { exif: metadata.exif, xmp: metadata.xmp, iptc: metadata.iptc, orientation: metadata.orientation },
      { exif: undefined, xmp: undefined, iptc: undefined, orientation: undefined },
      name,
    );
    assert.deepEqual([metadata.width, metadata.height], [400, 600], name);
    for (const telltale of TELLTALES) assert.ok(!bytes.includes(telltale), `${name} contains "${telltale}"`);
  }
});
