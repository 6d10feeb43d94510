/**
 * The check of a plan's external links (`planwerk links`, src/cli/links.ts): each address is
 * requested with HEAD, and with GET where a server refuses HEAD; a permanent redirect (301, 308)
 * counts as moved with its target, a temporary one (302, 303, 307) is followed; an address that
 * does not answer in time is named as such. The register links.json is carried forward (the day
 * a link was found live stays until it is found live again), and a report says what was found,
 * as Markdown and as GitHub annotations. Nothing here decides whether a build may run: a foreign
 * site that is down never stops the plan.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ExternerLink, LinkEintrag, LinkStatus } from '../plan/model.ts';

export { befundText };
import { befundText, LINKS_DATEI, quellenVon, schreibeLinkregister } from '../plan/links.ts';
import { formatDate } from '../plan/format.ts';
import { displayDir, planLocation } from '../plan/sources.ts';
import { cacheOrdner } from '../plan/aktuell.ts';
import { ladePlan } from './planladen.ts';

/** What one request found. */
export interface Linkbefund {
  url: string;
  status: LinkStatus;
  http?: number;
  ziel?: string;
  /** The reason in words, for a link that is not live (a network error, a timeout). */
  grund?: string;
}

export interface Pruefoptionen {
  /** The fetch to use (the global one; a test's own). */
  fetch?: typeof fetch;
  /** How long one request may take, in milliseconds. */
  zeitlimitMs?: number;
  /** How many addresses are checked at once. */
  gleichzeitig?: number;
}

const UMGEZOGEN = new Set([301, 308]);
const WEITER = new Set([302, 303, 307]);
const MAX_SPRUENGE = 5;

/** One request without following redirects; the body is not read. */
async function anfrage(url: string, methode: 'HEAD' | 'GET', o: Required<Pick<Pruefoptionen, 'fetch' | 'zeitlimitMs'>>): Promise<{ status: number; location?: string }> {
  const antwort = await o.fetch(url, { method: methode, redirect: 'manual', signal: AbortSignal.timeout(o.zeitlimitMs), headers: { 'user-agent': 'Planwerk-Linkpruefung' } });
  await antwort.body?.cancel().catch(() => undefined);
  return { status: antwort.status, location: antwort.headers.get('location') ?? undefined };
}

/** Why a request failed, in German: a timeout, or the network error's code. */
function fehlergrund(error: unknown, zeitlimitMs: number): Pick<Linkbefund, 'status' | 'grund'> {
  const name = (error as Error)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return { status: 'zeitueberschreitung', grund: `keine Antwort innerhalb von ${Math.round(zeitlimitMs / 1000)} Sekunden` };
  const ursache = (error as { cause?: { code?: string; message?: string } })?.cause;
  return { status: 'fehler', grund: `keine Verbindung (${ursache?.code ?? ursache?.message ?? (error as Error)?.message ?? 'unbekannter Fehler'})` };
}

/** Checks one address: HEAD first, GET when HEAD fails or is refused; temporary redirects followed. */
export async function pruefeLink(url: string, optionen: Pruefoptionen = {}): Promise<Linkbefund> {
  const o = { fetch: optionen.fetch ?? fetch, zeitlimitMs: optionen.zeitlimitMs ?? 15_000 };
  let aktuell = url;
  for (let sprung = 0; sprung <= MAX_SPRUENGE; sprung += 1) {
    let antwort: { status: number; location?: string };
    try {
      antwort = await anfrage(aktuell, 'HEAD', o).catch(() => ({ status: 0 }));
      if (antwort.status === 0 || antwort.status >= 400) antwort = await anfrage(aktuell, 'GET', o);
    } catch (error) {
      return { url, ...fehlergrund(error, o.zeitlimitMs) };
    }
    const { status, location } = antwort;
    if (status >= 200 && status < 300) return { url, status: 'erreichbar', http: status };
    const ziel = location && URL.canParse(location, aktuell) ? new URL(location, aktuell).href : undefined;
    if (UMGEZOGEN.has(status) && ziel) return { url, status: 'umgezogen', http: status, ziel };
    if (WEITER.has(status) && ziel) {
      aktuell = ziel;
      continue;
    }
    return { url, status: 'nicht-erreichbar', http: status, grund: `der Server antwortet mit ${status}` };
  }
  return { url, status: 'nicht-erreichbar', grund: `mehr als ${MAX_SPRUENGE} Weiterleitungen` };
}

/** Checks every address, a few at a time, in the order given. */
export async function pruefeLinks(urls: string[], optionen: Pruefoptionen = {}): Promise<Linkbefund[]> {
  const befunde: Linkbefund[] = new Array(urls.length);
  let naechster = 0;
  const arbeiter = async () => {
    while (naechster < urls.length) {
      const i = naechster++;
      befunde[i] = await pruefeLink(urls[i]!, optionen);
    }
  };
  await Promise.all(Array.from({ length: Math.min(optionen.gleichzeitig ?? 4, urls.length) }, arbeiter));
  return befunde;
}

/**
 * The register after a check on `heute`: one entry per link the plan has now (links the plan no
 * longer cites drop out), with its files; `geprueft` becomes today for a live link and stays as it
 * was otherwise. Without a finding (`--nur-sammeln`) an entry keeps what it had.
 */
export function fortgeschriebeneLinks(links: ExternerLink[], befunde: Linkbefund[], heute: string): LinkEintrag[] {
  const nachUrl = new Map(befunde.map((b) => [b.url, b]));
  return links.map((link) => {
    const alt = link.register;
    const befund = nachUrl.get(link.url);
    const eintrag: LinkEintrag = { url: link.url, quellen: quellenVon(link) };
    if (!befund) return { ...alt, ...eintrag };
    const geprueft = befund.status === 'erreichbar' ? heute : alt?.geprueft;
    return { ...eintrag, ...(geprueft ? { geprueft } : {}), zuletzt: heute, status: befund.status, ...(befund.http ? { http: befund.http } : {}), ...(befund.ziel ? { ziel: befund.ziel } : {}) };
  });
}

/** A cell of a Markdown table: pipes and line breaks escaped. */
const zelle = (text: string) => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ');

/**
 * The report as Markdown: date, counts, a table of every link that is not live (with the files
 * to change, `ordner` being the plan folder as the repository names it), and the live ones.
 */
export function markdownBericht(links: ExternerLink[], befunde: Linkbefund[], heute: string, ordner: string): string {
  const nachUrl = new Map(links.map((l) => [l.url, l]));
  const probleme = befunde.filter((b) => b.status !== 'erreichbar');
  const lebendig = befunde.filter((b) => b.status === 'erreichbar');
  const zeilen = [
    '# Prüfung der externen Links',
    '',
    `Geprüft am ${formatDate(heute)}: ${befunde.length} ${befunde.length === 1 ? 'Link' : 'Links'}, davon ${lebendig.length} erreichbar, ${probleme.filter((b) => b.status === 'umgezogen').length} umgezogen und ${probleme.filter((b) => b.status !== 'umgezogen').length} nicht erreichbar.`,
    '',
  ];
  if (probleme.length > 0) {
    zeilen.push('## Zu prüfen', '', '| Link | Befund | Steht in |', '| --- | --- | --- |');
    for (const b of probleme) {
      const quellen = nachUrl.get(b.url) ? quellenVon(nachUrl.get(b.url)!).map((q) => `\`${ordner}/${q}\``).join(', ') : '';
      zeilen.push(`| ${zelle(b.url)} | ${zelle(befundText(b))} | ${zelle(quellen)} |`);
    }
    zeilen.push('', 'Einen umgezogenen Link durch sein neues Ziel ersetzen, einen nicht erreichbaren im Browser öffnen: Ist die Seite dauerhaft weg, die Quelle im Plan ändern oder den Link entfernen.', '');
  }
  if (lebendig.length > 0) zeilen.push('## Erreichbar', '', ...lebendig.map((b) => `- ${b.url}`), '');
  return `${zeilen.join('\n')}\n`;
}

/** A value in a GitHub workflow command: %, CR and LF escaped (and , and : in properties). */
const ghWert = (text: string, eigenschaft = false) => {
  const t = text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  return eigenschaft ? t.replace(/:/g, '%3A').replace(/,/g, '%2C') : t;
};

/** One `::warning file=…::` line per file of every link that is not live. */
export function githubAnmerkungen(links: ExternerLink[], befunde: Linkbefund[], ordner: string): string[] {
  const nachUrl = new Map(links.map((l) => [l.url, l]));
  return befunde
    .filter((b) => b.status !== 'erreichbar')
    .flatMap((b) => (nachUrl.get(b.url) ? quellenVon(nachUrl.get(b.url)!) : ['']).map((q) => `::warning ${q ? `file=${ghWert(`${ordner}/${q}`, true)},` : ''}title=${ghWert('Externer Link', true)}::${ghWert(`${b.url}: ${befundText(b)}`)}`));
}

/** Today in Germany as JJJJ-MM-TT, the day a check is recorded under. */
export const heuteInDeutschland = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(new Date());

export interface Linklauf extends Pruefoptionen {
  /** Write the Markdown report to this file (relative to `projekt`). */
  bericht?: string;
  /** `github`: print a `::warning` annotation per file of each link that is not live. */
  format?: 'text' | 'github';
  /** Only collect the links into links.json, request nothing. */
  nurSammeln?: boolean;
  /** The day recorded (a test's own; else today in Germany). */
  heute?: string;
}

/** What one run of `planwerk links` did: the lines to print, the findings, and a message when the plan could not be read. */
export interface Linkergebnis {
  zeilen: string[];
  befunde: Linkbefund[];
  register: LinkEintrag[];
  abbruch?: string;
}

/**
 * One run of `planwerk links` on the plan in `inhalt`: reads the plan, checks its links (unless
 * `nurSammeln`), writes links.json and the report. The plan must be readable (its links are
 * taken from the checked plan); a link that is down is a finding, never an error.
 */
export async function linksPruefen(projekt: string, inhalt: string, optionen: Linklauf = {}): Promise<Linkergebnis> {
  const ort = planLocation(inhalt, projekt);
  const geladen = await ladePlan(ort, cacheOrdner(projekt, inhalt));
  const model = geladen.model ?? geladen.datenModell;
  if (!model?.links) return { zeilen: [], befunde: [], register: [], abbruch: `Der Plan in ${displayDir(ort)}/ hat Fehler, die „planwerk pruefen“ nennt; erst danach lassen sich seine Links sammeln.` };
  const heute = optionen.heute ?? heuteInDeutschland();
  const befunde = optionen.nurSammeln ? [] : await pruefeLinks(model.links.map((l) => l.url), optionen);
  const register = fortgeschriebeneLinks(model.links, befunde, heute);
  schreibeLinkregister(ort, register);
  const ordner = displayDir(ort);
  const zeilen = [`Linkregister ${ordner}/${LINKS_DATEI}: ${model.links.length} externe ${model.links.length === 1 ? 'Link' : 'Links'}${optionen.nurSammeln ? ' gesammelt, keiner abgerufen' : ''}.`];
  for (const b of befunde.filter((x) => x.status !== 'erreichbar')) zeilen.push(`  ${b.url}: ${befundText(b)}`);
  if (!optionen.nurSammeln) zeilen.push(`${befunde.filter((b) => b.status === 'erreichbar').length} erreichbar, ${befunde.filter((b) => b.status !== 'erreichbar').length} zu prüfen.`);
  if (optionen.bericht && !optionen.nurSammeln) {
    writeFileSync(resolve(projekt, optionen.bericht), markdownBericht(model.links, befunde, heute, ordner));
    zeilen.push(`Bericht: ${optionen.bericht}`);
  }
  if (optionen.format === 'github') zeilen.push(...githubAnmerkungen(model.links, befunde, ordner));
  return { zeilen, befunde, register };
}
