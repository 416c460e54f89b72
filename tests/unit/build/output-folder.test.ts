/**
 * The output folder: which folders the build may replace, and that a build
 * killed at any step leaves either the old or the new site at the output path,
 * or leaves the old one where the next build puts it back before anything else.
 * Kills are injected through the module's file system calls: from the chosen
 * call on, every call fails, as nothing more happens in a killed process.
 */
import assert from 'node:assert/strict';
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  claimOutputFolder,
  diskTroubleMessage,
  MARKER,
  OutputFolderError,
  outputFolderRefusal,
  prepareOutputFolder,
  releaseOutputFolder,
  realFs,
  recoverOutputFolder,
  replaceOutputFolder,
  markOutputFolder,
  type OutputFs,
  type ProtectedFolders,
} from '../../../src/build/output-folder.ts';
import { type Owner, THIS_PROCESS } from '../../../src/build/process-owner.ts';
import { makeTempDir } from '../../helpers/content-fixture.ts';

/** A process id that runs nowhere: the killed build's. */
const DEAD: Owner = { pid: 2_000_000_001, started: 1 };
const nobodyRuns = () => false;

class Killed extends Error {}

/** The real file system until call number `killAt`; from then on every call fails, as in a killed process. */
function killedAt(killAt: number, base: OutputFs = realFs): { fs: OutputFs } {
  let calls = 0;
  const fs = Object.fromEntries(
    Object.entries(base).map(([name, call]) => [
      name,
      (...args: unknown[]) => {
        calls++;
        if (calls > killAt) return Promise.reject(new Killed(`killed before ${name}`));
        return (call as (...a: unknown[]) => Promise<unknown>)(...args);
      },
    ]),
  ) as unknown as OutputFs;
  return { fs };
}

/** A renaming that fails as it does on a mount point (a Docker volume). */
function mountPoint(target: string, base: OutputFs = realFs): OutputFs {
  return {
    ...base,
    rename: (from, to) =>
      path.resolve(from) === target ? Promise.reject(Object.assign(new Error('EBUSY: resource busy'), { code: 'EBUSY' })) : base.rename(from, to),
  };
}

/** Every file under a folder with its text, and every folder, sorted. */
function tree(folder: string): Record<string, string> {
  const found: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      const key = path.relative(folder, full);
      if (entry.isDirectory()) {
        found[`${key}/`] = '';
        walk(full);
      } else found[key] = readFileSync(full, 'utf8');
    }
  };
  walk(folder);
  return found;
}

function writeTree(folder: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
    writeFileSync(path.join(folder, name), text);
  }
}

const OLD_SITE = { 'index.html': 'old home', 'en/index.html': 'old English', 'gone/index.html': 'a page the new site has not' };
const NEW_SITE = { 'index.html': 'new home', 'en/index.html': 'new English', 'added/index.html': 'a new page' };
const withMarker = async (site: Record<string, string>) => tree(await writtenSite(site));

/** What a site's folder holds once built: its files and the marker that lists them. */
async function writtenSite(site: Record<string, string>): Promise<string> {
  const dir = makeTempDir('etwinning-expected-').dir;
  writeTree(dir, site);
  await markOutputFolder(dir);
  return dir;
}

describe('the output folder', () => {
  const temp = makeTempDir('etwinning-output-folder-');
  const project = path.join(temp.dir, 'project');
  const content = path.join(project, 'content');
  const folders: ProtectedFolders = {
    contentDir: content,
    projectDir: project,
    inputDirs: [path.join(project, 'templates')],
    homeDir: path.join(temp.dir, 'home'),
  };
  const build = (site: Record<string, string>) => async (folder: string) => writeTree(folder, site);

  before(async () => {
    writeTree(content, { 'school.el.md': "a teacher's file", '2015-2016/x/index.el.md': 'a project' });
    writeTree(project, { 'package.json': '{}', 'templates/pages.njk': '' });
    mkdirSync(folders.homeDir!, { recursive: true });
  });
  after(() => temp.remove());

  describe('is refused, whatever it holds, when it is', () => {
    const cases: [string, () => string, RegExp][] = [
      ['the content folder', () => content, /is the content folder, which the build reads; choose another --output\.$/],
      ['a year folder inside it', () => path.join(content, '2015-2016'), /is inside the content folder .*, which the build reads/],
      ['a folder that does not exist yet inside it', () => path.join(content, 'new', 'site'), /is inside the content folder/],
      ['a folder the build reads', () => path.join(project, 'templates'), /is inside .*templates, which the build reads/],
      ["the project's own folder", () => project, /is the project's own folder/],
      ["the project's parent folder", () => temp.dir, /holds the project's folder/],
      ['the root of the file system', () => '/', /is the root of the file system/],
      ['the home folder', () => folders.homeDir!, /is your home folder/],
    ];
    for (const [name, folder, message] of cases) {
      test(name, async () => {
        const refusal = await outputFolderRefusal(folder(), folders);
        assert.match(refusal ?? '', message);
        assert.ok(refusal!.startsWith(`"${folder()}"`), 'the message names the folder');
        await assert.rejects(replaceOutputFolder(folder(), folders, build(NEW_SITE)), { message: refusal });
      });
    }

    test('a link to the content folder', async () => {
      const link = path.join(temp.dir, 'link-to-content');
      symlinkSync(content, link);
      assert.match((await outputFolderRefusal(link, folders)) ?? '', /is the content folder/);
    });

    test('a file', async () => {
      const file = path.join(temp.dir, 'notes.txt');
      writeFileSync(file, 'my notes');
      assert.match(
        (await outputFolderRefusal(file, folders)) ?? '',
        /"[^"]+notes\.txt" is a file, not a folder; choose another --output, or move the file away\./,
      );
      await assert.rejects(replaceOutputFolder(file, folders, build(NEW_SITE)));
      assert.equal(readFileSync(file, 'utf8'), 'my notes');
    });

    test('a folder that would be inside a file', async () => {
      const file = path.join(temp.dir, 'plan.txt');
      writeFileSync(file, 'my plan');
      assert.match((await outputFolderRefusal(path.join(file, 'site'), folders)) ?? '', /would be inside "[^"]+plan\.txt", which is a file, not a folder/);
      assert.equal(readFileSync(file, 'utf8'), 'my plan');
    });

    test('a folder with files this build did not write', async () => {
      const mine = path.join(temp.dir, 'photos');
      writeTree(mine, { 'holiday.jpg': 'a photo' });
      assert.equal(
        await outputFolderRefusal(mine, folders),
        `"${mine}" holds files that this build did not write (holiday.jpg); choose another --output, or empty it first.`,
      );
      await assert.rejects(replaceOutputFolder(mine, folders, build(NEW_SITE)));
      assert.deepEqual(tree(mine), { 'holiday.jpg': 'a photo' });
    });

    test('a copy of an earlier output among other files: the copied marker does not vouch for them', async () => {
      // The usual deployment: the site copied into a web server's folder, its marker with it.
      const built = path.join(temp.dir, 'built');
      await replaceOutputFolder(built, folders, build(OLD_SITE));
      const www = path.join(temp.dir, 'www');
      writeTree(www, { 'teacher-page.html': '<h1>mine</h1>', 'old-photos/a.jpg': 'x' });
      cpSync(built, www, { recursive: true });
      assert.equal(
        await outputFolderRefusal(www, folders),
        `"${www}" holds files that this build did not write (old-photos, teacher-page.html); choose another --output, or empty it first.`,
      );
      await assert.rejects(replaceOutputFolder(www, folders, build(NEW_SITE)));
      assert.equal(readFileSync(path.join(www, 'teacher-page.html'), 'utf8'), '<h1>mine</h1>');
      assert.equal(readFileSync(path.join(www, 'old-photos', 'a.jpg'), 'utf8'), 'x');
    });

    test('many files it did not write are named three at a time', async () => {
      const many = path.join(temp.dir, 'many');
      writeTree(many, Object.fromEntries(['a', 'b', 'c', 'd', 'e'].map((name) => [`${name}.txt`, name])));
      assert.match((await outputFolderRefusal(many, folders)) ?? '', /\(a\.txt, b\.txt, c\.txt and 2 more\)/);
    });

    test('a symbolic link that leads back to itself, as a refusal that says so', async () => {
      const loop = path.join(temp.dir, 'loop');
      symlinkSync(loop, loop);
      await assert.rejects(prepareOutputFolder(loop, folders), {
        name: 'Error',
        message: `"${loop}" cannot be used as the output folder: it is a symbolic link that leads back to itself (ELOOP).`,
      });
    });

    test("with the command's own advice", async () => {
      const mine = path.join(temp.dir, 'photos-2');
      writeTree(mine, { 'holiday.jpg': 'a photo' });
      assert.match((await outputFolderRefusal(mine, { ...folders, instead: 'move it away' })) ?? '', /; move it away, or empty it first\.$/);
    });
  });

  describe('is replaced when it', () => {
    test('does not exist, also with parents that do not exist', async () => {
      const site = path.join(temp.dir, 'deep', 'er', 'site');
      await replaceOutputFolder(site, folders, build(NEW_SITE));
      assert.deepEqual(tree(site), await withMarker(NEW_SITE));
    });

    test('is empty', async () => {
      const site = path.join(temp.dir, 'empty');
      mkdirSync(site);
      await replaceOutputFolder(site, folders, build(NEW_SITE));
      assert.deepEqual(tree(site), await withMarker(NEW_SITE));
    });

    test('is an earlier output of the build, and nothing is left beside it', async () => {
      const parent = path.join(temp.dir, 'earlier');
      const site = path.join(parent, '_site');
      await replaceOutputFolder(site, folders, build(OLD_SITE));
      await replaceOutputFolder(site, folders, build(NEW_SITE));
      assert.deepEqual(tree(site), await withMarker(NEW_SITE));
      assert.deepEqual(readdirSync(parent), ['_site']);
    });

    test('is a link: the link stays, its target gets the site', async () => {
      const target = path.join(temp.dir, 'srv', 'www');
      const link = path.join(temp.dir, 'linked-site');
      mkdirSync(target, { recursive: true });
      symlinkSync(target, link);
      await replaceOutputFolder(link, folders, build(OLD_SITE));
      await replaceOutputFolder(link, folders, build(NEW_SITE));
      assert.ok(lstatSync(link).isSymbolicLink(), 'the link is still a link');
      assert.deepEqual(tree(target), await withMarker(NEW_SITE));
      assert.deepEqual(readdirSync(path.dirname(target)), ['www']);
    });
  });

  test('the marker lists what the build wrote there', async () => {
    const site = path.join(temp.dir, 'listed');
    await replaceOutputFolder(site, folders, build(NEW_SITE));
    const [intro, list] = readFileSync(path.join(site, MARKER), 'utf8').split('\n\n');
    assert.match(intro!, /written by the eTwinning archive's build/);
    assert.deepEqual(list!.trim().split('\n'), ['added', 'en', 'index.html']);
  });

  test('the output folder keeps its own mode when it is replaced', async () => {
    const site = path.join(temp.dir, 'group-readable');
    await replaceOutputFolder(site, folders, build(OLD_SITE));
    chmodSync(site, 0o2750);
    await replaceOutputFolder(site, folders, build(NEW_SITE));
    assert.equal((statSync(site).mode & 0o7777).toString(8), '2750');
  });

  test('folders are 0755 and files 0644 under the usual umask', async () => {
    const previous = process.umask(0o022);
    try {
      const site = path.join(temp.dir, 'permissions');
      await replaceOutputFolder(site, folders, build(NEW_SITE));
      const modes = (relative: string) => (statSync(path.join(site, relative)).mode & 0o777).toString(8);
      assert.equal(modes('.'), '755');
      assert.equal(modes('en'), '755');
      assert.equal(modes('index.html'), '644');
      assert.equal(modes(MARKER), '644');
    } finally {
      process.umask(previous);
    }
  });

  test('a failed build leaves the previous site as it was, and nothing beside it', async () => {
    const parent = path.join(temp.dir, 'failing');
    const site = path.join(parent, '_site');
    await replaceOutputFolder(site, folders, build(OLD_SITE));
    await assert.rejects(
      replaceOutputFolder(site, folders, async (folder) => {
        writeTree(folder, { 'half.html': 'half' });
        throw new Error('the template broke');
      }),
      /the template broke/,
    );
    assert.deepEqual(tree(site), await withMarker(OLD_SITE));
    assert.deepEqual(readdirSync(parent), ['_site']);
  });

  test('a mount point, which cannot be renamed, gets its contents replaced', async () => {
    const site = path.join(temp.dir, 'volume');
    await replaceOutputFolder(site, folders, build(OLD_SITE));
    await replaceOutputFolder(site, folders, build(NEW_SITE), { fs: mountPoint(site) });
    assert.deepEqual(tree(site), await withMarker(NEW_SITE));
    assert.deepEqual(
      readdirSync(temp.dir).filter((name) => name.includes('volume')),
      ['volume'],
    );
  });

  test("another build's working folder is left alone while that build runs", async () => {
    const parent = path.join(temp.dir, 'running');
    const site = path.join(parent, '_site');
    await replaceOutputFolder(site, folders, build(OLD_SITE));
    // This process, as it names its folders: its id and when it started.
    const running = path.join(parent, `._site.building-${THIS_PROCESS.pid}-${THIS_PROCESS.started}-abcd1234`);
    const earlierRun = path.join(parent, `._site.building-${process.pid}-1-abcd1234`);
    mkdirSync(earlierRun);
    mkdirSync(running);
    await replaceOutputFolder(site, folders, build(NEW_SITE), { owner: DEAD });
    assert.ok(existsSync(running), 'a build that runs keeps its folder');
    assert.ok(!existsSync(earlierRun), 'an earlier process with the same id (a container run again) no longer runs: its folder goes');
    await recoverOutputFolder(site, { isRunning: nobodyRuns });
    assert.ok(!existsSync(running), 'once it no longer runs, its folder is a leftover, and removed');
  });

  describe('one writer at a time', () => {
    /** Another process that runs: this test's own, with another start time than any build of ours. */
    const OTHER: Owner = { pid: process.pid, started: 2 };
    const runs = (owner: Owner) => owner.pid === OTHER.pid && owner.started === OTHER.started;

    test('a build into a folder another build writes is refused, and touches nothing', async () => {
      const parent = path.join(temp.dir, 'locked');
      const site = path.join(parent, '_site');
      await replaceOutputFolder(site, folders, build(OLD_SITE));
      writeFileSync(path.join(parent, '._site.lock'), `${OTHER.pid}-${OTHER.started}\n`);
      await assert.rejects(
        replaceOutputFolder(site, folders, build(NEW_SITE), { isRunning: runs }),
        (error: Error) =>
          error instanceof OutputFolderError &&
          error.message.includes(`is being written by another build of the archive right now (process ${process.pid}`) &&
          error.message.includes('Wait until it has finished, or stop it'),
      );
      assert.deepEqual(tree(site), await withMarker(OLD_SITE));
      assert.deepEqual(readdirSync(parent).sort(), ['._site.lock', '_site'], 'its lock is still the other build’s');
    });

    test('the lock of a build that no longer runs is taken over, and gone when the build is done', async () => {
      const parent = path.join(temp.dir, 'stale-lock');
      const site = path.join(parent, '_site');
      await replaceOutputFolder(site, folders, build(OLD_SITE));
      writeFileSync(path.join(parent, '._site.lock'), `${DEAD.pid}-${DEAD.started}\n`);
      await replaceOutputFolder(site, folders, build(NEW_SITE));
      assert.deepEqual(tree(site), await withMarker(NEW_SITE));
      assert.deepEqual(readdirSync(parent), ['_site']);
    });

    test("a file or folder of the user's by the lock's name is refused, and kept", async () => {
      const parent = path.join(temp.dir, 'not-a-lock');
      const site = path.join(parent, '_site');
      writeTree(parent, { '._site.lock/notes.txt': 'precious', '.www.lock': 'my own deploy lock' });
      await assert.rejects(
        replaceOutputFolder(site, folders, build(NEW_SITE)),
        /"[^"]*\._site\.lock" is in the way of the build's lock for .*: it is not a file the build wrote/,
      );
      await assert.rejects(replaceOutputFolder(path.join(parent, 'www'), folders, build(NEW_SITE)), /\.www\.lock" is in the way/);
      await recoverOutputFolder(site, { isRunning: nobodyRuns });
      assert.deepEqual(tree(parent), { '._site.lock/': '', '._site.lock/notes.txt': 'precious', '.www.lock': 'my own deploy lock' });
    });

    test('a stale lock replaced by a fresh one while it is being broken is given back, not removed', async () => {
      const parent = path.join(temp.dir, 'stale-race');
      const site = path.join(parent, '_site');
      const lock = path.join(parent, '._site.lock');
      mkdirSync(parent, { recursive: true });
      writeFileSync(lock, `${DEAD.pid}-${DEAD.started}\n`);
      // Another build breaks the stale lock and takes its own just before this one renames it aside.
      const racing: OutputFs = {
        ...realFs,
        rename: async (from, to) => {
          if (from === lock) writeFileSync(lock, `${OTHER.pid}-${OTHER.started}\n`);
          return realFs.rename(from, to);
        },
      };
      await assert.rejects(replaceOutputFolder(site, folders, build(NEW_SITE), { fs: racing, isRunning: runs }), /is being written by another build/);
      assert.equal(readFileSync(lock, 'utf8'), `${OTHER.pid}-${OTHER.started}\n`, 'the other build keeps its lock');
      assert.deepEqual(readdirSync(parent), ['._site.lock'], 'nothing else beside it');
    });

    test("files and folders of the user's named like the build's working names are kept", async () => {
      const parent = path.join(temp.dir, 'look-alikes');
      const site = path.join(parent, '_site');
      const mine = {
        '._site.building-notes/a.txt': 'precious',
        '._site.building-2024': 'a file',
        '._site.lock-2024-12-01': '1-2\n',
        '._site.lock-backup': 'my copy',
      };
      writeTree(parent, mine);
      await replaceOutputFolder(site, folders, build(NEW_SITE), { isRunning: nobodyRuns });
      await recoverOutputFolder(site, { isRunning: nobodyRuns });
      const left = tree(parent);
      for (const [name, text] of Object.entries(mine)) assert.equal(left[name], text, name);
      assert.deepEqual(tree(site), await withMarker(NEW_SITE));
    });

    test('a build whose lock was taken by another while it built does not swap its site in', async () => {
      const parent = path.join(temp.dir, 'lock-lost');
      const site = path.join(parent, '_site');
      await replaceOutputFolder(site, folders, build(OLD_SITE));
      const lock = path.join(parent, '._site.lock');
      await assert.rejects(
        replaceOutputFolder(
          site,
          folders,
          async (folder) => {
            writeTree(folder, NEW_SITE);
            // Another build took this one for dead, broke its lock and took it.
            writeFileSync(lock, `${OTHER.pid}-${OTHER.started}\n`);
          },
          { isRunning: runs },
        ),
        /is being written by another build/,
      );
      assert.deepEqual(tree(site), await withMarker(OLD_SITE), 'the old site stays');
      assert.deepEqual(readdirSync(parent).sort(), ['._site.lock', '_site'], 'its new site is removed, the other build keeps its lock');
    });

    test('npm start holds its folder while it runs: a build into it is refused', async () => {
      const parent = path.join(temp.dir, 'served');
      const site = path.join(parent, '_site');
      await claimOutputFolder(site, folders, { owner: OTHER });
      assert.equal(readFileSync(path.join(parent, '._site.lock'), 'utf8'), `${OTHER.pid}-${OTHER.started}\n`);
      await assert.rejects(replaceOutputFolder(site, folders, build(NEW_SITE), { isRunning: runs }), /is being written by another build/);
      assert.deepEqual(tree(site), { [MARKER]: readFileSync(path.join(site, MARKER), 'utf8') }, 'only its marker, as npm start left it');
    });
  });

  /**
   * Kills a build at every one of its file system calls in turn. After each
   * kill, the output path holds the old or the new site, or nothing and the old
   * site waits beside it; after the next build's recovery, it holds the old or
   * the new site exactly, and no working folder is left anywhere.
   */
  async function killEverywhere(name: string, fsFor: (site: string) => OutputFs, contentsReplaced: boolean) {
    let steps = 0;
    for (let killAt = 0; ; killAt++) {
      const parent = path.join(temp.dir, `${name}-${killAt}`);
      const site = path.join(parent, '_site');
      await replaceOutputFolder(site, folders, build(OLD_SITE));
      const killer = killedAt(killAt, fsFor(site));
      let finished = true;
      try {
        await replaceOutputFolder(site, folders, build(NEW_SITE), { fs: killer.fs, owner: DEAD, isRunning: nobodyRuns });
      } catch (error) {
        if (!(error instanceof Killed)) throw error;
        finished = false;
      }
      const after = existsSync(site) ? tree(site) : undefined;
      const sites = [await withMarker(OLD_SITE), await withMarker(NEW_SITE)];
      if (after === undefined) {
        const waiting = readdirSync(parent).filter((entry) => entry.endsWith('.old'));
        assert.equal(waiting.length, 1, `killed at call ${killAt}: without a site at the output path, the old one waits beside it`);
        assert.deepEqual(tree(path.join(parent, waiting[0]!)), await withMarker(OLD_SITE));
      } else if (!Object.keys(after).some((key) => key.startsWith(`${MARKER}.`))) {
        assert.ok(
          sites.some((site) => JSON.stringify(site) === JSON.stringify(after)),
          `killed at call ${killAt}: the old or the new site`,
        );
      } else {
        // Only while a mount point's contents are swapped, entry by entry, may the output path hold a mix (see the README).
        assert.ok(contentsReplaced, `killed at call ${killAt}: working folders inside the output folder`);
      }

      await recoverOutputFolder(site, { isRunning: nobodyRuns });
      const recovered = tree(site);
      assert.ok(
        sites.some((expected) => JSON.stringify(expected) === JSON.stringify(recovered)),
        `killed at call ${killAt}, then recovered: the old or the new site exactly, got ${JSON.stringify(Object.keys(recovered))}`,
      );
      assert.deepEqual(readdirSync(parent), ['_site'], `killed at call ${killAt}: nothing left beside the output folder`);
      // And the next build works as usual.
      await replaceOutputFolder(site, folders, build(NEW_SITE));
      assert.deepEqual(tree(site), await withMarker(NEW_SITE));
      if (finished) {
        steps = killAt;
        break;
      }
    }
    return steps;
  }

  test('killed at any step of the build, the next build finds the old or the new site', async () => {
    const steps = await killEverywhere('killed', () => realFs, false);
    assert.ok(steps >= 8, `every step was tried (${steps} file system calls)`);
  });

  test("killed at any step of replacing a mount point's contents, likewise", async () => {
    const steps = await killEverywhere('killed-volume', (site) => mountPoint(site), true);
    assert.ok(steps >= 12, `every step was tried (${steps} file system calls)`);
  });

  test('killed inside the build itself, the old site stays and the half-built one is removed next time', async () => {
    const parent = path.join(temp.dir, 'killed-in-build');
    const site = path.join(parent, '_site');
    await replaceOutputFolder(site, folders, build(OLD_SITE));
    await assert.rejects(
      replaceOutputFolder(
        site,
        folders,
        async (folder) => {
          writeTree(folder, { 'half.html': 'half' });
          throw new Killed('killed while rendering');
        },
        // The process dies there: not even the clean-up runs.
        { fs: { ...realFs, rm: () => Promise.reject(new Killed('dead')) }, owner: DEAD },
      ),
      Killed,
    );
    assert.deepEqual(tree(site), await withMarker(OLD_SITE));
    assert.equal(readdirSync(parent).length, 2, 'the half-built folder is still beside it');
    await recoverOutputFolder(site, { isRunning: nobodyRuns });
    assert.deepEqual(readdirSync(parent), ['_site']);
  });

  test('npm start claims an empty or missing folder by marking it, and refuses one with other files', async () => {
    const site = path.join(temp.dir, 'dev');
    await claimOutputFolder(site, folders);
    assert.ok(existsSync(path.join(site, MARKER)));
    await claimOutputFolder(site, folders);
    const mine = path.join(temp.dir, 'dev-mine');
    writeTree(mine, { 'cv.pdf': 'mine' });
    await assert.rejects(claimOutputFolder(mine, folders), /holds files that this build did not write/);
    assert.deepEqual(tree(mine), { 'cv.pdf': 'mine' });
  });

  test('a full disk, also where a library lets the error escape, is said as such', () => {
    const escaped = Object.assign(new Error('Having trouble copying ./public'), { originalError: Object.assign(new Error('write'), { code: 'ENOSPC' }) });
    assert.equal(diskTroubleMessage(escaped), 'The site could not be written: the disk is full (ENOSPC). The previous site, if there was one, is unchanged.');
    assert.equal(diskTroubleMessage(new Error('something else')), undefined);
    assert.equal(diskTroubleMessage(Object.assign(new Error('x'), { code: 'ENOENT' })), undefined);
  });

  test("prepareOutputFolder gives the folder the site is written to: a link's target", async () => {
    const target = path.join(temp.dir, 'target-of-link');
    const link = path.join(temp.dir, 'a-link');
    mkdirSync(target);
    symlinkSync(target, link);
    for (const [given, expected, lock] of [
      [link, realpathSync(target), path.join(temp.dir, '.target-of-link.lock')],
      [path.join(link, 'new-one'), path.join(realpathSync(target), 'new-one'), path.join(target, '.new-one.lock')],
    ] as const) {
      assert.equal(await prepareOutputFolder(given, folders), expected);
      assert.ok(existsSync(lock), `locked beside the target: ${lock}`);
      await releaseOutputFolder(given);
      assert.ok(!existsSync(lock), 'and let go');
    }
  });
});
