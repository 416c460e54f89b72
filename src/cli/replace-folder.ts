import { mkdtemp, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * Builds into a fresh folder beside the output folder and puts it in place only
 * when the build succeeded, so a failed build leaves the previous site exactly
 * as it was. Beside, not in /tmp, because a rename cannot cross file systems.
 */
export async function replaceFolderWith(outputDir: string, build: (folder: string) => Promise<boolean>): Promise<boolean> {
  const parent = path.dirname(path.resolve(outputDir));
  const base = path.basename(path.resolve(outputDir));
  const fresh = await mkdtemp(path.join(parent, `.${base}.building-`));
  let ok = false;
  try {
    ok = await build(fresh);
  } finally {
    if (!ok) await rm(fresh, { recursive: true, force: true });
  }
  if (!ok) return false;
  const old = `${fresh}.old`;
  await rename(outputDir, old).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
  await rename(fresh, outputDir);
  await rm(old, { recursive: true, force: true });
  return true;
}
