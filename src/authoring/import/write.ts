/**
 * Writes the planned files into the content folder, never over anything: a
 * project whose folder exists is left as it is (already imported, when the
 * folder holds a project of the same title), and so is a school file that
 * exists. Running the import twice therefore changes nothing.
 *
 * A file that cannot be written (a file where the year's folder goes, no
 * permission, a full disk) stops only its own project: it is told as a
 * WriteFailure, what was made for it is removed again, and the others are
 * written.
 */
import { existsSync, statSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { foldForMatching } from '../../content/normalise/text.ts';
import { readSourceFile } from '../../content/source-file.ts';
import { LANGUAGES } from '../../i18n/languages.ts';
import type { PlannedFile, PlannedProject } from './plan.ts';

/** Why a file could not be written, with what stands in the way (a path), for the report to name with its fix. */
export type WriteFailure =
  /** A file stands where a folder is needed (ENOTDIR), e.g. a file named like the school year. */
  | { reason: 'notAFolder'; blocker: string }
  /** No permission to write in `blocker`, the folder the file goes into (EACCES, EPERM, EROFS). */
  | { reason: 'denied'; blocker: string }
  /** The disk is full (ENOSPC, EDQUOT). */
  | { reason: 'full' }
  /** `blocker` appeared while the import was writing (EEXIST). */
  | { reason: 'exists'; blocker: string }
  /** Anything else, with the system's code or message. */
  | { reason: 'other'; detail: string };

export type WriteOutcome =
  | { status: 'written' }
  | { status: 'alreadyThere' }
  /** The folder exists and holds something else: a project of another title (when it has one). */
  | { status: 'occupied'; title?: string }
  /** It could not be written; nothing of it was left behind. */
  | { status: 'failed'; failure: WriteFailure };

export async function writeProject(contentDir: string, planned: PlannedProject): Promise<WriteOutcome> {
  const folder = path.join(contentDir, planned.year, planned.folder);
  if (existsSync(folder)) {
    const titles = await existingTitles(folder);
    const key = foldForMatching(planned.title);
    return titles.some((title) => foldForMatching(title) === key) ? { status: 'alreadyThere' } : { status: 'occupied', title: titles[0] };
  }
  // The first folder made (the year's, when it is new): removed again if anything fails, so no half project is left,
  // which a second import would take for one already there.
  let made: string | undefined;
  try {
    made = await mkdir(folder, { recursive: true });
    for (const file of planned.files) await writeFile(path.join(contentDir, file.path), file.text, { flag: 'wx' });
  } catch (error) {
    if (made) await rm(made, { recursive: true, force: true });
    return { status: 'failed', failure: writeFailure(error, folder) };
  }
  return { status: 'written' };
}

/** A school file is written only where there is none. */
export async function writeSchoolFile(contentDir: string, file: PlannedFile): Promise<'written' | 'alreadyThere' | { failure: WriteFailure }> {
  const target = path.join(contentDir, file.path);
  if (existsSync(target)) return 'alreadyThere';
  try {
    await mkdir(contentDir, { recursive: true });
    await writeFile(target, file.text, { flag: 'wx' });
  } catch (error) {
    return { failure: writeFailure(error, target) };
  }
  return 'written';
}

/** What a failed write of `target` (a folder or a file) means for a teacher: what is in the way, where. */
export function writeFailure(error: unknown, target: string): WriteFailure {
  const { code, message } = error as NodeJS.ErrnoException;
  switch (code) {
    case 'ENOTDIR':
      return { reason: 'notAFolder', blocker: fileInTheWay(target) ?? path.dirname(target) };
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return { reason: 'denied', blocker: nearestExisting(path.dirname(target)) };
    case 'ENOSPC':
    case 'EDQUOT':
      return { reason: 'full' };
    case 'EEXIST': {
      // mkdir says EEXIST, not ENOTDIR, when the file stands at the very path of a folder to make.
      const file = fileInTheWay(target);
      if (file !== undefined && path.resolve(file) !== path.resolve(target)) return { reason: 'notAFolder', blocker: file };
      return { reason: 'exists', blocker: (error as NodeJS.ErrnoException).path ?? target };
    }
    default:
      return { reason: 'other', detail: code ?? message };
  }
}

/** The first path on the way to `target` that exists and is not a folder. */
function fileInTheWay(target: string): string | undefined {
  const absolute = path.resolve(target);
  const { root } = path.parse(absolute);
  let current = root;
  for (const part of absolute.slice(root.length).split(path.sep)) {
    current = path.join(current, part);
    const stat = statSync(current, { throwIfNoEntry: false });
    if (stat === undefined) return undefined;
    // Shown as the teacher gave the content folder: relative when it was.
    if (!stat.isDirectory()) return path.isAbsolute(target) ? current : path.relative(process.cwd(), current);
  }
  return undefined;
}

/** `folder`, or its nearest parent that exists: where writing was refused. */
function nearestExisting(folder: string): string {
  let current = folder;
  while (!existsSync(current) && path.dirname(current) !== current) current = path.dirname(current);
  return current;
}

/**
 * The titles of the language files in an existing project folder, read as
 * the check reads them (`yaml`, numbers kept as written: `title: 007` is
 * "007"); a file that cannot be read, or that the check refuses, names no title.
 */
async function existingTitles(folder: string): Promise<string[]> {
  const titles: string[] = [];
  for (const lang of LANGUAGES) {
    const file = path.join(folder, `index.${lang}.md`);
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch {
      continue;
    }
    const read = readSourceFile(file, bytes);
    const title = 'source' in read ? read.source.data.title : undefined;
    if (typeof title === 'string') titles.push(title);
  }
  return titles;
}
