/**
 * A content problem: where it is, which field, what was expected and what was found.
 * Every check in Planwerk reports through this shape, so that the build and
 * `npm run pruefen` print the same messages.
 */
export interface Problem {
  /** Path of the content file, relative to the project root (e.g. `content/akteure.yaml`). */
  file: string;
  /** 1-based line in the file, where known. */
  line?: number;
  /** The entry inside the file (its id), where the file holds several. */
  entry?: string;
  /** Dotted field path inside the entry (e.g. `beziehungen.2.ziel`). */
  field?: string;
  expected: string;
  found?: string;
  /** How to fix it, in a short German sentence, where the check knows (see `hinweisFuer`). */
  hinweis?: string;
}

export function formatProblem(p: Problem): string {
  const where = [p.file + (p.line ? `:${p.line}` : ''), p.entry ? `Eintrag „${p.entry}“` : undefined, p.field ? `Feld „${p.field}“` : undefined]
    .filter(Boolean)
    .join(', ');
  const found = p.found === undefined ? '' : `; gefunden: ${p.found}`;
  return `${where}: erwartet ${p.expected}${found}`;
}

/** Describes a value for a message: strings in German quotes, the rest as JSON. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nichts (Feld fehlt)';
  if (value === null) return 'einen leeren Wert';
  if (typeof value === 'string') return `„${value}“`;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  try {
    const json = JSON.stringify(value);
    return json.length > 80 ? `${json.slice(0, 77)}…` : json;
  } catch {
    return String(value);
  }
}

/** Thrown when content cannot be used; carries every problem found, not only the first. */
export class ContentError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(
      `Der Plan enthält ${problems.length === 1 ? 'einen Fehler' : `${problems.length} Fehler`}:\n` +
        problems.map((p) => `  • ${formatProblem(p)}`).join('\n'),
    );
    this.name = 'ContentError';
    this.problems = problems;
  }
}

/** Where a problem is, as editors and their tools read it: `content/akteure.yaml:12`. */
export const problemOrt = (p: Pick<Problem, 'file' | 'line'>): string => p.file + (p.line ? `:${p.line}` : '');

/** The message of a problem without its place and field: `Eintrag „x“: erwartet …; gefunden: …`. */
export function problemMeldung(p: Problem): string {
  const found = p.found === undefined ? '' : `; gefunden: ${p.found}`;
  return `${p.entry ? `Eintrag „${p.entry}“: ` : ''}erwartet ${p.expected}${found}`;
}

/**
 * Hints derived from what a check expected, for problems whose check gave none. The first
 * rule that gives a hint wins; each hint says what to do, not what went wrong.
 */
const HINWEISREGELN: ((p: Problem) => string | undefined)[] = [
  (p) => {
    const datei = /eine vorhandene ID aus „[^“]+“ \(([^)]+)\)/.exec(p.expected)?.[1];
    return datei && `ID in ${datei} nachsehen (Schreibweise) oder dort anlegen.`;
  },
  (p) => (p.expected === 'gültiges YAML' ? 'Einrückung (nur Leerzeichen, keine Tabs) und Anführungszeichen prüfen; ein Text mit „:“ oder „#“ gehört in Anführungszeichen.' : undefined),
  (p) => (/^gültiges CSV/.test(p.expected) ? 'In Excel „Speichern unter“ → „CSV UTF-8 (durch Trennzeichen getrennt)“ wählen; Spalten mit „;“ trennen.' : undefined),
  (p) => (/deutscher Schreibweise|ganze Zahl \(z\. B\. 1\.234\)/.test(p.expected) ? 'Zahlen deutsch schreiben: 1.234,56 (Punkt nur zwischen Dreiergruppen, Komma vor den Nachkommastellen).' : undefined),
  (p) => (/JJJJ-MM-TT/.test(p.expected) ? 'Datum als JJJJ-MM-TT schreiben, z. B. 2026-11-23.' : undefined),
  (p) => (/^nur Felder, die das Schema kennt/.test(p.expected) ? 'Feldnamen auf Tippfehler prüfen (Groß- und Kleinschreibung, Umlaute) oder das Feld entfernen.' : undefined),
  (p) => (/^eine eindeutige ID|nur einmal vorkommt/.test(p.expected) ? 'Eine der beiden IDs umbenennen und Verweise auf sie mit ändern.' : undefined),
  (p) => (/^eine ID aus Buchstaben, Ziffern/.test(p.expected) ? 'Nur a–z, 0–9, „-“ und „_“ verwenden; Umlaute umschreiben (ä → ae, ß → ss).' : undefined),
  (p) => (/in Anführungszeichen/.test(p.expected) ? 'Den Wert in Anführungszeichen setzen, z. B. "4.2".' : undefined),
  (p) => (/^einer der Werte /.test(p.expected) ? 'Einen der genannten Werte genau so schreiben, mit Groß- und Kleinschreibung.' : undefined),
  (p) => (/^ein Jahr im Planungshorizont/.test(p.expected) ? 'Das Jahr prüfen oder den „planungshorizont“ in plan.yaml anpassen.' : undefined),
  (p) => (p.expected === 'diese Datei' && p.found === 'keine Datei' ? 'Die Datei anlegen oder den Inhaltsordner prüfen (--inhalt, PLANWERK_CONTENT).' : undefined),
  (p) => (p.field === 'MDX' ? 'Tags schließen (<br />, </details>), HTML in Kleinbuchstaben schreiben, eine geschweifte Klammer als \\{ schreiben.' : undefined),
  (p) => (p.field?.startsWith('<Kennzahl') ? 'Namen und Parameter der Kennzahlen stehen in src/rechnen/kennzahlen.ts.' : undefined),
  (p) => (p.field?.startsWith('<Abschnitt') ? 'Einen Abschnitt so zitieren: <Abschnitt nummer="3.2.1" /> oder mit eigenem Linktext <Abschnitt nummer="3.2.1">Text</Abschnitt>.' : undefined),
  (p) => (p.found === 'nichts (Feld fehlt)' ? 'Das Pflichtfeld ergänzen.' : undefined),
];

/** How to fix a problem: the hint its check gave, else one derived from what it expected; undefined where none is known. */
export function hinweisFuer(p: Problem): string | undefined {
  if (p.hinweis) return p.hinweis;
  for (const regel of HINWEISREGELN) {
    const hinweis = regel(p);
    if (hinweis) return hinweis;
  }
  return undefined;
}

/**
 * One finding as `npm run pruefen` prints it: `datei:zeile  feld  meldung` (two spaces
 * between the columns, „-“ for no file or field), then the hint how to fix it, if any,
 * on an indented line.
 */
export function pruefzeile(ort: string | undefined, feld: string | undefined, meldung: string, hinweis?: string): string {
  const zeile = `${ort || '-'}  ${feld || '-'}  ${meldung}`;
  return hinweis ? `${zeile}\n  → So beheben: ${hinweis}` : zeile;
}

/** A problem in the line format of `npm run pruefen`; warnings carry „Hinweis:“ before the message. */
export function formatPruefzeile(p: Problem, art: 'Fehler' | 'Hinweis' = 'Fehler'): string {
  return pruefzeile(problemOrt(p), p.field, `${art === 'Hinweis' ? 'Hinweis: ' : ''}${problemMeldung(p)}`, hinweisFuer(p));
}
