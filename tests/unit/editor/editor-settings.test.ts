/**
 * Where the editor saves. The order of the sources (environment, package.json,
 * GITHUB_REPOSITORY) is also tested in tests/unit/editor/editor-config.test.ts.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { DEFAULT_LOCAL_BACKEND, editorCanSave, packageEditorSettings, readEditorSettings } from '../../../src/editor/editor-settings.ts';

describe('the settings', () => {
  test('without anything configured: the main branch of nothing, on GitHub', () => {
    assert.deepEqual(readEditorSettings({}, {}), { branch: 'main', apiRoot: 'https://api.github.com' });
  });

  test('are read as written, without the spaces around them or the slash at the end of an address', () => {
    assert.deepEqual(
      readEditorSettings(
        { CMS_REPOSITORY: ' 14dim-acharnon/etwinning ', CMS_AUTH_URL: 'https://auth.school.example.org/' },
        { branch: ' published ', apiRoot: 'https://git.school.example.org/api/v3/', authEndpoint: 'api/auth' },
      ),
      {
        repository: '14dim-acharnon/etwinning',
        branch: 'published',
        apiRoot: 'https://git.school.example.org/api/v3',
        authUrl: 'https://auth.school.example.org',
        authEndpoint: 'api/auth',
      },
    );
  });

  test("an empty setting does not count: the next source's is taken", () => {
    assert.equal(
      readEditorSettings({ CMS_REPOSITORY: '  ', CMS_BRANCH: '' }, { repository: 'school/etwinning', branch: 'main' }).repository,
      'school/etwinning',
    );
  });

  test("a repository's web address instead of owner/name is refused, saying where it was written", () => {
    assert.throws(
      () => readEditorSettings({}, { repository: 'https://github.com/school/etwinning' }),
      /^Error: The editor's repository "https:\/\/github\.com\/school\/etwinning" is not of the form owner\/name \(etwinningArchive\.editor\.repository in package\.json, or CMS_REPOSITORY\)\.$/,
    );
  });
});

describe('the local backend of npm run edit', () => {
  test('true, 1 or yes is decap-server at its usual address; false, 0 or no is none', () => {
    for (const yes of ['true', '1', 'yes', 'TRUE', 'Yes'])
      assert.equal(readEditorSettings({ CMS_LOCAL_BACKEND: yes }, {}).localBackend, DEFAULT_LOCAL_BACKEND, yes);
    for (const no of ['false', '0', 'no', 'No', '']) assert.equal(readEditorSettings({ CMS_LOCAL_BACKEND: no }, {}).localBackend, undefined, no);
    assert.equal(DEFAULT_LOCAL_BACKEND, 'http://localhost:8081/api/v1');
  });

  test('an address of its own is kept, and must be http or https', () => {
    assert.equal(readEditorSettings({ CMS_LOCAL_BACKEND: 'http://127.0.0.1:9999/api/v1' }, {}).localBackend, 'http://127.0.0.1:9999/api/v1');
    assert.throws(
      () => readEditorSettings({ CMS_LOCAL_BACKEND: 'ftp://localhost/api' }, {}),
      /CMS_LOCAL_BACKEND must be an http\(s\) URL, not "ftp:\/\/localhost\/api"\./,
    );
  });
});

test('the editor can save to a GitHub repository, or through decap-server, and nowhere else', () => {
  assert.equal(editorCanSave(readEditorSettings({}, { repository: 'school/etwinning' })), true);
  assert.equal(editorCanSave(readEditorSettings({ CMS_LOCAL_BACKEND: 'true' }, {})), true);
  assert.equal(editorCanSave(readEditorSettings({}, {})), false);
});

describe("package.json's etwinningArchive.editor", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'etwinning-package-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const manifest = (content: object) => {
    const file = path.join(dir, `${Object.keys(content).join('-') || 'empty'}.json`);
    writeFileSync(file, JSON.stringify(content));
    return file;
  };

  test('is read from the package.json of a fork', () => {
    const file = manifest({ name: 'etwinning-archive', etwinningArchive: { editor: { repository: 'school/etwinning', branch: 'main' } } });
    assert.deepEqual(packageEditorSettings(file), { repository: 'school/etwinning', branch: 'main' });
  });

  test('is empty when package.json has none', () => {
    assert.deepEqual(packageEditorSettings(manifest({ name: 'etwinning-archive' })), {});
    assert.deepEqual(packageEditorSettings(manifest({ etwinningArchive: {} })), {});
  });
});
