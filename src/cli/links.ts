/**
 * planwerk links — checks the plan's external links and writes their register (links.json).
 * Meant for a scheduled CI job (the templates in vorlage/ run it weekly): each address is
 * requested (HEAD, else GET), a live one gets today's date as `geprueft`, a moved or dead one is
 * named in the report. Ends with exit code 0 even when links are dead — a foreign site that is
 * down never stops the plan — unless `--streng` is given.
 *
 *   --bericht <datei>   write the report as Markdown (for a CI artifact)
 *   --format github     print a `::warning` annotation per file of each link that is not live
 *   --nur-sammeln       only collect the links into links.json, request nothing
 *   --zeitlimit <s>     seconds one request may take (15)
 *   --streng            exit code 1 when a link is moved or not reachable
 *   --inhalt <ordner>   the plan's folder (else PLANWERK_CONTENT, else content/)
 */
import { parseArgs } from 'node:util';
import { inhaltsordner } from '../plan/aktuell.ts';
import { linksPruefen } from '../pruefung/linkpruefung.ts';

const { values } = parseArgs({
  options: {
    bericht: { type: 'string' },
    format: { type: 'string', default: 'text' },
    'nur-sammeln': { type: 'boolean', default: false },
    zeitlimit: { type: 'string', default: '15' },
    streng: { type: 'boolean', default: false },
    inhalt: { type: 'string' },
  },
});

function abbruch(text: string): never {
  console.error(text);
  process.exit(1);
}

if (values.format !== 'text' && values.format !== 'github') abbruch(`Unbekanntes Format „${values.format}“: erwartet „text“ oder „github“.`);
const sekunden = Number(values.zeitlimit);
if (!Number.isFinite(sekunden) || sekunden <= 0) abbruch(`„--zeitlimit ${values.zeitlimit}“: erwartet eine Zahl von Sekunden größer als 0.`);

const projekt = process.cwd();
const ergebnis = await linksPruefen(projekt, inhaltsordner(projekt, values.inhalt), {
  bericht: values.bericht,
  format: values.format,
  nurSammeln: values['nur-sammeln'],
  zeitlimitMs: sekunden * 1000,
});
if (ergebnis.abbruch) abbruch(ergebnis.abbruch);
for (const zeile of ergebnis.zeilen) console.log(zeile);
if (values.streng && ergebnis.befunde.some((b) => b.status !== 'erreichbar')) process.exitCode = 1;
