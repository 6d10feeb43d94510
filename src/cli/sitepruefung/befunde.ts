/**
 * What every check of `planwerk pruefen-site` returns: German findings, each naming the page
 * (a site path such as „/massnahmen/i-01/“, or the file it is about), and notes that are no failure.
 */

/** One failure of a check: where, and what is wrong, in German. */
export interface Befund {
  seite: string;
  befund: string;
}

/** The result of one check: its findings, notes that do not fail the check, and what it covered. */
export interface Pruefbericht {
  /** The check's name as the summary line shows it: „Links und Anker“. */
  name: string;
  befunde: Befund[];
  /** Notes: a check that was skipped, a PDF the build did not make … */
  hinweise: string[];
  /** What was checked, for the summary line: „157 Seiten, 6.210 Links“. */
  umfang: string;
  /** Why the check did not run, if it did not. */
  uebersprungen?: string;
  ms: number;
}

/** Runs a check and times it. */
export async function gemessen(name: string, pruefung: () => Promise<Omit<Pruefbericht, 'name' | 'ms'>> | Omit<Pruefbericht, 'name' | 'ms'>): Promise<Pruefbericht> {
  const start = performance.now();
  const ergebnis = await pruefung();
  return { name, ...ergebnis, ms: performance.now() - start };
}

/** A number as German text: 6.210. */
export const zahl = (n: number) => n.toLocaleString('de-DE');

/** Seconds as German text with one decimal: „1,4 s“. */
export const sekunden = (ms: number) => `${(ms / 1000).toLocaleString('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} s`;

/** „1 Seite“, „3 Seiten“. */
export const anzahl = (n: number, eins: string, mehr: string) => `${zahl(n)} ${n === 1 ? eins : mehr}`;
