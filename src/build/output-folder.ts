import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, rmSync, unlinkSync } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type Owner, processRuns, THIS_PROCESS } from './process-owner.ts';

/**
 * The one place that decides whether a folder may receive the site, and the
 * one way the site is put there. Every command that writes the site (`npm run
 * build`, `npm start`, `npm run edit`, the benchmark) goes through it.
 *
 * 1. Which folder may be replaced (`outputFolderRefusal`): one that does not
 *    exist, an empty one, or an earlier output of this build, recognised by
 *    the marker file (MARKER) the build writes into every output, which lists
 *    the entries the build wrote there: a folder holding anything else (the
 *    site copied into a web server's folder beside other files, marker and
 *    all) is refused, and its other files named. Never the
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

const MARKER_INTRO = [
  "This folder was written by the eTwinning archive's build (npm run build / npm start).",
  'The build replaces it as a whole each time: do not keep your own files in it.',
  'It wrote the entries listed below; anything else here keeps the build from replacing the folder.',
];

/** The marker's text: what it is, then each entry the build wrote into the folder, one per line. */
function markerText(entries: readonly string[]): string {
  return `${[...MARKER_INTRO, '', ...[...entries].filter((name) => name !== MARKER).sort()].join('\n')}\n`;
}

/** The entries a marker lists (none for a marker without a list). */
function markedEntries(text: string): Set<string> {
  const [, list = ''] = text.split('\n\n');
  return new Set(list.split('\n').filter(Boolean));
}

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
  stat(file: string): Promise<{ isDirectory(): boolean; dev: number; mode: number; uid: number; gid: number }>;
  realpath(file: string): Promise<string>;
  readlink(file: string): Promise<string>;
  readdir(folder: string): Promise<string[]>;
  mkdir(folder: string, options?: { recursive?: boolean }): Promise<unknown>;
  rename(from: string, to: string): Promise<void>;
  rm(file: string, options: { recursive: true; force: true }): Promise<void>;
  /** `exclusive`: fails with EEXIST when the file exists (a lock). */
  writeFile(file: string, text: string): Promise<void>;
  readFile(file: string): Promise<string>;
  /** The folder's mode and owner, given to the new site that replaces it. */
  chmod(file: string, mode: number): Promise<void>;
  chown(file: string, uid: number, gid: number): Promise<void>;
  cp(from: string, to: string, options: { recursive: true }): Promise<void>;
  /** For the lock: a second name for a file (fails with EEXIST), and removing one file. */
  link(existing: string, name: string): Promise<void>;
  unlink(file: string): Promise<void>;
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
  readFile: (file) => nodeFs.readFile(file, 'utf8'),
  chmod: (file, mode) => nodeFs.chmod(file, mode),
  chown: (file, uid, gid) => nodeFs.chown(file, uid, gid),
  cp: (from, to, options) => nodeFs.cp(from, to, options),
  link: (existing, name) => nodeFs.link(existing, name),
  unlink: (file) => nodeFs.unlink(file),
};

export interface OutputOptions {
  fs?: OutputFs;
  /** This build's process: its id and when it started, written into the names of its working folders. */
  owner?: Owner;
  /** Whether the process that left a working folder still runs (then its folder is not touched). */
  isRunning?: (owner: Owner) => boolean;
}

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code;

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
  return (await protectedFolderRefusal(outputDir, folders, fs)) ?? (await contentsRefusal(outputDir, folders, fs));
}

/** Why `outputDir` may not receive the site whatever it holds: it is, holds or lies inside a folder the build protects. */
async function protectedFolderRefusal(outputDir: string, folders: ProtectedFolders, fs: OutputFs): Promise<string | undefined> {
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
  return undefined;
}

/** Why `outputDir` may not receive the site for what it is or holds: a file, or files the build did not write. */
async function contentsRefusal(outputDir: string, folders: ProtectedFolders, fs: OutputFs): Promise<string | undefined> {
  const shown = `"${outputDir}"`;
  const choose = folders.instead ?? 'choose another --output';
  const real = await realPathOf(outputDir, fs);
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
  if (!found.isDirectory()) return `${shown} is a file, not a folder; ${folders.instead ? 'move the file away' : `${choose}, or move the file away`}.`;
  const entries = await fs.readdir(real);
  if (entries.length === 0) return undefined;
  const written = entries.includes(MARKER) ? markedEntries(await fs.readFile(path.join(real, MARKER))) : new Set<string>();
  // The build's own working folders, left by an interrupted build, are its too.
  const others = entries.filter((name) => name !== MARKER && !written.has(name) && !isInnerWorkingName(name)).sort();
  if (others.length === 0) return undefined;
  const named = others.length > 3 ? `${others.slice(0, 3).join(', ')} and ${others.length - 3} more` : others.join(', ');
  return `${shown} holds files that this build did not write (${named}); ${choose}, or empty it first.`;
}

/**
 * The protected folders of a command: the content, the project, and the
 * templates and public folders the build reads. Eleventy reads these from the
 * folder the command runs in, so a command run from elsewhere is refused
 * (`inProjectFolder`), and both places are protected all the same.
 */
export function protectedFolders(contentDir: string, projectDir: string, instead?: string): ProtectedFolders {
  const read = [...new Set([projectDir, process.cwd()])].flatMap((folder) => [path.join(folder, 'templates'), path.join(folder, 'public')]);
  return { instead, contentDir, projectDir, inputDirs: read, homeDir: os.homedir() };
}

/**
 * The build reads `templates/` and `public/` from the folder it runs in, which
 * must be the project's own (`npm run` runs every command there): run from
 * elsewhere, it would build another folder's templates.
 */
export async function inProjectFolder(projectDir: string, fs: OutputFs = realFs): Promise<void> {
  if ((await fs.realpath(process.cwd())) === (await fs.realpath(projectDir))) return;
  throw new OutputFolderError(
    `Run the archive's commands from its own folder, ${projectDir} (npm run does that): the build reads its templates from the folder it runs in, here ${process.cwd()}.`,
  );
}

/** What the file system said, in words: the common reasons a folder cannot be used. */
const REASONS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'it is a symbolic link that leads back to itself',
  ENAMETOOLONG: 'its name is too long for the file system',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the file system is read-only',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EIO: 'the disk could not be read or written',
};

/**
 * What to say when writing the site failed on the disk itself (full, read-only,
 * failing), also where the error escaped the build (a library's own promise):
 * undefined for any other error.
 */
export function diskTroubleMessage(error: unknown): string | undefined {
  const code = errnoOf(error);
  if (code === undefined || !['ENOSPC', 'EDQUOT', 'EROFS', 'EIO'].includes(code)) return undefined;
  return `The site could not be written: ${REASONS[code]} (${code}). The previous site, if there was one, is unchanged.`;
}

/** The errno code of an error, or of the error it wraps (Eleventy wraps what the file system said). */
export function errnoOf(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 10; depth++) {
    const code = (current as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code;
    current = (current as { originalError?: unknown; cause?: unknown }).originalError ?? (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Runs `work`, turning what the file system refuses into an OutputFolderError that names the folder and says why. */
async function asRefusal<T>(outputDir: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const code = errnoOf(error);
    if (error instanceof OutputFolderError || code === undefined) throw error;
    throw new OutputFolderError(`"${outputDir}" cannot be used as the output folder: ${REASONS[code] ?? (error as Error).message} (${code}).`);
  }
}

// ---------------------------------------------------------------------------
// Working folders, named so that the next build knows them and whose they are.

/**
 * Beside the output folder: `.NAME.building-PID-START-RANDOM` (the new site),
 * and its `.old` (the previous one). A long NAME is shortened, with a hash of
 * it, so that the working folder's name stays within the file system's 255
 * bytes whatever the output folder is called.
 */
const besidePrefix = (base: string) =>
  Buffer.byteLength(base) <= 100 ? `.${base}.building-` : `.${base.slice(0, 60)}-${createHash('sha256').update(base).digest('hex').slice(0, 8)}.building-`;
const ownerPart = (owner: Owner) => `${owner.pid}-${owner.started}-${randomBytes(4).toString('hex')}`;
const besideName = (base: string, owner: Owner) => `${besidePrefix(base)}${ownerPart(owner)}`;
/** Inside a folder whose contents are replaced: the new site staged, the old one moved aside (then complete, then trash). */
const insideName = (kind: (typeof INNER_KINDS)[number], owner: Owner) => `${MARKER}.${kind}-${ownerPart(owner)}`;
/** Whether `name` is one of the build's working names, in exactly the form it writes them: anything else is the user's. */
const isWorkingName = (name: string, prefix: string) => name.startsWith(prefix) && /^\d+-\d+-[0-9a-f]{8}(?:\.old)?$/.test(name.slice(prefix.length));
const INNER_KINDS = ['incoming', 'aside', 'previous', 'trash'] as const;
const isInnerWorkingName = (name: string) => INNER_KINDS.some((kind) => isWorkingName(name, `${MARKER}.${kind}-`));
function ownerOf(name: string): Owner {
  const match = /-(\d+)-(\d+)-[0-9a-f]+(?:\.old)?$/.exec(name);
  return { pid: Number(match?.[1] ?? NaN), started: Number(match?.[2] ?? NaN) };
}

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
  const abandoned = (name: string) => !isRunning(ownerOf(name));

  const beside = (await fs.readdir(parent).catch(() => [] as string[])).filter((name) => isWorkingName(name, besidePrefix(base)) && abandoned(name));
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
  await recoverLock(target, isRunning, options.owner ?? THIS_PROCESS, fs);

  if (!(await isFolder(target, fs))) return;
  const inner = (await fs.readdir(target)).filter((name) => isInnerWorkingName(name) && abandoned(name));
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
  const target = await prepareOutputFolder(outputDir, folders, options);
  await replacePreparedFolder(target, outputDir, build, options);
}

/**
 * The second half of `replaceOutputFolder`, for a folder `prepareOutputFolder`
 * has made ready and locked (the build loads its content in between): puts
 * the new site there, and lets go of the folder.
 */
export async function replacePreparedFolder(
  target: string,
  outputDir: string,
  build: (folder: string) => Promise<void>,
  options: OutputOptions = {},
): Promise<void> {
  try {
    await replace(target, build, options, outputDir);
  } catch (error) {
    // Another build writes this folder: nothing was touched, and the lock is that build's.
    if (error instanceof OutputFolderLocked) throw error;
    await unlockOutputFolder(target, options);
    // What the file system refused, also while the site was written (the disk full): the previous site is as it was.
    const code = errnoOf(error);
    if (code === undefined || error instanceof OutputFolderError) throw error;
    throw new OutputFolderError(
      `The site could not be written into "${outputDir}": ${REASONS[code] ?? (error as Error).message} (${code}). The previous site, if there was one, is unchanged.`,
    );
  }
  await unlockOutputFolder(target, options);
}

/**
 * Refuses `outputDir` (OutputFolderError) or makes it ready: what an
 * interrupted build left is put right first (the old site back at its place),
 * so that even a build that then finds mistakes in the content leaves a site
 * at the output path. Returns the folder the site goes to (a link's target).
 */
export async function prepareOutputFolder(outputDir: string, folders: ProtectedFolders, options: OutputOptions = {}): Promise<string> {
  const fs = options.fs ?? realFs;
  // The lock first, before the folder is looked into: a build that runs may be changing it.
  const protectedTarget = await asRefusal(outputDir, async () => {
    const refusal = await protectedFolderRefusal(outputDir, folders, fs);
    if (refusal) throw new OutputFolderError(refusal);
    return realPathOf(outputDir, fs);
  });
  await asRefusal(outputDir, () => lockOutputFolder(protectedTarget, outputDir, options));
  try {
    await asRefusal(outputDir, async () => {
      const refusal = await contentsRefusal(outputDir, folders, fs);
      if (refusal) throw new OutputFolderError(refusal);
      await recoverOutputFolder(outputDir, options);
    });
    return protectedTarget;
  } catch (error) {
    await unlockOutputFolder(protectedTarget, options).catch(() => undefined);
    throw error;
  }
}

async function replace(target: string, build: (folder: string) => Promise<void>, options: OutputOptions, shown = target): Promise<void> {
  const fs = options.fs ?? realFs;
  const owner = options.owner ?? THIS_PROCESS;
  const parent = path.dirname(target);
  await makeFolders(parent, fs);
  await lockOutputFolder(target, shown, options);

  const existing = await isFolder(target, fs);
  const before = existing ? await fs.stat(target) : undefined;
  const mountPoint = before !== undefined && before.dev !== (await fs.stat(parent)).dev;
  const confirm = () => confirmLock(target, shown, options);
  if (mountPoint) return replaceContents(target, build, { fs, owner, confirm });

  const fresh = path.join(parent, besideName(path.basename(target), owner));
  try {
    await fs.mkdir(fresh);
  } catch (error) {
    if (existing && CANNOT_RENAME.has(codeOf(error) ?? '')) return replaceContents(target, build, { fs, owner, confirm });
    throw error;
  }
  await fillFolder(fresh, build, fs);
  await confirmLock(target, shown, options).catch(async (error: unknown) => {
    await fs.rm(fresh, { recursive: true, force: true });
    throw error;
  });
  const old = `${fresh}.old`;
  if (before) {
    // The output folder keeps its own mode and owner (a web server's group, say); a new one gets the umask's.
    await fs.chmod(fresh, before.mode & 0o7777);
    await fs.chown(fresh, before.uid, before.gid).catch(() => undefined);
    try {
      await fs.rename(target, old);
    } catch (error) {
      if (!CANNOT_RENAME.has(codeOf(error) ?? '')) throw error;
      return replaceContents(target, async (folder) => moveFolder(fresh, folder, fs), { fs, owner, confirm });
    }
  }
  await fs.rename(fresh, target);
  if (existing) await fs.rm(old, { recursive: true, force: true });
}

/**
 * Makes a folder and its missing parents one at a time (`mkdir -p` as Node
 * does it loops forever on some special file systems, such as /proc).
 */
async function makeFolders(folder: string, fs: OutputFs): Promise<void> {
  const missing: string[] = [];
  for (let current = folder; !(await isFolder(current, fs)); current = path.dirname(current)) {
    if (path.dirname(current) === current) break;
    missing.unshift(current);
  }
  for (const each of missing) await fs.mkdir(each);
}

/** Builds into `folder` and marks it as this build's; on failure removes it. */
async function fillFolder(folder: string, build: (folder: string) => Promise<void>, fs: OutputFs): Promise<void> {
  working.add(folder);
  try {
    await build(folder);
    await markOutputFolder(folder, fs);
  } catch (error) {
    await fs.rm(folder, { recursive: true, force: true }).catch(() => undefined);
    throw error;
  } finally {
    working.delete(folder);
  }
}

/** Writes the marker into a folder the build wrote, listing what it holds. */
export async function markOutputFolder(folder: string, fs: OutputFs = realFs): Promise<void> {
  const entries = (await fs.readdir(folder)).filter((name) => !isInnerWorkingName(name));
  await fs.writeFile(path.join(folder, MARKER), markerText(entries));
}

/** The new sites being built by this process, beside or inside their output folders. */
const working = new Set<string>();

/**
 * Removes the half-built sites of this process, for a command that must stop
 * at once (a fatal error): the next build would remove them too, but a full
 * disk should not stay full until then.
 */
export function abandonWorkingFolders(): void {
  for (const folder of working) rmSync(folder, { recursive: true, force: true });
  working.clear();
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
async function replaceContents(
  target: string,
  build: (folder: string) => Promise<void>,
  { fs, owner, confirm }: { fs: OutputFs; owner: Owner; confirm: () => Promise<void> },
): Promise<void> {
  const incoming = path.join(target, insideName('incoming', owner));
  await fs.mkdir(incoming);
  await fillFolder(incoming, build, fs);
  await confirm().catch(async (error: unknown) => {
    await fs.rm(incoming, { recursive: true, force: true });
    throw error;
  });
  const working = new Set([path.basename(incoming)]);
  const aside = path.join(target, insideName('aside', owner));
  await fs.mkdir(aside);
  working.add(path.basename(aside));
  for (const name of await fs.readdir(target)) {
    if (!working.has(name)) await fs.rename(path.join(target, name), path.join(aside, name));
  }
  const previous = path.join(target, insideName('previous', owner));
  await fs.rename(aside, previous);
  for (const name of await fs.readdir(incoming)) await fs.rename(path.join(incoming, name), path.join(target, name));
  const trash = path.join(target, insideName('trash', owner));
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
  // The lock is held for as long as the dev server runs: a build into the same folder would swap it away under it.
  const target = await prepareOutputFolder(outputDir, folders, options);
  await asRefusal(outputDir, async () => {
    await makeFolders(target, fs);
    // Taken now if the folder's parent did not exist before.
    await lockOutputFolder(target, outputDir, options);
    await markOutputFolder(target, fs);
  });
  return target;
}

// ---------------------------------------------------------------------------
// One writer at a time.

/** A second build into a folder another running build or `npm start` is writing. */
class OutputFolderLocked extends OutputFolderError {}

/**
 * `.NAME.lock`, beside the output folder, names the process that writes it
 * (`PID-START`): a build from its first look at the folder until its site is
 * in place, `npm start` for as long as it runs. A second one is refused with a
 * message instead of the two racing to swap their sites in. A lock whose
 * process no longer runs (it was killed) is taken over. Only a file in the
 * lock's own form is ever removed: anything else by that name is the user's,
 * and refused. Where no file can be made beside the folder (its parent does
 * not exist yet, or is read-only above a mount point), there is no lock.
 */
const lockName = (base: string) => besidePrefix(base).replace(/building-$/, 'lock');
const lockOf = (target: string) => path.join(path.dirname(target), lockName(path.basename(target)));
const ownerText = (owner: Owner) => `${owner.pid}-${owner.started}`;
const LOCK_TEXT = /^(\d+)-(\d+)\n$/;
/** The lock is written under a name of its own first, then given the lock's name at once (a link): never seen half-written. */
const lockWorkingName = (lock: string, owner: Owner) => `${lock}-${ownerPart(owner)}`;

/** The locks this process holds, with its text in each: removed when it exits, however it exits. */
const heldLocks = new Map<string, string>();
let releasedAtExit = false;

type LockState = { kind: 'none' } | { kind: 'lock'; text: string; owner: Owner } | { kind: 'other' };

async function lockState(lock: string, fs: OutputFs): Promise<LockState> {
  const gone = (error: unknown) => {
    if (codeOf(error) === 'ENOENT') return undefined;
    throw error;
  };
  const found = await fs.lstat(lock).catch(gone);
  if (!found) return { kind: 'none' };
  if (found.isDirectory() || found.isSymbolicLink()) return { kind: 'other' };
  const text = await fs.readFile(lock).catch(gone);
  if (text === undefined) return { kind: 'none' };
  const match = LOCK_TEXT.exec(text);
  return match ? { kind: 'lock', text, owner: { pid: Number(match[1]), started: Number(match[2]) } } : { kind: 'other' };
}

/** Takes the lock of `target`'s folder for this process, or refuses (OutputFolderError). Taking it again is nothing. */
async function lockOutputFolder(target: string, shown: string, options: OutputOptions): Promise<void> {
  const fs = options.fs ?? realFs;
  const owner = options.owner ?? THIS_PROCESS;
  const isRunning = options.isRunning ?? processRuns;
  const lock = lockOf(target);
  const mine = `${ownerText(owner)}\n`;
  if (heldLocks.get(lock) === mine) return;
  for (let attempt = 0; attempt < 5; attempt++) {
    const working = lockWorkingName(lock, owner);
    try {
      await fs.writeFile(working, mine);
    } catch (error) {
      if (CANNOT_LOCK.has(codeOf(error) ?? '')) return;
      throw error;
    }
    const linked = await fs
      .link(working, lock)
      .then(
        () => true,
        (error: unknown) => {
          if (codeOf(error) === 'EEXIST') return false;
          throw error;
        },
      )
      .finally(() => fs.unlink(working).catch(() => undefined));
    if (linked) {
      holdLock(lock, mine);
      return;
    }
    const state = await lockState(lock, fs);
    if (state.kind === 'none') continue;
    if (state.kind === 'other') {
      throw new OutputFolderError(
        `"${lock}" is in the way of the build's lock for "${shown}": it is not a file the build wrote. Move it away, then run the command again.`,
      );
    }
    if (state.text === mine) return;
    if (isRunning(state.owner)) {
      throw new OutputFolderLocked(
        `"${shown}" is being written by another build of the archive right now (process ${state.owner.pid}: npm start, or npm run build in another window). ` +
          `Wait until it has finished, or stop it, then run the command again. (If no such build runs, delete ${lock}.)`,
      );
    }
    await breakStaleLock(lock, state.text, owner, fs);
  }
  throw new OutputFolderLocked(
    `"${shown}" is being written by other builds of the archive right now: wait until they have finished, then run the command again.`,
  );
}

/** Why a lock cannot be made beside a folder: its parent does not exist (yet), or may not be written to. */
const CANNOT_LOCK = new Set(['ENOENT', 'ENOTDIR', 'EACCES', 'EPERM', 'EROFS']);

/**
 * Removes the lock of a process that no longer runs. It is first given a name
 * of this process's own (one rename, which only one process can win), then
 * removed only if it is still the stale lock: a fresh lock taken meanwhile by
 * another build is given back its name.
 */
async function breakStaleLock(lock: string, stale: string, owner: Owner, fs: OutputFs): Promise<void> {
  const aside = lockWorkingName(lock, owner);
  try {
    await fs.rename(lock, aside);
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return;
    throw error;
  }
  const text = await fs.readFile(aside).catch(() => undefined);
  if (text !== stale) {
    // Another build's fresh lock: its name back. Should a third have taken the name meanwhile, the two find out before either swaps its site in (confirmLock).
    await fs.link(aside, lock).catch(() => undefined);
  }
  await fs.unlink(aside).catch(() => undefined);
}

/**
 * Right before the new site is swapped in: the lock must still be this
 * process's. Another build may have broken it, taking this one for dead (a
 * clock or a process table it could not read): then it is taken again if it
 * is free, or the build is refused, its new site not swapped in.
 */
async function confirmLock(target: string, shown: string, options: OutputOptions): Promise<void> {
  const lock = lockOf(target);
  const mine = `${ownerText(options.owner ?? THIS_PROCESS)}\n`;
  if (heldLocks.get(lock) !== mine) return;
  const state = await lockState(lock, options.fs ?? realFs);
  if (state.kind === 'lock' && state.text === mine) return;
  heldLocks.delete(lock);
  await lockOutputFolder(target, shown, options);
}

function holdLock(lock: string, text: string): void {
  if (!releasedAtExit) process.on('exit', releaseLocks);
  releasedAtExit = true;
  heldLocks.set(lock, text);
}

/** At exit, also a fatal one: the locks this process holds go with it, each only if it is still this process's. */
function releaseLocks(): void {
  for (const [lock, text] of heldLocks) {
    try {
      if (readFileSync(lock, 'utf8') === text) unlinkSync(lock);
    } catch {
      // Gone already.
    }
  }
  heldLocks.clear();
}

/** Ends this process's hold on `target`'s folder: its lock is removed, if it is still this process's. */
async function unlockOutputFolder(target: string, options: OutputOptions): Promise<void> {
  const fs = options.fs ?? realFs;
  const lock = lockOf(target);
  const mine = `${ownerText(options.owner ?? THIS_PROCESS)}\n`;
  if (heldLocks.get(lock) !== mine) return;
  heldLocks.delete(lock);
  if ((await fs.readFile(lock).catch(() => undefined)) === mine) await fs.unlink(lock).catch(() => undefined);
}

/**
 * Ends a build's hold on its output folder, however the build ended (its
 * content had mistakes, say): `replaceOutputFolder` ends it itself.
 */
export async function releaseOutputFolder(outputDir: string, options: OutputOptions = {}): Promise<void> {
  const target = await realPathOf(outputDir, options.fs ?? realFs).catch(() => undefined);
  if (target !== undefined) await unlockOutputFolder(target, options);
}

/** Working names of locks left by processes that no longer run (killed while taking or breaking a lock), and a stale lock. */
async function recoverLock(target: string, isRunning: (owner: Owner) => boolean, owner: Owner, fs: OutputFs): Promise<void> {
  const lock = lockOf(target);
  const prefix = `${path.basename(lock)}-`;
  const names = await fs.readdir(path.dirname(lock)).catch(() => [] as string[]);
  for (const name of names.filter((each) => isWorkingName(each, prefix) && !each.endsWith('.old'))) {
    const file = path.join(path.dirname(lock), name);
    const owner = ownerOf(name);
    if (isRunning(owner)) continue;
    // A lock's text (a stale lock set aside holds its dead process's), or none: its process died writing it. Anything else is not the build's.
    const found = await fs.lstat(file).catch(() => undefined);
    if (!found || found.isDirectory() || found.isSymbolicLink()) continue;
    const text = await fs.readFile(file).catch(() => undefined);
    if (text !== undefined && (text === '' || LOCK_TEXT.test(text))) await fs.unlink(file).catch(() => undefined);
  }
  const state = await lockState(lock, fs);
  if (state.kind === 'lock' && state.text !== `${ownerText(owner)}\n` && !isRunning(state.owner)) await breakStaleLock(lock, state.text, owner, fs);
}
