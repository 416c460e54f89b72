import { readFileSync } from 'node:fs';

/**
 * The process that owns a working folder or a lock: its id, and when it
 * started. The start time tells a process from an earlier one that had the
 * same id (in a container, every run may get the same ids).
 */
export interface Owner {
  pid: number;
  started: number;
}

/**
 * When a process started, in clock ticks after the machine started, from
 * /proc (Linux); undefined elsewhere. Ticks, unlike the wall clock, do not
 * move when the clock is set (a machine without a clock battery sets it after
 * it starts).
 */
function startTicks(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The fields after the command's name, which is in parentheses and may hold anything: the 22nd field is the start.
    const ticks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
    return Number.isSafeInteger(ticks) ? ticks : undefined;
  } catch {
    return undefined;
  }
}

/** This process: its start in ticks where the system tells it, else the time it started. */
export const THIS_PROCESS: Owner = { pid: process.pid, started: startTicks(process.pid) ?? Math.round(performance.timeOrigin) };

/**
 * Whether the process still runs. Where the system tells when a process
 * started (Linux), a process with the same id must also have started then:
 * one that got the id later is another. Elsewhere, and for a process of
 * another user whose start cannot be read, a process with the id counts.
 */
export function processRuns({ pid, started }: Owner): boolean {
  if (pid === THIS_PROCESS.pid) return started === THIS_PROCESS.started;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it runs, as another user.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const ticks = startTicks(pid);
  return ticks === undefined || ticks === started;
}
