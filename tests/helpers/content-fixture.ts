/**
 * Test helpers: a private copy of the bundled content to break on purpose,
 * and a way to run the real command line on it.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot, runCli, type CliResult } from './built-site.ts';

export { repoRoot, runCli, type CliResult };
/** The bundled project most tests break on purpose, and its two files. */
export const SCRATCH = '2015-2016/the-scratch-project';
export const SCRATCH_EL = `${SCRATCH}/index.el.md`;
export const SCRATCH_EN = `${SCRATCH}/index.en.md`;

export const bundledContent = path.join(repoRoot, 'content');

export interface ContentFixture {
  /** The temporary folder that holds everything (remove it with `remove()`). */
  root: string;
  /** Absolute path of the copied content folder. */
  contentDir: string;
  /**
   * The content folder as it is given to the command line: relative to the
   * repository, which is where the CLI runs. Messages start with it.
   */
  contentArg: string;
  /** Absolute path of a file or folder inside the content folder. */
  abs(relative: string): string;
  /** The path a message shows for a file inside the content folder. */
  shown(relative: string): string;
  read(relative: string): string;
  write(relative: string, text: string | Uint8Array): void;
  /** Replaces exactly one occurrence of `from` (throws if there is none or more than one). */
  replace(relative: string, from: string, to: string): void;
  /** Removes a file or folder. */
  removeFile(relative: string): void;
  /** Renames a file or folder inside the content folder. */
  rename(from: string, to: string): void;
  /** 1-based line of the first line of the file that contains `text`. */
  lineOf(relative: string, text: string): number;
  /** Removes the whole temporary folder. */
  remove(): void;
}

/** Copies the bundled content into a fresh temporary folder. */
export function makeContentFixture(source: string = bundledContent): ContentFixture {
  const root = mkdtempSync(path.join(os.tmpdir(), 'etwinning-content-'));
  const contentDir = path.join(root, 'content');
  cpSync(source, contentDir, { recursive: true });
  const contentArg = path.relative(repoRoot, contentDir);
  const abs = (relative: string) => path.join(contentDir, relative);
  const read = (relative: string) => readFileSync(abs(relative), 'utf8');
  return {
    root,
    contentDir,
    contentArg,
    abs,
    shown: (relative) => path.join(contentArg, relative),
    read,
    write: (relative, text) => writeFileSync(abs(relative), text),
    replace(relative, from, to) {
      const text = read(relative);
      const count = text.split(from).length - 1;
      if (count !== 1) throw new Error(`fixture: expected "${from}" once in ${relative}, found it ${count} times`);
      writeFileSync(
        abs(relative),
        text.replace(from, () => to),
      );
    },
    removeFile: (relative) => rmSync(abs(relative), { recursive: true }),
    rename: (from, to) => renameSync(abs(from), abs(to)),
    lineOf(relative, text) {
      const index = read(relative)
        .split(/\r?\n/)
        .findIndex((line) => line.includes(text));
      if (index < 0) throw new Error(`fixture: "${text}" is not in ${relative}`);
      return index + 1;
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** A fresh empty temporary folder, e.g. to hold a build's output. */
export function makeTempDir(prefix = 'etwinning-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export const runBuild = (args: readonly string[]) => runCli('build', args);
export const runCheck = (args: readonly string[]) => runCli('check', args);

/** Every file and folder under a folder (relative, sorted): a file with the sha256 of its bytes, a folder as "folder". */
export function snapshotFolder(folder: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        files.set(path.relative(folder, full), 'folder');
        walk(full);
      } else files.set(path.relative(folder, full), createHash('sha256').update(readFileSync(full)).digest('hex'));
    }
  };
  walk(folder);
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
