/**
 * A new plan: either a plan folder inside a project (`neu plan` in a checkout or a plan
 * repository) or a whole plan repository from the package's template (`vorlage/`), as
 * `npm create planwerk` and `planwerk neu plan` outside a project make it.
 *
 * A plan repository holds only the plan: content/, a package.json that pins planwerk, the
 * three-line astro.config.mjs, the CI for GitHub and GitLab, renovate.json and dependabot.yml,
 * and a short README for the Redaktion.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { planLocation } from '../plan/sources.ts';
import { validatePlan } from '../pruefung/validate.ts';
import { formatProblem, type Problem } from '../plan/problems.ts';
import { heute } from '../plan/pflege.ts';

/** A stop with a message for the editor (no stack trace). */
export class Abbruch extends Error {}

/** The package's name, as a plan's package.json depends on it. */
export const PAKET = 'planwerk';

/** A YAML scalar that stays text whatever it contains (a JSON string is valid YAML). */
export const text = (s: string) => JSON.stringify(s);

const posix = (pfad: string) => pfad.split(sep).join('/');

function liesJson(datei: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(readFileSync(datei, 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/**
 * The package's own folder: the nearest one upwards from this module whose package.json is
 * planwerk's. So it is found from src/cli/ in the repository and from the compiled module in
 * node_modules/planwerk/… alike.
 */
export function paketOrdner(von: string = fileURLToPath(import.meta.url)): string {
  for (let ordner = dirname(von); ; ordner = dirname(ordner)) {
    if (liesJson(join(ordner, 'package.json'))?.name === PAKET) return ordner;
    if (dirname(ordner) === ordner) throw new Error(`Das Paket „${PAKET}“ (seine package.json) ist über ${von} nicht zu finden.`);
  }
}

/** The version of this package, which a new plan repository pins. */
export function planwerkVersion(): string {
  return String(liesJson(join(paketOrdner(), 'package.json'))?.version);
}

/**
 * The project a folder belongs to: the nearest folder upwards (from `start` itself) whose
 * package.json is planwerk's own or depends on it. Undefined outside every such project.
 */
export function planProjekt(start: string): string | undefined {
  for (let ordner = resolve(start); ; ordner = dirname(ordner)) {
    const paket = liesJson(join(ordner, 'package.json'));
    if (paket) {
      const abhaengig = ['dependencies', 'devDependencies'].some((f) => Object.hasOwn((paket[f] as object | undefined) ?? {}, PAKET));
      if (paket.name === PAKET || abhaengig) return ordner;
    }
    if (dirname(ordner) === ordner) return undefined;
  }
}

/**
 * The Kommune's name as a folder and package name: lower case ASCII letters, digits and
 * hyphens (umlauts spelt out), so it is valid for npm, GitHub and GitLab alike. The same rule
 * is in create-planwerk/index.js (tests/unit/planrepo.test.ts compares them).
 */
export function repoName(kommune: string): string {
  const ascii = kommune
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  return ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'plan';
}

/** What a new plan folder is made from; the wording differs between a checkout and a plan repository. */
export interface PlanOrdner {
  ordner: string;
  kommune: string;
  titel?: string;
  /** Where the JSON schema of a file (plan, akteure) lies, as the editor's YAML plugin needs it. */
  schema: (name: string) => string;
  /** Whence the plan came and where all fields are described (a comment in plan.yaml). */
  herkunft: string;
  /** The command that adds an Akteur (a comment in akteure.yaml). */
  neuerAkteur: string;
}

/** Stops unless `ordner` is missing or empty: nothing is ever overwritten. */
export function verlangeLeer(ordner: string, wie: string): void {
  if (existsSync(ordner) && readdirSync(ordner).length > 0) throw new Abbruch(`Der Ordner ${wie} ist nicht leer; nichts überschrieben. Bitte mit --ordner einen neuen Ordner angeben.`);
}

/**
 * A new plan folder with only what the editor gave (the Kommune, a title if given) and what
 * follows (the Stand is the day the file is written): plan.yaml, an empty akteure.yaml and the
 * empty kapitel/, handlungsfelder/, massnahmen/. Everything else is left out, not invented: the
 * site says "nicht festgelegt" or shows a notice, and the returned warnings name it.
 */
export function legePlanOrdnerAn(p: PlanOrdner, projekt: string): Problem[] {
  const datum = heute();
  const zeilen = [
    `# yaml-language-server: $schema=${p.schema('plan')}`,
    `# ${p.herkunft.replace('{datum}', datum)}`,
    '# Für eine öffentliche Website fehlen noch: impressum, herausgeber, kontakt, datenschutz, barrierefreiheit.',
    `kommune: ${text(p.kommune)}`,
    ...(p.titel?.trim() ? [`titel: ${text(p.titel.trim())}`] : []),
    `stand: ${datum}`,
    '',
  ];
  mkdirSync(p.ordner, { recursive: true });
  writeFileSync(join(p.ordner, 'plan.yaml'), zeilen.join('\n'), { flag: 'wx' });
  writeFileSync(join(p.ordner, 'akteure.yaml'), `# yaml-language-server: $schema=${p.schema('akteure')}\n# Akteure des Plans; einen neuen anlegen: ${p.neuerAkteur}\n[]\n`, { flag: 'wx' });
  // Git keeps no empty folders: a hidden file keeps them (the plan needs all three).
  for (const sammlung of ['kapitel', 'handlungsfelder', 'massnahmen']) {
    mkdirSync(join(p.ordner, sammlung), { recursive: true });
    writeFileSync(join(p.ordner, sammlung, '.gitkeep'), '', { flag: 'wx' });
  }
  const { problems, warnungen } = validatePlan(planLocation(p.ordner, projekt));
  if (problems.length > 0) throw new Error(`Der neue Plan ist nicht gültig: ${problems.map(formatProblem).join('; ')}`);
  return warnungen;
}

/**
 * Files of the template whose real name starts with a dot: npm leaves `.gitignore` out of a
 * package, and a `.github/` inside this repository's folders would look like its own.
 */
const PUNKTNAMEN: Record<string, string> = { gitignore: '.gitignore', github: '.github', 'gitlab-ci.yml': '.gitlab-ci.yml' };

/** The template's files (relative, with `/`), each with its name in the new repository. */
export function vorlagenDateien(vorlage = join(paketOrdner(), 'vorlage')): { quelle: string; ziel: string }[] {
  return (readdirSync(vorlage, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((d) => d.isFile())
    .map((d) => posix(relative(vorlage, join(d.parentPath, d.name))))
    .sort()
    .map((quelle) => {
      const [erstes, ...rest] = quelle.split('/');
      return { quelle, ziel: [PUNKTNAMEN[erstes!] ?? erstes, ...rest].join('/') };
    });
}

export interface PlanRepositoryOptionen {
  /** The new repository's folder; it must be missing or empty. */
  ziel: string;
  kommune: string;
  titel?: string;
  /** The planwerk version package.json pins exactly (default: this package's own). */
  version?: string;
}

/** The template's package.json for this Kommune, pinning planwerk at `version` exactly. */
function paketJson(vorlage: string, kommune: string, version: string): string {
  const paket = JSON.parse(vorlage) as Record<string, unknown> & { dependencies: Record<string, string> };
  paket.name = `medienentwicklungsplan-${repoName(kommune)}`;
  paket.description = `Medienentwicklungsplan ${kommune}, gebaut mit Planwerk`;
  paket.dependencies = { ...paket.dependencies, [PAKET]: version };
  return `${JSON.stringify(paket, null, 2)}\n`;
}

/**
 * A whole plan repository in `ziel` from the template, with a new plan in `ziel/content/`.
 * Returns the content folder and the warnings for what a public site still needs.
 */
export function erstellePlanRepository(o: PlanRepositoryOptionen): { inhalt: string; warnungen: Problem[] } {
  const ziel = resolve(o.ziel);
  const version = o.version ?? planwerkVersion();
  if (!/^\d+\.\d+\.\d+(?:[-+][\w.+-]*)?$/.test(version)) throw new Abbruch(`„${version}“ ist keine genaue Version von ${PAKET}.`);
  verlangeLeer(ziel, ziel);
  const vorlage = join(paketOrdner(), 'vorlage');
  mkdirSync(ziel, { recursive: true });
  for (const { quelle, ziel: name } of vorlagenDateien(vorlage)) {
    const von = join(vorlage, quelle);
    const nach = join(ziel, name);
    mkdirSync(dirname(nach), { recursive: true });
    if (name === 'package.json') writeFileSync(nach, paketJson(readFileSync(von, 'utf8'), o.kommune, version), { flag: 'wx' });
    else if (name === 'README.md') writeFileSync(nach, readFileSync(von, 'utf8').replaceAll('{{kommune}}', o.kommune), { flag: 'wx' });
    else cpSync(von, nach, { errorOnExist: true, force: false });
  }
  const inhalt = join(ziel, 'content');
  const warnungen = legePlanOrdnerAn(
    {
      ordner: inhalt,
      kommune: o.kommune,
      titel: o.titel,
      schema: (name) => `../node_modules/${PAKET}/schemas/${name}.schema.json`,
      herkunft: `Angelegt mit „planwerk neu plan“ am {datum}. Alle Felder: README von Planwerk (node_modules/${PAKET}/README.md).`,
      neuerAkteur: 'npm run neu -- akteur "<Name>"',
    },
    ziel,
  );
  return { inhalt, warnungen };
}
