/**
 * School year headings, in the forms schools write them: "Σχολικό έτος
 * 2015-2016", "Σχολική χρονιά 2015-16", "2015/16", "School year 2015–2016",
 * and the page's blocks grouped under them.
 */
import { foldForMatching } from '../../content/normalise/text.ts';
import { schoolYearMistake } from '../../content/schema.ts';
import type { Block } from './block.ts';

/** What a heading says: a school year (`2015-2016`), or something shaped like one that is not. */
export type YearHeading = { year: string } | { wrong: string; suggestion?: string };

const LABEL = String.raw`(?:(?:σχολικο|σχολικη|σχ\.?)\s*(?:ετοσ|χρονια|περιοδοσ)|ετοσ|χρονια|(?:school|academic)\s+year|year)`;
const DASH = String.raw`\s*[-–—‐‑−/]\s*`;
// The label, the first year, the second (2 or 4 digits, or missing), an optional
// colon or full stop, and an optional note in brackets ("(τρέχον)").
const HEADING = new RegExp(String.raw`^(?:${LABEL}\s*:?\s*)?((?:19|20)\d{2})(?:${DASH}(\d{4}|\d{2}))?\s*[:.]?(?:\s*\([^)]*\))?$`, 'u');

/** Reads a block's text as a school year heading, or undefined when it is not one. */
export function readYearHeading(text: string): YearHeading | undefined {
  const match = HEADING.exec(foldForMatching(text));
  if (!match) return undefined;
  const first = Number(match[1]);
  const suggestion = `${first}-${first + 1}`;
  const second = match[2];
  if (second === undefined) return { wrong: text.trim(), suggestion };
  const end = second.length === 2 ? Math.floor(first / 100) * 100 + Number(second) + (Number(second) < first % 100 ? 100 : 0) : Number(second);
  if (end !== first + 1) return { wrong: text.trim(), suggestion };
  // A school year the archive cannot hold (before 1950, or after the next one) is not written: the check would refuse its folder.
  return schoolYearMistake(suggestion) === undefined ? { year: suggestion } : { wrong: text.trim() };
}

/** A block that reads as a school year heading (a right one or a wrong one). */
export function isYearHeading(text: string): boolean {
  return readYearHeading(text) !== undefined;
}

export interface YearSection {
  heading: Block;
  reading: YearHeading;
  /** The blocks under the heading, up to the next one. */
  entries: Block[];
}

export interface PageSections {
  /** The blocks before the first school year: the school's introduction. */
  intro: Block[];
  years: YearSection[];
}

/**
 * Splits the main text at its school year headings. A bare year ("2015") is a
 * heading only where it stands alone as a heading; it is then a wrong one, so
 * that the report asks which school year was meant.
 */
export function splitYears(blocks: readonly Block[]): PageSections {
  const sections: PageSections = { intro: [], years: [] };
  for (const block of blocks) {
    const reading = readYearHeading(block.text);
    if (reading) sections.years.push({ heading: block, reading, entries: [] });
    else if (sections.years.length === 0) sections.intro.push(block);
    else sections.years.at(-1)!.entries.push(block);
  }
  return sections;
}
