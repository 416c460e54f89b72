import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import sharp from 'sharp';
import { parseMarkdown, renderMarkdown, type Token } from '../../../src/content/markdown.ts';
import { checkPhotoReferences, findPhotoReferences, imageFormat, type Photo } from '../../../src/content/photos.ts';
import { sayProblem } from '../../../src/content/problems.ts';
import type { SourceFile } from '../../../src/content/source-file.ts';
import { PhotoEncoder } from '../../../src/build/photo-encoder.ts';

const temps: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'etwinning-photos-unit-'));
  temps.push(dir);
  return dir;
};
after(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe('findPhotoReferences', () => {
  // Line numbers of the file in the comments: the body starts on line 10.
  const body = [
    'First paragraph ![a](a.jpg) and', // 10
    'more `code', // 11
    'span` text ![b](b.jpg)', // 12
    '', // 13
    '- item ![c](c.jpg)', // 14
    '- item two', // 15
    '  continued ![d](d.jpg)', // 16
    '', // 17
    '> quote', // 18
    '> ![e](e.jpg)', // 19
    '', // 20
    '| x | y |', // 21
    '|---|---|', // 22
    '| 1 | ![f](f.jpg) |', // 23
    '| 2 | ![g](g.jpg) |', // 24
    '', // 25
    '# Heading ![h](h.jpg)', // 26
    '', // 27
    '[![i](i.jpg)](https://example.org) ![![nested](n.jpg) j](j.jpg)', // 28
    '', // 29
    'Ref ![k][ref] and ![   ](<φωτογραφία 1.jpg> "A title")', // 30
    '', // 31
    '[ref]: k.jpg', // 32
  ].join('\n');

  test('finds every image with the line it is on, in lists, quotes, tables, headings, links and references', () => {
    const references = findPhotoReferences(parseMarkdown(body), 10);
    assert.deepEqual(
      references.map(({ line, src, alt, title }) => ({ line, src, alt, title })),
      [
        { line: 10, src: 'a.jpg', alt: 'a', title: undefined },
        { line: 12, src: 'b.jpg', alt: 'b', title: undefined },
        { line: 14, src: 'c.jpg', alt: 'c', title: undefined },
        { line: 16, src: 'd.jpg', alt: 'd', title: undefined },
        { line: 19, src: 'e.jpg', alt: 'e', title: undefined },
        { line: 23, src: 'f.jpg', alt: 'f', title: undefined },
        { line: 24, src: 'g.jpg', alt: 'g', title: undefined },
        { line: 26, src: 'h.jpg', alt: 'h', title: undefined },
        { line: 28, src: 'i.jpg', alt: 'i', title: undefined },
        // An image inside another's alt text is only text.
        { line: 28, src: 'j.jpg', alt: 'nested j', title: undefined },
        { line: 30, src: 'k.jpg', alt: 'k', title: undefined },
        // Percent-escapes are decoded: messages quote the name as the teacher wrote it.
        { line: 30, src: 'φωτογραφία 1.jpg', alt: '   ', title: 'A title' },
      ],
    );
  });

  test('renderMarkdown puts the given picture in place of an image, and a plain <img> for the others', () => {
    const parsed = parseMarkdown('![a](a.jpg) ![b](b.jpg)');
    const [first] = findPhotoReferences(parsed, 1);
    const pictures = new Map<Token, string>([[first!.token, '<picture>A</picture>']]);
    assert.equal(renderMarkdown(parsed, pictures), '<p><picture>A</picture> <img src="b.jpg" alt="b"></p>\n');
    assert.equal(renderMarkdown(parsed), '<p><img src="a.jpg" alt="a"> <img src="b.jpg" alt="b"></p>\n');
  });
});

test('imageFormat reads the format from the first bytes, whatever the extension says', () => {
  const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
  assert.equal(imageFormat(bytes('\xff\xd8\xff\xe0\0\x10JFIF')), 'JPEG');
  assert.equal(imageFormat(bytes('\x89PNG\r\n\x1a\n\0\0\0\rIHDR')), 'PNG');
  assert.equal(imageFormat(bytes('RIFF\0\0\0\0WEBPVP8 ')), 'WebP');
  assert.equal(imageFormat(bytes('\0\0\0\x1cftypavif\0\0\0\0')), 'AVIF');
  assert.equal(imageFormat(bytes('\0\0\0\x18ftypheic\0\0\0\0')), 'HEIC');
  assert.equal(imageFormat(bytes('II*\0\x08\0\0\0')), 'TIFF');
  assert.equal(imageFormat(bytes('GIF89a')), 'GIF');
  assert.equal(imageFormat(bytes('<svg xmlns="http://www.w3.org/2000/svg">')), 'SVG');
  assert.equal(imageFormat(bytes('%PDF-1.7')), 'PDF');
  assert.equal(imageFormat(bytes('hello')), undefined);
});

describe('checkPhotoReferences', () => {
  const source = (body: string): SourceFile => ({ file: 'content/2015-2016/p/index.en.md', data: {}, body, bodyLine: 5, lineOf: () => 1, lineOfName: () => 1 });

  async function check(body: string, folder: string) {
    const { placed, problems } = await checkPhotoReferences(
      source(body),
      'en',
      { absolute: folder, shown: 'content/2015-2016/p', projectId: '2015-2016/p' },
      findPhotoReferences(parseMarkdown(body), 5),
    );
    return { placed, problems: problems.map((problem) => sayProblem(problem, 'en')) };
  }

  test('accepts photos in the folder and its subfolders, written in any way that stays inside', async () => {
    const folder = tempDir();
    mkdirSync(path.join(folder, 'day 1'));
    const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } })
      .jpeg()
      .toBuffer();
    writeFileSync(path.join(folder, 'a.jpg'), jpeg);
    writeFileSync(path.join(folder, 'day 1', 'b.jpg'), jpeg);
    const { placed, problems } = await check('![A](a.jpg) ![B](<day 1/b.jpg>) ![C](./day%201/../a.jpg)', folder);
    assert.deepEqual(problems, []);
    assert.deepEqual(
      placed.map(({ photo }) => ({ name: photo.name, file: photo.file, projectId: photo.projectId })),
      [
        { name: 'a.jpg', file: 'content/2015-2016/p/a.jpg', projectId: '2015-2016/p' },
        { name: 'day 1/b.jpg', file: 'content/2015-2016/p/day 1/b.jpg', projectId: '2015-2016/p' },
        { name: 'a.jpg', file: 'content/2015-2016/p/a.jpg', projectId: '2015-2016/p' },
      ],
    );
  });

  test('refuses a link to a file outside the folder, a folder, and files that are not photos', async () => {
    const outside = tempDir();
    const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } })
      .jpeg()
      .toBuffer();
    writeFileSync(path.join(outside, 'secret.jpg'), jpeg);
    const folder = tempDir();
    symlinkSync(path.join(outside, 'secret.jpg'), path.join(folder, 'linked.jpg'));
    mkdirSync(path.join(folder, 'pictures'));
    writeFileSync(path.join(folder, 'notes.jpg'), 'just text');
    writeFileSync(path.join(folder, 'anim.gif'), 'GIF89a....');
    const { placed, problems } = await check('![A](linked.jpg)\n![B](pictures)\n![C](notes.jpg)\n![D](anim.gif)', folder);
    assert.deepEqual(placed, []);
    assert.deepEqual(
      problems.map(({ line, message }) => `${line}: ${message}`),
      [
        `5: The photo "linked.jpg" is a link to a file outside the project's folder, so it would not be published with the project.`,
        '6: "pictures" is a folder, not a photo.',
        '7: "notes.jpg" is not a photo: the site shows JPEG, PNG, WebP, AVIF and TIFF images.',
        '8: The photo "anim.gif" is a GIF file, which the site cannot show as a photo.',
      ],
    );
    assert.equal(
      problems[3]!.fix,
      'Open it in an image editor and save it as JPEG (on a phone: share or export it as JPEG), then write its name: ![D](anim.jpg)',
    );
  });

  test('finds a photo whose name a Mac stored with its accents apart (NFD), written as it is typed (NFC)', async () => {
    const folder = tempDir();
    const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } })
      .jpeg()
      .toBuffer();
    writeFileSync(path.join(folder, 'φωτό.jpg'.normalize('NFD')), jpeg);
    const { placed, problems } = await check(`![Η τάξη](${'φωτό.jpg'.normalize('NFC')})`, folder);
    assert.deepEqual(problems, []);
    assert.deepEqual(
      placed.map(({ photo }) => [photo.name, path.basename(photo.absolute)]),
      [['φωτό.jpg'.normalize('NFC'), 'φωτό.jpg'.normalize('NFD')]],
    );
  });

  test('refuses a pipe or a socket named like a photo, without waiting to read it', async () => {
    const folder = tempDir();
    execFileSync('mkfifo', [path.join(folder, 'f.jpg')]);
    const { placed, problems } = await check('![A](f.jpg)', folder);
    assert.deepEqual(placed, []);
    assert.deepEqual(
      problems.map(({ line, message }) => `${line}: ${message}`),
      ['5: "f.jpg" is not a photo: the site shows JPEG, PNG, WebP, AVIF and TIFF images.'],
    );
  });

  test('refuses a photo cut short (an upload that stopped), as the build would: it is decoded, small', async () => {
    const folder = tempDir();
    const jpeg = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#888', noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
      .jpeg()
      .toBuffer();
    writeFileSync(path.join(folder, 'half.jpg'), jpeg.subarray(0, Math.floor(jpeg.length / 2)));
    const { placed, problems } = await check('![A](half.jpg)', folder);
    assert.deepEqual(placed, []);
    assert.deepEqual(
      problems.map(({ line, message }) => `${line}: ${message}`),
      ['5: The photo "half.jpg" cannot be read as an image: the file is damaged, or cut short (as an upload that stopped leaves it).'],
    );
  });

  test('names a Windows path, a data: URL and an empty reference', async () => {
    const folder = tempDir();
    const { problems } = await check('![A](C:\\Users\\teacher\\photo.jpg) ![B](data:image/png;base64,AAAA) ![C]()', folder);
    assert.deepEqual(
      problems.map(({ message, fix }) => [message, fix]),
      [
        [
          `The photo "C:\\Users\\teacher\\photo.jpg" is written as a path on a computer; a photo is found by its name in the project's folder.`,
          'Copy the photo into content/2015-2016/p/ and write only its name: ![A](photo.jpg)',
        ],
        [
          `"data:image/png;base64,AAAA" is not the name of a photo in the project's folder.`,
          'Copy the photo into content/2015-2016/p/ and write only its name: ![B](photo-1.jpg)',
        ],
        ['The photo has no file name between the round brackets.', 'Write the name of a photo in content/2015-2016/p/, e.g. ![C](photo-1.jpg)'],
      ],
    );
  });
});

describe('PhotoEncoder', () => {
  const folder = tempDir();
  const photo = (name: string): Photo => ({ absolute: path.join(folder, name), file: `content/2015-2016/p/${name}`, name, projectId: '2015-2016/p' });

  test('encodes a photo once into the cache, in every format, never wider than the original; the next build reuses it', async () => {
    writeFileSync(
      path.join(folder, 'Φωτογραφία 1.png'),
      await sharp({ create: { width: 1300, height: 650, channels: 3, background: '#2a6' } })
        .png()
        .toBuffer(),
    );
    const cacheDir = path.join(tempDir(), 'cache');
    const encoder = new PhotoEncoder({ cacheDir });
    const input = photo('Φωτογραφία 1.png');
    assert.deepEqual(await encoder.prepare([input]), new Map());
    assert.deepEqual(encoder.counts, { encoded: 1, reused: 0 });
    const [key] = readdirSync(cacheDir);
    assert.match(key!, /^[0-9a-f]{32}$/);
    assert.deepEqual(readdirSync(path.join(cacheDir, key!)).sort(), [
      '1300.avif',
      '1300.jpeg',
      '1300.webp',
      '480.avif',
      '480.jpeg',
      '480.webp',
      '960.avif',
      '960.jpeg',
      '960.webp',
      'photo.json',
    ]);

    const html = encoder.picture(input, 'Pupils "at work" & <play>', 'A "title"');
    const stem = `/photos/2015-2016/p/fotografia-1-${key!.slice(0, 8)}`;
    assert.ok(
      html.startsWith(`<picture><source type="image/avif" srcset="${stem}-480.avif 480w, ${stem}-960.avif 960w, ${stem}-1300.avif 1300w" sizes="`),
      html,
    );
    assert.ok(html.includes(' alt="Pupils &quot;at work&quot; &amp; &lt;play>"') || html.includes(' alt="Pupils &quot;at work&quot; &amp; <play>"'), html);
    assert.ok(html.includes(' title="A &quot;title&quot;"'), html);
    assert.ok(html.includes(' width="1300" height="650"'), html);

    const times = readdirSync(path.join(cacheDir, key!)).map((name) => statSync(path.join(cacheDir, key!, name)).mtimeMs);
    const next = new PhotoEncoder({ cacheDir });
    assert.deepEqual(await next.prepare([input]), new Map());
    assert.deepEqual(next.counts, { encoded: 0, reused: 1 });
    assert.deepEqual(
      readdirSync(path.join(cacheDir, key!)).map((name) => statSync(path.join(cacheDir, key!, name)).mtimeMs),
      times,
    );
    assert.equal(next.picture(input, 'x'), encoder.picture(input, 'x'));

    const site = tempDir();
    assert.equal(await next.copyInto(site), 9);
    assert.deepEqual(readdirSync(path.join(site, 'photos', '2015-2016', 'p')).length, 9);
  });

  test('encodes again a cache folder that lost a file, and builds that encode the same photo at once agree', async () => {
    writeFileSync(
      path.join(folder, 'b.jpg'),
      await sharp({ create: { width: 300, height: 200, channels: 3, background: '#a26' } })
        .jpeg()
        .toBuffer(),
    );
    const cacheDir = path.join(tempDir(), 'cache');
    const [one, two] = [new PhotoEncoder({ cacheDir }), new PhotoEncoder({ cacheDir })];
    await Promise.all([one.prepare([photo('b.jpg')]), two.prepare([photo('b.jpg')])]);
    assert.equal(one.counts.encoded + two.counts.encoded + one.counts.reused + two.counts.reused, 2);
    const [key, ...others] = readdirSync(cacheDir);
    assert.deepEqual(others, [], 'one cache folder, and no unfinished one');
    assert.equal(one.picture(photo('b.jpg'), 'b'), two.picture(photo('b.jpg'), 'b'));

    rmSync(path.join(cacheDir, key!, '300.webp'));
    const third = new PhotoEncoder({ cacheDir });
    await third.prepare([photo('b.jpg')]);
    assert.deepEqual(third.counts, { encoded: 1, reused: 0 });
    assert.ok(statSync(path.join(cacheDir, key!, '300.webp')).isFile());
  });

  test('says why a photo cannot be read instead of failing the build', async () => {
    writeFileSync(path.join(folder, 'broken.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 1, 2, 3]));
    const encoder = new PhotoEncoder({ cacheDir: path.join(tempDir(), 'cache') });
    const broken = photo('broken.jpg');
    const unreadable = await encoder.prepare([broken]);
    assert.match(unreadable.get(broken) ?? '', /\S/);
    assert.deepEqual(encoder.counts, { encoded: 0, reused: 0 });
    assert.deepEqual(readdirSync(encoder.cacheDir), [], 'nothing is left in the cache');
  });
});
