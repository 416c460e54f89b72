/**
 * The accessibility statement's facts, following the EU model statement
 * (Commission Implementing Decision (EU) 2018/1523). Review the date whenever
 * the site's templates change in a way that affects accessibility.
 */
export const ACCESSIBILITY_STATEMENT = {
  /** When the statement was prepared (ISO date), shown in each language's own format. */
  prepared: '2026-11-26',
} as const;
