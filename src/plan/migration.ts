/**
 * Renames old field names in the plan's files (the renamings of src/plan/umbenennungen.ts),
 * changing nothing but the name: in YAML files and MDX heads the key as it stands in the text
 * (found through the `yaml` package's document, its source range replaced), in CSV files the
 * cell of the header row (found with csv-parse). Every other byte of a file stays as it was:
 * comments, order, quotes, line endings, the MDX body, the CSV rows. Each rewritten text is
 * read back and must give the same data with the new names, or the file is left alone.
 * Files are read and written as the plan's files are read: never through a symbolic link.
 */
import { lstatSync, readFileSync, renameSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { basename, dirname, extname, join, relative, resolve, posix, sep } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node as YamlNode, type Pair, type Scalar } from 'yaml';
import { CSV_OPTIONEN, SOURCES, linkImPlan, listFiles, type PlanLocation } from './sources.ts';
import { UMBENENNUNGEN, alteFelder, heutigerName, type Umbenennung } from './umbenennungen.ts';
import type { CollectionName } from './schemas/index.ts';
import type { Problem } from './problems.ts';

/** One renamed field in a file. */
export interface Umbenannt {
  /** Dotted path inside its entry, with the old name (`beziehungen.0.an`; a CSV column: its name). */
  feld: string;
  /** 1-based line of the name in the file. */
  zeile: number;
  alt: string;
  neu: string;
}

/** A file whose text changes. */
export interface Dateiaenderung {
  /** Path as messages name it (relative to the base folder, forward slashes). */
  datei: string;
  /** Absolute path. */
  pfad: string;
  vorher: string;
  nachher: string;
  umbenannt: Umbenannt[];
}

export interface Migrationsplan {
  aenderungen: Dateiaenderung[];
  /** Old names that are not renamed (the new name is there too; a file that cannot be read back the same), and links. */
  probleme: Problem[];
}

/** A text with its renamings, or what stands in the way. */
interface Umschrift {
  text: string;
  umbenannt: Umbenannt[];
  probleme: Omit<Problem, 'file'>[];
}

interface Stelle {
  start: number;
  ende: number;
  neu: string;
}

/** Replaces source ranges of a text (none overlapping), keeping the quotes a key stood in. */
function ersetze(text: string, stellen: Stelle[]): string {
  let aus = text;
  for (const { start, ende, neu } of [...stellen].sort((a, b) => b.start - a.start)) {
    const quelle = aus.slice(start, ende);
    const q = quelle[0];
    const ersatz = (q === '"' || q === "'") && quelle.endsWith(q) && quelle.length > 1 ? `${q}${neu}${q}` : neu;
    aus = aus.slice(0, start) + ersatz + aus.slice(ende);
  }
  return aus;
}

/** The same data with its old field names renamed, in their places (key order kept). */
function umbenennen(data: unknown, sammlung: CollectionName, register: readonly Umbenennung[]): unknown {
  const kopie = structuredClone(data);
  for (const f of alteFelder(sammlung, kopie, register)) {
    let ziel = kopie as Record<string | number, unknown>;
    for (const teil of f.ort) ziel = ziel[teil] as Record<string | number, unknown>;
    // The new name is there already, or an earlier renaming gave it: left as it is (see yamlUmschreiben).
    if (Object.hasOwn(ziel, f.neu)) continue;
    const eintraege = Object.entries(ziel).map(([k, v]): [string, unknown] => [k === f.umbenennung.alt ? f.neu : k, v]);
    for (const k of Object.keys(ziel)) delete ziel[k];
    Object.assign(ziel, Object.fromEntries(eintraege));
  }
  return kopie;
}

/** The YAML maps at `pfad` below a node (`*`: every item or value), with their concrete paths. */
function mapsAm(node: unknown, pfad: readonly string[], ort: (string | number)[] = []): { map: YamlNode & { items: Pair[] }; ort: (string | number)[] }[] {
  if (pfad.length === 0) return isMap(node) ? [{ map: node as YamlNode & { items: Pair[] }, ort }] : [];
  const [teil, ...rest] = pfad as [string, ...string[]];
  if (isSeq(node)) return teil === '*' ? node.items.flatMap((item, i) => mapsAm(item, rest, [...ort, i])) : [];
  if (!isMap(node)) return [];
  return node.items.flatMap((pair) => {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    return key !== undefined && (teil === '*' || teil === key) ? mapsAm(pair.value, rest, [...ort, key]) : [];
  });
}

/**
 * Renames the old keys in a YAML text: the entries are the items of a list (`liste`) or the
 * whole document. `zeilenVersatz`: lines before the text in its file (the `---` of an MDX head).
 */
export function yamlUmschreiben(text: string, sammlung: CollectionName, liste: boolean, register: readonly Umbenennung[] = UMBENENNUNGEN, zeilenVersatz = 0): Umschrift {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  // A file YAML cannot read is left to `planwerk pruefen`, which says what is wrong with it.
  const vorher = doc.errors.length > 0 ? undefined : jsVon(doc);
  if (vorher === undefined) return { text, umbenannt: [], probleme: [] };
  const eintraege: unknown[] = liste ? (isSeq(doc.contents) ? doc.contents.items : []) : [doc.contents];
  const stellen: Stelle[] = [];
  const umbenannt: Umbenannt[] = [];
  const probleme: Umschrift['probleme'] = [];
  /** Names given in a map by this run: two old names of one field must not both become it. */
  const vergeben = new WeakMap<object, Set<string>>();
  for (const eintrag of eintraege) {
    for (const u of register.filter((r) => r.sammlung === sammlung)) {
      const { neu } = heutigerName(u, register);
      for (const { map, ort } of mapsAm(eintrag, u.pfad)) {
        const schluessel = map.items.map((p) => (isScalar(p.key) ? String(p.key.value) : undefined));
        const pair = map.items[schluessel.indexOf(u.alt)];
        if (!pair) continue;
        const key = pair.key as Scalar;
        if (!key.range) {
          probleme.push(nichtSicher(undefined));
          continue;
        }
        const zeile = lineCounter.linePos(key.range[0]).line + zeilenVersatz;
        const feld = [...ort, u.alt].join('.');
        const neueNamen = vergeben.get(map) ?? new Set<string>();
        vergeben.set(map, neueNamen);
        if (schluessel.includes(neu) || neueNamen.has(neu)) {
          probleme.push({ line: zeile, field: feld, expected: `nur das Feld „${neu}“`, found: `beide, „${u.alt}“ und „${neu}“: nicht umbenannt`, hinweis: `Den Wert aus „${u.alt}“ in „${neu}“ übernehmen, soweit er dort fehlt, und „${u.alt}“ löschen.` });
          continue;
        }
        neueNamen.add(neu);
        stellen.push({ start: key.range[0], ende: key.range[1], neu });
        umbenannt.push({ feld, zeile, alt: u.alt, neu });
      }
    }
  }
  if (stellen.length === 0) return { text, umbenannt: [], probleme };
  const nachher = ersetze(text, stellen);
  const erwartet = liste ? (vorher as unknown[]).map((e) => umbenennen(e, sammlung, register)) : umbenennen(vorher, sammlung, register);
  const neuGelesen = parseDocument(nachher, { uniqueKeys: true });
  if (neuGelesen.errors.length > 0 || !isDeepStrictEqual(jsVon(neuGelesen), erwartet)) {
    return { text, umbenannt: [], probleme: [...probleme, nichtSicher(umbenannt[0]?.zeile)] };
  }
  return { text: nachher, umbenannt, probleme };
}

/** The data of a YAML document; undefined if it cannot be built (an alias without its anchor). */
function jsVon(doc: ReturnType<typeof parseDocument>): unknown {
  try {
    return doc.toJS() ?? null;
  } catch {
    return undefined;
  }
}

const nichtSicher = (line: number | undefined): Umschrift['probleme'][number] => ({
  line,
  expected: 'eine Datei, die sich Feld für Feld umbenennen lässt',
  found: 'eine Schreibweise, die `npm run migrieren` nicht sicher umschreiben kann: nichts geändert',
  hinweis: 'Die Felder, die `planwerk pruefen` nennt, von Hand umbenennen.',
});

/** Renames old keys in the head of an MDX file; the body stays as it is. */
export function mdxUmschreiben(text: string, sammlung: CollectionName, register: readonly Umbenennung[] = UMBENENNUNGEN): Umschrift {
  // The head as src/plan/sources.ts `splitFrontmatter` finds it.
  const kopf = /^(\uFEFF?---\r?\n)([\s\S]*?)(\r?\n---[ \t]*(?:\r?\n|$))/.exec(text);
  if (!kopf) return { text, umbenannt: [], probleme: [] };
  const [, vor = '', yaml = ''] = kopf;
  const umschrift = yamlUmschreiben(yaml, sammlung, false, register, 1);
  return { ...umschrift, text: vor + umschrift.text + text.slice(vor.length + yaml.length) };
}

/** The cells of a CSV header row: each value (quotes and spaces taken off) and where it stands in the row. */
function kopfzellen(zeile: string): { start: number; ende: number; wert: string }[] {
  const zellen: { start: number; ende: number; wert: string }[] = [];
  let anfang = zeile.startsWith('\uFEFF') ? 1 : 0;
  let inAnfuehrung = false;
  for (let i = anfang; i <= zeile.length; i++) {
    const c = zeile[i];
    if (c === '"') inAnfuehrung = !inAnfuehrung;
    if (i < zeile.length && (c !== ';' || inAnfuehrung)) continue;
    const roh = zeile.slice(anfang, i);
    const start = anfang + (roh.length - roh.trimStart().length);
    const ende = i - (roh.length - roh.trimEnd().length);
    const kern = zeile.slice(start, ende);
    const zitiert = kern.length >= 2 && kern.startsWith('"') && kern.endsWith('"');
    zellen.push(zitiert ? { start: start + 1, ende: ende - 1, wert: kern.slice(1, -1).replaceAll('""', '"') } : { start, ende, wert: kern });
    anfang = i + 1;
  }
  return zellen;
}

/** The header row of a CSV text as Planwerk reads it (src/plan/sources.ts), with its line; none if it cannot be read. */
function kopfzeile(text: string): { record: string[]; zeile: number } | undefined {
  try {
    const [kopf] = parseCsv(text, { ...CSV_OPTIONEN, info: true, to: 1 }) as unknown as { record: string[]; info: { lines: number } }[];
    return kopf && { record: kopf.record, zeile: kopf.info.lines };
  } catch {
    return undefined;
  }
}

/** Renames old column names in the header row of a CSV text; every other byte stays. */
export function csvUmschreiben(text: string, sammlung: CollectionName, register: readonly Umbenennung[] = UMBENENNUNGEN): Umschrift {
  const unveraendert: Umschrift = { text, umbenannt: [], probleme: [] };
  const kopf = kopfzeile(text);
  const alte = register.filter((u) => u.sammlung === sammlung && u.pfad.length === 0 && kopf?.record.includes(u.alt));
  if (!kopf || alte.length === 0) return unveraendert;
  const zeilen = text.split('\n');
  const index = kopf.zeile - 1;
  const zeile = (zeilen[index] ?? '').replace(/\r$/, '');
  const zellen = kopfzellen(zeile);
  if (zellen.length !== kopf.record.length || zellen.some((z, i) => z.wert !== kopf.record[i])) return { ...unveraendert, probleme: [nichtSicher(kopf.zeile)] };
  const stellen: Stelle[] = [];
  const umbenannt: Umbenannt[] = [];
  const probleme: Umschrift['probleme'] = [];
  for (const u of alte) {
    const { neu } = heutigerName(u, register);
    if (kopf.record.includes(neu)) {
      probleme.push({ line: kopf.zeile, field: u.alt, expected: `nur die Spalte „${neu}“`, found: `beide, „${u.alt}“ und „${neu}“: nicht umbenannt`, hinweis: `Die Werte aus „${u.alt}“ in „${neu}“ übernehmen, soweit sie dort fehlen, und die Spalte „${u.alt}“ löschen.` });
      continue;
    }
    const zelle = zellen[kopf.record.indexOf(u.alt)]!;
    stellen.push({ start: zelle.start, ende: zelle.ende, neu });
    umbenannt.push({ feld: u.alt, zeile: kopf.zeile, alt: u.alt, neu });
  }
  if (stellen.length === 0) return { ...unveraendert, probleme };
  zeilen[index] = ersetze(zeilen[index]!, stellen);
  const nachher = zeilen.join('\n');
  const erwartet = kopf.record.map((c) => umbenannt.find((u) => u.alt === c)?.neu ?? c);
  if (!isDeepStrictEqual(kopfzeile(nachher)?.record, erwartet)) return { ...unveraendert, probleme: [...probleme, nichtSicher(kopf.zeile)] };
  return { text: nachher, umbenannt, probleme };
}

const toPosix = (p: string) => p.split(sep).join(posix.sep);

/** A file's text, its BOM kept; none if it is not UTF-8 (`planwerk pruefen` names such a file). */
function leseText(pfad: string): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(readFileSync(pfad));
  } catch {
    return undefined;
  }
}

/** The files of a collection, found as src/plan/sources.ts reads them; a linked file or folder is not among them. */
function dateienVon(loc: PlanLocation, sammlung: CollectionName): string[] {
  const source = SOURCES[sammlung];
  if (source.kind === 'csv-dir') return [];
  const pfad = resolve(loc.contentDir, source.kind === 'mdx' ? source.dir : source.file);
  if (!existsSync(pfad) || linkImPlan(loc, pfad)) return [];
  if (source.kind !== 'mdx') return [pfad];
  return listFiles(loc, pfad, []).filter((f) => ['.mdx', '.md'].includes(extname(f)));
}

/**
 * What `planwerk migrieren` would change in the plan at `loc`: every file with an old field
 * name, before and after. Writes nothing. A file reached through a link, or not in UTF-8, is
 * not rewritten (`planwerk pruefen` reports it).
 */
export function planeMigration(loc: PlanLocation, register: readonly Umbenennung[] = UMBENENNUNGEN): Migrationsplan {
  const aenderungen: Dateiaenderung[] = [];
  const probleme: Problem[] = [];
  for (const sammlung of Object.keys(SOURCES) as CollectionName[]) {
    if (!register.some((u) => u.sammlung === sammlung)) continue;
    const kind = SOURCES[sammlung].kind;
    for (const pfad of dateienVon(loc, sammlung)) {
      const vorher = leseText(pfad);
      if (vorher === undefined) continue;
      // The plan's files are read without their BOM (src/plan/sources.ts); it is put back in front.
      const bom = vorher.startsWith('\uFEFF') ? '\uFEFF' : '';
      const text = vorher.slice(bom.length);
      const umschrift =
        kind === 'csv' ? csvUmschreiben(text, sammlung, register) : kind === 'mdx' ? mdxUmschreiben(text, sammlung, register) : yamlUmschreiben(text, sammlung, kind === 'yaml-list', register);
      const datei = toPosix(relative(loc.baseDir, pfad));
      probleme.push(...umschrift.probleme.map((p) => ({ file: datei, ...p })));
      if (umschrift.text !== text) aenderungen.push({ datei, pfad, vorher, nachher: bom + umschrift.text, umbenannt: umschrift.umbenannt });
    }
  }
  return { aenderungen, probleme };
}

/**
 * Writes the changed files. Each is checked again just before: not reached through a link,
 * a regular file, unchanged since it was read. The new text goes to a hidden file beside it,
 * which then replaces the file, so a file is never half written and a link never followed.
 */
export function schreibeMigration(loc: PlanLocation, aenderungen: readonly Dateiaenderung[]): Problem[] {
  const probleme: Problem[] = [];
  for (const a of aenderungen) {
    const link = linkImPlan(loc, a.pfad);
    if (link) {
      probleme.push(link);
      continue;
    }
    const stat = lstatSync(a.pfad);
    if (!stat.isFile() || !readFileSync(a.pfad).equals(Buffer.from(a.vorher))) {
      probleme.push({ file: a.datei, expected: 'die Datei, wie `npm run migrieren` sie gelesen hat', found: 'eine inzwischen geänderte Datei: nicht umgeschrieben', hinweis: '`planwerk migrieren` noch einmal aufrufen.' });
      continue;
    }
    const neben = join(dirname(a.pfad), `.${basename(a.pfad)}.migrieren-${process.pid}`);
    let angelegt = false;
    try {
      writeFileSync(neben, a.nachher, { flag: 'wx', mode: stat.mode & 0o777 });
      angelegt = true;
      renameSync(neben, a.pfad);
    } catch (error) {
      if (angelegt) rmSync(neben, { force: true });
      probleme.push({ file: a.datei, expected: 'eine Datei, die sich schreiben lässt', found: `einen Fehler beim Schreiben (${(error as NodeJS.ErrnoException).code ?? 'unbekannt'}): nicht umgeschrieben` });
    }
  }
  return probleme;
}
