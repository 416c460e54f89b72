/**
 * Runs one command and measures its whole process tree — the process and every
 * process it starts, and those they start — until the last of them has exited.
 * A build that returns while a process it started (Pagefind's service,
 * esbuild's) still runs has not finished its work: its wall time, CPU time and
 * memory are counted until that process is gone too.
 *
 * What is measured, and how (Linux; /proc is read, nothing else is needed):
 *
 * - wall time: spawn → the last process of the tree has exited.
 * - CPU time: user + system time of every process of the tree. The kernel adds a
 *   process's time, and the time of the children it waited for, to its parent's
 *   `cutime`/`cstime` when the parent reaps it; the command's own parent is this
 *   process, so the growth of this process's `cutime + cstime` over the run is the
 *   CPU time of every process that was waited for along the way. A process that
 *   outlives its parent is reaped by init instead, and its time never reaches us:
 *   for those ("orphans"), the last sampled `utime + stime + cutime + cstime` is
 *   added (they are counted to within one sampling period).
 * - peak memory: the largest sum of the resident set sizes (RSS) of all processes
 *   of the tree alive at one moment, sampled every SAMPLE_MS. A single process's
 *   own peak (its VmHWM, which the kernel keeps exactly) can be higher than any
 *   sample caught; the result is never lower than the largest of those.
 *
 * The tree is followed through /proc/PID/task/TID/children (each thread's
 * children: libraries start processes from worker threads too); a process once
 * seen stays followed by its PID (and start time, against PID reuse) after its
 * parent is gone.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Sampling period. Builds grow and shrink their memory over hundreds of ms; 20 ms misses little and costs little. */
const SAMPLE_MS = 20;
/** /proc's times are in clock ticks: USER_HZ, 100 on every Linux architecture in use. */
const MS_PER_TICK = 10;
const PAGE_KB = 4;

export interface TreeRun {
  /** The command's exit code (null if killed by a signal). */
  code: number | null;
  stdout: string;
  stderr: string;
  /** Spawn → the last process of the tree exited. */
  wallMs: number;
  /** Spawn → the command itself exited (what a shell prompt waits for). */
  commandMs: number;
  /** User + system time of the whole tree. */
  cpuMs: number;
  /** Peak of the summed RSS of all processes alive at once. */
  peakRssKB: number;
  /** Largest peak RSS of one process of the tree (its VmHWM). */
  largestProcessKB: number;
  /** Every process seen, by name, with its own CPU time (its children's apart) as last sampled: what the tree was made of. */
  processes: { pid: number; name: string; cpuMs: number; peakKB: number; orphan: boolean }[];
  /** Processes that outlived their parent; their CPU time is sampled, not exact. */
  orphans: number;
}

interface Seen {
  pid: number;
  start: string;
  name: string;
  ppid: number;
  /** utime + stime at the last sample, in ms: its own CPU time. */
  cpuMs: number;
  /** cutime + cstime at the last sample, in ms: that of the children it has reaped. */
  reapedMs: number;
  rssKB: number;
  hwmKB: number;
  alive: boolean;
  orphan: boolean;
}

/** CPU times, ppid, start time and RSS from /proc/PID/stat; undefined when it has gone. */
function readStat(pid: number): { name: string; ppid: number; start: string; cpuMs: number; reapedMs: number; rssKB: number; zombie: boolean } | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  const close = text.lastIndexOf(')');
  const name = text.slice(text.indexOf('(') + 1, close);
  // Fields from 3 on (see proc(5)): state, ppid, … utime (14), stime (15), cutime (16), cstime (17), … starttime (22), vsize, rss (24).
  const fields = text.slice(close + 2).split(' ');
  const at = (field: number) => Number(fields[field - 3]);
  return {
    name,
    ppid: at(4),
    start: fields[22 - 3]!,
    cpuMs: (at(14) + at(15)) * MS_PER_TICK,
    reapedMs: (at(16) + at(17)) * MS_PER_TICK,
    rssKB: at(24) * PAGE_KB,
    zombie: fields[0] === 'Z',
  };
}

function readHwmKB(pid: number): number {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

function childrenOf(pid: number): number[] {
  const children: number[] = [];
  let threads: string[];
  try {
    threads = readdirSync(`/proc/${pid}/task`);
  } catch {
    return children;
  }
  for (const thread of threads) {
    try {
      for (const child of readFileSync(`/proc/${pid}/task/${thread}/children`, 'utf8').split(' ')) if (child.trim()) children.push(Number(child));
    } catch {
      // The thread ended meanwhile.
    }
  }
  return children;
}

/** This process's `cutime + cstime`: the CPU time of the children it has reaped, theirs included. */
function reapedChildrenCpuMs(): number {
  const text = readFileSync('/proc/self/stat', 'utf8');
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[16 - 3]) + Number(fields[17 - 3])) * MS_PER_TICK;
}

export function canMeasureTrees(): boolean {
  try {
    readFileSync('/proc/self/stat');
    readdirSync(`/proc/self/task`);
    return true;
  } catch {
    return false;
  }
}

export interface TreeOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Give up waiting for the tree after this long (the run is then an error). */
  timeoutMs?: number;
}

/** Runs `command args` and measures its process tree (see above). Rejects if it cannot start or runs out of time. */
export function measureTree(command: string, args: string[], options: TreeOptions): Promise<TreeRun> {
  const timeoutMs = options.timeoutMs ?? 30 * 60_000;
  const cpuBefore = reapedChildrenCpuMs();
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const proc = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    const seen = new Map<number, Seen>();
    let peakRssKB = 0;
    let exited: { code: number | null; at: number } | undefined;
    let closed = false;

    const sample = () => {
      const live = new Set<number>();
      // Walk down from the command while it lives; then from the processes seen before.
      const queue = exited ? [] : [proc.pid!];
      for (const s of seen.values()) if (s.alive) queue.push(s.pid);
      while (queue.length > 0) {
        const pid = queue.pop()!;
        if (live.has(pid)) continue;
        const stat = readStat(pid);
        const known = seen.get(pid);
        if (!stat || (known && known.start !== stat.start)) {
          if (known) known.alive = false;
          continue;
        }
        live.add(pid);
        const entry = known ?? {
          pid,
          start: stat.start,
          name: stat.name,
          ppid: stat.ppid,
          cpuMs: 0,
          reapedMs: 0,
          rssKB: 0,
          hwmKB: 0,
          alive: true,
          orphan: false,
        };
        entry.name = stat.name;
        entry.cpuMs = Math.max(entry.cpuMs, stat.cpuMs);
        entry.reapedMs = Math.max(entry.reapedMs, stat.reapedMs);
        entry.rssKB = stat.zombie ? 0 : stat.rssKB;
        if (!stat.zombie) entry.hwmKB = Math.max(entry.hwmKB, readHwmKB(pid));
        entry.ppid = stat.ppid;
        seen.set(pid, entry);
        queue.push(...childrenOf(pid));
      }
      for (const s of seen.values()) {
        if (!live.has(s.pid)) s.alive = false;
        // Its parent is neither the command nor one of the tree: it was re-parented, and will be reaped elsewhere.
        else if (s.pid !== proc.pid && !(live.has(s.ppid) || s.ppid === proc.pid)) s.orphan = true;
      }
      let sum = 0;
      for (const s of seen.values()) if (s.alive) sum += s.rssKB;
      peakRssKB = Math.max(peakRssKB, sum);
    };

    const finish = () => {
      clearInterval(timer);
      const wallMs = performance.now() - started;
      const processes = [...seen.values()];
      const orphanCpu = processes.filter((s) => s.orphan).reduce((sum, s) => sum + s.cpuMs + s.reapedMs, 0);
      const largestProcessKB = Math.max(0, ...processes.map((s) => s.hwmKB));
      resolve({
        code: exited!.code,
        stdout,
        stderr,
        wallMs,
        commandMs: exited!.at - started,
        cpuMs: reapedChildrenCpuMs() - cpuBefore + orphanCpu,
        peakRssKB: Math.max(peakRssKB, largestProcessKB),
        largestProcessKB,
        processes: processes.map(({ pid, name, cpuMs, hwmKB, orphan }) => ({ pid, name, cpuMs, peakKB: hwmKB, orphan })),
        orphans: processes.filter((s) => s.orphan).length,
      });
    };

    const timer = setInterval(() => {
      sample();
      if (exited && closed && ![...seen.values()].some((s) => s.alive)) finish();
      else if (performance.now() - started > timeoutMs) {
        clearInterval(timer);
        proc.kill('SIGKILL');
        reject(new Error(`${command} ${args.join(' ')} did not finish within ${timeoutMs / 1000} s.`));
      }
    }, SAMPLE_MS);
    sample();
    proc.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    proc.on('exit', (code) => {
      exited = { code, at: performance.now() };
      // The command itself is gone (and reaped); what it left running is still sampled.
      const self = seen.get(proc.pid!);
      if (self) self.alive = false;
    });
    // 'close' comes when its output pipes are closed: by then everything that held them has exited.
    proc.on('close', () => {
      closed = true;
    });
  });
}
