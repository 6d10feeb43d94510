#!/usr/bin/env node
/**
 * The `planwerk` command: `planwerk <befehl> [optionen]`, run in the plan's repository (the
 * folder with astro.config.mjs and content/). Each Befehl is a module of this folder that reads
 * its own options from process.argv when it is imported; this dispatcher sets process.argv as if
 * the module had been started itself and imports it. A module that does not run on import exports
 * `befehl()`, which is called after the import.
 *
 * `planwerk` or `planwerk --help` lists the Befehle, `planwerk --version` prints the version.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** One Befehl: the module of src/cli that carries it out, and one line for the help. */
export interface Befehl {
  modul: string;
  text: string;
}

/** Every Befehl, in the order the help lists them. */
export const BEFEHLE: Record<string, Befehl> = {
  pruefen: { modul: 'pruefen', text: 'prüft den ganzen Plan und nennt jeden Fehler mit Datei und Zeile, ohne die Website zu bauen' },
  bauen: { modul: 'bauen', text: 'prüft den Plan und baut die Website nach dist/ (mit Suche und PDF der Druckfassung)' },
  'pruefen-site': { modul: 'pruefen-site', text: 'prüft die gebaute Website: Links und Anker, Ankerregister, Barrierefreiheit und PDF' },
  vorschau: { modul: 'vorschau', text: 'zeigt die Website beim Schreiben im Browser und aktualisiert sie bei jeder Änderung' },
  neu: { modul: 'neu', text: 'legt einen Eintrag als Entwurf an (massnahme, handlungsfeld, kapitel, akteur, glossar, entscheidung) oder mit „neu plan“ einen neuen Plan' },
  import: { modul: 'import', text: 'übernimmt eine Erhebung an den Schulen aus einer Tabelle (xlsx oder csv)' },
  anker: { modul: 'anker', text: 'schreibt das Ankerregister (anker.json) aus dem letzten Bau fort' },
  links: { modul: 'links', text: 'prüft die externen Links des Plans und schreibt ihr Register (links.json) mit dem Tag der letzten Prüfung' },
  pdf: { modul: 'pdf', text: 'druckt die Druckfassung eines vorhandenen Baus erneut als PDF' },
  portal: { modul: 'portal', text: 'baut aus portal.yaml ein Portal über die Pläne mehrerer Schulträger: gemeinsame Suche, Vergleich, Akteure' },
  migrieren: { modul: 'migrieren', text: 'schreibt Felder, die eine neuere Version anders nennt, in den Dateien des Plans um und zeigt die Änderungen' },
};

/** The version of the installed Planwerk, from its package.json. */
export function version(): string {
  const paket = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return paket.version;
}

/** The German help: usage, one line per Befehl. */
export function hilfe(): string {
  const breite = Math.max(...Object.keys(BEFEHLE).map((n) => n.length));
  const zeilen = Object.entries(BEFEHLE).map(([name, b]) => `  ${name.padEnd(breite)}  ${b.text}`);
  return [
    `Planwerk ${version()}: Medienentwicklungspläne als Website`,
    '',
    'Aufruf: planwerk <befehl> [optionen]   (im Ordner des Plans, neben astro.config.mjs)',
    '',
    'Befehle:',
    ...zeilen,
    '',
    '  --help     diese Übersicht',
    '  --version  die Version von Planwerk',
  ].join('\n');
}

/** The file of a Befehl's module beside this one (`.ts` in the repository, `.js` in the package). */
export function modulDatei(befehl: Befehl): string {
  const endung = import.meta.url.endsWith('.ts') ? 'ts' : 'js';
  return fileURLToPath(new URL(`./${befehl.modul}.${endung}`, import.meta.url));
}

/** What one call of `planwerk` does: print the help or the version, run a module, or end with an error. */
export type Auswahl = { art: 'hilfe' } | { art: 'version' } | { art: 'modul'; datei: string; rest: string[] } | { art: 'fehler'; text: string };

/** Decides what the arguments (without node and script) ask for; `befehle` is BEFEHLE except in tests. */
export function waehle(argumente: string[], befehle: Record<string, Befehl> = BEFEHLE): Auswahl {
  const [name, ...rest] = argumente;
  if (name === undefined || name === '--help' || name === '-h' || name === 'hilfe') return { art: 'hilfe' };
  if (name === '--version' || name === '-v') return { art: 'version' };
  const befehl = Object.hasOwn(befehle, name) ? befehle[name] : undefined;
  if (!befehl) return { art: 'fehler', text: `Unbekannter Befehl „${name}“. Planwerk kennt: ${Object.keys(befehle).join(', ')}.\nÜbersicht: planwerk --help` };
  const datei = modulDatei(befehl);
  if (!existsSync(datei)) return { art: 'fehler', text: `Der Befehl „planwerk ${name}“ gehört zu Planwerk, fehlt aber in dieser Version (${version()}). Eine neuere Version von Planwerk installieren.` };
  return { art: 'modul', datei, rest };
}

/** Runs one call of `planwerk` with its arguments (without node and script). */
export async function planwerk(argumente: string[]): Promise<void> {
  const auswahl = waehle(argumente);
  if (auswahl.art === 'hilfe') console.log(hilfe());
  else if (auswahl.art === 'version') console.log(version());
  else if (auswahl.art === 'fehler') {
    console.error(auswahl.text);
    process.exit(1);
  } else {
    // The module reads its options from process.argv, as if it had been started itself.
    process.argv = [process.argv[0]!, auswahl.datei, ...auswahl.rest];
    const modul = (await import(pathToFileURL(auswahl.datei).href)) as { befehl?: () => unknown };
    if (typeof modul.befehl === 'function') await modul.befehl();
  }
}

if (import.meta.main) await planwerk(process.argv.slice(2));
