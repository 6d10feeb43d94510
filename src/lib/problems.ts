/**
 * A content problem: where it is, which field, what was expected and what was found.
 * Every check in Planwerk reports through this shape, so that the build and the
 * future `npm run pruefen` print the same messages.
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
