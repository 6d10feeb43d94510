/**
 * External links of a plan and their register. Every `https://` address the plan cites — in the
 * texts of its MDX files and in its data fields (the fields registered with `adresse('extern')` or
 * `adresse('link')` in src/plan/schemas/, found from the schemas themselves), and in the address
 * columns of the survey rounds (daten/erhebungen/<runde>.csv, `medienkonzept_url`: the columns
 * of art `url` in FELDER of src/rechnen/erhebungen.ts, listed in ADRESSSPALTEN, unless the plan keeps them internal) — is
 * collected with the files it stands in. `links.json` in the plan folder keeps, for each, the day
 * it was last found live and what the last check found; only `planwerk links` (src/cli/links.ts)
 * writes it.
 * The build never requests a foreign page: it reads the register and shows its dates.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { z } from 'astro/zod';
import { ADRESSFELDER, pruefeAdresse } from './adressen.ts';
import { createSchemas, plainRef, type CollectionName } from './schemas/index.ts';
import { displayDir, LINKS_DATEI, type PlanLocation } from './sources.ts';
import type { Entry, ExternerLink, Fundstelle, LinkEintrag, LinkStatus, PlanModel } from './model.ts';
import type { Problem } from './problems.ts';

export { LINKS_DATEI };

/** What the last check found: live, moved (301/308, with its target), not found or broken, no answer in time, or no connection. */
export const LINKSTATUS = ['erreichbar', 'umgezogen', 'nicht-erreichbar', 'zeitueberschreitung', 'fehler'] as const satisfies readonly LinkStatus[];

const TAG = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ein Datum JJJJ-MM-TT');

/** One entry of links.json (the type LinkEintrag in model.ts). */
export const LINKEINTRAG = z.strictObject({
  url: z.string(),
  geprueft: TAG.optional(),
  zuletzt: TAG.optional(),
  status: z.enum(LINKSTATUS).optional(),
  http: z.number().int().optional(),
  ziel: z.string().optional(),
  quellen: z.array(z.string()),
});

export type { ExternerLink, Fundstelle, LinkEintrag, LinkStatus };

type Pfad = (string | number)[];
type Def = { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType; innerType?: z.ZodType; in?: z.ZodType; out?: z.ZodType; options?: z.ZodType[]; valueType?: z.ZodType; left?: z.ZodType; right?: z.ZodType };
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Paths of the fields registered as `extern` or `link` addresses inside one schema; array items as 0, record values as '*'. */
function adresspfade(schema: z.ZodType, pfad: Pfad = [], gesehen = new Set<z.ZodType>(), pfade = new Map<string, Pfad>()): Map<string, Pfad> {
  const art = ADRESSFELDER.get(schema)?.adresse;
  if (art === 'extern' || art === 'link') pfade.set(pfad.join('.'), pfad);
  if (gesehen.has(schema)) return pfade;
  gesehen.add(schema);
  const d = defOf(schema);
  const weiter = (s: z.ZodType | undefined, p = pfad) => s && adresspfade(s, p, gesehen, pfade);
  if (d.shape) for (const [k, v] of Object.entries(d.shape)) weiter(v, [...pfad, k]);
  weiter(d.element, [...pfad, 0]);
  weiter(d.valueType, [...pfad, '*']);
  for (const s of [d.innerType, d.in, d.out, d.left, d.right, ...(d.options ?? [])]) weiter(s);
  gesehen.delete(schema);
  return pfade;
}

let pfadeJeSammlung: Map<CollectionName, Pfad[]> | undefined;

/** The address fields of every collection, from the schemas (computed once). */
export function adressfelderJeSammlung(): Map<CollectionName, Pfad[]> {
  if (pfadeJeSammlung) return pfadeJeSammlung;
  const schemas = createSchemas(plainRef) as Record<CollectionName, z.ZodType>;
  pfadeJeSammlung = new Map(Object.entries(schemas).map(([name, schema]) => [name as CollectionName, [...adresspfade(schema).values()]]));
  return pfadeJeSammlung;
}

/** The values at a path in plain data: every item of an array (0) and every value of a record ('*'). */
function werteAm(wert: unknown, pfad: Pfad): unknown[] {
  if (pfad.length === 0) return [wert];
  if (wert === null || typeof wert !== 'object') return [];
  const [teil, ...rest] = pfad;
  if (teil === 0) return Array.isArray(wert) ? wert.flatMap((w) => werteAm(w, rest)) : [];
  if (teil === '*') return Object.values(wert).flatMap((w) => werteAm(w, rest));
  return werteAm((wert as Record<string, unknown>)[teil as string], rest);
}

/** Is this a foreign address a check can request (https, by the address rule)? */
export const istExtern = (wert: unknown): wert is string => typeof wert === 'string' && wert.startsWith('https://') && pruefeAdresse(wert, 'extern').ok;

/** The external addresses in one entry's data fields, each with the top-level field it stands in. */
export function adressenImEintrag(sammlung: CollectionName, data: unknown): { url: string; feld: string }[] {
  const pfade = adressfelderJeSammlung().get(sammlung) ?? [];
  const gefunden = pfade.flatMap((p) => werteAm(data, p).filter(istExtern).map((url) => ({ url, feld: String(p[0]) })));
  return gefunden.filter((g, i) => gefunden.findIndex((h) => h.url === g.url && h.feld === g.feld) === i);
}

/**
 * The survey columns that hold an address: the fields of art `url` in FELDER of
 * src/rechnen/erhebungen.ts, named here because the plan layer reads no calculation
 * (tests/unit/links.test.ts checks that both agree).
 */
export const ADRESSSPALTEN: readonly string[] = ['medienkonzept_url'];

/**
 * The external addresses in one school's row of a survey round, with their column. The cells are
 * text as the CSV has them; a cell the round's check rejects (src/rechnen/erhebungen.ts) is no link.
 * A column the plan keeps internal (`intern` in daten/erhebungen.yaml) is never published per
 * school, so its addresses are no links of the plan either.
 */
export function adressenInErhebung(werte: Record<string, string>, intern: ReadonlySet<string> = new Set()): { url: string; feld: string }[] {
  return ADRESSSPALTEN.filter((feld) => !intern.has(feld)).flatMap((feld) => {
    const url = werte[feld]?.trim();
    return istExtern(url) ? [{ url, feld }] : [];
  });
}

/** A file of the model (relative to the base folder) as the register names it: relative to the plan folder. */
function imPlanordner(ort: PlanLocation, datei: string): string {
  return relative(ort.contentDir, resolve(ort.baseDir, datei)).split(sep).join('/');
}

/**
 * Every external link of the plan, sorted by address, with the entries that cite it (data fields
 * and texts) and the register's entry for it.
 */
export function externeLinks(model: PlanModel, register: LinkEintrag[] = []): ExternerLink[] {
  const links = new Map<string, Fundstelle[]>();
  const fund = (url: string, stelle: Fundstelle) => {
    const liste = links.get(url) ?? [];
    if (!liste.some((s) => s.datei === stelle.datei && s.id === stelle.id && s.feld === stelle.feld)) liste.push(stelle);
    links.set(url, liste);
  };
  for (const { url, feld } of adressenImEintrag('plan', model.plan)) fund(url, { datei: 'plan.yaml', sammlung: 'plan', id: 'plan', feld });
  const intern = new Set(model.erhebungen[0]?.data.intern ?? []);
  for (const [name, wert] of Object.entries(model)) {
    if (!Array.isArray(wert) || name === 'links') continue;
    const sammlung = name as CollectionName;
    for (const e of wert as PlanModel['massnahmen']) {
      const stelle = { datei: imPlanordner(model.ort, e.file), sammlung, id: e.id };
      for (const { url } of adressenImEintrag(sammlung, e.data)) fund(url, stelle);
      if (sammlung === 'erhebungswerte') for (const { url } of adressenInErhebung((e as unknown as Entry<'erhebungswerte'>).data.werte, intern)) fund(url, stelle);
      for (const url of e.inhalt?.extern ?? []) fund(url, stelle);
    }
  }
  const eintraege = new Map(register.map((r) => [r.url, r]));
  return [...links]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([url, fundstellen]) => {
      const eintrag = eintraege.get(url);
      return eintrag ? { url, fundstellen, register: eintrag } : { url, fundstellen };
    });
}

/** The files a link stands in, as the register lists them. */
export const quellenVon = (link: ExternerLink) => [...new Set(link.fundstellen.map((f) => f.datei))].sort();

const HINWEIS = 'links.json schreibt „planwerk links“; die Datei löschen und mit „planwerk links --nur-sammeln“ neu anlegen.';

/** What each field of a register entry must hold, in German (zod's own messages are English). */
const ERWARTET_IM_REGISTER: Record<string, string> = {
  url: 'die Adresse als Text',
  geprueft: 'ein Datum JJJJ-MM-TT',
  zuletzt: 'ein Datum JJJJ-MM-TT',
  status: `einen der Werte ${LINKSTATUS.map((s) => `„${s}“`).join(', ')}`,
  http: 'eine ganze Zahl (den HTTP-Status)',
  ziel: 'die neue Adresse als Text',
  quellen: 'eine Liste von Dateien des Plans',
};

/** One problem of a register entry: its number, the field, what was expected and found. */
function registerProblem(name: string, eintrag: unknown, i: number, issue: z.core.$ZodIssue): Problem {
  const url = (eintrag as { url?: unknown } | null)?.url;
  const zeige = (wert: unknown) => (wert === undefined ? 'nichts' : JSON.stringify(wert).slice(0, 80));
  if (issue.code === 'unrecognized_keys') {
    return { file: name, entry: typeof url === 'string' ? url : undefined, field: `${i + 1}.${issue.keys[0]}`, expected: `nur die Felder ${Object.keys(ERWARTET_IM_REGISTER).join(', ')}`, found: `das Feld „${issue.keys[0]}“` };
  }
  const feld = String(issue.path[0] ?? '');
  const wert = feld && eintrag && typeof eintrag === 'object' ? (eintrag as Record<string, unknown>)[feld] : eintrag;
  return {
    file: name,
    entry: typeof url === 'string' ? url : undefined,
    field: [i + 1, ...issue.path].join('.'),
    expected: ERWARTET_IM_REGISTER[feld] ?? 'einen Eintrag mit „url“ und „quellen“, wie „planwerk links“ ihn schreibt',
    found: zeige(wert),
    hinweis: HINWEIS,
  };
}

/** Reads links.json of a plan; a missing file is an empty register, a broken one a problem naming file and entry. */
export function leseLinkregister(ort: PlanLocation): { register: LinkEintrag[]; problems: Problem[] } {
  const file = join(ort.contentDir, LINKS_DATEI);
  if (!existsSync(file)) return { register: [], problems: [] };
  const name = `${displayDir(ort)}/${LINKS_DATEI}`;
  const hinweis = HINWEIS;
  let roh: unknown;
  try {
    roh = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return { register: [], problems: [{ file: name, expected: 'gültiges JSON, wie „planwerk links“ es schreibt', found: 'Text, den JSON nicht lesen kann (etwa ein fehlendes Komma oder Anführungszeichen)', hinweis }] };
  }
  if (!Array.isArray(roh)) return { register: [], problems: [{ file: name, expected: 'eine Liste von Links in „[ … ]“, wie „planwerk links“ sie schreibt', found: zeigeTyp(roh), hinweis }] };
  const register: LinkEintrag[] = [];
  const problems: Problem[] = [];
  roh.forEach((eintrag, i) => {
    const ergebnis = LINKEINTRAG.safeParse(eintrag);
    if (ergebnis.success) register.push(ergebnis.data);
    else problems.push(registerProblem(name, eintrag, i, ergebnis.error.issues[0]!));
  });
  return { register, problems };
}

const zeigeTyp = (wert: unknown) => (wert === null ? 'null' : typeof wert === 'object' ? 'ein einzelnes Objekt' : JSON.stringify(wert).slice(0, 80));

/** Writes links.json: one entry per address, sorted, fields in a fixed order. */
export function schreibeLinkregister(ort: PlanLocation, register: LinkEintrag[]): void {
  const sortiert = [...register].sort((a, b) => a.url.localeCompare(b.url));
  const felder = ['url', 'geprueft', 'zuletzt', 'status', 'http', 'ziel', 'quellen'] as const;
  const text = sortiert.map((e) => JSON.stringify(Object.fromEntries(felder.filter((f) => e[f] !== undefined).map((f) => [f, e[f]]))));
  writeFileSync(join(ort.contentDir, LINKS_DATEI), text.length === 0 ? '[]\n' : `[\n${text.map((t) => ` ${t}`).join(',\n')}\n]\n`);
}

/** A finding in words: „erreichbar“, „umgezogen nach … (HTTP 301)“, „nicht erreichbar (HTTP 404)“. */
export function befundText(b: { status?: LinkStatus; http?: number; ziel?: string; grund?: string }): string {
  switch (b.status) {
    case 'erreichbar':
      return 'erreichbar';
    case 'umgezogen':
      return `umgezogen nach ${b.ziel}${b.http ? ` (HTTP ${b.http})` : ''}`;
    case 'nicht-erreichbar':
      return b.http ? `nicht erreichbar (HTTP ${b.http})` : `nicht erreichbar${b.grund ? ` (${b.grund})` : ''}`;
    case 'zeitueberschreitung':
      return `nicht erreichbar: ${b.grund ?? 'keine Antwort in der erlaubten Zeit'}`;
    case 'fehler':
      return `nicht erreichbar: ${b.grund ?? 'keine Verbindung'}`;
    default:
      return 'noch nicht geprüft';
  }
}
