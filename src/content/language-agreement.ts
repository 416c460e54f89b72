import type { ProjectFolder } from './layout.ts';
import { say } from './messages.ts';
import type { ProjectVersion } from './model.ts';
import { classGroupCode, classGroupKey } from './normalise/grades.ts';
import { sortLabels } from './normalise/labels.ts';
import { samePageKey } from './normalise/web-address.ts';
import type { ContentProblem } from './problems.ts';
import { LANGUAGE_NEUTRAL_FIELDS, REQUIRED_NEUTRAL_FIELDS, type ProjectFrontMatter } from './schema.ts';
import type { SourceFile } from './source-file.ts';

/** One language file of a project whose front matter is valid on its own. */
export interface ValidVersion {
  source: SourceFile;
  fields: ProjectFrontMatter;
  version: ProjectVersion;
}

/** The fields a project has once, whichever language file they are written in. */
export interface NeutralFields {
  classes: NonNullable<ProjectFrontMatter['classes']>;
  partners: NonNullable<ProjectFrontMatter['partners']>;
  labels: NonNullable<ProjectFrontMatter['labels']>;
  link?: string;
  continues?: string;
  /** Where `continues` is written, for the messages about what it points at. */
  continuesAt?: { file: string; line: number };
}

type NeutralField = (typeof LANGUAGE_NEUTRAL_FIELDS)[number];

/** How two language files' values are compared: by meaning, not spelling (`Ε'` = `Ε΄`, `lv` = `Λετονία`). */
const comparable: Record<NeutralField, (fields: ProjectFrontMatter) => string | undefined> = {
  classes: (fields) => fields.classes?.map(classGroupKey).sort().join(','),
  partners: (fields) => fields.partners?.slice().sort().join(','),
  continues: (fields) => fields.continues,
  labels: (fields) => fields.labels && sortLabels(fields.labels).join(','),
  link: (fields) => fields.link && samePageKey(fields.link),
};

/** A field's value as the messages quote it, in its normal spelling. */
const quoted: Record<NeutralField, (fields: ProjectFrontMatter) => string> = {
  classes: (fields) => (fields.classes ?? []).map(classGroupCode).join(', '),
  partners: (fields) => (fields.partners ?? []).join(', '),
  continues: (fields) => fields.continues ?? '',
  labels: (fields) => sortLabels(fields.labels ?? []).join(', '),
  link: (fields) => fields.link ?? '',
};

/**
 * The rule across a project's files: classes, partners, `continues`, labels
 * and the link may be written in any language file; when written in more
 * than one, they must say the same thing, and classes and partners must be
 * written in one at least. Gives the project's fields, or why it has none.
 */
export function agreeOnNeutralFields(folder: ProjectFolder, versions: readonly ValidVersion[]): { fields: NeutralFields } | { problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  let ok = true;
  for (const field of LANGUAGE_NEUTRAL_FIELDS) {
    const written = versions.filter((version) => version.fields[field] !== undefined);
    const [first, ...others] = written;
    for (const other of others) {
      if (comparable[field](first!.fields) === comparable[field](other.fields)) continue;
      ok = false;
      const firstAt = `${first!.source.file}:${first!.source.lineOf([field])}`;
      const otherAt = `${other.source.file}:${other.source.lineOf([field])}`;
      problems.push({
        file: other.source.file,
        line: other.source.lineOf([field]),
        field,
        message: say('disagree', { here: quoted[field](other.fields), there: quoted[field](first!.fields), at: firstAt }),
        fix: say('disagreeFix', { first: firstAt, other: otherAt, field }),
      });
    }
  }
  for (const field of REQUIRED_NEUTRAL_FIELDS) {
    if (versions.some((version) => version.fields[field] !== undefined)) continue;
    ok = false;
    // The field is most likely in the misnamed file, whose problem says to rename it.
    if (folder.hasMisnamedFile) continue;
    const first = versions[0]!;
    problems.push({
      file: first.source.file,
      line: 1,
      field,
      message: say('missingNeutral', { field }),
      fix: say('missingNeutralFix', { file: first.source.file, example: field === 'classes' ? "classes: [Ε', ΣΤ1]" : 'partners: [Ελλάδα, Λετονία]' }),
    });
  }
  if (!ok) return { problems };
  const from = (field: NeutralField) => versions.find((version) => version.fields[field] !== undefined);
  const continuesFrom = from('continues');
  return {
    fields: {
      classes: from('classes')!.fields.classes!,
      partners: from('partners')!.fields.partners!,
      labels: sortLabels(from('labels')?.fields.labels ?? []),
      link: from('link')?.fields.link,
      continues: continuesFrom?.fields.continues,
      continuesAt: continuesFrom && { file: continuesFrom.source.file, line: continuesFrom.source.lineOf(['continues']) },
    },
  };
}
