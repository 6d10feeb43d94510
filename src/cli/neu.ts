/**
 * npm run neu -- <art> "<Titel>" — starts a new entry as a draft (`entwurf: true`) and prints
 * its file and line. Arten: massnahme, handlungsfeld, kapitel, akteur, glossar.
 *
 * npm run neu -- entscheidung <id> [--handlungsfeld <id>] — starts a decision in
 * entscheidungen.yaml as a draft under the id given: only the id (and the field, if given), with
 * the fields to fill as comments below it. A decision has no title to take an id from; its
 * question is a sentence, its id what addresses and links use.
 *
 * npm run neu -- plan "<Kommune>" [--ordner <pfad>] [--titel "<Titel>"] — starts a new, nearly
 * empty plan folder (default: plaene/<kommune>/) that builds at once: plan.yaml with the
 * Kommune, the title if given and today's date as Stand (the day the file was written), an
 * empty akteure.yaml and empty kapitel/, handlungsfelder/, massnahmen/. Then it prints the
 * warnings for what a public site still needs (Impressum, Datenschutz, Barrierefreiheit …).
 * Outside every project (no package.json upwards that is planwerk's or depends on it), as
 * `npx planwerk neu plan` or `npm create planwerk` run it, it makes a whole plan repository
 * instead (default: ./<kommune>/, the plan in its content/; src/cli/planrepo.ts); --repository
 * makes one anywhere (create-planwerk passes it).
 *
 * Only what follows from the plan is filled in: the title, the next free code in the plan's
 * code form, the next `reihenfolge`. Everything else stays open; `npm run pruefen` lists the
 * open fields, and the build leaves the draft out of the site until `entwurf: true` is removed.
 *
 * Options: --handlungsfeld <id> (Maßnahme; asked for when missing and a terminal is attached),
 * --bereich <id> (Maßnahme, where codes follow Bildungsbereiche), --code <code>,
 * --inhalt <ordner> (default: PLANWERK_CONTENT, else content/).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline/promises';
import { slug } from 'github-slugger';
import { parse as parseYaml } from 'yaml';
import { inhaltsordner } from '../plan/aktuell.ts';
import { planLocation, readCollection, type RawEntry } from '../plan/sources.ts';
import { formatProblem, type Problem } from '../plan/problems.ts';
import { Abbruch, erstellePlanRepository, text, legePlanOrdnerAn, paketOrdner, planProjekt, planwerkVersion, repoName, verlangeLeer } from './planrepo.ts';
import { OHNE_CODES, type Codeform } from '../plan/schemas/index.ts';
import { ID_PATTERN } from '../plan/schemas/grundtypen.ts';
import { naechsterCode } from '../plan/entwurf.ts';

const ARTEN = ['massnahme', 'handlungsfeld', 'kapitel', 'akteur', 'glossar', 'entscheidung'] as const;
type Art = (typeof ARTEN)[number];

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
    repository: { type: 'boolean' },
  },
});

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

/**
 * Appends an entry to a list file (akteure.yaml, glossar.yaml, entscheidungen.yaml), after a blank
 * line; a file that holds only an empty list (`[]`, as `neu plan` writes akteure.yaml) gets the
 * entry in its place. Returns the line the entry starts on.
 */
function haengeAn(datei: string, eintrag: string): number {
  let vorher = existsSync(datei) ? readFileSync(datei, 'utf8') : '';
  if (/^\[\]\s*$/m.test(vorher) && !/^-/m.test(vorher)) vorher = vorher.replace(/^\[\]\s*$/m, '').replace(/\n+$/, '\n');
  const trenner = vorher === '' || vorher.endsWith('\n') ? '' : '\n';
  const leerzeile = /^\s*-/m.test(vorher) ? '\n' : '';
  writeFileSync(datei, `${vorher}${trenner}${leerzeile}${eintrag}`);
  return (vorher + trenner + leerzeile).split('\n').length;
}

/** A decision's fields, as comments under its draft: what `pruefen` will ask for, and where. */
const ENTSCHEIDUNG_VORLAGE = `  # frage: Die Frage, wie der Plan sie stellt („Wer betreibt das Schulnetz?“)
  # optionen:                  mindestens zwei
  #   - id: zentral
  #     titel: …
  #     beschreibung: …        optional
  #     folgen: { kosten: …, personal: …, abhaengigkeit: … }   optional, jede für sich
  #   - id: …
  #     titel: …
  # wahl: <ID einer Option>    weglassen, solange nicht entschieden
  # datum: JJJJ-MM-TT          nur mit „wahl“, ebenso:
  # beschluss: { nummer: …, gremium: …, datum: …, url: https://… }
  # begruendung: …
  # massnahmen: [<Code>, …]    Maßnahmen, die die Wahl umsetzen (optional)
`;

/** A path as the editor types it: relative to the project, or absolute outside it. */
const anzeigen = (datei: string) => {
  const rel = relative(projekt, datei);
  return (rel.startsWith('..') ? resolve(datei) : rel).split('\\').join('/') || '.';
};

/** A plan folder inside a project (a checkout or a plan repository), as `neu plan` has always made it. */
function neuerPlanOrdner(kommune: string): void {
  const ordner = resolve(projekt, values.ordner ?? join('plaene', slug(kommune) || 'plan'));
  verlangeLeer(ordner, anzeigen(ordner));
  const wo = anzeigen(ordner);
  const paket = paketOrdner();
  const warnungen = legePlanOrdnerAn(
    {
      ordner,
      kommune,
      titel: values.titel,
      // The schemas ship with the package: in a checkout its own schemas/, in a plan repository node_modules/planwerk/schemas/.
      schema: (name) => relative(ordner, join(paket, 'schemas', `${name}.schema.json`)).split('\\').join('/'),
      herkunft: `Angelegt mit „npm run neu -- plan“ am {datum}. Alle Felder: ${paket === projekt ? `${anzeigen(join(projekt, 'content/plan.yaml'))} (Beispielplan) und README` : `README von Planwerk (${anzeigen(join(paket, 'README.md'))})`}.`,
      neuerAkteur: `npm run neu -- akteur "<Name>" --inhalt ${wo}`,
    },
    projekt,
  );
  console.log(`Neuer Plan angelegt in ${wo}/`);
  zeigeWarnungen(warnungen);
  console.log(`\nPrüfen:  npm run pruefen -- --inhalt ${wo}`);
  console.log(`Bauen:   PLANWERK_CONTENT=${wo} npm run ${paket === projekt ? 'build' : 'bauen'}`);
  console.log(`Erste Einträge: npm run neu -- handlungsfeld "<Titel>" --inhalt ${wo}`);
}

/**
 * A whole plan repository outside every project (default folder: ./<kommune>/), with the plan
 * in its content/. The next steps are left to create-planwerk when it is the caller (PLANWERK_CREATE).
 */
function neuesPlanRepository(kommune: string): void {
  const ziel = resolve(projekt, values.ordner ?? repoName(kommune));
  verlangeLeer(ziel, anzeigen(ziel));
  const { warnungen } = erstellePlanRepository({ ziel, kommune, titel: values.titel, version: planwerkVersion() });
  const wo = anzeigen(ziel);
  console.log(`Neues Plan-Repository für „${kommune}“ angelegt in ${wo}/ (Planwerk ${planwerkVersion()}, der Plan in ${wo}/content/).`);
  zeigeWarnungen(warnungen);
  if (process.env.PLANWERK_CREATE) return;
  console.log(`\nWeiter:\n  cd ${wo}\n  npm install\n  npm run vorschau`);
}

function zeigeWarnungen(warnungen: Problem[]): void {
  if (warnungen.length === 0) return;
  console.log(`\nFür eine öffentliche Website fehlt noch (${warnungen.length}):`);
  for (const w of warnungen) console.log(`  • ${formatProblem(w)}`);
}

/** `neu plan`: a plan folder inside a project, a whole plan repository outside one (or with --repository). */
function neuerPlan(kommune: string): void {
  if (!values.repository && planProjekt(projekt)) neuerPlanOrdner(kommune);
  else neuesPlanRepository(kommune);
}

type Lies = (c: Parameters<typeof readCollection>[1]) => ReturnType<typeof readCollection>['entries'];

/** The Handlungsfelder a new entry may name: no drafts. */
const offeneFelder = (lies: Lies) => lies('handlungsfelder').filter((f) => f.data.entwurf !== true);

/** The Handlungsfeld a new entry names; aborts with the list of those there are where it is none of them. */
function handlungsfeld(lies: Lies, id: string) {
  const felder = offeneFelder(lies);
  const hf = felder.find((f) => f.id === id);
  if (!hf) throw new Abbruch(`Das Handlungsfeld „${id}“ gibt es nicht; vorhanden: ${felder.map((f) => f.id).join(', ')}`);
  return hf;
}

/** `neu entscheidung <id>`: a decision as a draft at the end of entscheidungen.yaml, its fields as comments. */
function neueEntscheidung(id: string, inhalt: string, lies: Lies): string {
  if (!ID_PATTERN.test(id)) throw new Abbruch(`„${id}“ ist keine ID: erwartet Buchstaben ohne Umlaute, Ziffern, „-“ und „_“, ohne Leerzeichen (etwa „schulnetz-betrieb“).`);
  if (lies('entscheidungen').some((e) => e.id === id)) throw new Abbruch(`Die Entscheidung „${id}“ gibt es schon.`);
  const feldZeile = values.handlungsfeld ? `  handlungsfeld: ${handlungsfeld(lies, values.handlungsfeld).id}\n` : '';
  const datei = join(inhalt, 'entscheidungen.yaml');
  return `${anzeigen(datei)}:${haengeAn(datei, `- id: ${id}\n  entwurf: true\n${feldZeile}${ENTSCHEIDUNG_VORLAGE}`)}`;
}

async function main() {
  const [art, titel] = positionals as [Art | 'plan' | undefined, string | undefined];
  if (art === 'plan' && titel?.trim()) {
    neuerPlan(titel.trim());
    return undefined;
  }
  if (!art || art === 'plan' || !ARTEN.includes(art) || !titel?.trim()) {
    throw new Abbruch(`Aufruf: npm run neu -- <art> "<Titel>"   (art: ${ARTEN.filter((a) => a !== 'entscheidung').join(', ')})\n       npm run neu -- entscheidung <id> [--handlungsfeld <id>]\n       npm run neu -- plan "<Kommune>" [--ordner <pfad>] [--titel "<Titel>"] [--repository]`);
  }
  const inhalt = inhaltsordner(projekt, values.inhalt);
  if (!existsSync(join(inhalt, 'plan.yaml'))) throw new Abbruch(`Kein Plan in ${relative(projekt, inhalt) || '.'}: plan.yaml fehlt.`);
  const ort = planLocation(inhalt, projekt);
  const lies: Lies = (c) => readCollection(ort, c).entries;

  if (art === 'akteur' || art === 'glossar') {
    const datei = join(inhalt, art === 'akteur' ? 'akteure.yaml' : 'glossar.yaml');
    const id = freieId(titel, new Set(lies(art === 'akteur' ? 'akteure' : 'glossar').map((e) => e.id)));
    const feld = art === 'akteur' ? 'name' : 'begriff';
    return `${anzeigen(datei)}:${haengeAn(datei, `- id: ${id}\n  ${feld}: ${text(titel)}\n  entwurf: true\n`)}`;
  }

  if (art === 'entscheidung') return neueEntscheidung(titel.trim(), inhalt, lies);

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
  const feld = values.handlungsfeld ?? (await frage('Handlungsfeld', offeneFelder(lies).map((f) => f.id)));
  const hf = handlungsfeld(lies, feld);
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
