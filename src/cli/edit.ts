import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { DEFAULT_LOCAL_BACKEND, LOCAL_PROXY_PORT } from '../editor/editor-settings.ts';

/**
 * `npm run edit`: the web editor on this computer, without any account.
 * Starts Decap's local proxy (decap-server, port 8081), which reads and writes
 * the files of this folder directly, and the dev server of `npm start` with
 * the editor pointed at that proxy. Ctrl+C stops both. The changed files are
 * then committed like any other change (git, GitHub Desktop).
 */
const require = createRequire(import.meta.url);
const repository = process.cwd();
// Both resolved before anything starts. The dev server is run as `npm start` runs it.
const decapServer = require.resolve('decap-server/dist/index.js');
const devServer = path.join('src', 'cli', 'start.ts');
const children: ChildProcess[] = [];
let stopping = false;

function stopAll(code: number): void {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  // Give them a moment to close their servers, then leave with the first failure's code.
  setTimeout(() => process.exit(code), 500).unref();
}

function start(name: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, args, { cwd: repository, env, stdio: ['ignore', 'inherit', 'inherit'] });
  child.on('error', (error) => {
    console.error(`${name} could not start: ${error.message}`);
    stopAll(1);
  });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${name} stopped (${signal ?? `exit code ${code}`}); stopping the editor.`);
      stopAll(code ?? 1);
    }
  });
  children.push(child);
  return child;
}

// decap-server in its "fs" mode: it writes the files into this folder, nothing else (no commits).
// It listens on this computer only, so nobody else on the network can write the files.
start('decap-server', [decapServer], {
  ...process.env,
  PORT: String(LOCAL_PROXY_PORT),
  BIND_HOST: 'localhost',
  MODE: 'fs',
  GIT_REPO_DIRECTORY: repository,
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
});

// The same command as `npm start`, with the editor's configuration pointing at decap-server.
start('The dev server', ['--import', 'tsx', devServer], {
  ...process.env,
  CMS_LOCAL_BACKEND: DEFAULT_LOCAL_BACKEND,
});

console.log(
  [
    '',
    'Web editor: http://localhost:8080/admin/',
    '(the site itself: http://localhost:8080/; if port 8080 is taken, the dev server prints the address it uses)',
    `Changes are saved into the files of ${repository}; commit them as usual. Stop with Ctrl+C.`,
    '',
  ].join('\n'),
);

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => stopAll(0));
