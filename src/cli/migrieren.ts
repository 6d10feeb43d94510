/**
 * `planwerk migrieren`: renames the fields that this Planwerk version reads under a new name
 * (src/plan/umbenennungen.ts) in the plan's files, and nothing else (src/plan/migration.ts).
 * Prints a unified diff of each changed file, then what `planwerk pruefen` says about the plan.
 *
 * Options:
 *   --inhalt <ordner>   the plan's folder (else PLANWERK_CONTENT, else content/)
 *   --pruefen           change nothing; show the diff that a run would write
 *
 * Exit code: with --pruefen 1 if a file would change; otherwise 1 if the plan still has errors
 * after the run (or a file could not be rewritten), 0 if not, 2 when the command could not run.
 *
 * Run as a command both directly (`node src/cli/migrieren.ts`) and by the `planwerk` command,
 * which names this module in process.argv[1] and imports it; tests import it without running it.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { formatPruefzeile, type Problem } from '../plan/problems.ts';
import { inhaltsordner, registry } from '../plan/aktuell.ts';
import { planLocation } from '../plan/sources.ts';
import { planeMigration, schreibeMigration, type Dateiaenderung } from '../plan/migration.ts';
import { UMBENENNUNGEN, type Umbenennung } from '../plan/umbenennungen.ts';
import { internerFehler, pruefe, textAusgabe, type Pruefergebnis } from './pruefen.ts';

export interface Migrationsoptionen {
  /** The plan's folder (else PLANWERK_CONTENT, else content/). */
  inhalt?: string;
  /** Change nothing (`--pruefen`). */
  nurPruefen?: boolean;
  /** The renamings to apply: this version's, unless a test gives its own. */
  umbenennungen?: readonly Umbenennung[];
}

export interface Migrationsergebnis {
  /** The files that change (with --pruefen: would change). */
  aenderungen: Dateiaenderung[];
  /** Old names left as they are, and files that could not be written. */
  probleme: Problem[];
  /** `planwerk pruefen` on the plan after the run. */
  pruefung: Pruefergebnis;
  nurPruefen: boolean;
}

/** Renames the old fields of the plan in `projekt` (unless `nurPruefen`), then checks the plan. */
export async function migriere(projekt: string, optionen: Migrationsoptionen = {}): Promise<Migrationsergebnis> {
  const inhalt = inhaltsordner(projekt, optionen.inhalt);
  const ort = planLocation(inhalt, projekt);
  const umbenennungen = optionen.umbenennungen ?? UMBENENNUNGEN;
  const nurPruefen = optionen.nurPruefen ?? false;
  const plan = planeMigration(ort, umbenennungen);
  const probleme = [...plan.probleme];
  if (!nurPruefen && plan.aenderungen.length > 0) {
    probleme.push(...schreibeMigration(ort, plan.aenderungen));
    // The plan on disk changed: a result loaded before in this process is out of date.
    registry.plaene.delete(ort.contentDir);
  }
  const pruefung = await pruefe(projekt, optionen.inhalt, undefined, umbenennungen);
  return { aenderungen: plan.aenderungen, probleme, pruefung, nurPruefen };
}

/** A unified diff of one file (`--- a/content/akteure.yaml`, `+++ b/…`, hunks with three lines of context). */
export function diffVon(a: Dateiaenderung): string {
  return createTwoFilesPatch(`a/${a.datei}`, `b/${a.datei}`, a.vorher, a.nachher, undefined, undefined, { context: 3, headerOptions: FILE_HEADERS_ONLY });
}

const felder = (n: number) => (n === 1 ? 'ein Feld' : `${n} Felder`);
const dateien = (n: number) => (n === 1 ? 'einer Datei' : `${n} Dateien`);

/** What the command prints: the diffs, a line on what was (or would be) renamed, problems, then pruefen's output. */
export function ausgabe(e: Migrationsergebnis): string {
  const teile = e.aenderungen.map(diffVon);
  const anzahl = e.aenderungen.reduce((n, a) => n + a.umbenannt.length, 0);
  if (e.aenderungen.length === 0) teile.push('Planwerk migrieren: Der Plan verwendet keine alten Feldnamen; nichts zu ändern.');
  else if (e.nurPruefen) teile.push(`Planwerk migrieren --pruefen: ${felder(anzahl)} in ${dateien(e.aenderungen.length)} würde umbenannt; nichts geändert. Ohne --pruefen werden die Dateien umgeschrieben.`);
  else teile.push(`Planwerk migrieren: ${felder(anzahl)} in ${dateien(e.aenderungen.length)} umbenannt.`);
  if (e.probleme.length > 0) teile.push(['Nicht umbenannt:', ...e.probleme.map((p) => formatPruefzeile(p))].join('\n'));
  teile.push(`Planwerk pruefen:\n${textAusgabe(e.pruefung)}`);
  return teile.join('\n\n');
}

/** The exit code: --pruefen fails when a file would change; a run fails when the plan still has errors. */
export function exitCode(e: Migrationsergebnis): number {
  if (e.nurPruefen) return e.aenderungen.length > 0 ? 1 : 0;
  return e.pruefung.fehler.length > 0 || e.probleme.length > 0 ? 1 : 0;
}

const HILFE = `planwerk migrieren [Optionen]: benennt Felder um, die diese Planwerk-Version unter einem neuen Namen liest, und zeigt jede Änderung.
  --inhalt <ordner>   Ordner des Plans (sonst PLANWERK_CONTENT, sonst content/)
  --pruefen           nichts ändern, nur zeigen, was sich ändern würde (Exit-Code 1, wenn etwas umzubenennen ist)
Exit-Code: 0 ohne Fehler im Plan, 1 bei Fehlern im Plan danach (mit --pruefen: wenn sich etwas ändern würde), 2 wenn der Befehl nicht laufen konnte.`;

async function main() {
  let values: { inhalt?: string; pruefen?: boolean; hilfe?: boolean };
  try {
    ({ values } = parseArgs({ options: { inhalt: { type: 'string' }, pruefen: { type: 'boolean' }, hilfe: { type: 'boolean', short: 'h' } }, allowPositionals: false }));
  } catch (error) {
    const option = /'([^']+)'/.exec((error as Error).message)?.[1];
    console.error(`Unbekannte oder unvollständige Option${option ? ` „${option}“` : ''}.\n${HILFE}`);
    process.exit(2);
  }
  if (values.hilfe) {
    console.log(HILFE);
    return;
  }
  const ergebnis = await migriere(process.cwd(), { inhalt: values.inhalt, nurPruefen: values.pruefen });
  console.log(ausgabe(ergebnis));
  process.exitCode = exitCode(ergebnis);
}

/** Whether this module is the command being run: started by Node, or imported by the `planwerk` command with its path in process.argv[1]. */
function alsBefehl(): boolean {
  if (import.meta.main) return true;
  const aufgerufen = process.argv[1];
  if (!aufgerufen) return false;
  try {
    return realpathSync(aufgerufen) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (alsBefehl()) {
  const abbruch = (error: unknown) => {
    const datei = (error as { code?: string } | undefined)?.code !== undefined;
    console.error(datei ? internerFehler(error).replace('den Plan nicht prüfen', 'den Plan nicht migrieren') : 'Interner Fehler: `planwerk migrieren` konnte nicht zu Ende laufen. Bitte melden (mit PLANWERK_DEBUG=1 erscheint die technische Ursache).');
    if (process.env.PLANWERK_DEBUG) console.error(error);
    process.exit(2);
  };
  process.on('uncaughtException', abbruch);
  process.on('unhandledRejection', abbruch);
  await main().catch(abbruch);
}
