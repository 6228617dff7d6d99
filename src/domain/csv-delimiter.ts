import Papa from 'papaparse';

/** The delimiters a CSV may use, in the data model and in Load file. */
export const csvDelimiters = [',', ';', '\t', '|'] as const;
export type CsvDelimiter = (typeof csvDelimiters)[number];

/**
 * The delimiter of a CSV text: the one that cuts its first records into the same number of
 * cells, two or more; `,` when none does, as for a file of one column. Blank lines (such as the
 * one after a final line break) are left out of the guess, so that a small file ending with a
 * line break is not a file whose delimiter cannot be told.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const r = Papa.parse<string[]>(text, { preview: 10, skipEmptyLines: 'greedy', delimitersToGuess: [...csvDelimiters] });
  const found = r.meta.delimiter as CsvDelimiter;
  return r.errors.some((e) => e.code === 'UndetectableDelimiter') || !csvDelimiters.includes(found) ? ',' : found;
}
