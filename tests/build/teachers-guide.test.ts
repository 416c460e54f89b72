import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { repoRoot, runCli, tempDir } from '../helpers/built-site.ts';

/** The guide's example project, as a teacher would copy it, must pass the check. */
for (const guide of ['teachers.el.md', 'teachers.en.md']) {
  test(`the example project in docs/${guide} passes the check`, () => {
    const text = readFileSync(path.join(repoRoot, 'docs', guide), 'utf8');
    const examples = [...text.matchAll(/```markdown\n([\s\S]*?)```/g)].map((match) => match[1]!);
    assert.equal(examples.length, 2, 'the Greek and the English file');
    const root = tempDir('guide');
    try {
      const contentDir = path.join(root, 'content');
      cpSync(path.join(repoRoot, 'content'), contentDir, { recursive: true });
      const folder = path.join(contentDir, '2016-2017', 'olympic-games');
      mkdirSync(folder, { recursive: true });
      writeFileSync(path.join(folder, 'index.el.md'), examples[0]!);
      writeFileSync(path.join(folder, 'index.en.md'), examples[1]!);
      const result = runCli('check', ['--content', contentDir, '--lang', 'en']);
      assert.equal(result.status, 0, result.stderr);
      assert.doesNotMatch(result.stdout, /olympic-games/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
}
