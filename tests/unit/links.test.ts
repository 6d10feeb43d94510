/**
 * The link register and `planwerk links`: a copy of the minimal plan whose links point to hosts
 * that a local server on 127.0.0.1 answers for (live 200, moved 301, dead 404, HEAD refused, a
 * temporary redirect, too slow). The check's fetch sends every https address to that server and
 * refuses anything else, so no request leaves the machine.
 */
import { createServer, type Server } from 'node:http';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { append, copyFixture, edit, modelOf, PROJECT, write } from '../helpers/fixture.ts';
import { verwendung, verwendungen } from '../../src/ausgabe/externelinks.ts';
import { ADRESSSPALTEN, externeLinks, leseLinkregister, type LinkEintrag } from '../../src/plan/links.ts';
import { FELDER } from '../../src/rechnen/erhebungen.ts';
import { planLocation } from '../../src/plan/sources.ts';
import { formatProblem } from '../../src/plan/problems.ts';
import { ladePlan } from '../../src/pruefung/planladen.ts';
import { linksPruefen, pruefeLink } from '../../src/pruefung/linkpruefung.ts';

const HEUTE = '2026-12-07';
let server: Server;
let port = 0;
/** Every request the server saw: method and host/path. */
const anfragen: string[] = [];

/** The local server: the first path segment is the host the plan names. */
function antworte(methode: string, pfad: string): { status: number; location?: string; langsam?: boolean } {
  if (pfad.startsWith('/lebendig.example/')) return { status: 200 };
  if (pfad === '/umgezogen.example/alt') return { status: 301, location: 'https://umgezogen.example/neu' };
  if (pfad.startsWith('/tot.example/')) return { status: 404 };
  if (pfad.startsWith('/nur-get.example/')) return { status: methode === 'HEAD' ? 405 : 200 };
  if (pfad.startsWith('/kurz-weg.example/')) return { status: 302, location: 'https://lebendig.example/ziel' };
  if (pfad.startsWith('/langsam.example/')) return { status: 200, langsam: true };
  return { status: 200 };
}

/** A fetch that sends https://host/path to the local server as /host/path and refuses every other address. */
const lokalesFetch: typeof fetch = (eingabe, init) => {
  const url = new URL(String(eingabe));
  if (url.protocol !== 'https:' || !url.hostname.endsWith('.example')) throw new Error(`Test: keine Anfrage nach außen (${url.href})`);
  return fetch(`http://127.0.0.1:${port}/${url.hostname}${url.pathname}`, init);
};

beforeAll(async () => {
  server = createServer((req, res) => {
    anfragen.push(`${req.method} ${req.url}`);
    const a = antworte(req.method ?? 'GET', req.url ?? '/');
    const senden = () => {
      res.writeHead(a.status, a.location ? { location: a.location } : {});
      res.end(req.method === 'HEAD' ? undefined : 'Seite');
    };
    if (a.langsam) setTimeout(senden, 1500);
    else senden();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** The fixture with links to the test hosts: one in a data field (akteure.yaml), three in a text (kapitel/vorwort.mdx). */
function planMitLinks(): string {
  const root = copyFixture();
  edit(root, 'akteure.yaml', '  name: Schulverwaltungsamt\n', '  name: Schulverwaltungsamt\n  url: https://lebendig.example/amt\n');
  append(root, 'kapitel/vorwort.mdx', '\n\nSiehe die [alte Richtlinie](https://umgezogen.example/alt), das [Programm](https://tot.example/weg) und <a href="https://nur-get.example/seite">die Förderseite</a>.\n');
  return root;
}

const eintrag = (register: LinkEintrag[], url: string) => register.find((e) => e.url === url);

describe('Externe Links sammeln', () => {
  it('findet Links in Datenfeldern und Texten, mit den Dateien, in denen sie stehen', () => {
    const root = planMitLinks();
    const links = externeLinks(modelOf(root));
    const nachUrl = new Map(links.map((l) => [l.url, l.fundstellen.map((f) => `${f.datei}#${f.id}`)]));
    expect(nachUrl.get('https://lebendig.example/amt')).toEqual(['akteure.yaml#schulamt']);
    expect(nachUrl.get('https://umgezogen.example/alt')).toEqual(['kapitel/vorwort.mdx#vorwort']);
    expect(nachUrl.get('https://nur-get.example/seite')).toEqual(['kapitel/vorwort.mdx#vorwort']);
    // Fields of the fixture itself: plan.yaml and a school's Medienkonzept in a CSV file.
    expect(nachUrl.get('https://datenschutz.land.example')).toEqual(['plan.yaml#plan']);
    expect(links.find((l) => l.url === 'https://datenschutz.land.example')!.fundstellen[0]!.feld).toBe('datenschutz');
    expect(nachUrl.get('https://gs-b.teststadt.example/medienkonzept')).toEqual(['daten/schulen.csv#gs-b']);
    // The site's own address and the pattern for editing are no foreign links.
    expect(nachUrl.has('https://mep.teststadt.example')).toBe(false);
    expect([...nachUrl.keys()].some((u) => u.includes('{pfad}'))).toBe(false);
  });
});

describe('Externe Links der Erhebungen', () => {
  it('sammelt genau die Adressfelder der Erhebungen, die es je Schule geben kann', () => {
    const adressfelder = Object.entries(FELDER).flatMap(([name, d]) => (d.art === 'url' && !('immerIntern' in d && d.immerIntern) ? [name] : []));
    expect([...ADRESSSPALTEN]).toEqual(adressfelder);
  });

  /** The fixture with one survey round whose CSV gives a Medienkonzept address for one school. */
  function planMitErhebung(): string {
    const root = copyFixture();
    // With rounds, the figures (and the Medienkonzept's address) of a school stand in the rounds only.
    write(root, 'daten/schulen.csv', 'id;name;schulform;stadtbezirk\ngs-a;Grundschule A;grundschule;Mitte\ngs-b;Grundschule B;grundschule;Nord\ngym-c;Gymnasium C;gymnasium;\n');
    write(root, 'daten/erhebungen.yaml', 'mindestgruppe: 10\nrunden:\n  - { id: "2024-03", stichtag: 2024-03-01, methode: Fragebogen, quelle: Schulamt }\n');
    mkdirSync(join(root, 'content', 'daten', 'erhebungen'), { recursive: true });
    write(root, 'daten/erhebungen/2024-03.csv', 'schule;schuelerzahl;endgeraete_schueler;wlan_abdeckung;unterrichtsraeume;medienkonzept_url\ngs-a;210;60;80;10;https://lebendig.example/gs-a/medienkonzept.pdf\ngs-b;300;90;60;14;\ngym-c;800;800;90;40;https://lebendig.example/gym-c/konzept\n');
    return root;
  }

  it('sammelt die Adressen der Medienkonzepte aus den CSV-Dateien der Runden, mit Datei und Schule', () => {
    const root = planMitErhebung();
    const model = modelOf(root);
    const link = externeLinks(model).find((l) => l.url === 'https://lebendig.example/gs-a/medienkonzept.pdf');
    expect(link?.fundstellen).toEqual([{ datei: 'daten/erhebungen/2024-03.csv', sammlung: 'erhebungswerte', id: '2024-03/gs-a' }]);
    // The list on /daten/ names the school, once however many rounds give the address.
    expect(verwendung(model, link!.fundstellen[0]!)).toMatchObject({ titel: 'Grundschule A' });
    const zweiRunden = { ...link!, fundstellen: [...link!.fundstellen, { datei: 'daten/erhebungen/2025-03.csv', sammlung: 'erhebungswerte' as const, id: '2025-03/gs-a' }] };
    expect(verwendungen(model, zweiRunden).map((v) => v.titel)).toEqual(['Grundschule A']);
    // An empty cell is no link: gs-b has none.
    expect(externeLinks(model).flatMap((l) => l.fundstellen.filter((f) => f.sammlung === 'erhebungswerte').map((f) => f.id))).toEqual(['2024-03/gs-a', '2024-03/gym-c']);
  });

  it('lässt die Adressen weg, wenn der Plan die Spalte intern hält', () => {
    const root = planMitErhebung();
    edit(root, 'daten/erhebungen.yaml', 'mindestgruppe: 10\n', 'mindestgruppe: 10\nintern: [medienkonzept_url]\n');
    expect(externeLinks(modelOf(root)).filter((l) => l.fundstellen.some((f) => f.sammlung === 'erhebungswerte'))).toEqual([]);
  });

  it('„planwerk links --nur-sammeln“ trägt sie mit der Datei der Runde ins Register ein', () => {
    const root = planMitErhebung();
    const lauf = spawnSync(process.execPath, [join(PROJECT, 'src', 'cli', 'planwerk.ts'), 'links', '--nur-sammeln'], { cwd: root, encoding: 'utf8' });
    expect(lauf.status, lauf.stderr).toBe(0);
    const register = JSON.parse(readFileSync(join(root, 'content', 'links.json'), 'utf8')) as LinkEintrag[];
    expect(eintrag(register, 'https://lebendig.example/gs-a/medienkonzept.pdf')).toEqual({ url: 'https://lebendig.example/gs-a/medienkonzept.pdf', quellen: ['daten/erhebungen/2024-03.csv'] });
  });
});

describe('planwerk links gegen einen lokalen Server', () => {
  it('trägt lebende Links mit Datum ein, nennt umgezogene mit Ziel und tote mit Status, und schreibt Bericht und Anmerkungen', async () => {
    const root = planMitLinks();
    // An earlier check: the dead link was live once; a link the plan no longer cites drops out.
    writeFileSync(
      join(root, 'content', 'links.json'),
      JSON.stringify([
        { url: 'https://tot.example/weg', geprueft: '2026-01-15', zuletzt: '2026-01-15', status: 'erreichbar', quellen: ['kapitel/vorwort.mdx'] },
        { url: 'https://frueher.example/', geprueft: '2026-01-15', quellen: ['kapitel/vorwort.mdx'] },
      ]),
    );
    anfragen.length = 0;
    const ergebnis = await linksPruefen(root, join(root, 'content'), { fetch: lokalesFetch, heute: HEUTE, bericht: 'links-bericht.md', format: 'github', zeitlimitMs: 5000 });
    expect(ergebnis.abbruch).toBeUndefined();
    const register = JSON.parse(readFileSync(join(root, 'content', 'links.json'), 'utf8')) as LinkEintrag[];
    expect(eintrag(register, 'https://lebendig.example/amt')).toEqual({ url: 'https://lebendig.example/amt', geprueft: HEUTE, zuletzt: HEUTE, status: 'erreichbar', http: 200, quellen: ['akteure.yaml'] });
    expect(eintrag(register, 'https://umgezogen.example/alt')).toEqual({ url: 'https://umgezogen.example/alt', zuletzt: HEUTE, status: 'umgezogen', http: 301, ziel: 'https://umgezogen.example/neu', quellen: ['kapitel/vorwort.mdx'] });
    // Dead now: the day it was last found live stays.
    expect(eintrag(register, 'https://tot.example/weg')).toEqual({ url: 'https://tot.example/weg', geprueft: '2026-01-15', zuletzt: HEUTE, status: 'nicht-erreichbar', http: 404, quellen: ['kapitel/vorwort.mdx'] });
    // HEAD refused (405), GET answers: live.
    expect(eintrag(register, 'https://nur-get.example/seite')?.status).toBe('erreichbar');
    expect(eintrag(register, 'https://frueher.example/')).toBeUndefined();
    expect(anfragen).toContain('HEAD /tot.example/weg');
    expect(anfragen).toContain('GET /tot.example/weg');
    expect(anfragen).toContain('GET /nur-get.example/seite');
    // The moved link is not followed: its target is for the editor to take over.
    expect(anfragen.some((a) => a.includes('/umgezogen.example/neu'))).toBe(false);

    const bericht = readFileSync(join(root, 'links-bericht.md'), 'utf8');
    expect(bericht).toContain('Geprüft am 07.12.2026');
    expect(bericht).toContain('| https://tot.example/weg | nicht erreichbar (HTTP 404) | `content/kapitel/vorwort.mdx` |');
    expect(bericht).toContain('| https://umgezogen.example/alt | umgezogen nach https://umgezogen.example/neu (HTTP 301) | `content/kapitel/vorwort.mdx` |');
    expect(bericht).toMatch(/## Erreichbar\n\n[^#]*- https:\/\/lebendig\.example\/amt/);
    expect(ergebnis.zeilen).toContain('::warning file=content/kapitel/vorwort.mdx,title=Externer Link::https://tot.example/weg: nicht erreichbar (HTTP 404)');
    expect(ergebnis.zeilen.filter((z) => z.startsWith('::warning')).length).toBe(2);
  });

  it('folgt einer vorübergehenden Weiterleitung und nennt eine Zeitüberschreitung', async () => {
    expect(await pruefeLink('https://kurz-weg.example/a', { fetch: lokalesFetch })).toEqual({ url: 'https://kurz-weg.example/a', status: 'erreichbar', http: 200 });
    const langsam = await pruefeLink('https://langsam.example/a', { fetch: lokalesFetch, zeitlimitMs: 200 });
    expect(langsam.status).toBe('zeitueberschreitung');
    expect(langsam.grund).toContain('keine Antwort innerhalb von');
  });

  it('der Plan zeigt die Daten des Registers, ohne etwas abzurufen', async () => {
    const root = planMitLinks();
    await linksPruefen(root, join(root, 'content'), { fetch: lokalesFetch, heute: HEUTE });
    const { register, problems } = leseLinkregister(planLocation(join(root, 'content'), root));
    expect(problems).toEqual([]);
    const links = externeLinks(modelOf(root), register);
    expect(links.find((l) => l.url === 'https://lebendig.example/amt')?.register?.geprueft).toBe(HEUTE);
    expect(links.find((l) => l.url === 'https://tot.example/weg')?.register?.geprueft).toBeUndefined();
  });
});

describe('Das Register links.json', () => {
  it('ein kaputtes Register hält die Prüfung mit Datei und Feld an', async () => {
    const root = copyFixture();
    writeFileSync(join(root, 'content', 'links.json'), JSON.stringify([{ url: 'https://a.example/', geprueft: '7.12.2026', quellen: [] }]));
    const geladen = await ladePlan(planLocation(join(root, 'content'), root));
    expect(geladen.model).toBeUndefined();
    expect(geladen.problems.map(formatProblem).join('\n')).toContain('content/links.json');
    expect(geladen.problems[0]).toMatchObject({ file: 'content/links.json', field: '1.geprueft', expected: 'ein Datum JJJJ-MM-TT', found: '"7.12.2026"' });
  });

  it('„planwerk links --nur-sammeln“ legt das Register an, ohne eine Anfrage, und endet mit 0', () => {
    const root = planMitLinks();
    const lauf = spawnSync(process.execPath, [join(PROJECT, 'src', 'cli', 'planwerk.ts'), 'links', '--nur-sammeln'], { cwd: root, encoding: 'utf8' });
    expect(lauf.status).toBe(0);
    expect(lauf.stdout).toContain('externe Links gesammelt, keiner abgerufen');
    const register = JSON.parse(readFileSync(join(root, 'content', 'links.json'), 'utf8')) as LinkEintrag[];
    expect(eintrag(register, 'https://tot.example/weg')).toEqual({ url: 'https://tot.example/weg', quellen: ['kapitel/vorwort.mdx'] });
    expect(existsSync(join(root, 'links-bericht.md'))).toBe(false);
  });
});
