/**
 * Writes the planned files into the content folder, never over anything: a
 * project whose folder exists is left as it is (already imported, when the
 * folder holds a project of the same title), and so is a school file that
 * exists. Running the import twice therefore changes nothing.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';
import { foldForMatching } from '../../content/normalise/text.ts';
import { LANGUAGES } from '../../i18n/languages.ts';
import type { PlannedFile, PlannedProject } from './plan.ts';

export type WriteOutcome =
  | { status: 'written' }
  | { status: 'alreadyThere' }
  /** The folder exists and holds something else: a project of another title (when it has one). */
  | { status: 'occupied'; title?: string };

export async function writeProject(contentDir: string, planned: PlannedProject): Promise<WriteOutcome> {
  const folder = path.join(contentDir, planned.year, planned.folder);
  if (existsSync(folder)) {
    const titles = await existingTitles(folder);
    const key = foldForMatching(planned.title);
    return titles.some((title) => foldForMatching(title) === key) ? { status: 'alreadyThere' } : { status: 'occupied', title: titles[0] };
  }
  await mkdir(folder, { recursive: true });
  for (const file of planned.files) await writeFile(path.join(contentDir, file.path), file.text, { flag: 'wx' });
  return { status: 'written' };
}

/** A school file is written only where there is none. */
export async function writeSchoolFile(contentDir: string, file: PlannedFile): Promise<'written' | 'alreadyThere'> {
  const target = path.join(contentDir, file.path);
  if (existsSync(target)) return 'alreadyThere';
  await mkdir(contentDir, { recursive: true });
  await writeFile(target, file.text, { flag: 'wx' });
  return 'written';
}

/** The titles of the language files in an existing project folder (a file that cannot be read has none). */
async function existingTitles(folder: string): Promise<string[]> {
  const titles: string[] = [];
  for (const lang of LANGUAGES) {
    try {
      const title: unknown = matter(await readFile(path.join(folder, `index.${lang}.md`), 'utf8')).data.title;
      if (typeof title === 'string' || typeof title === 'number') titles.push(String(title));
    } catch {
      // No such file, or not one the check could read: it names no title.
    }
  }
  return titles;
}
