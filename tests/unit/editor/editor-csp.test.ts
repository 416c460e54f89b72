import assert from 'node:assert/strict';
import { test } from 'node:test';
import { editorContentSecurityPolicy } from '../../../src/editor/editor-csp.ts';
import { readEditorSettings } from '../../../src/editor/editor-settings.ts';

/** A policy as its directives: name → sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split('; ').map((directive) => {
      const [name, ...sources] = directive.split(' ');
      return [name!, sources];
    }),
  );
}

const github = directives(editorContentSecurityPolicy(readEditorSettings({ CMS_REPOSITORY: '14dim-acharnon/etwinning' }, {})));

test("the editor's scripts, styles and images come from the site only, photos being uploaded included", () => {
  assert.deepEqual(github.get('default-src'), ["'self'"]);
  assert.deepEqual(github.get('script-src'), ["'self'", "'unsafe-eval'"]);
  assert.deepEqual(github.get('style-src'), ["'self'", "'unsafe-inline'"]);
  assert.deepEqual(github.get('img-src'), ["'self'", 'data:', 'blob:']);
});

test('no plugin, no other base address and no form sent elsewhere', () => {
  assert.deepEqual(github.get('object-src'), ["'none'"]);
  assert.deepEqual(github.get('base-uri'), ["'self'"]);
  assert.deepEqual(github.get('form-action'), ["'self'"]);
});

test("it connects to the site and to GitHub's API only", () => {
  assert.deepEqual(github.get('connect-src'), ["'self'", 'https://api.github.com']);
});

test("another GitHub's API (GitHub Enterprise) is the one allowed, by its origin", () => {
  const policy = directives(
    editorContentSecurityPolicy(readEditorSettings({}, { repository: 'school/etwinning', apiRoot: 'https://git.school.example.org/api/v3/' })),
  );
  assert.deepEqual(policy.get('connect-src'), ["'self'", 'https://git.school.example.org']);
});

test('built for editing on this computer, it connects to decap-server there instead of GitHub', () => {
  const policy = directives(editorContentSecurityPolicy(readEditorSettings({ CMS_LOCAL_BACKEND: 'true', CMS_REPOSITORY: 'school/etwinning' }, {})));
  assert.deepEqual(policy.get('connect-src'), ["'self'", 'http://localhost:8081']);
});
