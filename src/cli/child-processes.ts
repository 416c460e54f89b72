import { readdirSync, readFileSync } from 'node:fs';

/** Processes this one started that have not been reaped yet, from every thread (Linux; none elsewhere). */
function childProcesses(): number[] {
  try {
    return readdirSync('/proc/self/task').flatMap((thread) => {
      try {
        return readFileSync(`/proc/self/task/${thread}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
      } catch {
        return [];
      }
    });
  } catch {
    return [];
  }
}

/**
 * Ends the service processes a command leaves behind and waits until they have
 * exited, so that the command returns when all of its work is done.
 *
 * Two would otherwise outlive the build: Pagefind's service, which
 * Pagefind's `close()` signals without waiting for it, and esbuild's service,
 * which tsx starts to compile our TypeScript and which lives until it notices,
 * a second or two later, that its parent is gone. Their CPU time and memory
 * then count for nobody: not for `time npm run build`, nor for CI's step.
 * Both are idle once the build has finished, so ending them loses nothing.
 *
 * Call it last, when nothing more will be imported (tsx compiles every import
 * with that esbuild). Where there is no /proc (not Linux) it does nothing, and
 * they end by themselves as before.
 */
export async function endChildProcesses(timeoutMs = 5000): Promise<void> {
  const started = performance.now();
  const signalled = new Set<number>();
  for (let children = childProcesses(); children.length > 0; children = childProcesses()) {
    for (const pid of children) {
      if (signalled.has(pid)) continue;
      signalled.add(pid);
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        // It has exited already; it is reaped in a moment.
      }
    }
    if (performance.now() - started > timeoutMs) return;
    // Node reaps an exited child on its next turn of the event loop.
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
