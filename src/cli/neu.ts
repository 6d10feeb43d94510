/**
 * npm run neu -- <art> "<Titel>" — starts a new entry as a draft (`entwurf: true`) and prints
 * its file and line. Arten: massnahme, handlungsfeld, kapitel, akteur, glossar.
 *
 * npm run neu -- plan "<Kommune>" [--ordner <pfad>] [--titel "<Titel>"] — starts a new, nearly
 * empty plan folder (default: plaene/<kommune>/) that builds at once: plan.yaml with the
 * Kommune, the title if given and today's date as Stand (the day the file was written), an
 * empty akteure.yaml and empty kapitel/, handlungsfelder/, massnahmen/. Then it prints the
 * warnings for what a public site still needs (Impressum, Datenschutz, Barrierefreiheit …).
 *
 * Only what follows from the plan is filled in: the title, the next free code in the plan's
 * code form, the next `reihenfolge`. Everything else stays open; `npm run pruefen` lists the
 * open fields, and the build leaves the draft out of the site until `entwurf: true` is removed.
 *
 * Options: --handlungsfeld <id> (Maßnahme; asked for when missing and a terminal is attached),
 * --bereich <id> (Maßnahme, where codes follow Bildungsbereiche), --code <code>,
 * --inhalt <ordner> (default: PLANWERK_CONTENT, else content/).
 */
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline/promises';
import { slug } from 'github-slugger';
import { parse as parseYaml } from 'yaml';
import { inhaltsordner } from '../plan/aktuell.ts';
import { planLocation, readCollection, type RawEntry } from '../plan/sources.ts';
import { validatePlan } from '../pruefung/validate.ts';
import { formatProblem } from '../plan/problems.ts';
import { heute } from '../plan/pflege.ts';
import { OHNE_CODES, type Codeform } from '../plan/schemas/index.ts';
import { naechsterCode } from '../plan/entwurf.ts';

const ARTEN = ['massnahme', 'handlungsfeld', 'kapitel', 'akteur', 'glossar'] as const;
type Art = (typeof ARTEN)[number];

class Abbruch extends Error {}

const projekt = process.cwd();
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    handlungsfeld: { type: 'string' },
    bereich: { type: 'string' },
    code: { type: 'string' },
    inhalt: { type: 'string' },
    ordner: { type: 'string' },
    titel: { type: 'string' },
  },
});

/** A YAML scalar that stays text whatever it contains (a JSON string is valid YAML). */
const text = (s: string) => JSON.stringify(s);

function naechsteReihenfolge(entries: RawEntry[]): number {
  return Math.max(0, ...entries.map((e) => Number(e.data.reihenfolge)).filter(Number.isFinite)) + 1;
}

function freieId(basis: string, vergeben: Set<string>): string {
  let id = slug(basis) || 'eintrag';
  for (let n = 2; vergeben.has(id); n++) id = `${slug(basis)}-${n}`;
  return id;
}

async function frage(was: string, auswahl: string[]): Promise<string> {
  if (!process.stdin.isTTY) throw new Abbruch(`Bitte ${was} angeben: ${auswahl.join(', ')}`);
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    for (;;) {
      const antwort = (await rl.question(`${was} (${auswahl.join(', ')}): `)).trim();
      if (auswahl.includes(antwort)) return antwort;
      console.log(`„${antwort}“ gibt es nicht.`);
    }
  } finally {
    rl.close();
  }
}

/** A path as the editor types it: relative to the project, or absolute outside it. */
const anzeigen = (datei: string) => {
  const rel = relative(projekt, datei);
  return (rel.startsWith('..') ? resolve(datei) : rel).split('\\').join('/') || '.';
};

/**
 * A new plan folder with only what the editor gave (the Kommune, a title if given) and what
 * follows (the Stand is the day the file is written). Everything else is left out, not
 * invented: the site says "nicht festgelegt" or shows a notice, and the warnings name it.
 */
function neuerPlan(kommune: string): void {
  const ordner = resolve(projekt, values.ordner ?? join('plaene', slug(kommune) || 'plan'));
  if (existsSync(ordner) && readdirSync(ordner).length > 0) throw new Abbruch(`Der Ordner ${anzeigen(ordner)} ist nicht leer; nichts überschrieben. Bitte mit --ordner einen neuen Ordner angeben.`);
  const schema = (name: string) => relative(ordner, join(projekt, 'schemas', `${name}.schema.json`)).split('\\').join('/');
  const datum = heute();
  const zeilen = [
    `# yaml-language-server: $schema=${schema('plan')}`,
    `# Angelegt mit „npm run neu -- plan“ am ${datum}. Alle Felder: ${anzeigen(join(projekt, 'content/plan.yaml'))} (Beispielplan) und README.`,
    '# Für eine öffentliche Website fehlen noch: impressum, herausgeber, kontakt, datenschutz, barrierefreiheit.',
    `kommune: ${text(kommune)}`,
    ...(values.titel?.trim() ? [`titel: ${text(values.titel.trim())}`] : []),
    `stand: ${datum}`,
    '',
  ];
  mkdirSync(ordner, { recursive: true });
  writeFileSync(join(ordner, 'plan.yaml'), zeilen.join('\n'), { flag: 'wx' });
  writeFileSync(join(ordner, 'akteure.yaml'), `# yaml-language-server: $schema=${schema('akteure')}\n# Akteure des Plans; einen neuen anlegen: npm run neu -- akteur "<Name>" --inhalt ${anzeigen(ordner)}\n[]\n`, { flag: 'wx' });
  // Git keeps no empty folders: a hidden file keeps them (the plan needs all three).
  for (const sammlung of ['kapitel', 'handlungsfelder', 'massnahmen']) {
    mkdirSync(join(ordner, sammlung), { recursive: true });
    writeFileSync(join(ordner, sammlung, '.gitkeep'), '', { flag: 'wx' });
  }
  const { problems, warnungen } = validatePlan(planLocation(ordner, projekt));
  if (problems.length > 0) throw new Error(`Der neue Plan ist nicht gültig: ${problems.map(formatProblem).join('; ')}`);
  const wo = anzeigen(ordner);
  console.log(`Neuer Plan angelegt in ${wo}/`);
  if (warnungen.length > 0) {
    console.log(`\nFür eine öffentliche Website fehlt noch (${warnungen.length}):`);
    for (const w of warnungen) console.log(`  • ${formatProblem(w)}`);
  }
  console.log(`\nPrüfen:  npm run pruefen -- --inhalt ${wo}`);
  console.log(`Bauen:   PLANWERK_CONTENT=${wo} npm run build`);
  console.log(`Erste Einträge: npm run neu -- handlungsfeld "<Titel>" --inhalt ${wo}`);
}

async function main() {
  const [art, titel] = positionals as [Art | 'plan' | undefined, string | undefined];
  if (art === 'plan' && titel?.trim()) {
    neuerPlan(titel.trim());
    return undefined;
  }
  if (!art || art === 'plan' || !ARTEN.includes(art) || !titel?.trim()) {
    throw new Abbruch(`Aufruf: npm run neu -- <art> "<Titel>"   (art: ${ARTEN.join(', ')})\n       npm run neu -- plan "<Kommune>" [--ordner <pfad>] [--titel "<Titel>"]`);
  }
  const inhalt = inhaltsordner(projekt, values.inhalt);
  if (!existsSync(join(inhalt, 'plan.yaml'))) throw new Abbruch(`Kein Plan in ${relative(projekt, inhalt) || '.'}: plan.yaml fehlt.`);
  const ort = planLocation(inhalt, projekt);
  const lies = (c: Parameters<typeof readCollection>[1]) => readCollection(ort, c).entries;

  if (art === 'akteur' || art === 'glossar') {
    const datei = join(inhalt, art === 'akteur' ? 'akteure.yaml' : 'glossar.yaml');
    const id = freieId(titel, new Set(lies(art === 'akteur' ? 'akteure' : 'glossar').map((e) => e.id)));
    const vorher = existsSync(datei) ? readFileSync(datei, 'utf8') : '';
    const trenner = vorher === '' || vorher.endsWith('\n') ? '' : '\n';
    const zeile = (vorher + trenner).split('\n').length + (vorher ? 1 : 0);
    const feld = art === 'akteur' ? 'name' : 'begriff';
    appendFileSync(datei, `${trenner}${vorher ? '\n' : ''}- id: ${id}\n  ${feld}: ${text(titel)}\n  entwurf: true\n`);
    return `${anzeigen(datei)}:${zeile}`;
  }

  if (art === 'kapitel' || art === 'handlungsfeld') {
    const sammlung = art === 'kapitel' ? 'kapitel' : 'handlungsfelder';
    const vorhandene = lies(sammlung);
    const id = freieId(titel, new Set(vorhandene.map((e) => e.id)));
    const datei = join(inhalt, sammlung, `${id}.mdx`);
    mkdirSync(join(inhalt, sammlung), { recursive: true });
    writeFileSync(datei, `---\ntitel: ${text(titel)}\nreihenfolge: ${naechsteReihenfolge(vorhandene)}\nentwurf: true\n---\n`, { flag: 'wx' });
    return `${anzeigen(datei)}:1`;
  }

  // Maßnahme: its Handlungsfeld, and the next free code in the plan's form.
  const plan = (parseYaml(readFileSync(join(inhalt, 'plan.yaml'), 'utf8')) ?? {}) as { massnahmencodes?: { form?: Codeform | typeof OHNE_CODES; buchstabe?: string } };
  const form = plan.massnahmencodes?.form ?? 'S-07';
  const buchstabe = plan.massnahmencodes?.buchstabe ?? 'handlungsfeld';
  const felder = lies('handlungsfelder').filter((f) => f.data.entwurf !== true);
  const feld = values.handlungsfeld ?? (await frage('Handlungsfeld', felder.map((f) => f.id)));
  const hf = felder.find((f) => f.id === feld);
  if (!hf) throw new Abbruch(`Das Handlungsfeld „${feld}“ gibt es nicht; vorhanden: ${felder.map((f) => f.id).join(', ')}`);
  const massnahmen = lies('massnahmen');
  if (form === OHNE_CODES) {
    // A plan without codes: the file is named after the title and is the Maßnahme's address.
    const id = freieId(titel, new Set(massnahmen.map((m) => m.id)));
    const datei = join(inhalt, 'massnahmen', `${id}.mdx`);
    mkdirSync(join(inhalt, 'massnahmen'), { recursive: true });
    writeFileSync(datei, `---\ntitel: ${text(titel)}\nhandlungsfeld: ${feld}\nentwurf: true\n---\n`, { flag: 'wx' });
    return `${anzeigen(datei)}:1`;
  }
  let code = values.code;
  let bereichZeile = '';
  if (!code) {
    if (form === '2.3.1') {
      if (!hf.data.nummer) throw new Abbruch(`Das Handlungsfeld „${feld}“ hat keine „nummer“, aus der sich der Code bilden ließe: bitte --code angeben.`);
      code = naechsterCode(form, String(hf.data.nummer), massnahmen.map((m) => m.id));
    } else if (buchstabe === 'bildungsbereich') {
      const bereiche = lies('bildungsbereiche');
      const bereichId = values.bereich ?? (await frage('Bildungsbereich', bereiche.map((b) => b.id)));
      const bereich = bereiche.find((b) => b.id === bereichId);
      if (!bereich) throw new Abbruch(`Den Bildungsbereich „${bereichId}“ gibt es nicht; vorhanden: ${bereiche.map((b) => b.id).join(', ')}`);
      code = naechsterCode(form, String(bereich.data.code), massnahmen.map((m) => m.id));
    } else if (buchstabe === 'handlungsfeld' && hf.data.kuerzel) {
      code = naechsterCode(form, String(hf.data.kuerzel), massnahmen.map((m) => m.id));
    } else {
      throw new Abbruch('Aus dem Plan lässt sich kein Code ableiten: bitte --code angeben.');
    }
  } else if (values.bereich) {
    bereichZeile = `bildungsbereich: ${values.bereich}\n`;
  }
  if (massnahmen.some((m) => m.id === code)) throw new Abbruch(`Den Code „${code}“ gibt es schon.`);
  const datei = join(inhalt, 'massnahmen', `${code.toLowerCase()}.mdx`);
  mkdirSync(join(inhalt, 'massnahmen'), { recursive: true });
  writeFileSync(datei, `---\nid: ${text(code)}\ntitel: ${text(titel)}\nhandlungsfeld: ${feld}\n${bereichZeile}entwurf: true\n---\n`, { flag: 'wx' });
  return `${anzeigen(datei)}:1`;
}

try {
  const wo = await main();
  if (wo) {
    console.log(`Angelegt als Entwurf: ${wo}`);
    console.log('Offene Felder nennt „npm run pruefen“. Veröffentlicht wird der Eintrag, wenn „entwurf: true“ entfernt ist.');
  }
} catch (error) {
  if (error instanceof Abbruch) {
    console.error(error.message);
    process.exit(1);
  }
  const code = (error as NodeJS.ErrnoException).code;
  console.error(code === 'EEXIST' ? 'Die Datei gibt es schon; nichts überschrieben.' : `Nicht angelegt: ${(error as Error).message}`);
  process.exit(2);
}
