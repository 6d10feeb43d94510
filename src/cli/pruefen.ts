/**
 * `npm run pruefen`: checks the whole plan without building the site, and lists every
 * finding at once, one per line: `datei:zeile  feld  meldung`, each followed by a hint how
 * to fix it where one is known, then the warnings (marked „Hinweis:“) and a summary line.
 * Exit code 1 on any error, 0 otherwise, 2 when the check itself could not run.
 *
 * Checked: every check the build runs before rendering. Everything validatePlan checks
 * (schemas, references, the section tree and the section numbers Maßnahmen and texts cite, MDX
 * content policy, media, every link within the site in the texts with its page and anchor,
 * Kennzahlen, rules across files, redirects as far as the model decides them), each check as
 * far as its input is intact, so one run lists every independent error; the base path
 * (`--basis`, PLANWERK_BASIS) with the build's own check (src/plan/basispfad.ts); and the
 * published pages of the anchor register that the plan no longer has. That every published
 * anchor and every redirect target is still produced needs the built site; the build checks it.
 *
 * Options:
 *   --inhalt <ordner>   the plan's folder (else PLANWERK_CONTENT, else content/)
 *   --basis </pfad/>    the base path the build will get (else PLANWERK_BASIS), checked as the build checks it
 *   --format <art>      text (default), github (annotations for GitHub Actions) or
 *                       gitlab (text, and a Code Quality report for GitLab)
 *   --bericht <datei>   where --format gitlab writes its report (gl-code-quality-report.json)
 */
import { createHash } from 'node:crypto';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { formatProblem, hinweisFuer, problemMeldung, pruefzeile, type Problem } from '../plan/problems.ts';
import { ladePlan } from '../pruefung/planladen.ts';
import { cacheOrdner, inhaltsordner } from '../plan/aktuell.ts';
import { displayDir, planLocation } from '../plan/sources.ts';
import { leseRegister, REGISTER_DATEI } from '../ausgabe/anker.ts';
import { pruefeVeroeffentlichteSeiten } from '../ausgabe/weiterleitungen.ts';
import { laufeGeschuetzt } from '../pruefung/validate.ts';
import { hinweise } from '../integration.ts';
import { pruefeBasis, type Basisquelle } from '../plan/basispfad.ts';
import type { Umbenennung } from '../plan/umbenennungen.ts';

/** One finding: an error that stops publishing, or a warning that does not. */
export interface Befund {
  art: 'Fehler' | 'Hinweis';
  /** Path relative to the project, where the finding belongs to a file. */
  file?: string;
  line?: number;
  field?: string;
  /** The German message without place and field. */
  meldung: string;
  /** How to fix it, where known. */
  hinweis?: string;
}

export interface Pruefergebnis {
  fehler: Befund[];
  hinweise: Befund[];
  /** The content folder as messages name it. */
  inhalt: string;
  dauerMs: number;
}

export function befundAusProblem(p: Problem, art: Befund['art'] = 'Fehler'): Befund {
  return { art, file: p.file, line: p.line, field: p.field, meldung: problemMeldung(p), hinweis: hinweisFuer(p) };
}

/** Hints for the warnings the build words as text (see `hinweise` in src/integration.ts). */
const TEXTHINWEISE: [RegExp, string][] = [
  [/Überprüfung war bis/, 'Die Seite prüfen und unter „pflege“ ein neues Datum „naechstePruefung“ eintragen.'],
  [/wird nirgends genannt/, 'Den Akteur in einer Beziehung, Maßnahme, einem Gremium oder Format nennen, oder ihn löschen, wenn er nicht zum Plan gehört.'],
  [/ohne „website“/, 'In plan.yaml „website: https://…“ mit der Adresse der veröffentlichten Seite eintragen.'],
];

const DATEI_VORN = /^(\S+?\.(?:ya?ml|mdx?|csv|json))(?::(\d*))?[,:]?\s+([\s\S]+)$/;

/** A warning the build words as one line of text, taken apart into place and message where it starts with a file. */
export function befundAusText(text: string): Befund {
  const m = DATEI_VORN.exec(text);
  const hinweis = TEXTHINWEISE.find(([muster]) => muster.test(text))?.[1];
  if (!m) return { art: 'Hinweis', meldung: text, hinweis };
  return { art: 'Hinweis', file: m[1], line: m[2] ? Number(m[2]) : undefined, meldung: m[3]!, hinweis };
}

const toPosix = (p: string) => p.split(sep).join('/');

/** The base path a build would get: `--basis`, else PLANWERK_BASIS. */
export interface Basisoption {
  basis?: string;
  quelle: Basisquelle;
}

/**
 * Checks the plan in `inhalt` (else PLANWERK_CONTENT, else content/) of the project `projekt`,
 * and the base path the build would get (`basis`, by default PLANWERK_BASIS). `umbenennungen`:
 * the renamed fields to name, this version's unless a test gives its own.
 */
export async function pruefe(
  projekt: string,
  inhaltOption?: string,
  basis: Basisoption = { basis: process.env.PLANWERK_BASIS, quelle: 'PLANWERK_BASIS' },
  umbenennungen?: readonly Umbenennung[],
): Promise<Pruefergebnis> {
  const started = performance.now();
  const inhalt = inhaltsordner(projekt, inhaltOption);
  const angezeigt = toPosix(relative(projekt, inhalt)) || '.';
  const dauer = () => performance.now() - started;
  // Checks of the build that do not need the plan: reported with the plan's own errors.
  const vorab = pruefeBasis(basis.basis, basis.quelle).map((p) => befundAusProblem(p));
  if (!existsSync(inhalt) || !statSync(inhalt).isDirectory()) {
    return {
      fehler: [
        ...vorab,
        {
          art: 'Fehler',
          file: angezeigt,
          meldung: 'erwartet einen Ordner mit dem Plan (plan.yaml, akteure.yaml, kapitel/ …); gefunden: keinen Ordner',
          hinweis: 'Den Ordner mit „--inhalt <ordner>“ oder PLANWERK_CONTENT angeben; ohne beides gilt content/.',
        },
      ],
      hinweise: [],
      inhalt: angezeigt,
      dauerMs: dauer(),
    };
  }
  const ort = planLocation(inhalt, projekt);
  const geladen = await ladePlan(ort, cacheOrdner(projekt, inhalt), umbenennungen);
  const fehler = [...vorab, ...geladen.problems.map((p) => befundAusProblem(p))];
  // Warnings as problems: drafts and their open fields, implausible references and years.
  const strukturiert: Problem[] = [...geladen.warnungen];
  const warnungen: Befund[] = [];
  const model = geladen.model;
  // The published pages need only the plan's data: checked also when only texts have errors.
  const seitenModell = model ?? geladen.datenModell;
  if (seitenModell) {
    const registerDatei = `${displayDir(ort)}/${REGISTER_DATEI}`;
    let register: Record<string, string[]> | undefined;
    try {
      register = leseRegister(join(inhalt, REGISTER_DATEI));
    } catch {
      fehler.push({
        art: 'Fehler',
        file: registerDatei,
        meldung: 'erwartet gültiges JSON (das Ankerregister); gefunden: eine Datei, die sich nicht lesen lässt',
        hinweis: 'Die Datei nicht von Hand bearbeiten: die letzte Fassung aus der Versionsverwaltung zurückholen, dann npm run bauen und npm run anker.',
      });
    }
    if (register) {
      const seiten: Problem[] = [];
      laufeGeschuetzt(seiten, () => pruefeVeroeffentlichteSeiten(seitenModell, register, registerDatei));
      fehler.push(...seiten.map((p) => befundAusProblem(p)));
    }
  }
  const schonDa = new Set(strukturiert.map(formatProblem));
  warnungen.push(...strukturiert.map((p) => befundAusProblem(p, 'Hinweis')));
  if (model) for (const text of hinweise(geladen)) if (!schonDa.has(text)) warnungen.push(befundAusText(text));
  const ordnung = (a: Befund, b: Befund) => (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0);
  return { fehler: fehler.sort(ordnung), hinweise: warnungen.sort(ordnung), inhalt: angezeigt, dauerMs: dauer() };
}

/** One finding as a line of text (and its hint line). */
export function textzeile(b: Befund): string {
  const ort = b.file && `${b.file}${b.line ? `:${b.line}` : ''}`;
  return pruefzeile(ort, b.field, `${b.art === 'Hinweis' ? 'Hinweis: ' : ''}${b.meldung}`, b.hinweis);
}

const anzahl = (n: number, eins: string, mehr: string, keine: string) => (n === 0 ? keine : `${n} ${n === 1 ? eins : mehr}`);

/** The last line: „Keine Fehler, 2 Hinweise in 0,4 s.“ or „3 Fehler, keine Hinweise in 0,4 s.“ */
export function zusammenfassung(e: Pick<Pruefergebnis, 'fehler' | 'hinweise' | 'dauerMs'>): string {
  const sekunden = (e.dauerMs / 1000).toLocaleString('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return `${anzahl(e.fehler.length, 'Fehler', 'Fehler', 'Keine Fehler')}, ${anzahl(e.hinweise.length, 'Hinweis', 'Hinweise', 'keine Hinweise')} in ${sekunden} s.`;
}

export function textAusgabe(e: Pruefergebnis): string {
  return [...e.fehler.map(textzeile), ...e.hinweise.map(textzeile), zusammenfassung(e)].join('\n');
}

/** Escaping of GitHub workflow commands: the message, and (also „:“ and „,“) property values. */
const githubDaten = (s: string) => s.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
const githubEigenschaft = (s: string) => githubDaten(s).replaceAll(':', '%3A').replaceAll(',', '%2C');

/** GitHub Actions annotations: `::error file=…,line=…,title=…::meldung`, warnings as `::warning`. */
export function githubAusgabe(e: Pruefergebnis): string {
  const zeile = (b: Befund) => {
    const eigenschaften = [b.file && `file=${githubEigenschaft(b.file)}`, b.line && `line=${b.line}`, b.field && `title=${githubEigenschaft(b.field)}`].filter(Boolean).join(',');
    const text = b.hinweis ? `${b.meldung}\n→ So beheben: ${b.hinweis}` : b.meldung;
    return `::${b.art === 'Fehler' ? 'error' : 'warning'}${eigenschaften ? ` ${eigenschaften}` : ''}::${githubDaten(text)}`;
  };
  return [...e.fehler.map(zeile), ...e.hinweise.map(zeile), zusammenfassung(e)].join('\n');
}

export interface CodeQualityEintrag {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: 'major' | 'minor';
  location: { path: string; lines: { begin: number } };
}

/**
 * A GitLab Code Quality report. The fingerprint leaves the line out, so a finding keeps it
 * when lines above it move; equal findings in one file are told apart by their order.
 */
export function gitlabBericht(e: Pruefergebnis): CodeQualityEintrag[] {
  const gesehen = new Map<string, number>();
  return [...e.fehler, ...e.hinweise].map((b) => {
    const schluessel = [b.art, b.file ?? '', b.field ?? '', b.meldung].join('\u0000');
    const n = gesehen.get(schluessel) ?? 0;
    gesehen.set(schluessel, n + 1);
    return {
      description: `${b.field ? `${b.field}: ` : ''}${b.meldung}${b.hinweis ? ` → So beheben: ${b.hinweis}` : ''}`,
      check_name: b.art === 'Fehler' ? 'planwerk-fehler' : 'planwerk-hinweis',
      fingerprint: createHash('sha256').update(`${schluessel}\u0000${n}`).digest('hex'),
      severity: b.art === 'Fehler' ? 'major' : 'minor',
      location: { path: b.file ?? e.inhalt, lines: { begin: b.line ?? 1 } },
    };
  });
}

const HILFE = `npm run pruefen [-- Optionen]: prüft den Plan, ohne die Website zu bauen.
  --inhalt <ordner>   Ordner des Plans (sonst PLANWERK_CONTENT, sonst content/)
  --basis </pfad/>    Basispfad, den der Build bekommt (sonst PLANWERK_BASIS), geprüft wie beim Build
  --format <art>      text (Vorgabe), github (Anmerkungen für GitHub Actions) oder gitlab (Text und Code-Quality-Bericht)
  --bericht <datei>   Datei des Code-Quality-Berichts bei --format gitlab (Vorgabe: gl-code-quality-report.json)
Exit-Code: 0 ohne Fehler, 1 bei Fehlern im Plan, 2 wenn die Prüfung nicht laufen konnte.`;

const FORMATE = ['text', 'github', 'gitlab'] as const;

/** Ends with one German line and exit code 2: the check could not run (not a problem of the plan). */
function abbruch(text: string, error?: unknown): never {
  console.error(text);
  if (error && process.env.PLANWERK_DEBUG) console.error(error);
  process.exit(2);
}

async function main() {
  let values: { inhalt?: string; basis?: string; format?: string; bericht?: string; hilfe?: boolean };
  try {
    ({ values } = parseArgs({
      options: { inhalt: { type: 'string' }, basis: { type: 'string' }, format: { type: 'string', default: 'text' }, bericht: { type: 'string', default: 'gl-code-quality-report.json' }, hilfe: { type: 'boolean', short: 'h' } },
      allowPositionals: false,
    }));
  } catch (error) {
    const option = /'([^']+)'/.exec((error as Error).message)?.[1];
    abbruch(`Unbekannte oder unvollständige Option${option ? ` „${option}“` : ''}.\n${HILFE}`);
  }
  if (values.hilfe) {
    console.log(HILFE);
    return;
  }
  const format = values.format as (typeof FORMATE)[number];
  if (!FORMATE.includes(format)) abbruch(`Unbekanntes Format „${values.format}“: erlaubt sind ${FORMATE.map((f) => `„${f}“`).join(', ')}.`);

  const projekt = process.cwd();
  const basis: Basisoption = values.basis !== undefined ? { basis: values.basis, quelle: '--basis' } : { basis: process.env.PLANWERK_BASIS, quelle: 'PLANWERK_BASIS' };
  const ergebnis = await pruefe(projekt, values.inhalt, basis);
  if (format === 'github') console.log(githubAusgabe(ergebnis));
  else console.log(textAusgabe(ergebnis));
  if (format === 'gitlab') {
    const bericht = gitlabBericht(ergebnis);
    try {
      writeFileSync(values.bericht!, `${JSON.stringify(bericht, null, 2)}\n`);
    } catch (error) {
      abbruch(`Der Code-Quality-Bericht ließ sich nicht nach „${values.bericht}“ schreiben.`, error);
    }
    console.log(`Code-Quality-Bericht: ${values.bericht} (${anzahl(bericht.length, 'Eintrag', 'Einträge', 'keine Einträge')}).`);
  }
  process.exitCode = ergebnis.fehler.length > 0 ? 1 : 0;
}

/** Reasons a file could not be read, by Node's error code. */
const DATEIFEHLER: Record<string, string> = {
  EISDIR: 'ist ein Ordner, keine Datei',
  EACCES: 'darf nicht gelesen werden (fehlende Berechtigung)',
  EPERM: 'darf nicht gelesen werden (fehlende Berechtigung)',
  ENOENT: 'gibt es nicht',
  ENOTDIR: 'liegt in etwas, das kein Ordner ist',
};

/** One German line for an error the check did not expect; a file that cannot be read is named. */
export function internerFehler(error: unknown): string {
  const e = error as { code?: string; path?: string } | undefined;
  const grund = e?.code ? DATEIFEHLER[e.code] : undefined;
  if (grund) return `Planwerk konnte den Plan nicht prüfen: ${e?.path ? toPosix(relative(process.cwd(), e.path)) || '.' : 'eine Datei im Ordner des Plans'} ${grund}.`;
  return 'Interner Fehler: Planwerk konnte die Prüfung nicht beenden. Bitte melden (mit PLANWERK_DEBUG=1 erscheint die technische Ursache).';
}

/** `planwerk pruefen` and `npm run pruefen`: runs the check; an unexpected failure ends with one German line. */
export async function befehl() {
  const intern = (error: unknown) => abbruch(internerFehler(error), error);
  process.on('uncaughtException', intern);
  process.on('unhandledRejection', intern);
  await main().catch(intern);
}

if (import.meta.main) await befehl();
