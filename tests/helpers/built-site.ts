import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, type HTMLElement } from 'node-html-parser';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `src/cli/<command>.ts` as `npm run <command>` does, from the repository
 * (or from `projectDir`, a changed copy of it). The locale is fixed to English
 * (the commands follow the terminal's), so the tests read the same messages on
 * every machine.
 */
export function runCli(command: 'build' | 'check' | 'new' | 'import', args: readonly string[], projectDir = repoRoot): CliResult {
  const result = spawnSync(process.execPath, ['--import', 'tsx', `src/cli/${command}.ts`, ...args], {
    cwd: projectDir,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '', NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
}

/** A built site in a temporary folder, and ways to read its pages by URL. */
export class BuiltSite {
  readonly outputDir: string;
  readonly stdout: string;

  constructor(
    args: string[] = [],
    readonly pathPrefix = '/',
    /** The project that builds it: the repository, or a changed copy of it. */
    projectDir = repoRoot,
  ) {
    this.outputDir = path.join(tempDir('site'), '_site');
    const result = runCli('build', ['--output', this.outputDir, ...args], projectDir);
    if (result.status !== 0) throw new Error(`build failed (${result.status}):\n${result.stderr}`);
    this.stdout = result.stdout;
  }

  /** The file a URL (without path prefix) is served from, or undefined. */
  fileFor(url: string): string | undefined {
    const clean = decodeURIComponent(url.split('#')[0]!.split('?')[0]!);
    const file = path.join(this.outputDir, clean);
    if (existsSync(file) && statSync(file).isFile()) return file;
    const index = path.join(file, 'index.html');
    return existsSync(index) ? index : undefined;
  }

  html(url: string): HTMLElement {
    const file = this.fileFor(url);
    if (!file) throw new Error(`no page at ${url}`);
    return parse(readFileSync(file, 'utf8'));
  }

  /** Every public HTML page of the build (not the /admin/ editor), as URLs without the path prefix. */
  htmlPages(): string[] {
    return readdirSync(this.outputDir, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.html') && !file.startsWith(`admin${path.sep}`))
      .map((file) => `/${file.split(path.sep).join('/')}`.replace(/index\.html$/, ''));
  }

  remove(): void {
    rmSync(path.dirname(this.outputDir), { recursive: true, force: true });
  }
}

/** Visible text with whitespace collapsed, as a reader sees it. */
export function text(element: HTMLElement | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
