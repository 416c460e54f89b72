/**
 * A copy of the project in a temporary folder, to run its commands as a school
 * would in its own copy: with other content, another `_site/`, or a change to
 * the code (a language added). node_modules is a link to the project's.
 */
import { cpSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { repoRoot, tempDir } from './built-site.ts';

/** What a project copy holds. */
const PROJECT_FILES = ['src', 'templates', 'public', 'content', 'package.json', 'tsconfig.json', '.eleventy.ts'];

export interface ProjectCopy {
  /** The copy's folder (where its commands run). */
  project: string;
  remove(): void;
}

export function copyProject(prefix = 'project'): ProjectCopy {
  const root = tempDir(prefix);
  const project = path.join(root, 'project');
  for (const file of PROJECT_FILES) cpSync(path.join(repoRoot, file), path.join(project, file), { recursive: true });
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(project, 'node_modules'));
  return { project, remove: () => rmSync(root, { recursive: true, force: true }) };
}
