/**
 * `planwerk pruefen-site`: checks the built site, after `planwerk bauen`, as a plan's CI runs it.
 * Checked: every internal link of every page and its #anker (from the files, no request leaves
 * the machine), the anchor register (content/anker.json) against the pages, axe-core on one page
 * of each page type in the light and the dark colour scheme (Chromium, over a local server), and
 * the PDF of the Druckfassung if the build made one. Prints a German list of findings, each with
 * its page, and one line per check with its time.
 *
 * Options:
 *   --outDir <ordner>   the output folder of the build (default dist/)
 *   --inhalt <ordner>   the plan's folder (else PLANWERK_CONTENT, else content/)
 *   --basis </pfad/>    the base path the site was built for, if not that of plan.yaml's website (else PLANWERK_BASIS)
 *   --ohne-browser      skip the axe check (with a note), for a machine without Chromium; without it,
 *                       a missing Chromium ends the check (exit code 2)
 * Exit code 1 on any finding, 0 otherwise, 2 when the check itself could not run.
 */
import { existsSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { inhaltsordner } from '../plan/aktuell.ts';
import { gueltigeBasis } from '../plan/urls.ts';
import { anzahl, sekunden, type Pruefbericht } from './sitepruefung/befunde.ts';
import { pruefeSite } from './sitepruefung/pruefung.ts';
import { ChromiumFehler, chromiumPfad } from './sitepruefung/barrierefreiheit.ts';

const HILFE = `planwerk pruefen-site [Optionen]: prüft die gebaute Website (nach „planwerk bauen“).
  --outDir <ordner>   Ausgabeordner des Baus (Vorgabe: dist)
  --inhalt <ordner>   Ordner des Plans (sonst PLANWERK_CONTENT, sonst content/)
  --basis </pfad/>    Basispfad, für den gebaut wurde, wenn nicht der aus „website“ in plan.yaml (sonst PLANWERK_BASIS)
  --ohne-browser      die Prüfung mit axe-core überspringen (wo es kein Chromium gibt); ohne diese Option bricht die Prüfung ohne Chromium ab
Chromium: PLANWERK_CHROMIUM, sonst /usr/bin/chromium, chromium oder google-chrome im PATH.
Exit-Code: 0 ohne Befund, 1 bei Befunden, 2 wenn die Prüfung nicht laufen konnte.`;

/** Ends with German lines and exit code 2: the check could not run (not a problem of the site). */
function abbruch(text: string, error?: unknown): never {
  console.error(text);
  if (error && process.env.PLANWERK_DEBUG) console.error(error);
  process.exit(2);
}

/** The report as text: each finding („seite: befund“), each note, then a line per check. */
export function textAusgabe(berichte: readonly Pruefbericht[], ms: number): string {
  const zeilen: string[] = [];
  for (const b of berichte) for (const f of b.befunde) zeilen.push(`${f.seite}: ${f.befund}`);
  for (const b of berichte) for (const h of b.hinweise) zeilen.push(`Hinweis (${b.name}): ${h}`);
  for (const b of berichte) {
    const ergebnis = b.befunde.length === 0 ? 'in Ordnung' : anzahl(b.befunde.length, 'Befund', 'Befunde');
    zeilen.push(b.uebersprungen ? `${b.name}: übersprungen (${b.uebersprungen}).` : `${b.name}: ${ergebnis} (${b.umfang}) in ${sekunden(b.ms)}.`);
  }
  const alle = berichte.reduce((n, b) => n + b.befunde.length, 0);
  const ausgelassen = berichte.filter((b) => b.uebersprungen).map((b) => b.name);
  const ohne = ausgelassen.length > 0 ? ` (ohne ${ausgelassen.join(', ')})` : '';
  zeilen.push(`${alle === 0 ? `Die Website ist in Ordnung${ohne}` : `${anzahl(alle, 'Befund', 'Befunde')}: die Website so nicht veröffentlichen`}; geprüft in ${sekunden(ms)}.`);
  return zeilen.join('\n');
}

function optionen() {
  try {
    return parseArgs({
      options: { outDir: { type: 'string', default: 'dist' }, inhalt: { type: 'string' }, basis: { type: 'string' }, 'ohne-browser': { type: 'boolean' }, hilfe: { type: 'boolean', short: 'h' } },
      allowPositionals: false,
    }).values;
  } catch (error) {
    const option = /'([^']+)'/.exec((error as Error).message)?.[1];
    abbruch(`Unbekannte oder unvollständige Option${option ? ` „${option}“` : ''}.\n${HILFE}`);
  }
}

async function main() {
  const start = performance.now();
  const values = optionen();
  if (values.hilfe) return console.log(HILFE);
  const projekt = process.cwd();
  const dist = resolve(projekt, values.outDir);
  if (!existsSync(dist) || !statSync(dist).isDirectory()) abbruch(`Kein Ausgabeordner „${values.outDir}“: erst „planwerk bauen“, oder den Ordner mit --outDir angeben.`);
  const inhalt = inhaltsordner(projekt, values.inhalt);
  const basis = values.basis ?? process.env.PLANWERK_BASIS;
  if (basis && !gueltigeBasis(basis)) abbruch(`Der Basispfad „${basis}“ ist keiner: erwartet Buchstaben, Ziffern und - . _ ~ zwischen Schrägstrichen, z. B. /mep/.`);
  const ohneBrowser = values['ohne-browser'] === true;
  const chrome = ohneBrowser ? undefined : chromiumPfad();
  if (!chrome && !ohneBrowser) abbruch('Kein Chromium gefunden: PLANWERK_CHROMIUM setzen oder Chromium installieren (Debian: „apt-get install chromium“); „--ohne-browser“ prüft ohne axe-core.');
  const berichte = await pruefeSite({
    dist,
    inhalt,
    angezeigt: relative(projekt, inhalt).split(sep).join('/') || '.',
    basis,
    chrome,
    ohneBrowser: '--ohne-browser',
  });
  console.log(textAusgabe(berichte, performance.now() - start));
  process.exitCode = berichte.some((b) => b.befunde.length > 0) ? 1 : 0;
}

/** Runs the command (from `planwerk pruefen-site`, or when this module is started itself). */
export async function befehl() {
  const intern = (error: unknown) =>
    error instanceof ChromiumFehler
      ? abbruch(`${error.message}\n„--ohne-browser“ prüft ohne axe-core.`, error.cause)
      : abbruch('Interner Fehler: Planwerk konnte die Website nicht prüfen. Bitte melden (mit PLANWERK_DEBUG=1 erscheint die technische Ursache).', error);
  process.on('uncaughtException', intern);
  process.on('unhandledRejection', intern);
  await main().catch(intern);
}

if (import.meta.main) await befehl();
