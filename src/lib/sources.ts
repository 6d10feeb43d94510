/**
 * Reads the plan's files from disk into raw entries (unvalidated data plus where each
 * entry came from). Knows the file layout of `content/`; knows nothing about Astro.
 */
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join, resolve, relative, basename, dirname, extname, posix, sep } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { LineCounter, parseDocument, isSeq, isMap } from 'yaml';
import type { CollectionName } from './schemas.ts';
import type { Problem } from './problems.ts';

/**
 * Where a plan lives: its content folder, and the folder that file paths in the model
 * and in messages are relative to (the project root in a build, so messages name
 * `content/akteure.yaml` or `plaene/stadt-b/akteure.yaml` as the editor sees them).
 */
export interface PlanLocation {
  /** Absolute path of the plan's content folder. */
  contentDir: string;
  /** Absolute path that entry file paths are relative to. */
  baseDir: string;
}

/** A plan location for a content folder; paths are relative to its parent unless a base is given. */
export function planLocation(contentDir: string, baseDir = dirname(resolve(contentDir))): PlanLocation {
  return { contentDir: resolve(contentDir), baseDir: resolve(baseDir) };
}

/** The content folder as messages name it (`content`, `.tmp/plan/content`). */
export function displayDir(loc: PlanLocation): string {
  return toPosix(relative(loc.baseDir, loc.contentDir)) || '.';
}

type Source =
  | { kind: 'yaml-single'; file: string; id: string }
  | { kind: 'yaml-list'; file: string; key?: (item: Record<string, unknown>) => string; optional?: boolean }
  | { kind: 'csv'; file: string; key?: (row: Record<string, string>) => string; optional?: boolean }
  | { kind: 'mdx'; dir: string; idFrom: 'frontmatter-or-file' | 'frontmatter' }
  /** One CSV file per published table; each row is an entry `<table>/<label>`. */
  | { kind: 'csv-dir'; dir: string };

/** Where each collection lives inside `content/`. */
export const SOURCES: Record<CollectionName, Source> = {
  plan: { kind: 'yaml-single', file: 'plan.yaml', id: 'plan' },
  // Only the plan, its chapters, fields, measures and actors are required; a plan without
  // school data, inventory or finance tables simply has no such files.
  kapitel: { kind: 'mdx', dir: 'kapitel', idFrom: 'frontmatter-or-file' },
  handlungsfelder: { kind: 'mdx', dir: 'handlungsfelder', idFrom: 'frontmatter-or-file' },
  massnahmen: { kind: 'mdx', dir: 'massnahmen', idFrom: 'frontmatter' },
  akteure: { kind: 'yaml-list', file: 'akteure.yaml' },
  schulformen: { kind: 'yaml-list', file: 'schulformen.yaml', optional: true },
  bildungsbereiche: { kind: 'yaml-list', file: 'bildungsbereiche.yaml', optional: true },
  schulen: { kind: 'csv', file: 'daten/schulen.csv', optional: true },
  datensaetze: { kind: 'yaml-list', file: 'daten/datensaetze.yaml', optional: true },
  inventar: { kind: 'csv', file: 'daten/inventar.csv', optional: true },
  laufendeKosten: { kind: 'csv', file: 'daten/laufende-kosten.csv', key: (r) => `${r.jahr}-${r.kostenart}`, optional: true },
  finanzierung: {
    kind: 'csv',
    file: 'daten/finanzierung.csv',
    key: (r) => [r.jahr, r.art, r.foerderprogramm].filter(Boolean).join('-'),
    optional: true,
  },
  summen: { kind: 'csv', file: 'daten/summen.csv', key: (r) => `${r.tabelle}-${r.jahr}`.toLowerCase().replaceAll(' ', '-'), optional: true },
  foerderprogramme: { kind: 'yaml-list', file: 'foerderprogramme.yaml', optional: true },
  formate: { kind: 'yaml-list', file: 'formate.yaml', optional: true },
  fassungen: { kind: 'yaml-list', file: 'fassungen.yaml', optional: true },
  weiterleitungen: { kind: 'yaml-list', file: 'weiterleitungen.yaml', key: (i) => String(i.von ?? ''), optional: true },
  indikatoren: { kind: 'yaml-list', file: 'indikatoren.yaml', optional: true },
  glossar: { kind: 'yaml-list', file: 'glossar.yaml', optional: true },
  meilensteine: { kind: 'yaml-list', file: 'meilensteine.yaml', optional: true },
  finanzbereiche: { kind: 'yaml-list', file: 'finanzen.yaml', optional: true },
  finanzwerte: { kind: 'csv-dir', dir: 'daten/finanzen' },
};

/** Where a collection lives, relative to the base folder: `content/akteure.yaml` or `content/massnahmen/`. */
export function sourcePath(loc: PlanLocation, collection: CollectionName): string {
  const source = SOURCES[collection];
  return `${displayDir(loc)}/${source.kind === 'mdx' || source.kind === 'csv-dir' ? `${source.dir}/` : source.file}`;
}

/** Collections whose figures come from a dataset with its own Stand (see datensaetze.yaml). */
export const DATASET_COLLECTIONS = ['schulen', 'inventar', 'laufendeKosten', 'finanzierung', 'foerderprogramme', 'indikatoren'] as const;

/** CSV as spreadsheets save it for Planwerk: `;`, header row, `#` comments, BOM tolerated. */
function parseCsvText(text: string) {
  return parseCsv(text, { delimiter: ';', columns: true, bom: true, info: true, trim: true, skip_empty_lines: true, comment: '#' }) as {
    record: Record<string, string>;
    info: { lines: number };
  }[];
}

export interface RawEntry {
  collection: CollectionName;
  id: string;
  data: Record<string, unknown>;
  /** Path relative to the project root, with forward slashes. */
  file: string;
  line?: number;
  /** MDX body (without frontmatter). */
  body?: string;
  /** Line in the file where the body starts. */
  bodyLine?: number;
}

export interface ReadResult {
  entries: RawEntry[];
  problems: Problem[];
}

const toPosix = (p: string) => p.split(sep).join(posix.sep);

/** Reads one collection. Syntax errors become problems; nothing is thrown. */
export function readCollection(loc: PlanLocation, collection: CollectionName): ReadResult {
  const source = SOURCES[collection];
  const problems: Problem[] = [];
  const entries: RawEntry[] = [];
  const abs = (p: string) => resolve(loc.contentDir, p);
  const rel = (p: string) => toPosix(relative(loc.baseDir, p));

  switch (source.kind) {
    case 'yaml-single': {
      const file = abs(source.file);
      const parsed = readYaml(file, rel(file), problems);
      if (parsed === undefined) break;
      if (!isPlainObject(parsed.value)) {
        problems.push({ file: rel(file), expected: 'eine YAML-Zuordnung (Feld: Wert)', found: typeof parsed.value });
        break;
      }
      entries.push({ collection, id: source.id, data: parsed.value, file: rel(file), line: 1 });
      break;
    }
    case 'yaml-list': {
      const file = abs(source.file);
      if (source.optional && !existsSync(file)) break;
      const parsed = readYaml(file, rel(file), problems);
      if (parsed === undefined) break;
      if (!Array.isArray(parsed.value)) {
        problems.push({ file: rel(file), expected: 'eine YAML-Liste von Einträgen (jede Zeile beginnt mit „- “)', found: typeof parsed.value });
        break;
      }
      parsed.value.forEach((item, index) => {
        const line = parsed.itemLines[index];
        if (!isPlainObject(item)) {
          problems.push({ file: rel(file), line, expected: 'einen Eintrag mit Feldern', found: JSON.stringify(item) });
          return;
        }
        const id = source.key ? source.key(item) : typeof item.id === 'string' || typeof item.id === 'number' ? String(item.id) : '';
        if (!id) {
          problems.push({ file: rel(file), line, field: 'id', expected: 'eine ID für jeden Eintrag', found: 'nichts (Feld fehlt)' });
          return;
        }
        entries.push({ collection, id, data: item, file: rel(file), line });
      });
      break;
    }
    case 'csv': {
      const file = abs(source.file);
      if (!existsSync(file)) {
        if (!source.optional) problems.push({ file: rel(file), expected: 'diese Datei', found: 'keine Datei' });
        break;
      }
      let records: ReturnType<typeof parseCsvText>;
      try {
        records = parseCsvText(readFileSync(file, 'utf8'));
      } catch (error) {
        const err = error as { message: string; lines?: number };
        problems.push({ file: rel(file), line: err.lines, expected: 'gültiges CSV mit „;“ als Trennzeichen', found: err.message });
        break;
      }
      for (const { record, info } of records) {
        const id = source.key ? source.key(record) : record.id;
        if (!id) {
          problems.push({ file: rel(file), line: info.lines, field: 'id', expected: 'eine ID in jeder Zeile', found: 'eine leere Zelle' });
          continue;
        }
        entries.push({ collection, id, data: record, file: rel(file), line: info.lines });
      }
      break;
    }
    case 'csv-dir': {
      const dir = abs(source.dir);
      if (!existsSync(dir)) break;
      for (const file of listFiles(dir)) {
        if (extname(file) !== '.csv') {
          problems.push({ file: rel(file), expected: 'nur .csv-Dateien in diesem Ordner (eine je Tabelle aus finanzen.yaml)', found: `eine Datei mit der Endung „${extname(file) || '(keine)'}“` });
          continue;
        }
        const tabelle = basename(file, '.csv');
        let records: ReturnType<typeof parseCsvText>;
        try {
          records = parseCsvText(readFileSync(file, 'utf8'));
        } catch (error) {
          const err = error as { message: string; lines?: number };
          problems.push({ file: rel(file), line: err.lines, expected: 'gültiges CSV mit „;“ als Trennzeichen', found: err.message });
          continue;
        }
        if (records.length === 0) {
          problems.push({ file: rel(file), expected: 'eine Kopfzeile und mindestens eine Zeile mit Werten', found: 'keine Zeilen' });
          continue;
        }
        for (const { record, info } of records) {
          const [kopf = '', ...spalten] = Object.keys(record);
          const zeile = record[kopf] ?? '';
          const werte = Object.fromEntries(spalten.map((s) => [s, record[s] ?? '']));
          entries.push({ collection, id: `${tabelle}/${zeile}`, data: { tabelle, kopf, zeile, werte }, file: rel(file), line: info.lines });
        }
      }
      break;
    }
    case 'mdx': {
      const dir = abs(source.dir);
      if (!existsSync(dir)) {
        problems.push({ file: rel(dir), expected: 'einen Ordner mit .mdx-Dateien', found: 'keinen Ordner' });
        break;
      }
      for (const file of listFiles(dir)) {
        const ext = extname(file);
        if (ext !== '.mdx' && ext !== '.md') {
          problems.push({ file: rel(file), expected: 'nur .mdx-Dateien in diesem Ordner', found: `eine Datei mit der Endung „${ext || '(keine)'}“` });
          continue;
        }
        const text = readFileSync(file, 'utf8');
        const fm = splitFrontmatter(text);
        if (!fm) {
          problems.push({ file: rel(file), line: 1, expected: 'einen Kopf (Frontmatter) zwischen zwei Zeilen „---“', found: 'keinen' });
          continue;
        }
        const doc = parseYamlText(fm.yaml, rel(file), problems, 1);
        if (doc === undefined) continue;
        if (!isPlainObject(doc.value)) {
          problems.push({ file: rel(file), line: 2, expected: 'Felder im Kopf (Frontmatter)', found: 'keine' });
          continue;
        }
        if (typeof doc.value.id === 'number') {
          problems.push({ file: rel(file), line: 2, field: 'id', expected: 'den Code in Anführungszeichen, z. B. id: "2.10" (ohne sie liest YAML ihn als Zahl, und aus 2.10 wird 2.1)', found: `die Zahl ${String(doc.value.id).replace('.', ',')}` });
          continue;
        }
        const frontmatterId = typeof doc.value.id === 'string' ? doc.value.id : undefined;
        const id = source.idFrom === 'frontmatter' ? frontmatterId : (frontmatterId ?? basename(file, ext));
        if (!id) {
          problems.push({ file: rel(file), line: 2, field: 'id', expected: 'eine ID im Kopf der Datei', found: 'nichts (Feld fehlt)' });
          continue;
        }
        entries.push({ collection, id, data: doc.value, file: rel(file), line: 1, body: fm.body, bodyLine: fm.bodyLine });
      }
      break;
    }
  }
  return { entries, problems };
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listFiles(full));
    else out.push(full);
  }
  return out;
}

export function splitFrontmatter(text: string): { yaml: string; body: string; bodyLine: number } | undefined {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) return undefined;
  const yamlText = match[1] ?? '';
  return { yaml: yamlText, body: text.slice(match[0].length), bodyLine: yamlText.split('\n').length + 3 };
}

function readYaml(file: string, relFile: string, problems: Problem[]) {
  if (!existsSync(file)) {
    problems.push({ file: relFile, expected: 'diese Datei', found: 'keine Datei' });
    return undefined;
  }
  return parseYamlText(readFileSync(file, 'utf8'), relFile, problems, 0);
}

/** Parses YAML and records the line of each top-level list item. */
function parseYamlText(text: string, relFile: string, problems: Problem[], lineOffset: number) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const pos = error.pos?.[0];
      problems.push({
        file: relFile,
        line: pos === undefined ? undefined : lineCounter.linePos(pos).line + lineOffset,
        expected: 'gültiges YAML',
        found: error.message.split('\n')[0],
      });
    }
    return undefined;
  }
  const itemLines: number[] = [];
  if (isSeq(doc.contents)) {
    for (const item of doc.contents.items) {
      const start = isMap(item) || (item && typeof item === 'object' && 'range' in item) ? (item as { range?: [number, number, number] }).range?.[0] : undefined;
      itemLines.push(start === undefined ? 0 : lineCounter.linePos(start).line + lineOffset);
    }
  }
  return { value: doc.toJS() as unknown, itemLines };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
