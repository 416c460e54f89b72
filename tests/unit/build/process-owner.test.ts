import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { processRuns, THIS_PROCESS } from '../../../src/build/process-owner.ts';

const linux = existsSync('/proc/self/stat');

test('this process runs; the same id with another start is an earlier process, which does not', () => {
  assert.equal(THIS_PROCESS.pid, process.pid);
  assert.ok(processRuns(THIS_PROCESS));
  assert.ok(!processRuns({ pid: process.pid, started: THIS_PROCESS.started + 1 }));
});

test('a process that has ended does not run', () => {
  const ended = spawnSync(process.execPath, ['-e', '']);
  assert.equal(ended.status, 0);
  assert.ok(!processRuns({ pid: ended.pid!, started: 0 }));
});

test('another process runs only with the start the system gives it, not with a reused id', {
  skip: !linux && 'the start of a process is read from /proc',
}, async (t) => {
  const child = spawn('sleep', ['30']);
  t.after(() => child.kill());
  await new Promise((resolve) => child.once('spawn', resolve));
  const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
  const started = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
  assert.ok(processRuns({ pid: child.pid!, started }));
  assert.ok(!processRuns({ pid: child.pid!, started: started - 100 }), 'a process that had this id before');
});
