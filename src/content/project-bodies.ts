import type { LoadCache } from './load-cache.ts';
import type { Token } from './markdown.ts';
import { say } from './messages.ts';
import type { ProjectVersion } from './model.ts';
import type { Photo, PhotoProcessor, PlacedPhoto } from './photos.ts';
import type { ContentProblem } from './problems.ts';
import type { SourceFile } from './source-file.ts';

/** A project version's body, parsed and its photos checked, waiting to be rendered. */
export interface ProjectBody {
  version: ProjectVersion;
  source: SourceFile;
  photos: PlacedPhoto[];
}

/**
 * Renders every project's body into its version's `html`, once the whole
 * archive is known to have no mistakes: with a processor (`npm run build`)
 * its photos are encoded first, all together, and each is shown as a
 * `<picture>`. A photo that cannot be encoded is a problem, and then nothing
 * is rendered.
 */
export async function renderProjectBodies(bodies: ProjectBody[], processor: PhotoProcessor | undefined, cache: LoadCache): Promise<ContentProblem[]> {
  const problems: ContentProblem[] = [];
  const pictures = new Map<Token, string>();
  // Files were read in parallel: put them back in order, so that messages always name the same reference.
  bodies.sort((a, b) => a.version.file.localeCompare(b.version.file));
  if (processor) {
    // A file is one photo, however many references (usually one per language) show it.
    const byFile = new Map<string, Photo>();
    for (const body of bodies) for (const { photo } of body.photos) if (!byFile.has(photo.absolute)) byFile.set(photo.absolute, photo);
    const unreadable = await processor.prepare([...byFile.values()]);
    const named = new Set<Photo>();
    for (const body of bodies) {
      for (const { reference, photo } of body.photos) {
        const shared = byFile.get(photo.absolute)!;
        const reason = unreadable.get(shared);
        if (reason === undefined) {
          pictures.set(reference.token, processor.picture(shared, reference.alt.trim(), reference.title));
        } else if (!named.has(shared)) {
          // Named once, at its first reference.
          named.add(shared);
          problems.push({
            file: body.version.file,
            line: reference.line,
            message: say('photo.unreadable', { name: photo.name, reason }),
            fix: say('photo.unreadableFix'),
          });
        }
      }
    }
    if (problems.length > 0) return problems;
  }
  for (const body of bodies) body.version.html = cache.html(body.source, pictures, body.photos);
  return problems;
}
