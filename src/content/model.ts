import type { Lang } from '../i18n/languages.ts';
import type { ClassGroup, Grade } from './normalise/grades.ts';
import type { CountryCode } from './normalise/countries.ts';
import type { QualityLabel } from './normalise/labels.ts';

/** The archive as the site shows it: validated, normalised and cross-linked. */
export interface Archive {
  school: School;
  /** Newest school year first. */
  years: SchoolYear[];
  /** Every project of every year, newest year first, each year in its own order. */
  projects: Project[];
  /** Every grade that took part, with its projects, first grade first. */
  grades: GradeEntry[];
  /** Every partner country with its projects (sorted per language where shown). */
  partners: Partner[];
  /** Every eTwinning Quality Label a project earned, with its projects, national first; empty when none has one. */
  labels: LabelEntry[];
}

export interface School {
  name: Record<Lang, string>;
  /** The home page's introduction, rendered from Markdown. */
  introHtml: Record<Lang, string>;
  /** The school's e-mail address for visitors' feedback, if given. */
  email?: string;
}

export interface SchoolYear {
  /** The folder name, e.g. `2015-2016`. */
  id: string;
  start: number;
  end: number;
  /** In the order of the classes that took part, then by title. */
  projects: Project[];
}

export interface Project {
  /** `2015-2016/the-scratch-project`, also the project's path on the site. */
  id: string;
  year: string;
  slug: string;
  classes: ClassGroup[];
  partners: CountryCode[];
  /** The eTwinning Quality Labels it earned, national first; empty when none. */
  labels: QualityLabel[];
  /** Its page on the European School Education Platform (its TwinSpace), an https address. */
  link?: string;
  /** The same project in an earlier year. */
  continues?: Project;
  /** The same project in later years. */
  continuedIn: Project[];
  /** The language versions that exist; at least one does. */
  versions: Partial<Record<Lang, ProjectVersion>>;
}

export interface ProjectVersion {
  lang: Lang;
  title: string;
  summary?: string;
  /** What the pupils made, published elsewhere, as this language's file lists it; empty when it lists none. */
  outcomes: Outcome[];
  html: string;
  /** The file it came from, as shown in messages. */
  file: string;
}

/** Something the pupils made (an e-book, a video, a website), shown as a link to where it is published. */
export interface Outcome {
  title: string;
  /** An https address. */
  url: string;
}

export interface GradeEntry {
  grade: Grade;
  /** Newest year first. */
  projects: Project[];
}

export interface Partner {
  code: CountryCode;
  /** Newest year first. */
  projects: Project[];
}

export interface LabelEntry {
  label: QualityLabel;
  /** Newest year first. */
  projects: Project[];
}
