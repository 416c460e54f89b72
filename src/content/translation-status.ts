import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { LANGUAGES, type Lang } from '../i18n/languages.ts';
import type { ProjectFolder } from './layout.ts';

const run = promisify(execFile);

/** A project that is not, or may no longer be, the same in every language. */
export type TranslationNote =
  | { kind: 'missing'; project: ProjectFolder; missing: Lang[] }
  | { kind: 'stale'; project: ProjectFolder; newer: Lang; older: Lang; newerFile: string; olderFile: string; changed: Date | 'uncommitted' };

export interface TranslationStatus {
  notes: TranslationNote[];
  /** False when the content folder is not in a git repository: stale translations cannot be told. */
  history: boolean;
}

/** When each file was last changed, from git: the newest commit first, uncommitted changes newer still. */
async function lastChanges(contentDir: string): Promise<Map<string, { order: number; when: Date | 'uncommitted' }> | undefined> {
  const git = (...args: string[]) => run('git', ['-C', contentDir, ...args], { maxBuffer: 64 * 1024 * 1024 });
  try {
    await git('rev-parse', '--is-inside-work-tree');
  } catch {
    return undefined;
  }
  const changes = new Map<string, { order: number; when: Date | 'uncommitted' }>();
  // Paths are read NUL-separated (-z): otherwise git quotes a path with a space or a Greek
  // letter ("Αρχείο eTwinning/content/…"), and it would match no file.
  const status = await git('status', '--porcelain', '-z', '--untracked-files=all', '--', '.');
  const root = (await git('rev-parse', '--show-toplevel')).stdout.trim();
  const entries = status.stdout.split('\0');
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    if (entry === '') continue;
    changes.set(path.resolve(root, entry.slice(3)), { order: -1, when: 'uncommitted' });
    // A rename or a copy ("R  new", "C  new") is followed by the path it came from, which is not a file now.
    if (/[RC]/.test(entry.slice(0, 2))) i++;
  }
  // One git call for the whole history, not one per file: each commit's "@time", then the files it changed.
  const log = await git('log', '-z', '--format=@%ct', '--name-only', '--', '.');
  let order = 0;
  let when = new Date(0);
  for (const part of log.stdout.split('\0')) {
    const line = part.replace(/^\n/, '');
    if (/^@\d+$/.test(line)) {
      order++;
      when = new Date(Number(line.slice(1)) * 1000);
    } else if (line) {
      const file = path.resolve(root, line);
      if (!changes.has(file)) changes.set(file, { order, when });
    }
  }
  return changes;
}

/**
 * Which projects lack a language, and which have one language file changed
 * after another: a sign that the translation no longer says the same. Read
 * from the folders, so it is told even while some files have mistakes.
 */
export async function translationStatus(folders: readonly ProjectFolder[], contentDir: string): Promise<TranslationStatus> {
  const changes = await lastChanges(contentDir);
  const notes: TranslationNote[] = [];
  for (const project of folders) {
    const missing = LANGUAGES.filter((lang) => !project.files.some((file) => file.lang === lang));
    if (missing.length > 0) notes.push({ kind: 'missing', project, missing });
    if (!changes || project.files.length < 2) continue;
    const changed = project.files.map((file) => ({ lang: file.lang, file: file.file, change: changes.get(file.absolute) }));
    const order = (entry: (typeof changed)[number]) => entry.change?.order ?? Infinity;
    const newest = changed.reduce((a, b) => (order(b) < order(a) ? b : a));
    for (const other of changed) {
      if (order(other) <= order(newest)) continue;
      notes.push({
        kind: 'stale',
        project,
        newer: newest.lang,
        older: other.lang,
        newerFile: newest.file,
        olderFile: other.file,
        changed: newest.change!.when,
      });
    }
  }
  return { notes, history: changes !== undefined };
}
