import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { LANGUAGES, type Lang } from '../i18n/languages.ts';
import type { Archive, Project } from './model.ts';

const run = promisify(execFile);

/** A project that is not, or may no longer be, the same in every language. */
export type TranslationNote =
  | { kind: 'missing'; project: Project; missing: Lang[] }
  | { kind: 'stale'; project: Project; newer: Lang; older: Lang; newerFile: string; olderFile: string; changed: Date | 'uncommitted' };

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
  const status = await git('status', '--porcelain', '--untracked-files=all', '--', '.');
  const root = (await git('rev-parse', '--show-toplevel')).stdout.trim();
  for (const line of status.stdout.split('\n').filter(Boolean)) {
    const file = path.resolve(root, line.slice(3).split(' -> ').pop()!);
    changes.set(file, { order: -1, when: 'uncommitted' });
  }
  // One git call for the whole history, not one per file.
  const log = await git('log', '--format=@%ct', '--name-only', '--', '.');
  let order = 0;
  let when = new Date(0);
  for (const line of log.stdout.split('\n')) {
    if (line.startsWith('@')) {
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
 * after another: a sign that the translation no longer says the same.
 */
export async function translationStatus(archive: Archive, contentDir: string): Promise<TranslationStatus> {
  const changes = await lastChanges(contentDir);
  const notes: TranslationNote[] = [];
  for (const project of archive.projects) {
    const missing = LANGUAGES.filter((lang) => !project.versions[lang]);
    if (missing.length > 0) notes.push({ kind: 'missing', project, missing });
    if (!changes) continue;
    const present = LANGUAGES.filter((lang) => project.versions[lang]);
    const changed = present.map((lang) => ({ lang, file: project.versions[lang]!.file, change: changes.get(path.resolve(project.versions[lang]!.file)) }));
    const newest = changed.reduce((a, b) => ((b.change?.order ?? Infinity) < (a.change?.order ?? Infinity) ? b : a));
    for (const other of changed) {
      if (other === newest || (other.change?.order ?? Infinity) <= (newest.change?.order ?? Infinity)) continue;
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
