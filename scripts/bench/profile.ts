/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time by function
 * and by area (our src/ modules, each package in node_modules, Node itself).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileSummary {
  totalMs: number;
  functions: { name: string; where: string; selfMs: number }[];
  areas: { area: string; selfMs: number }[];
  /** Our own code (src/, templates via filters, .eleventy.ts) by total time, callees included. */
  ownCode: { name: string; where: string; totalMs: number }[];
}

/** "src/content", "markdown-it", "node:internal", "(garbage collector)"… */
function areaOf(url: string, functionName: string, repoRoot: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native: fs calls, RegExp, Intl…)';
  const file = url.startsWith('file://') ? new URL(url).pathname : url;
  const modules = file.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const parts = file.slice(modules + '/node_modules/'.length).split('/');
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  if (file.startsWith('node:')) return 'node (built-in)';
  const relative = path.relative(repoRoot, file);
  if (!relative.startsWith('..')) {
    const parts = relative.split(path.sep);
    return parts.length > 2 ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  return file;
}

/** Regular expressions show up with their whole source as their name. */
function shorten(name: string): string {
  return name.length > 70 ? `${name.slice(0, 67)}…` : name;
}

function shortWhere(url: string, line: number, repoRoot: string): string {
  if (!url) return '';
  const file = url.startsWith('file://') ? new URL(url).pathname : url;
  const modules = file.lastIndexOf('/node_modules/');
  const shown =
    modules >= 0 ? file.slice(modules + '/node_modules/'.length) : path.relative(repoRoot, file).startsWith('..') ? file : path.relative(repoRoot, file);
  // tsx-compiled modules report line 0 for everything: leave the line out then.
  return line > 0 ? `${shown}:${line + 1}` : shown;
}

export async function summariseProfile(file: string, repoRoot: string, top = 15): Promise<ProfileSummary> {
  const profile = JSON.parse(await readFile(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  for (const [i, id] of profile.samples.entries()) selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));

  const functions = new Map<string, { name: string; where: string; selfMs: number }>();
  const areas = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const name = shorten(functionName || '(anonymous)');
    const where = shortWhere(url, lineNumber, repoRoot);
    const key = `${name} ${where}`;
    const entry = functions.get(key) ?? { name, where, selfMs: 0 };
    entry.selfMs += us / 1000;
    functions.set(key, entry);
    const area = areaOf(url, name, repoRoot);
    areas.set(area, (areas.get(area) ?? 0) + us / 1000);
  }
  // Inclusive time of our own functions: each sample counts once for every distinct function on its stack.
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const own = new Map<string, { name: string; where: string; totalMs: number }>();
  const isOwn = (url: string) =>
    url.startsWith('file://') &&
    !url.includes('/node_modules/') &&
    !path.relative(repoRoot, new URL(url).pathname).startsWith('..') &&
    !new URL(url).pathname.includes('/scripts/bench/');
  profile.samples.forEach((leaf, i) => {
    const seen = new Set<string>();
    for (let id: number | undefined = leaf; id !== undefined; id = parent.get(id)) {
      const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
      if (!isOwn(url)) continue;
      const name = functionName || '(anonymous)';
      const where = shortWhere(url, lineNumber, repoRoot);
      const key = `${name} ${where}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = own.get(key) ?? { name, where, totalMs: 0 };
      entry.totalMs += (profile.timeDeltas[i] ?? 0) / 1000;
      own.set(key, entry);
    }
  });

  return {
    ownCode: [...own.values()].sort((a, b) => b.totalMs - a.totalMs).slice(0, top),
    totalMs: (profile.endTime - profile.startTime) / 1000,
    functions: [...functions.values()].sort((a, b) => b.selfMs - a.selfMs).slice(0, top),
    areas: [...areas]
      .map(([area, selfMs]) => ({ area, selfMs }))
      .sort((a, b) => b.selfMs - a.selfMs)
      .slice(0, top),
  };
}
