/**
 * Reads the plan's files from disk into raw entries (unvalidated data plus where each
 * entry came from). Knows the file layout of `content/`; knows nothing about Astro.
 */
import { readFileSync, readdirSync, existsSync, lstatSync, readlinkSync, type Dirent, type Stats } from 'node:fs';
import { join, resolve, relative, basename, dirname, extname, posix, sep } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { LineCounter, parseDocument, isSeq, isMap, isScalar, visit, type Document } from 'yaml';
import type { CollectionName } from './schemas/index.ts';
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
  | { kind: 'yaml-single'; file: string; id: string; optional?: boolean }
  | { kind: 'yaml-list'; file: string; key?: (item: Record<string, unknown>) => string; optional?: boolean }
  | { kind: 'csv'; file: string; key?: (row: Record<string, string>) => string; optional?: boolean }
  | { kind: 'mdx'; dir: string; idFrom: 'frontmatter-or-file' | 'frontmatter' }
  /** One CSV file per published table or survey round; each row is an entry `<file>/<first cell>`. */
  | { kind: 'csv-dir'; dir: string; wofuer: string };

/** Where each collection lives inside `content/`. */
export const SOURCES: Record<CollectionName, Source> = {
  plan: { kind: 'yaml-single', file: 'plan.yaml', id: 'plan' },
  // Only the plan, its chapters, fields, measures and actors are required; a plan without
  // school data, inventory or finance tables simply has no such files.
  kapitel: { kind: 'mdx', dir: 'kapitel', idFrom: 'frontmatter-or-file' },
  handlungsfelder: { kind: 'mdx', dir: 'handlungsfelder', idFrom: 'frontmatter-or-file' },
  // The code in `id`; a plan without codes names its Maßnahmen by file name (checked against plan.yaml in validate.ts).
  massnahmen: { kind: 'mdx', dir: 'massnahmen', idFrom: 'frontmatter-or-file' },
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
  entscheidungen: { kind: 'yaml-list', file: 'entscheidungen.yaml', optional: true },
  finanzbereiche: { kind: 'yaml-list', file: 'finanzen.yaml', optional: true },
  finanzwerte: { kind: 'csv-dir', dir: 'daten/finanzen', wofuer: 'eine je Tabelle aus finanzen.yaml' },
  erhebungen: { kind: 'yaml-single', file: 'daten/erhebungen.yaml', id: 'erhebungen', optional: true },
  erhebungswerte: { kind: 'csv-dir', dir: 'daten/erhebungen', wofuer: 'eine je Erhebung aus daten/erhebungen.yaml, benannt nach ihrer ID' },
};

/** Where a collection lives, relative to the base folder: `content/akteure.yaml` or `content/massnahmen/`. */
export function sourcePath(loc: PlanLocation, collection: CollectionName): string {
  const source = SOURCES[collection];
  return `${displayDir(loc)}/${source.kind === 'mdx' || source.kind === 'csv-dir' ? `${source.dir}/` : source.file}`;
}

/** Collections whose figures come from a dataset with its own Stand (see datensaetze.yaml). */
export const DATASET_COLLECTIONS = ['schulen', 'inventar', 'laufendeKosten', 'finanzierung', 'foerderprogramme', 'indikatoren'] as const;

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
  /** Line of each field of a YAML entry (or MDX head), by its dotted path inside the entry („beschluss.url“). */
  feldZeilen?: Record<string, number>;
  /** Line of the header row, for a row of a CSV file (where its column names stand). */
  kopfZeile?: number;
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
  const leser: Leser = {
    loc,
    collection,
    problems,
    entries: [],
    abs: (p) => resolve(loc.contentDir, p),
    rel: (p) => toPosix(relative(loc.baseDir, p)),
    gesperrt: (p) => {
      const problem = linkImPlan(loc, p);
      if (problem) problems.push(problem);
      return problem !== undefined;
    },
  };
  switch (source.kind) {
    case 'yaml-single':
      leseYamlObjekt(leser, source);
      break;
    case 'yaml-list':
      leseYamlListe(leser, source);
      break;
    case 'csv':
      leseCsvDatei(leser, source);
      break;
    case 'csv-dir':
      leseCsvOrdner(leser, source);
      break;
    case 'mdx':
      leseMdxOrdner(leser, source);
      break;
  }
  return { entries: leser.entries, problems };
}

/** What reading one collection needs and collects. */
interface Leser {
  loc: PlanLocation;
  collection: CollectionName;
  problems: Problem[];
  entries: RawEntry[];
  /** A path of the content folder, absolute. */
  abs: (p: string) => string;
  /** A path as messages name it: relative to the project, with „/“. */
  rel: (p: string) => string;
  /** Is the path reached through a link (or a special file)? Then it is a problem, and not read. */
  gesperrt: (p: string) => boolean;
}

type SourceOf<K extends Source['kind']> = Extract<Source, { kind: K }>;

/** A YAML file that holds one object (plan.yaml). */
function leseYamlObjekt({ collection, problems, entries, abs, rel, gesperrt }: Leser, source: SourceOf<'yaml-single'>): void {
  const file = abs(source.file);
  if (gesperrt(file)) return;
  if (source.optional && !existsSync(file)) return;
  const parsed = readYaml(file, rel(file), problems);
  if (parsed === undefined) return;
  if (!isPlainObject(parsed.value)) {
    problems.push({ file: rel(file), line: 1, expected: 'eine YAML-Zuordnung (Feld: Wert)', found: yamlArt(parsed.value) });
    return;
  }
  entries.push({ collection, id: source.id, data: parsed.value, file: rel(file), line: 1, feldZeilen: parsed.feldZeilen });
}

/** A YAML file that holds a list of entries (akteure.yaml …). */
function leseYamlListe({ collection, problems, entries, abs, rel, gesperrt }: Leser, source: SourceOf<'yaml-list'>): void {
  const file = abs(source.file);
  if (gesperrt(file)) return;
  if (source.optional && !existsSync(file)) return;
  const parsed = readYaml(file, rel(file), problems);
  if (parsed === undefined) return;
  if (!Array.isArray(parsed.value)) {
    problems.push({ file: rel(file), line: 1, expected: 'eine YAML-Liste von Einträgen (jeder Eintrag beginnt mit „- “)', found: yamlArt(parsed.value) });
    return;
  }
  parsed.value.forEach((item, index) => {
    const line = parsed.itemLines[index];
    if (!isPlainObject(item)) {
      problems.push({ file: rel(file), line, expected: 'einen Eintrag mit Feldern (feld: Wert)', found: yamlArt(item) });
      return;
    }
    const id = source.key ? source.key(item) : typeof item.id === 'string' || typeof item.id === 'number' ? String(item.id) : '';
    if (!id) {
      problems.push({ file: rel(file), line, field: 'id', expected: 'eine ID für jeden Eintrag', found: 'nichts (Feld fehlt)' });
      return;
    }
    entries.push({ collection, id, data: item, file: rel(file), line, feldZeilen: parsed.itemFeldZeilen[index] });
  });
}

/** A CSV file with one entry per row (daten/schulen.csv …). */
function leseCsvDatei({ collection, problems, entries, abs, rel, gesperrt }: Leser, source: SourceOf<'csv'>): void {
  const file = abs(source.file);
  if (gesperrt(file)) return;
  if (!existsSync(file)) {
    if (!source.optional) problems.push({ file: rel(file), expected: 'diese Datei', found: 'keine Datei' });
    return;
  }
  const text = readText(file, rel(file), problems);
  if (text === undefined) return;
  const csv = readCsv(text, rel(file), problems);
  if (!csv) return;
  for (const { record, line } of csv.rows) {
    const id = source.key ? source.key(record) : record.id;
    if (!id) {
      problems.push({ file: rel(file), line, field: 'id', expected: 'eine ID in jeder Zeile', found: 'eine leere Zelle' });
      continue;
    }
    entries.push({ collection, id, data: record, file: rel(file), line, kopfZeile: csv.kopfZeile });
  }
}

/** A folder of CSV files, one table each (daten/finanzen/): every row an entry `<tabelle>/<zeile>`. */
function leseCsvOrdner({ loc, collection, problems, entries, abs, rel, gesperrt }: Leser, source: SourceOf<'csv-dir'>): void {
  const dir = abs(source.dir);
  if (gesperrt(dir)) return;
  if (!existsSync(dir)) return;
  for (const file of listFiles(loc, dir, problems)) {
    if (extname(file) !== '.csv') {
      problems.push({ file: rel(file), expected: `nur .csv-Dateien in diesem Ordner (${source.wofuer})`, found: `eine Datei mit der Endung „${extname(file) || '(keine)'}“` });
      continue;
    }
    const tabelle = basename(file, '.csv');
    const text = readText(file, rel(file), problems);
    if (text === undefined) continue;
    const csv = readCsv(text, rel(file), problems);
    if (!csv) continue;
    for (const { record, line } of csv.rows) {
      const [kopf = '', ...spalten] = csv.columns;
      const zeile = record[kopf] ?? '';
      const werte = Object.fromEntries(spalten.map((s) => [s, record[s] ?? '']));
      entries.push({ collection, id: `${tabelle}/${zeile}`, data: { tabelle, kopf, zeile, werte }, file: rel(file), line });
    }
  }
}

/** A folder of MDX files (kapitel/, handlungsfelder/, massnahmen/), one entry each. */
function leseMdxOrdner(leser: Leser, source: SourceOf<'mdx'>): void {
  const { loc, problems, abs, rel, gesperrt } = leser;
  const dir = abs(source.dir);
  if (gesperrt(dir)) return;
  if (!existsSync(dir)) {
    problems.push({ file: rel(dir), expected: 'einen Ordner mit .mdx-Dateien', found: 'keinen Ordner' });
    return;
  }
  for (const file of listFiles(loc, dir, problems)) leseMdxDatei(leser, source, file);
}

/** One MDX file: its head (frontmatter) is the entry's data, the rest its body. */
function leseMdxDatei({ collection, problems, entries, rel }: Leser, source: SourceOf<'mdx'>, file: string): void {
  const ext = extname(file);
  if (ext !== '.mdx' && ext !== '.md') {
    problems.push({ file: rel(file), expected: 'nur .mdx-Dateien in diesem Ordner', found: `eine Datei mit der Endung „${ext || '(keine)'}“` });
    return;
  }
  const text = readText(file, rel(file), problems);
  if (text === undefined) return;
  const fm = splitFrontmatter(text);
  if (!fm) {
    problems.push({ file: rel(file), line: 1, expected: 'einen Kopf (Frontmatter) zwischen zwei Zeilen „---“', found: 'keinen' });
    return;
  }
  const doc = parseYamlText(fm.yaml, rel(file), problems, 1);
  if (doc === undefined) return;
  if (!isPlainObject(doc.value)) {
    problems.push({ file: rel(file), line: 2, expected: 'Felder im Kopf (Frontmatter)', found: 'keine' });
    return;
  }
  if (typeof doc.value.id === 'number') {
    problems.push({ file: rel(file), line: 2, field: 'id', expected: 'den Code in Anführungszeichen, z. B. id: "2.10" (ohne sie liest YAML ihn als Zahl, und aus 2.10 wird 2.1)', found: `die Zahl ${String(doc.value.id).replace('.', ',')}` });
    return;
  }
  const frontmatterId = typeof doc.value.id === 'string' ? doc.value.id : undefined;
  const id = source.idFrom === 'frontmatter' ? frontmatterId : (frontmatterId ?? basename(file, ext));
  if (!id) {
    problems.push({ file: rel(file), line: 2, field: 'id', expected: 'eine ID im Kopf der Datei', found: 'nichts (Feld fehlt)' });
    return;
  }
  entries.push({ collection, id, data: doc.value, file: rel(file), line: 1, body: fm.body, bodyLine: fm.bodyLine, feldZeilen: doc.feldZeilen });
}

/** The anchor register (src/ausgabe/anker.ts), in the content folder. */
export const REGISTER_DATEI = 'anker.json';
/** The register of external links with the date each was last found live (src/plan/links.ts, `planwerk links`). */
export const LINKS_DATEI = 'links.json';
/** The plan's media folder, published as it is (src/plan/medien.ts). */
export const MEDIEN_ORDNER = 'medien';
/** The survey import's default column mapping (src/cli/erhebungsimport.ts). */
export const ZUORDNUNG_DATEI = 'daten/erhebungen-zuordnung.yaml';

/**
 * Files in the content folder that Planwerk neither reads nor publishes: a copy saved as
 * `daten/inventar (2).csv`, a `kapitel.yaml` next to the folder. Each would be lost without a
 * word, so each is a problem. Files and folders starting with "." are the editor's own.
 */
export function unbekannteDateien(loc: PlanLocation): Problem[] {
  if (!existsSync(loc.contentDir)) return [];
  const bekannt = new Set([REGISTER_DATEI, LINKS_DATEI, ZUORDNUNG_DATEI]);
  const ordner = new Set([MEDIEN_ORDNER]);
  for (const source of Object.values(SOURCES)) {
    if (source.kind === 'mdx' || source.kind === 'csv-dir') ordner.add(source.dir);
    else bekannt.add(source.file);
  }
  // A link or special file is reported once: by its reader where it stands for a file Planwerk
  // reads (or a folder on the way to one), here otherwise.
  const gelesen = [MEDIEN_ORDNER, ...Object.values(SOURCES).map((s) => (s.kind === 'mdx' || s.kind === 'csv-dir' ? s.dir : s.file))];
  const problems: Problem[] = [];
  const besuche = (dir: string) => {
    for (const eintrag of eintraegeVon(dir)) {
      const name = eintrag.name;
      if (name.startsWith('.')) continue;
      const full = join(dir, name);
      const pfad = toPosix(relative(loc.contentDir, full));
      if (ordner.has(pfad)) continue;
      if (eintrag.isDirectory()) {
        besuche(full);
        continue;
      }
      if (!eintrag.isFile()) {
        if (!gelesen.some((g) => g === pfad || g.startsWith(`${pfad}/`))) problems.push(linkProblem(loc, full, eintrag));
        continue;
      }
      if (bekannt.has(pfad)) continue;
      problems.push({
        file: toPosix(relative(loc.baseDir, full)),
        expected: 'nur Dateien, die Planwerk liest oder veröffentlicht (README, „Der Plan als Inhalt“)',
        found: 'eine Datei, die zu keinem Teil des Plans gehört',
        hinweis: 'Soll sie eine Datei des Plans ersetzen, so umbenennen (z. B. „inventar (2).csv“ in „inventar.csv“); sonst aus dem Planordner nehmen.',
      });
    }
  };
  besuche(loc.contentDir);
  return problems;
}

/** A folder's entries as they are (`Dirent`, nothing followed), sorted by name; none if it cannot be read. */
function eintraegeVon(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return [];
  }
}

/** The files below a source folder; a link or special file in it is a problem and is not read. */
export function listFiles(loc: PlanLocation, dir: string, problems: Problem[]): string[] {
  const out: string[] = [];
  for (const eintrag of eintraegeVon(dir)) {
    if (eintrag.name.startsWith('.')) continue;
    const full = join(dir, eintrag.name);
    if (eintrag.isDirectory()) out.push(...listFiles(loc, full, problems));
    else if (eintrag.isFile()) out.push(full);
    else problems.push(linkProblem(loc, full, eintrag));
  }
  return out;
}

type Eintragsart = Pick<Dirent, 'isSymbolicLink' | 'isFIFO' | 'isSocket' | 'isBlockDevice' | 'isCharacterDevice'>;

/** How a message names an entry that is neither a file nor a folder. */
export function besondereArt(eintrag: Eintragsart): string {
  if (eintrag.isSymbolicLink()) return 'einen symbolischen Link';
  if (eintrag.isFIFO()) return 'eine benannte Pipe (FIFO)';
  if (eintrag.isSocket()) return 'einen Socket';
  return 'eine Gerätedatei';
}

/** The problem for a link (naming its target) or a special file in the plan folder. */
function linkProblem(loc: PlanLocation, full: string, eintrag: Eintragsart): Problem {
  const file = toPosix(relative(loc.baseDir, full));
  if (!eintrag.isSymbolicLink()) {
    return { file, expected: `eine gewöhnliche Datei im Planordner ${displayDir(loc)}/`, found: besondereArt(eintrag), hinweis: 'Den Eintrag aus dem Planordner nehmen.' };
  }
  let ziel = '?';
  try {
    ziel = readlinkSync(full);
  } catch {
    // The target is named when it can be read; the link is refused either way.
  }
  return {
    file,
    expected: `eine Datei im Planordner ${displayDir(loc)}/`,
    found: `einen symbolischen Link auf „${ziel}“`,
    hinweis: 'Planwerk folgt keinen Links, damit nichts von außerhalb des Plans gelesen oder veröffentlicht wird: die Datei selbst in den Planordner kopieren und den Link löschen.',
  };
}

/**
 * Plan files are read as themselves: if `abs` (inside the content folder) is reached through a
 * symbolic link on the way from the content folder, or is a FIFO, socket or device, the problem
 * naming that entry. A missing path is no problem here (its reader says what is missing).
 */
export function linkImPlan(loc: PlanLocation, abs: string): Problem | undefined {
  let pfad = loc.contentDir;
  for (const teil of relative(loc.contentDir, abs).split(sep)) {
    if (!teil) continue;
    pfad = join(pfad, teil);
    let stats: Stats;
    try {
      stats = lstatSync(pfad);
    } catch {
      return undefined;
    }
    if (stats.isSymbolicLink() || (!stats.isFile() && !stats.isDirectory())) return linkProblem(loc, pfad, stats);
  }
  return undefined;
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
  const text = readText(file, relFile, problems);
  return text === undefined ? undefined : parseYamlText(text, relFile, problems, 0);
}

/** Parses YAML and records the line of each top-level list item; a broken file gives one problem, not a cascade. */
function parseYamlText(text: string, relFile: string, problems: Problem[], lineOffset: number) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    problems.push({ file: relFile, ...yamlProblem(doc, text, lineCounter, lineOffset) });
    return undefined;
  }
  let value: unknown;
  try {
    value = doc.toJS();
  } catch {
    // An alias (`*name`) without its anchor: YAML reads a value starting with „*“ as a reference.
    const index = text.split('\n').findIndex((l) => /(?:^|[:\-[{,]\s*)\*\S/.test(l));
    problems.push({
      file: relFile,
      line: index >= 0 ? index + 1 + lineOffset : undefined,
      expected: 'gültiges YAML',
      found: `einen Wert, der mit „*“ beginnt${index >= 0 ? ` (${zeilenAuszug(text.split('\n')[index] ?? '')})` : ''}; für YAML ist das ein Verweis auf eine Textmarke`,
      hinweis: 'Den Wert in Anführungszeichen setzen, z. B. name: "*neu*".',
    });
    return undefined;
  }
  const itemLines: number[] = [];
  const itemFeldZeilen: Record<string, number>[] = [];
  if (isSeq(doc.contents)) {
    for (const item of doc.contents.items) {
      const start = isMap(item) || (item && typeof item === 'object' && 'range' in item) ? (item as { range?: [number, number, number] }).range?.[0] : undefined;
      itemLines.push(start === undefined ? 0 : lineCounter.linePos(start).line + lineOffset);
      itemFeldZeilen.push(feldZeilen(item, lineCounter, lineOffset));
    }
  }
  return { value, itemLines, itemFeldZeilen, feldZeilen: isSeq(doc.contents) ? {} : feldZeilen(doc.contents, lineCounter, lineOffset) };
}

/** The line of each field below a YAML node, by dotted path („beschluss.url“, „beziehungen.0.ziel“). */
export function feldZeilen(node: unknown, lineCounter: LineCounter, lineOffset: number, pfad = '', out: Record<string, number> = {}): Record<string, number> {
  const zeile = (n: unknown) => {
    const start = (n as { range?: [number, number, number] } | null)?.range?.[0];
    return start === undefined ? undefined : lineCounter.linePos(start).line + lineOffset;
  };
  const unter = (teil: string) => (pfad ? `${pfad}.${teil}` : teil);
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === undefined) continue;
      const z = zeile(pair.key) ?? zeile(pair.value);
      if (z !== undefined) out[unter(key)] = z;
      feldZeilen(pair.value, lineCounter, lineOffset, unter(key), out);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      const z = zeile(item);
      if (z !== undefined) out[unter(String(i))] = z;
      feldZeilen(item, lineCounter, lineOffset, unter(String(i)), out);
    });
  }
  return out;
}

/** A line of the file as a message quotes it: trimmed, shortened, invisible characters shown. */
function zeilenAuszug(line: string): string {
  const text = line.replace(/\r$/, '').trim();
  return `„${zeigeUnsichtbare(text.length > 60 ? `${text.slice(0, 57)}…` : text)}“`;
}

type YamlFund = Pick<Problem, 'line' | 'expected' | 'found' | 'hinweis'>;

/** A broken YAML text as yamlProblem's parts read it. */
interface KaputtesYaml {
  doc: Document.Parsed;
  text: string;
  lines: string[];
  lineOffset: number;
  /** The line (1-based, in the text) of a position. */
  lineOf: (pos: number) => number;
  /** The problem at a line of the text. */
  at: (line: number, found: string, hinweis: string) => YamlFund;
  /** The line of `pos`, quoted whole if short, else from `pos` on. */
  auszugAb: (pos: number | undefined) => string;
}

/**
 * The one problem a broken YAML text is reported as: the first real error, in German, at
 * the line where it starts (an unclosed quote at the line that opens it, not at the end of
 * the file). The yaml library's own texts stay out of the message.
 */
function yamlProblem(doc: Document.Parsed, text: string, lc: LineCounter, lineOffset: number): YamlFund {
  const lines = text.split('\n');
  const lineOf = (pos: number) => lc.linePos(Math.min(pos, text.length)).line;
  const y: KaputtesYaml = {
    doc,
    text,
    lines,
    lineOffset,
    lineOf,
    at: (line, found, hinweis) => ({ line: line + lineOffset, expected: 'gültiges YAML', found, hinweis }),
    auszugAb: (pos) => {
      const zeile = lines[lineOf(pos ?? 0) - 1] ?? '';
      if (pos === undefined || zeile.trim().length <= 60) return zeilenAuszug(zeile);
      const anfang = text.lastIndexOf('\n', pos - 1) + 1;
      return zeilenAuszug(zeile.slice(pos - anfang));
    },
  };
  const errors = [...doc.errors];
  // An unclosed quote swallows the rest of the file; every later error follows from it.
  const quote = errors.find((e) => e.code === 'MISSING_CHAR' && /quote/i.test(e.message));
  if (quote) return offenesAnfuehrungszeichen(y, quote);
  // An unclosed [ or { of a list or mapping in one line.
  const flow = errors.find((e) => e.code === 'BAD_INDENT' && /^Flow (sequence|map)/.test(e.message));
  if (flow) return offeneKlammer(y, flow);
  // Tabs are never allowed for indentation; the parser's own complaints about them are cryptic.
  const firstLine = Math.min(...errors.map((e) => lineOf(e.pos[0])));
  const tabLine = lines.findIndex((l, i) => i < firstLine && /^ *\t/.test(l));
  if (tabLine >= 0) {
    return y.at(tabLine + 1, `einen Tabulator am Anfang der Zeile (${zeilenAuszug(lines[tabLine] ?? '')})`, 'YAML rückt nur mit Leerzeichen ein: den Tabulator durch Leerzeichen ersetzen, so dass die Felder eines Eintrags genau untereinander stehen.');
  }
  return zeilenfehler(y, errors.sort((a, b) => a.pos[0] - b.pos[0])[0]!);
}

type YamlFehler = Document.Parsed['errors'][number];

/** A quote that is opened and never closed: reported at the line that opens it. */
function offenesAnfuehrungszeichen({ doc, text, lineOf, at, auszugAb }: KaputtesYaml, quote: YamlFehler): YamlFund {
  let open: { start: number; char: string } | undefined;
  visit(doc, {
    Scalar(_, node) {
      if (open || !node.range || (node.type !== 'QUOTE_DOUBLE' && node.type !== 'QUOTE_SINGLE')) return;
      const char = node.type === 'QUOTE_DOUBLE' ? '"' : "'";
      const source = text.slice(node.range[0], node.range[1]).trimEnd();
      if (source.length < 2 || !source.endsWith(char)) open = { start: node.range[0], char };
    },
  });
  const char = open?.char ?? (quote.message.includes('"') ? '"' : "'");
  const line = open ? lineOf(open.start) : lineOf(quote.pos[0]);
  return at(
    line,
    `einen Text in Anführungszeichen ${char}, der nicht wieder geschlossen wird (${auszugAb(open?.start)}); ohne das schließende ${char} liest YAML alles bis zum Ende der Datei als diesen einen Text`,
    `Das schließende ${char} am Ende des Werts ergänzen. Steht ${char} im Text selbst, den Text in die anderen Anführungszeichen setzen (${char === '"' ? `'…"…'` : `"…'…"`}).`,
  );
}

/** A list `[…` or mapping `{…` in one line that is not closed. */
function offeneKlammer({ doc, text, lineOf, at, auszugAb }: KaputtesYaml, flow: YamlFehler): YamlFund {
  const isSeqFlow = /^Flow sequence/.test(flow.message);
  const [auf, zu] = isSeqFlow ? ['[', ']'] : ['{', '}'];
  let start: number | undefined;
  visit(doc, {
    Seq(_, node) {
      if (isSeqFlow && start === undefined && node.flow && node.range && !text.slice(node.range[0], node.range[1]).trimEnd().endsWith(zu)) start = node.range[0];
    },
    Map(_, node) {
      if (!isSeqFlow && start === undefined && node.flow && node.range && !text.slice(node.range[0], node.range[1]).trimEnd().endsWith(zu)) start = node.range[0];
    },
  });
  const line = lineOf(start ?? flow.pos[0]);
  return at(
    line,
    `${isSeqFlow ? 'eine Liste' : 'eine Zuordnung'}, die mit „${auf}“ beginnt und nicht mit „${zu}“ endet (${auszugAb(start)})`,
    `Die schließende „${zu}“ am Ende der Zeile ergänzen; ${isSeqFlow ? 'eine Liste in eckigen Klammern' : 'ein Eintrag in geschweiften Klammern'} muss in derselben Zeile enden.`,
  );
}

/** The line of the first error, quoted, and what is wrong in it, by the parser's error code. */
function zeilenfehler(y: KaputtesYaml, error: YamlFehler): YamlFund {
  const { lines, at } = y;
  const line = y.lineOf(error.pos[0]);
  const text0 = lines[line - 1] ?? '';
  const auszug = zeilenAuszug(text0);
  if (/^\s*-[^\s-]/.test(text0)) {
    return at(line, `ein „-“ ohne Leerzeichen danach (${auszug})`, 'Ein Listeneintrag beginnt mit „- “ (Bindestrich und Leerzeichen).');
  }
  switch (error.code) {
    case 'DUPLICATE_KEY': {
      const key = /^\s*(?:-\s+)?([^:#]+?)\s*:/.exec(text0)?.[1];
      return at(line, `das Feld ${key ? `„${key}“` : ''} zum zweiten Mal im selben Eintrag (${auszug})`, 'Jedes Feld steht in einem Eintrag nur einmal: eine der beiden Zeilen löschen oder zusammenführen. Beginnt hier ein neuer Eintrag, fehlt davor „- “.');
    }
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return keinFeldUndWert(y, error, line);
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      if (/Sequence item without - indicator/.test(error.message) || (error.code === 'MISSING_CHAR' && !/quote/i.test(error.message))) {
        return at(line, `eine Zeile, die weniger eingerückt ist als die Felder ihres Eintrags (${auszug})`, 'Die Felder eines Eintrags beginnen genau untereinander; beginnt hier ein neuer Eintrag, steht davor „- “.');
      }
      return at(line, `Felder, die nicht genau untereinander beginnen (${auszug})`, 'Die Einrückung angleichen: die Felder eines Eintrags beginnen in derselben Spalte (nur Leerzeichen).');
    case 'TAB_AS_INDENT':
      return at(line, `einen Tabulator zum Einrücken (${auszug})`, 'YAML rückt nur mit Leerzeichen ein: den Tabulator durch Leerzeichen ersetzen.');
    case 'BAD_SCALAR_START': {
      const zeichen = /reserved character (\S)/.exec(error.message)?.[1] ?? /indicator character (\S)/.exec(error.message)?.[1];
      return at(line, `einen Wert, der mit ${zeichen ? `„${zeichen}“` : 'einem Sonderzeichen'} beginnt (${auszug})`, 'Werte, die mit @, `, %, *, &, !, | oder > beginnen, gehören in Anführungszeichen.');
    }
    case 'BAD_DQ_ESCAPE':
      return at(line, `einen Rückstrich „\\“ in doppelten Anführungszeichen (${auszug}); dort leitet er ein Steuerzeichen ein`, "Den Text in einfache Anführungszeichen '…' setzen oder den Rückstrich verdoppeln (\\\\).");
    case 'MULTIPLE_DOCS':
      return at(line, `eine zweite Zeile „---“ (${auszug}); die Datei darf nur ein YAML-Dokument enthalten`, 'Die Zeile „---“ löschen (in MDX-Dateien steht „---“ nur über und unter dem Kopf).');
    case 'BAD_ALIAS':
    case 'ALIAS_PROPS':
      return at(line, `einen Wert, der mit „*“ beginnt (${auszug}); für YAML ist das ein Verweis auf eine Textmarke`, 'Den Wert in Anführungszeichen setzen.');
    case 'UNEXPECTED_TOKEN':
      return unerwarteteZeile(y, line);
    default:
      return at(line, `eine Zeile, die YAML nicht lesen kann (${auszug})`, 'Einrückung (nur Leerzeichen), Doppelpunkte und Anführungszeichen prüfen; ein Wert mit „:“ oder „#“ gehört in Anführungszeichen.');
  }
}

const einzug = (l: string) => /^ */.exec(l)?.[0].length ?? 0;

/** A line YAML cannot read as `feld: Wert`: a value with „: “, a deeper line, a missing space or colon. */
function keinFeldUndWert({ lines, at }: KaputtesYaml, error: YamlFehler, line: number): YamlFund {
  const text0 = lines[line - 1] ?? '';
  const auszug = zeilenAuszug(text0);
  const key = /^\s*(?:-\s+)?([^:#]+?)\s*:/.exec(text0)?.[1];
  const wert = /^\s*(?:-\s+)?[^:#\s][^:#]*?:\s+(.*)$/.exec(text0)?.[1];
  if (wert && /:(\s|$)/.test(wert) && !/^["']/.test(wert)) {
    return at(line, `einen Wert mit „: “ darin (${auszug}); YAML liest ihn als weiteres Feld`, `Den Wert in Anführungszeichen setzen, z. B. ${key ?? 'name'}: "${wert.replace(/"/g, "'").trim()}".`);
  }
  const nextLine = lines.findIndex((l, i) => i >= line && l.trim() !== '' && !l.trim().startsWith('#'));
  const next = nextLine >= 0 ? (lines[nextLine] ?? '') : '';
  if (error.code === 'BLOCK_AS_IMPLICIT_KEY' && nextLine >= 0 && einzug(next) > einzug(text0) && /:\s*\S/.test(text0)) {
    return at(nextLine + 1, `eine Zeile, die weiter eingerückt ist als das Feld darüber (${zeilenAuszug(next)})`, 'Die Felder eines Eintrags beginnen genau untereinander: die Einrückung angleichen (nur Leerzeichen).');
  }
  if (/^\s*(?:-\s+)?[^\s:#"'][^:#]*:\S/.test(text0)) {
    return at(line, `kein Leerzeichen nach dem Doppelpunkt (${auszug})`, 'Zwischen Feld und Wert stehen ein Doppelpunkt und ein Leerzeichen, z. B. name: Wert.');
  }
  if (!text0.includes(':')) {
    return at(line, `eine Zeile ohne Doppelpunkt zwischen Feld und Wert (${auszug})`, 'Jede Zeile eines Eintrags hat die Form „feld: Wert“; gehört die Zeile zum Wert darüber, ihn in Anführungszeichen setzen.');
  }
  return at(line, `eine Zeile, die YAML nicht als „feld: Wert“ lesen kann (${auszug})`, 'Einrückung und Doppelpunkte prüfen; ein Wert mit „:“ oder „#“ gehört in Anführungszeichen.');
}

/** A line YAML cannot place: text after a closing quote, a line outside the list of entries, or else. */
function unerwarteteZeile({ doc, lines, lineOffset, at }: KaputtesYaml, line: number): YamlFund {
  const text0 = lines[line - 1] ?? '';
  const auszug = zeilenAuszug(text0);
  if (/^\s*(?:-\s+)?[^:#]+:\s*["'][^"']*["']\s*[^\s#]/.test(text0)) {
    return at(line, `Text nach dem schließenden Anführungszeichen (${auszug})`, 'Der ganze Wert gehört in die Anführungszeichen; ein Anführungszeichen im Text steht in den jeweils anderen (\'…"…\').');
  }
  if (isSeq(doc.contents) && lineOffset === 0 && einzug(text0) === 0 && !/^-\s/.test(text0)) {
    return at(line, `eine Zeile, die nicht zur Liste der Einträge passt (${auszug})`, 'Jeder Eintrag beginnt mit „- “; die Felder eines Eintrags stehen eingerückt darunter.');
  }
  return at(line, `eine Zeile, die YAML an dieser Stelle nicht einordnen kann (${auszug})`, 'Einrückung (nur Leerzeichen), Doppelpunkte und Anführungszeichen prüfen; ein Wert mit „:“ oder „#“ gehört in Anführungszeichen.');
}

/** Invisible characters that slip into ids from copied web pages or word processors, with their German names. */
const UNSICHTBARE: Record<string, string> = {
  '\u00A0': 'geschütztes Leerzeichen',
  '\u00AD': 'weicher Trennstrich',
  '\u200B': 'breitenloses Leerzeichen',
  '\u200C': 'breitenloser Nichtverbinder',
  '\u200D': 'breitenloser Verbinder',
  '\u200E': 'Richtungszeichen links-nach-rechts',
  '\u200F': 'Richtungszeichen rechts-nach-links',
  '\u202A': 'Richtungssteuerzeichen',
  '\u202B': 'Richtungssteuerzeichen',
  '\u202C': 'Richtungssteuerzeichen',
  '\u202D': 'Richtungssteuerzeichen',
  '\u202E': 'Richtungssteuerzeichen',
  '\u2060': 'Wortverbinder',
  '\u2066': 'Richtungssteuerzeichen',
  '\u2067': 'Richtungssteuerzeichen',
  '\u2068': 'Richtungssteuerzeichen',
  '\u2069': 'Richtungssteuerzeichen',
  '\uFEFF': 'Byte-Order-Mark',
};
const UNSICHTBAR = new RegExp(`[${Object.keys(UNSICHTBARE).join('')}]`, 'gu');
const codepoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Shows invisible characters in a text visibly: „gs‹U+200B›lindenhof“. */
export function zeigeUnsichtbare(text: string): string {
  return text.replace(UNSICHTBAR, (c) => `‹${codepoint(c)}›`);
}

/** Names the invisible characters in a text for a message, e.g. „U+200B (breitenloses Leerzeichen)“; undefined if there are none. */
export function unsichtbareZeichen(text: string): string | undefined {
  const found = [...new Set(text.match(UNSICHTBAR) ?? [])];
  return found.length ? found.map((c) => `${codepoint(c)} (${UNSICHTBARE[c]})`).join(', ') : undefined;
}

/** Removes the invisible characters of a text (to suggest what an id was meant to be). */
export function ohneUnsichtbare(text: string): string {
  return text.replace(UNSICHTBAR, '');
}

/**
 * Reads a content file as UTF-8. A file in another encoding (Excel's „CSV (Trennzeichen-getrennt)“
 * and ANSI-saved files are Windows-1252) is rejected with the line of its first foreign
 * character, rather than read as „M�hlenbach“. A BOM is dropped; CRLF stays as it is.
 */
function readText(file: string, relFile: string, problems: Problem[]): string | undefined {
  const bytes = readFileSync(file);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let start = 0;
    let line = 1;
    let bad = '';
    while (start <= bytes.length) {
      let end = bytes.indexOf(0x0a, start);
      if (end < 0) end = bytes.length;
      const slice = bytes.subarray(start, end);
      try {
        decoder.decode(slice);
      } catch {
        bad = new TextDecoder('windows-1252').decode(slice);
        break;
      }
      start = end + 1;
      line++;
    }
    const word = /[^\s;,]*[\u0080-\u00FF\u0152-\u2122][^\s;,]*/.exec(bad)?.[0];
    const csv = extname(file) === '.csv';
    problems.push({
      file: relFile,
      line,
      expected: 'eine Datei in der Zeichenkodierung UTF-8',
      found: `eine andere Kodierung, wahrscheinlich Windows-1252 (ANSI)${word ? `: ${zeilenAuszug(word)} wäre in UTF-8 nicht lesbar` : ''}`,
      hinweis: csv
        ? 'In Excel „Datei“ → „Speichern unter“ → Dateityp „CSV UTF-8 (durch Trennzeichen getrennt) (*.csv)“ wählen; in LibreOffice beim Speichern Zeichensatz „Unicode (UTF-8)“ und Feldtrenner „;“.'
        : 'Die Datei im Editor mit der Kodierung „UTF-8“ speichern (Windows-Editor: „Speichern unter“ → Codierung „UTF-8“).',
    });
    return undefined;
  }
}

/** How Planwerk reads its CSV files with csv-parse (see `readCsv`); src/plan/migration.ts reads header rows the same way. */
export const CSV_OPTIONEN = {
  delimiter: ';',
  bom: true,
  trim: true,
  skip_empty_lines: true,
  skip_records_with_empty_values: true,
  comment: '#',
  comment_no_infix: true,
  relax_quotes: true,
  relax_column_count: true,
} as const;

interface CsvTabelle {
  columns: string[];
  /** Line of the header row. */
  kopfZeile: number;
  rows: { record: Record<string, string>; line: number }[];
}

/**
 * CSV as spreadsheets save it for Planwerk: `;` between cells, a header row, `#` comment
 * lines, BOM and CRLF tolerated, rows without any value skipped. Problems that make the
 * file unreadable (another separator, a row with more or fewer cells than the header, an
 * empty file) are reported once with their line; the file then gives no rows.
 */
function readCsv(text: string, relFile: string, problems: Problem[]): CsvTabelle | undefined {
  const lines = text.split('\n');
  const headerIndex = lines.findIndex((l) => l.replace(/^\uFEFF/, '').trim() !== '' && !l.trimStart().startsWith('#'));
  const kopfProblem = csvKopfProblem(lines, headerIndex, relFile);
  if (kopfProblem) {
    problems.push(kopfProblem);
    return undefined;
  }
  let records: CsvRecord[];
  try {
    records = parseCsv(text, { ...CSV_OPTIONEN, info: true }) as unknown as CsvRecord[];
  } catch (error) {
    problems.push(csvSyntaxProblem(error as { code?: string; lines?: number }, lines, relFile));
    return undefined;
  }
  const [kopf, ...daten] = records;
  if (!kopf) {
    problems.push({ file: relFile, line: headerIndex + 1, expected: 'eine Kopfzeile mit den Spaltennamen und darunter Zeilen mit Werten', found: 'nur leere Zellen', hinweis: 'Die Datei mit ihren Daten neu speichern, oder sie löschen, wenn der Plan diese Daten nicht hat.' });
    return undefined;
  }
  const columns = kopf.record;
  const headerLine = kopf.info.lines;
  const ok = pruefeSpalten(columns, daten, relFile, headerLine, problems);
  const rows = zeilenMitSpalten(columns, daten, relFile, problems);
  if (!ok) return undefined;
  if (daten.length === 0) {
    problems.push({ file: relFile, line: headerLine, expected: 'unter der Kopfzeile mindestens eine Zeile mit Werten', found: 'nur die Kopfzeile', hinweis: 'Die Daten ergänzen, oder die Datei löschen, wenn der Plan diese Daten nicht hat.' });
    return undefined;
  }
  return { columns: columns.filter((c) => c !== ''), rows, kopfZeile: headerLine };
}

/** One row as csv-parse gives it, with the line it ends on. */
type CsvRecord = { record: string[]; info: { lines: number } };

/** An empty file, or a header row separated by commas or tabs instead of „;“. */
function csvKopfProblem(lines: string[], headerIndex: number, relFile: string): Problem | undefined {
  if (headerIndex < 0) {
    return { file: relFile, line: 1, expected: 'eine Kopfzeile mit den Spaltennamen und darunter Zeilen mit Werten', found: 'eine leere Datei', hinweis: 'Die Datei mit ihren Daten neu speichern, oder sie löschen, wenn der Plan diese Daten nicht hat.' };
  }
  const header = (lines[headerIndex] ?? '').replace(/^\uFEFF/, '').replace(/\r$/, '');
  if (!header.includes(';') && /[,\t]/.test(header)) {
    const zeichen = header.includes('\t') ? 'Tabulatoren' : 'Kommas';
    return {
      file: relFile,
      line: headerIndex + 1,
      expected: 'Spalten, die durch Semikolons „;“ getrennt sind (das Komma ist in Planwerk das Dezimalzeichen: 1.234,56)',
      found: `eine Kopfzeile mit ${zeichen} als Trennzeichen (${zeilenAuszug(header.replaceAll('\t', ' → '))})`,
      hinweis: 'In Excel „Speichern unter“ → „CSV UTF-8 (durch Trennzeichen getrennt)“ mit deutschen Ländereinstellungen wählen, dann trennt Excel mit „;“; in LibreOffice Feldtrenner „;“ und Zeichensatz UTF-8 wählen.',
    };
  }
  return undefined;
}

/** What csv-parse's error means for an editor: an unclosed quote, text after a closing one, or else. */
function csvSyntaxProblem(err: { code?: string; lines?: number }, lines: string[], relFile: string): Problem {
  if (err.code === 'CSV_QUOTE_NOT_CLOSED') {
    const open = lines.findIndex((l) => (l.match(/"/g)?.length ?? 0) % 2 === 1);
    return {
      file: relFile,
      line: open >= 0 ? open + 1 : err.lines,
      expected: 'gültiges CSV mit „;“ als Trennzeichen: eine Zelle in Anführungszeichen "…" endet mit einem zweiten "',
      found: `ein Anführungszeichen ", das nicht wieder geschlossen wird${open >= 0 ? ` (${zeilenAuszug(lines[open] ?? '')})` : ''}`,
      hinweis: 'Das schließende " ergänzen; ein " im Text einer Zelle in Anführungszeichen wird verdoppelt ("").',
    };
  }
  if (err.code === 'CSV_INVALID_CLOSING_QUOTE' || err.code === 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE') {
    return {
      file: relFile,
      line: err.lines,
      expected: 'gültiges CSV mit „;“ als Trennzeichen: nach dem schließenden Anführungszeichen einer Zelle folgt „;“ oder das Zeilenende',
      found: `Text nach dem schließenden Anführungszeichen${err.lines ? ` (${zeilenAuszug(lines[err.lines - 1] ?? '')})` : ''}`,
      hinweis: 'Den ganzen Zellentext in die Anführungszeichen setzen und ein " im Text verdoppeln ("").',
    };
  }
  return { file: relFile, line: err.lines, expected: 'gültiges CSV mit „;“ als Trennzeichen', found: `eine Zeile, die sich nicht als CSV lesen lässt${err.lines ? ` (${zeilenAuszug(lines[err.lines - 1] ?? '')})` : ''}` };
}

/** Checks the header's names: a name over every column with values, each name once. */
function pruefeSpalten(columns: string[], daten: CsvRecord[], relFile: string, headerLine: number, problems: Problem[]): boolean {
  let ok = true;
  // Excel saves a formatted but empty column as a trailing „;“: an unnamed column without values is ignored.
  const unbenannt = columns.flatMap((c, i) => (c === '' ? [i] : []));
  for (const i of unbenannt) {
    const mitWert = daten.find((r) => (r.record[i] ?? '') !== '');
    if (mitWert) {
      ok = false;
      problems.push({ file: relFile, line: headerLine, expected: `einen Spaltennamen über jeder Spalte mit Werten`, found: `keinen Namen über Spalte ${i + 1}, in der Zeile ${mitWert.info.lines} „${zeigeUnsichtbare(mitWert.record[i] ?? '')}“ steht` });
    }
  }
  const seen = new Set<string>();
  for (const c of columns) {
    if (c !== '' && seen.has(c)) {
      ok = false;
      problems.push({ file: relFile, line: headerLine, field: c, expected: 'jeden Spaltennamen nur einmal', found: `die Spalte „${zeigeUnsichtbare(c)}“ zweimal` });
    }
    seen.add(c);
  }
  return ok;
}

/** The rows by their named columns; a row with more or fewer cells than the header is a problem and left out. */
function zeilenMitSpalten(columns: string[], daten: CsvRecord[], relFile: string, problems: Problem[]): CsvTabelle['rows'] {
  const named = columns.filter((c) => c !== '');
  const liste = (cs: string[]) => cs.map((c) => `„${zeigeUnsichtbare(c)}“`).join(', ');
  const rows: CsvTabelle['rows'] = [];
  for (const { record, info } of daten) {
    const cells = record.length;
    if (cells !== columns.length && !(cells < columns.length && columns.slice(cells).every((c) => c === ''))) {
      const mehr = cells > columns.length;
      problems.push({
        file: relFile,
        line: info.lines,
        field: mehr ? undefined : columns[cells],
        expected: `${columns.length} Zellen wie die Kopfzeile (${liste(columns)})`,
        found: mehr
          ? `${cells} Zellen, ${cells - columns.length} mehr als Spalten; überzählig nach „${columns.at(-1)}“: ${record.slice(columns.length, cells).every((c) => c === '') ? (cells - columns.length === 1 ? 'eine leere Zelle' : 'leere Zellen') : liste(record.slice(columns.length, cells))}. Steht ein „;“ im Text einer Zelle, gehört die Zelle in Anführungszeichen "…"`
          : `${cells} Zellen; es fehlen die Spalten ${liste(columns.slice(cells).filter((c) => c !== ''))}`,
        hinweis: 'Jede Zeile hat so viele „;“ wie die Kopfzeile; ein Text mit „;“ steht in Anführungszeichen "…".',
      });
      continue;
    }
    rows.push({ record: Object.fromEntries(named.map((c) => [c, record[columns.indexOf(c)] ?? ''])), line: info.lines });
  }
  return rows;
}

/** What a YAML document or item is, for a message. */
function yamlArt(value: unknown): string {
  if (value === null || value === undefined) return 'eine leere Datei';
  if (Array.isArray(value)) return 'eine Liste (Zeilen mit „- “)';
  if (typeof value === 'string') return `nur einen Text (${zeilenAuszug(value)})`;
  if (typeof value === 'number' || typeof value === 'boolean') return `nur den Wert ${String(value)}`;
  return 'eine Zuordnung (feld: Wert) ohne „- “ davor';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
