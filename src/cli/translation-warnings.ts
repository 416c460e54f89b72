import path from 'node:path';
import { say } from '../content/messages.ts';
import type { ContentProblem } from '../content/problems.ts';
import type { TranslationStatus } from '../content/translation-status.ts';

/** Translation status as warnings: they name the file to write or to bring up to date. */
export function translationWarnings(status: TranslationStatus, contentDir: string): ContentProblem[] {
  const warnings: ContentProblem[] = status.notes.map((note): ContentProblem => {
    const folder = note.project.folder;
    if (note.kind === 'missing') {
      return {
        file: folder,
        severity: 'warning',
        message: say('missingTranslation', { languages: { list: note.missing.map((code) => ({ language: code })), separator: ', ' } }),
        fix: say('missingTranslationFix', { file: path.join(folder, `index.${note.missing[0]}.md`) }),
      };
    }
    const when = note.changed === 'uncommitted' ? say('uncommitted') : say('changedOn', { date: { date: note.changed.toISOString().slice(0, 10) } });
    return {
      file: note.olderFile,
      severity: 'warning',
      message: say('staleTranslation', { newer: path.basename(note.newerFile), older: path.basename(note.olderFile), when }),
      fix: say('staleTranslationFix', { older: note.olderFile }),
    };
  });
  if (!status.history) {
    warnings.push({ file: contentDir, severity: 'warning', message: say('noHistory', { folder: contentDir }), fix: say('noHistoryFix') });
  }
  return warnings;
}
