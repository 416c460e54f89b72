import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * The one place that decides whether a folder may receive the site, and the
 * one way the site is put there. Every command that writes the site (`npm run
 * build`, `npm start`, `npm run edit`, the benchmark) goes through it.
 *
 * 1. Which folder may be replaced (`outputFolderRefusal`): one that does not
 *    exist, an empty one, or an earlier output of this build, recognised by
 *    the marker file (MARKER) the build writes into every output. Never the
 *    content folder or anything inside it, a folder the build reads (templates,
 *    public), the project's own folder, a folder above the content or the
 *    project, the home folder or `/`, whatever they hold; never a file.
 * 2. How it is replaced (`replaceOutputFolder`): the site is built into a new
 *    folder beside the output folder and renamed into place only when complete,
 *    so a failed build leaves the previous site as it was. Renaming takes two
 *    steps (the old site aside, the new one in); a build killed between them
 *    leaves the old site beside the output path, and the next build or `npm
 *    start` puts it back before anything else (`recoverOutputFolder`).
 * 3. A folder that cannot be renamed (a mount point, such as a Docker volume:
 *    EBUSY; or one whose parent this user may not write into) has its contents
 *    replaced instead: the new site is staged inside it, the old entries are
 *    moved aside into a folder there, the new ones moved in, each a rename. A
 *    build killed during those renames leaves a mix, which the next build
 *    turns back into the old site before anything else.
 * 4. A symbolic link as the output folder (`_site -> /srv/www`) is kept: its
 *    target is the folder that is checked and replaced.
 */

/** The marker file in every output folder; its presence says "this build wrote this folder". */
export const MARKER = '.etwinning-archive';

const MARKER_TEXT =
  "This folder was written by the eTwinning archive's build (npm run build / npm start).\n" +
  'The build replaces it as a whole each time: do not keep your own files in it.\n';

/** A refused output folder: the message says which folder and why; the command exits with 2. */
export class OutputFolderError extends Error {}

/** The folders the rule protects. */
export interface ProtectedFolders {
  /** The content folder being built. */
  contentDir: string;
  /** The project's own folder (where package.json is). */
  projectDir: string;
  /** Other folders the build reads (templates/, public/): nothing may be written inside them. */
  inputDirs?: readonly string[];
  /** The user's home folder. */
  homeDir?: string;
  /** What the message tells to do instead: the command's own way to name another folder. */
  instead?: string;
}

/** The file system calls this module makes: the real ones, or a test's that fail on purpose. */
export interface OutputFs {
  lstat(file: string): Promise<{ isDirectory(): boolean; isSymbolicLink(): boolean; dev: number; mtimeMs: number }>;
  stat(file: string): Promise<{ isDirectory(): boolean; dev: number }>;
  realpath(file: string): Promise<string>;
  readlink(file: string): Promise<string>;
  readdir(folder: string): Promise<string[]>;
  mkdir(folder: string, options?: { recursive?: boolean }): Promise<unknown>;
  rename(from: string, to: string): Promise<void>;
  rm(file: string, options: { recursive: true; force: true }): Promise<void>;
  writeFile(file: string, text: string): Promise<void>;
  cp(from: string, to: string, options: { recursive: true }): Promise<void>;
}

export const realFs: OutputFs = {
  lstat: (file) => nodeFs.lstat(file),
  stat: (file) => nodeFs.stat(file),
  realpath: (file) => nodeFs.realpath(file),
  readlink: (file) => nodeFs.readlink(file),
  readdir: (folder) => nodeFs.readdir(folder),
  mkdir: (folder, options) => nodeFs.mkdir(folder, options),
  rename: (from, to) => nodeFs.rename(from, to),
  rm: (file, options) => nodeFs.rm(file, options),
  writeFile: (file, text) => nodeFs.writeFile(file, text),
  cp: (from, to, options) => nodeFs.cp(from, to, options),
};

export interface OutputOptions {
  fs?: OutputFs;
  /** This build's process id, written into the names of its working folders. */
  pid?: number;
  /** Whether the process that left a working folder still runs (then its folder is not touched). */
  isRunning?: (pid: number) => boolean;
}

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code;

function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return codeOf(error) === 'EPERM';
  }
}

/** `folder` with symbolic links resolved, also when its last parts do not exist yet (or a link points to nothing yet). */
async function realPathOf(folder: string, fs: OutputFs, depth = 0): Promise<string> {
  const resolved = path.resolve(folder);
  const missing: string[] = [];
  let existing = resolved;
  for (;;) {
    try {
      return path.join(await fs.realpath(existing), ...missing.reverse());
    } catch (error) {
      if (codeOf(error) !== 'ENOENT' && codeOf(error) !== 'ENOTDIR') throw error;
      // A link whose target is missing (a build of `_site -> /srv/www` was interrupted): follow it.
      const link = await fs.lstat(existing).then(
        (found) => found.isSymbolicLink(),
        () => false,
      );
      if (link && depth < 40) {
        const to = path.resolve(path.dirname(existing), await fs.readlink(existing));
        return realPathOf(path.join(to, ...missing.reverse()), fs, depth + 1);
      }
      const parent = path.dirname(existing);
      if (parent === existing) return resolved;
      missing.push(path.basename(existing));
      existing = parent;
    }
  }
}

const inside = (folder: string, parent: string) => folder.startsWith(parent.endsWith(path.sep) ? parent : parent + path.sep);

/**
 * Why `outputDir` may not receive the site, as a sentence that names it; or
 * undefined when it may. Reads the file system but changes nothing.
 */
export async function outputFolderRefusal(outputDir: string, folders: ProtectedFolders, fs: OutputFs = realFs): Promise<string | undefined> {
  const shown = `"${outputDir}"`;
  const choose = folders.instead ?? 'choose another --output';
  const real = await realPathOf(outputDir, fs);
  const content = await realPathOf(folders.contentDir, fs);
  const project = await realPathOf(folders.projectDir, fs);
  const home = folders.homeDir === undefined ? undefined : await realPathOf(folders.homeDir, fs);

  if (real === path.parse(real).root) return `${shown} is the root of the file system; ${choose}.`;
  if (real === content) return `${shown} is the content folder, which the build reads; ${choose}.`;
  if (inside(real, content)) return `${shown} is inside the content folder ${folders.contentDir}, which the build reads; ${choose}.`;
  for (const input of folders.inputDirs ?? []) {
    const folder = await realPathOf(input, fs);
    if (real === folder || inside(real, folder)) return `${shown} is inside ${path.relative(process.cwd(), input) || input}, which the build reads; ${choose}.`;
  }
  if (real === project) return `${shown} is the project's own folder; ${choose}.`;
  if (inside(project, real)) return `${shown} holds the project's folder; ${choose}.`;
  if (inside(content, real)) return `${shown} holds the content folder ${folders.contentDir}; ${choose}.`;
  if (home !== undefined && real === home) return `${shown} is your home folder; ${choose}.`;

  const found = await fs.lstat(real).catch((error: unknown) => {
    if (codeOf(error) === 'ENOENT' || codeOf(error) === 'ENOTDIR') return undefined;
    throw error;
  });
  if (!found) {
    // It does not exist yet: its nearest existing parent must be a folder, to be made inside.
    let parent = path.dirname(real);
    while (
      !(await fs.lstat(parent).then(
        () => true,
        () => false,
      ))
    )
      parent = path.dirname(parent);
    if (!(await fs.stat(parent)).isDirectory()) return `${shown} would be inside "${parent}", which is a file, not a folder; ${choose}.`;
    return undefined;
  }
  if (!found.isDirectory()) return `${shown} is a file, not a folder; ${choose}, or move the file away.`;
  const entries = await fs.readdir(real);
  if (entries.length === 0 || entries.includes(MARKER)) return undefined;
  return `${shown} holds files that this build did not write; ${choose}, or empty it first.`;
}

/** The default protected folders of a command run from the project's folder. */
export function protectedFolders(contentDir: string, projectDir: string, instead?: string): ProtectedFolders {
  return {
    instead,
    contentDir,
    projectDir,
    inputDirs: [path.join(projectDir, 'templates'), path.join(projectDir, 'public')],
    homeDir: os.homedir(),
  };
}

/** Refuses `outputDir` with an OutputFolderError, or returns the folder the site is written to (a link's target). */
export async function checkOutputFolder(outputDir: string, folders: ProtectedFolders, fs: OutputFs = realFs): Promise<string> {
  const refusal = await outputFolderRefusal(outputDir, folders, fs);
  if (refusal) throw new OutputFolderError(refusal);
  return realPathOf(outputDir, fs);
}

// ---------------------------------------------------------------------------
// Working folders, named so that the next build knows them and whose they are.

/** Beside the output folder: `.NAME.building-PID-RANDOM` (the new site), and its `.old` (the previous one). */
const besideName = (base: string, pid: number) => `.${base}.building-${pid}-${randomBytes(4).toString('hex')}`;
/** Inside a folder whose contents are replaced: the new site staged, the old one moved aside (then complete, then trash). */
const insideName = (kind: 'incoming' | 'aside' | 'previous' | 'trash', pid: number) => `${MARKER}.${kind}-${pid}-${randomBytes(4).toString('hex')}`;
const pidOf = (name: string) => Number(/-(\d+)-[0-9a-f]+(?:\.old)?$/.exec(name)?.[1] ?? NaN);

/**
 * Finishes or undoes what an interrupted build of `outputDir` left: puts the
 * old site back when the output path has none, removes every working folder
 * of builds that no longer run. Called before every build and `npm start`.
 */
export async function recoverOutputFolder(outputDir: string, options: OutputOptions = {}): Promise<void> {
  const fs = options.fs ?? realFs;
  const isRunning = options.isRunning ?? processRuns;
  const target = await realPathOf(outputDir, fs);
  const parent = path.dirname(target);
  const base = path.basename(target);
  const abandoned = (name: string) => !isRunning(pidOf(name));

  const beside = (await fs.readdir(parent).catch(() => [] as string[])).filter((name) => name.startsWith(`.${base}.building-`) && abandoned(name));
  const exists = await fs.lstat(target).then(
    () => true,
    () => false,
  );
  if (!exists) {
    // Killed between the two renames: the previous site waits beside the output path.
    const old = beside.filter((name) => name.endsWith('.old'));
    const newest = (await Promise.all(old.map(async (name) => ({ name, time: (await fs.lstat(path.join(parent, name))).mtimeMs })))).sort(
      (a, b) => b.time - a.time,
    )[0];
    if (newest) await fs.rename(path.join(parent, newest.name), target);
  }
  for (const name of beside) await fs.rm(path.join(parent, name), { recursive: true, force: true });

  if (!(await isFolder(target, fs))) return;
  const inner = (await fs.readdir(target)).filter((name) => name.startsWith(`${MARKER}.`) && abandoned(name));
  const kind = (name: string) => /^\.etwinning-archive\.([a-z]+)-/.exec(name)?.[1];
  const aside = inner.find((name) => kind(name) === 'aside');
  const previous = inner.find((name) => kind(name) === 'previous');
  if (aside || previous) {
    // Killed while the contents were being swapped: bring the old site back.
    const keep = new Set(inner);
    if (previous) {
      // Every old entry is in `previous`: whatever else is here is the new site's.
      for (const name of await fs.readdir(target)) if (!keep.has(name)) await fs.rm(path.join(target, name), { recursive: true, force: true });
    }
    const from = path.join(target, (previous ?? aside)!);
    for (const name of await fs.readdir(from)) await fs.rename(path.join(from, name), path.join(target, name));
  }
  for (const name of inner) await fs.rm(path.join(target, name), { recursive: true, force: true });
}

async function isFolder(folder: string, fs: OutputFs): Promise<boolean> {
  return fs.stat(folder).then(
    (found) => found.isDirectory(),
    () => false,
  );
}

/** Renaming fails so on a mount point (EBUSY), across mounts (EXDEV), or in a parent this user may not write to. */
const CANNOT_RENAME = new Set(['EBUSY', 'EXDEV', 'EPERM', 'EACCES', 'EROFS']);

/**
 * Puts a new site at `outputDir`: `build` writes it into the folder it is
 * given (new and empty, created under the user's umask: folders 0755 and
 * files 0644 under the usual 022); only when it returns is the previous site
 * replaced. Throws OutputFolderError for a refused folder (nothing touched).
 */
export async function replaceOutputFolder(
  outputDir: string,
  folders: ProtectedFolders,
  build: (folder: string) => Promise<void>,
  options: OutputOptions = {},
): Promise<void> {
  const fs = options.fs ?? realFs;
  const pid = options.pid ?? process.pid;
  await recoverOutputFolder(outputDir, options);
  const target = await checkOutputFolder(outputDir, folders, fs);
  const parent = path.dirname(target);
  // A parent that does not exist yet is made, as `mkdir -p` would.
  await fs.mkdir(parent, { recursive: true });

  const existing = await isFolder(target, fs);
  const mountPoint = existing && (await fs.stat(target)).dev !== (await fs.stat(parent)).dev;
  if (mountPoint) return replaceContents(target, build, { fs, pid });

  const fresh = path.join(parent, besideName(path.basename(target), pid));
  try {
    await fs.mkdir(fresh);
  } catch (error) {
    if (existing && CANNOT_RENAME.has(codeOf(error) ?? '')) return replaceContents(target, build, { fs, pid });
    throw error;
  }
  await fillFolder(fresh, build, fs);
  const old = `${fresh}.old`;
  if (existing) {
    try {
      await fs.rename(target, old);
    } catch (error) {
      if (!CANNOT_RENAME.has(codeOf(error) ?? '')) throw error;
      return replaceContents(target, async (folder) => moveFolder(fresh, folder, fs), { fs, pid });
    }
  }
  await fs.rename(fresh, target);
  if (existing) await fs.rm(old, { recursive: true, force: true });
}

/** Builds into `folder` and marks it as this build's; on failure removes it. */
async function fillFolder(folder: string, build: (folder: string) => Promise<void>, fs: OutputFs): Promise<void> {
  try {
    await build(folder);
    await fs.writeFile(path.join(folder, MARKER), MARKER_TEXT);
  } catch (error) {
    await fs.rm(folder, { recursive: true, force: true }).catch(() => undefined);
    throw error;
  }
}

/** Moves a folder's entries into another one (renaming them, or copying across file systems). */
async function moveFolder(from: string, to: string, fs: OutputFs): Promise<void> {
  for (const name of await fs.readdir(from)) {
    try {
      await fs.rename(path.join(from, name), path.join(to, name));
    } catch (error) {
      if (codeOf(error) !== 'EXDEV') throw error;
      await fs.cp(path.join(from, name), path.join(to, name), { recursive: true });
    }
  }
  await fs.rm(from, { recursive: true, force: true });
}

/**
 * Replaces the contents of `target`, for a folder that cannot itself be
 * renamed. The new site is staged inside it (same file system, so moving it
 * in is renames only); the old entries go into an `aside` folder, which is
 * renamed `previous` once complete (so the next build knows which entries
 * are old), then the new entries are moved in, and `previous` becomes `trash`
 * before it is removed.
 */
async function replaceContents(target: string, build: (folder: string) => Promise<void>, { fs, pid }: { fs: OutputFs; pid: number }): Promise<void> {
  const incoming = path.join(target, insideName('incoming', pid));
  await fs.mkdir(incoming);
  await fillFolder(incoming, build, fs);
  const working = new Set([path.basename(incoming)]);
  const aside = path.join(target, insideName('aside', pid));
  await fs.mkdir(aside);
  working.add(path.basename(aside));
  for (const name of await fs.readdir(target)) {
    if (!working.has(name)) await fs.rename(path.join(target, name), path.join(aside, name));
  }
  const previous = path.join(target, insideName('previous', pid));
  await fs.rename(aside, previous);
  for (const name of await fs.readdir(incoming)) await fs.rename(path.join(incoming, name), path.join(target, name));
  const trash = path.join(target, insideName('trash', pid));
  await fs.rename(previous, trash);
  await fs.rm(incoming, { recursive: true, force: true });
  await fs.rm(trash, { recursive: true, force: true });
}

/**
 * For `npm start`, which writes into the output folder itself: checks it,
 * recovers what an interrupted build left, and marks it as this build's.
 */
export async function claimOutputFolder(outputDir: string, folders: ProtectedFolders, options: OutputOptions = {}): Promise<string> {
  const fs = options.fs ?? realFs;
  await recoverOutputFolder(outputDir, options);
  const target = await checkOutputFolder(outputDir, folders, fs);
  await fs.mkdir(target, { recursive: true });
  await fs.writeFile(path.join(target, MARKER), MARKER_TEXT);
  return target;
}
