/**
 * npm run import -- erhebung <datei.xlsx|datei.csv> --erhebung 2026-03 --stichtag 2026-03-01
 *   [--zuordnung <datei.yaml>] [--inhalt <ordner>] [--ersetzen]
 *
 * Takes over one survey round from the export of a survey tool or online form: checks every
 * cell, writes daten/erhebungen/<id>.csv and enters the round in daten/erhebungen.yaml. The
 * logic, the mapping file and the checks are described in src/cli/erhebungsimport.ts.
 * Prints the errors (nothing is written then), the warnings, and a summary; exit code 1 on any error.
 */
import { parseArgs } from 'node:util';
import { importiereErhebung, meldungText, zusammenfassungText, type Meldung } from './erhebungsimport.ts';

const HILFE = `npm run import -- erhebung <datei.xlsx|datei.csv> --erhebung JJJJ-MM --stichtag JJJJ-MM-TT [Optionen]
  Übernimmt eine Erhebung an den Schulen aus der Datei eines Umfragewerkzeugs oder Online-Formulars.
  --erhebung <JJJJ-MM>     Kennung der Runde, Jahr und Monat (z. B. 2026-03)
  --stichtag <JJJJ-MM-TT>  Stichtag der Runde (z. B. 2026-03-01)
  --zuordnung <datei>      Zuordnung der Spalten (Vorgabe: <plan>/daten/erhebungen-zuordnung.yaml)
  --inhalt <ordner>        Ordner des Plans (sonst PLANWERK_CONTENT, sonst content/)
  --ersetzen               eine Runde ersetzen, die es schon gibt
Exit-Code: 0 wenn die Runde übernommen wurde, 1 bei Fehlern (dann wird nichts geschrieben).`;

function abbruch(text: string): never {
  console.error(`${text}\n\n${HILFE}`);
  process.exit(1);
}

const zeile = (art: 'Fehler' | 'Hinweis', m: Meldung) => `${art}: ${meldungText(m)}${m.hinweis ? `\n  → So beheben: ${m.hinweis}` : ''}`;

async function main() {
  let werte: { erhebung?: string; stichtag?: string; zuordnung?: string; inhalt?: string; ersetzen?: boolean; hilfe?: boolean };
  let positionals: string[];
  try {
    ({ values: werte, positionals } = parseArgs({
      allowPositionals: true,
      options: {
        erhebung: { type: 'string' },
        stichtag: { type: 'string' },
        zuordnung: { type: 'string' },
        inhalt: { type: 'string' },
        ersetzen: { type: 'boolean' },
        hilfe: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    const option = /'([^']+)'/.exec((error as Error).message)?.[1];
    abbruch(`Unbekannte oder unvollständige Option${option ? ` „${option}“` : ''}.`);
  }
  if (werte.hilfe) {
    console.log(HILFE);
    return;
  }
  const [art, datei, ...zuviel] = positionals;
  if (art !== 'erhebung') abbruch(art ? `Unbekannte Art „${art}“: importieren lässt sich bisher nur „erhebung“.` : 'Was soll importiert werden? Bisher gibt es nur „erhebung“.');
  if (!datei) abbruch('Es fehlt die Datei mit den Antworten (.xlsx oder .csv).');
  if (zuviel.length > 0) abbruch(`Nur eine Datei angeben; zu viel: ${zuviel.map((z) => `„${z}“`).join(', ')}.`);
  const fehlend = (['erhebung', 'stichtag'] as const).filter((o) => !werte[o]);
  if (fehlend.length > 0) abbruch(`Es ${fehlend.length === 1 ? 'fehlt die Option' : 'fehlen die Optionen'} ${fehlend.map((o) => `--${o}`).join(' und ')}.`);

  const ergebnis = await importiereErhebung({ datei, erhebung: werte.erhebung!, stichtag: werte.stichtag!, zuordnung: werte.zuordnung, inhalt: werte.inhalt, ersetzen: werte.ersetzen });
  if (ergebnis.fehler.length > 0) {
    console.error([...ergebnis.fehler.map((m) => zeile('Fehler', m)), ...ergebnis.hinweise.map((m) => zeile('Hinweis', m)), `${ergebnis.fehler.length} Fehler; nichts geschrieben.`].join('\n'));
    process.exitCode = 1;
    return;
  }
  // Unknown columns and missing schools stand in the summary.
  const hinweise = ergebnis.hinweise.filter((m) => !m.inZusammenfassung).map((m) => zeile('Hinweis', m));
  console.log([...hinweise, zusammenfassungText(ergebnis.zusammenfassung!, ergebnis.geschrieben)].join('\n'));
}

/** `planwerk import` and `npm run import`: runs the import, one German line after an unexpected failure. */
export async function befehl() {
  await main().catch((error: unknown) => {
    console.error('Interner Fehler: der Import wurde nicht beendet. Bitte melden (mit PLANWERK_DEBUG=1 erscheint die technische Ursache).');
    if (process.env.PLANWERK_DEBUG) console.error(error);
    process.exit(1);
  });
}

if (import.meta.main) await befehl();
