/**
 * Read from a real git repository, made for the test in a temporary folder:
 * the history is what tells a translation older than the other language.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { findContent } from '../../../src/content/layout.ts';
import { translationStatus, type TranslationNote } from '../../../src/content/translation-status.ts';

const SCRATCH = '2015-2016/the-scratch-project';
const CULTURES = '2013-2014/traditional-cultures';
const COOL = '2014-2015/cool-or-not-too-cool';
const PLANTS = '2012-2013/medicinal-and-aromatic-plants';

let root: string;
before(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'etwinning-translations-'));
});
after(() => rmSync(root, { recursive: true, force: true }));

/** A repository with a content folder (at `contentPath` inside it), its files written and committed in turn. */
function repository(name: string, contentPath = 'content') {
  const dir = path.join(root, name);
  const contentDir = path.join(dir, contentPath);
  mkdirSync(contentDir, { recursive: true });
  const git = (args: string[], date = '2016-01-10T10:00:00Z') =>
    execFileSync('git', ['-C', dir, ...args], {
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'Δασκάλα',
        GIT_AUTHOR_EMAIL: 'teacher@example.org',
        GIT_COMMITTER_NAME: 'Δασκάλα',
        GIT_COMMITTER_EMAIL: 'teacher@example.org',
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_DATE: date,
      },
      stdio: 'pipe',
    });
  git(['init', '--quiet']);
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(contentDir, file)), { recursive: true });
    writeFileSync(path.join(contentDir, file), `---\ntitle: ${text}\n---\n\n${text}\n`);
  };
  const commit = (date: string) => {
    git(['add', '--all']);
    // Whatever the machine's own git settings: no signing, no hooks.
    git(['-c', 'commit.gpgsign=false', 'commit', '--quiet', '--no-verify', '--message', `Changes of ${date}`], date);
  };
  return { contentDir, write, commit };
}

/** The notes on the content folder's projects, each as "kind project: newer → older (when)". */
async function notesOf(contentDir: string): Promise<{ history: boolean; notes: string[] }> {
  const { projects } = await findContent(contentDir);
  const status = await translationStatus(projects, contentDir);
  const describe = (note: TranslationNote) =>
    note.kind === 'missing'
      ? `missing ${note.project.year}/${note.project.slug}: ${note.missing.join(', ')}`
      : `stale ${note.project.year}/${note.project.slug}: ${path.basename(note.newerFile)} → ${path.basename(note.olderFile)} (${note.changed === 'uncommitted' ? note.changed : note.changed.toISOString()})`;
  return { history: status.history, notes: status.notes.map(describe).sort() };
}

describe('in a git repository', () => {
  let contentDir: string;
  before(() => {
    const repo = repository('archive');
    contentDir = repo.contentDir;
    repo.write(`${SCRATCH}/index.el.md`, 'Το πρόγραμμα Scratch');
    repo.write(`${SCRATCH}/index.en.md`, 'The Scratch Project');
    repo.write(`${COOL}/index.el.md`, 'Cool or not too cool?');
    repo.write(`${COOL}/index.en.md`, 'Cool or not too cool?');
    repo.write(`${CULTURES}/index.el.md`, 'Παραδοσιακοί πολιτισμοί');
    repo.commit('2016-01-10T10:00:00Z');
    // The Greek text of the Scratch project changes a month later; its English one does not.
    repo.write(`${SCRATCH}/index.el.md`, 'Το πρόγραμμα Scratch, με μία ακόμη παράγραφο');
    repo.commit('2016-02-14T09:30:00Z');
    // The English text of Cool or not too cool is being edited, not committed yet.
    repo.write(`${COOL}/index.en.md`, 'Cool or not too cool? Rights and Obligations');
    // A new project, both its files written and not committed yet.
    repo.write(`${PLANTS}/index.el.md`, 'Φαρμακευτικά φυτά');
    repo.write(`${PLANTS}/index.en.md`, 'Medicinal plants');
  });

  test('a language changed after the other is a stale translation, with the day of the change', async () => {
    assert.ok((await notesOf(contentDir)).notes.includes('stale 2015-2016/the-scratch-project: index.el.md → index.en.md (2016-02-14T09:30:00.000Z)'));
  });

  test('a language changed and not committed yet is newer than any commit', async () => {
    assert.ok((await notesOf(contentDir)).notes.includes('stale 2014-2015/cool-or-not-too-cool: index.en.md → index.el.md (uncommitted)'));
  });

  test('languages committed together, or both not committed yet, are the same age: no note', async () => {
    assert.deepEqual(await notesOf(contentDir), {
      history: true,
      notes: [
        'missing 2013-2014/traditional-cultures: en',
        'stale 2014-2015/cool-or-not-too-cool: index.en.md → index.el.md (uncommitted)',
        'stale 2015-2016/the-scratch-project: index.el.md → index.en.md (2016-02-14T09:30:00.000Z)',
      ],
    });
  });
});

test('the content folder in a folder of the repository, named in Greek with spaces, is read the same', async () => {
  const repo = repository('greek-folder', 'Αρχείο eTwinning/content');
  repo.write(`${SCRATCH}/index.el.md`, 'Το πρόγραμμα Scratch');
  repo.write(`${SCRATCH}/index.en.md`, 'The Scratch Project');
  repo.commit('2016-01-10T10:00:00Z');
  repo.write(`${SCRATCH}/index.en.md`, 'The Scratch Project, one more paragraph');
  repo.commit('2016-03-01T08:00:00Z');
  assert.deepEqual((await notesOf(repo.contentDir)).notes, ['stale 2015-2016/the-scratch-project: index.en.md → index.el.md (2016-03-01T08:00:00.000Z)']);
});

test('outside git, a missing language is still told, and the status says it has no history', async () => {
  const contentDir = path.join(root, 'no-git', 'content');
  for (const file of [`${SCRATCH}/index.el.md`, `${SCRATCH}/index.en.md`, `${CULTURES}/index.el.md`, `${PLANTS}/index.en.md`]) {
    mkdirSync(path.dirname(path.join(contentDir, file)), { recursive: true });
    writeFileSync(path.join(contentDir, file), '---\ntitle: x\n---\n');
  }
  assert.deepEqual(await notesOf(contentDir), {
    history: false,
    notes: ['missing 2012-2013/medicinal-and-aromatic-plants: el', 'missing 2013-2014/traditional-cultures: en'],
  });
});
