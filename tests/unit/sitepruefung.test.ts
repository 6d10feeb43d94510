/**
 * The parts of `planwerk pruefen-site` that need no build and no browser: reading a page, resolving
 * its addresses under a base path, the link check over a small output folder, the page types from
 * the route files, the anchor register, the local server's file lookup, finding Chromium, the PDF
 * check on made-up PDFs and the report's text. The whole command on a built site: tests/site/pruefen-site.test.ts.
 */
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gebauteSeiten, liesSeite, routen, routeVon, SEITENORDNER, seitentypen } from '../../src/cli/sitepruefung/seiten.ts';
import { adresseDerSite, internesZiel, OHNE_WEBSITE, pruefeLinks } from '../../src/cli/sitepruefung/links.ts';
import { pruefeAnkerregister } from '../../src/cli/sitepruefung/ankerregister.ts';
import { dateiFuer, starteServer } from '../../src/cli/sitepruefung/server.ts';
import { SICHERHEITS_HEADER } from '../../src/ausgabe/sicherheit.ts';
import { chromiumPfad } from '../../src/cli/sitepruefung/barrierefreiheit.ts';
import { pruefePdfDatei } from '../../src/cli/sitepruefung/pdf.ts';
import { seitenZurPruefung } from '../../src/cli/sitepruefung/pruefung.ts';
import { textAusgabe } from '../../src/cli/pruefen-site.ts';

/** A made-up output folder: site path → HTML. */
function ausgabe(seiten: Record<string, string>): string {
  const dist = mkdtempSync(join(tmpdir(), 'planwerk-site-'));
  for (const [pfad, html] of Object.entries(seiten)) {
    const datei = join(dist, pfad.endsWith('/') ? `${pfad}index.html` : pfad);
    mkdirSync(dirname(datei), { recursive: true });
    writeFileSync(datei, html);
  }
  return dist;
}

describe('Eine gebaute Seite lesen', () => {
  it('nimmt jede id, die Namen von <a name>, jede Adresse mit ihrem Element und das Ziel einer Weiterleitung', () => {
    const s = liesSeite(`<meta http-equiv="refresh" content="0; url=/neu/"><main id="inhalt"><a name="alt"></a><h2 id="a&amp;b">x</h2>
      <a href="/massnahmen/#i-01">M</a><img src="/bild.png" srcset="/a.png 1x, /b.png 2x" alt=""></main>`);
    expect([...s.ids].sort()).toEqual(['a&b', 'alt', 'inhalt']);
    expect(s.weiterleitung).toBe('/neu/');
    expect(s.verweise).toEqual([
      { adresse: '/neu/', wo: '<meta content>' },
      { adresse: '/massnahmen/#i-01', wo: '<a href>' },
      { adresse: '/bild.png', wo: '<img src>' },
      { adresse: '/a.png', wo: '<img srcset>' },
      { adresse: '/b.png', wo: '<img srcset>' },
    ]);
  });
});

describe('Adressen auflösen', () => {
  const site = adresseDerSite('https://stadt.example/mep/', '/mep/');

  it('löst relative, absolute und eigene Adressen gegen die Adresse der Seite unter dem Basispfad auf', () => {
    expect(internesZiel('../i-02/#ziel%20a', '/massnahmen/i-01/', site)).toEqual({ pfad: '/massnahmen/i-02/', fragment: 'ziel a' });
    expect(internesZiel('/mep/finanzen/', '/', site)).toEqual({ pfad: '/finanzen/', fragment: '' });
    expect(internesZiel('https://stadt.example/mep/glossar/#api', '/', site)).toEqual({ pfad: '/glossar/', fragment: 'api' });
    expect(internesZiel('#oben', '/kapitel/a/', site)).toEqual({ pfad: '/kapitel/a/', fragment: 'oben' });
  });

  it('lässt fremde Adressen, mailto und tel aus, meldet aber einen Pfad ohne den Basispfad', () => {
    expect(internesZiel('https://example.org/', '/', site)).toBeUndefined();
    expect(internesZiel('mailto:a@stadt.example', '/', site)).toBeUndefined();
    expect(internesZiel('tel:+49301234', '/', site)).toBeUndefined();
    // Another site on the same host, named by its full address, is not this site's business.
    expect(internesZiel('https://stadt.example/andere/', '/', site)).toBeUndefined();
    expect(internesZiel('/finanzen/', '/', site)).toEqual({ fragment: '', ausserhalb: '/finanzen/' });
  });

  it('nimmt ohne website eine Adresse, die kein Plan haben kann, und den Basispfad /', () => {
    expect(adresseDerSite(undefined, '/')).toEqual({ ursprung: OHNE_WEBSITE, basis: '/' });
    expect(internesZiel('/finanzen/', '/', adresseDerSite(undefined, '/'))).toEqual({ pfad: '/finanzen/', fragment: '' });
  });
});

describe('Links und Anker', () => {
  const html = (main: string) => `<html><body><a href="#inhalt">Zum Inhalt</a><main id="inhalt">${main}</main></body></html>`;

  it('meldet kaputte Links, fehlende Anker und Links über eine Weiterleitung, mit Seite, Element und Adresse', () => {
    const dist = ausgabe({
      '/mep/': '',
      '/index.html': html('<a href="/mep/a/#da">gut</a><a href="/mep/a/#weg">Anker fehlt</a><a href="/mep/fehlt/">fehlt</a><a href="/mep/a">ohne Schrägstrich</a><a href="https://example.org/x">fremd</a>'),
      '/a/': html('<h2 id="da">Da</h2><a href="#da">hier</a><a href="#nirgends">hier nicht</a><a href="/a/">ohne Basis</a><img src="/mep/bild.png" alt="">'),
      '/alt/': '<meta http-equiv="refresh" content="0; url=/mep/a/"><a href="/mep/a/">weiter</a>',
      '/b/': html('<a href="/mep/alt/#da">über die Weiterleitung</a><a href="/mep/alt/#weg">über die Weiterleitung, fehlt</a><a href="/mep/plan.pdf#page=2">PDF</a>'),
      '/plan.pdf': '%PDF',
    });
    const seiten = gebauteSeiten(dist);
    expect(seiten.map((s) => s.pfad)).toEqual(['/', '/a/', '/alt/', '/b/', '/mep/']);
    const { befunde, links } = pruefeLinks(dist, seiten, adresseDerSite('https://stadt.example/mep/', '/mep/'));
    expect(befunde).toEqual([
      { seite: '/', befund: '<a href> „/mep/a/#weg“ führt zu einem Anker, den es nicht gibt: /a/ hat keine id „weg“' },
      { seite: '/', befund: '<a href> „/mep/fehlt/“ führt ins Leere: die Ausgabe hat keine Datei für /fehlt/' },
      { seite: '/', befund: '<a href> „/mep/a“ führt über eine Weiterleitung: die Seite heißt /a/ (mit Schrägstrich am Ende)' },
      { seite: '/a/', befund: '<a href> „#nirgends“ führt zu einem Anker, den es nicht gibt: /a/ hat keine id „nirgends“ (auf derselben Seite)' },
      { seite: '/a/', befund: '<a href> „/a/“ liegt außerhalb des Basispfads der Website (/a/)' },
      { seite: '/a/', befund: '<img src> „/mep/bild.png“ führt ins Leere: die Ausgabe hat keine Datei für /bild.png' },
      { seite: '/b/', befund: '<a href> „/mep/alt/#weg“ führt zu einem Anker, den es nicht gibt: /a/ hat keine id „weg“' },
    ]);
    // Every address but the foreign one counted: the skip links of /, /a/ and /b/, and 4 + 4 + 2 + 3 others.
    expect(links).toBe(16);
  });

  it('findet auf einer heilen Ausgabe nichts', () => {
    const dist = ausgabe({ '/index.html': html('<a href="/a/#x">a</a>'), '/a/': html('<p id="x">x</p><a href="../">zurück</a>') });
    expect(pruefeLinks(dist, gebauteSeiten(dist), adresseDerSite(undefined, '/')).befunde).toEqual([]);
  });
});

describe('Seitentypen', () => {
  const alle = routen();

  it('hat für jede Seitendatei in src/ausgabe/pages eine Route, außer den Weiterleitungen und den Dateien, die keine Seiten sind', () => {
    const astro = (readdirSync(SEITENORDNER, { recursive: true }) as string[]).filter((d) => d.endsWith('.astro') && !d.includes('[...weiterleitung]'));
    expect(alle.map((r) => r.datei).sort()).toEqual(astro.map((d) => d.split('\\').join('/')).sort());
    expect(alle.length).toBeGreaterThan(20);
  });

  it('ordnet jeder Seite die Route zu, die sie baut; eine feste Route geht einer mit Parameter vor', () => {
    expect(routeVon('/massnahmen/i-01/', alle)?.datei).toBe('massnahmen/[id].astro');
    expect(routeVon('/massnahmen/', alle)?.datei).toBe('massnahmen/[...seite].astro');
    expect(routeVon('/massnahmen/bereich/grundschule/', alle)?.datei).toBe('massnahmen/bereich/[id].astro');
    expect(routeVon('/schulen/bedarfe/', alle)?.datei).toBe('schulen/bedarfe/[...seite].astro');
    expect(routeVon('/schulen/gs-nord/', alle)?.datei).toBe('schulen/[id].astro');
    expect(routeVon('/404.html', alle)?.datei).toBe('404.astro');
    expect(routeVon('/', alle)?.datei).toBe('[...seite].astro');
    expect(routeVon('/gibt/es/nicht/', alle)).toBeUndefined();
  });

  it('nimmt die erste Seite jedes Typs, lässt Weiterleitungen aus und sucht auf der Suchseite nach einem Wort', () => {
    const seiten = [
      { pfad: '/', bytes: 10 },
      { pfad: '/massnahmen/a-01/', bytes: 500 },
      { pfad: '/massnahmen/a-02/', bytes: 900 },
      { pfad: '/massnahmen/s-05/', bytes: 100, weiterleitung: '/massnahmen/a-02/' },
      { pfad: '/suche/', bytes: 20 },
      { pfad: '/sonderseite.html', bytes: 5 },
    ].map((s) => ({ ...s, datei: '', ids: new Set<string>(), verweise: [] }));
    expect([...seitentypen(seiten, alle)]).toEqual([
      ['[...seite].astro', ['/']],
      ['massnahmen/[id].astro', ['/massnahmen/a-01/', '/massnahmen/a-02/']],
      ['suche/[...seite].astro', ['/suche/']],
      ['/sonderseite.html', ['/sonderseite.html']],
    ]);
    expect(seitenZurPruefung(seiten, 'Müllheim')).toEqual([
      { pfad: '/', gewicht: 10 },
      { pfad: '/massnahmen/a-01/', gewicht: 500 },
      { pfad: '/suche/', gewicht: 20, anfrage: '?q=M%C3%BCllheim', warteAuf: 'main .suche-treffer a[href]' },
      { pfad: '/sonderseite.html', gewicht: 5 },
    ]);
  });
});

describe('Ankerregister', () => {
  const inhaltMit = (register?: unknown) => {
    const inhalt = mkdtempSync(join(tmpdir(), 'planwerk-inhalt-'));
    if (register !== undefined) writeFileSync(join(inhalt, 'anker.json'), typeof register === 'string' ? register : JSON.stringify(register));
    return inhalt;
  };
  const dist = ausgabe({
    '/a/': '<main><h2 id="x">X</h2><h2 id="neu">Neu</h2></main>',
    '/alt/': '<meta http-equiv="refresh" content="0; url=/a/">',
  });

  it('meldet eine veröffentlichte Seite und einen Anker, die der Build nicht mehr erzeugt, mit dem Weg, sie zu erhalten', () => {
    const r = pruefeAnkerregister(dist, inhaltMit({ '/a/': ['weg', 'x'], '/alt/': ['y'], '/fort/': [] }), 'plan');
    expect(r.befunde.map((b) => b.seite)).toEqual(['/a/', '/fort/']);
    expect(r.befunde[0]!.befund).toContain('Der Anker /a/#weg wird nicht mehr erzeugt');
    expect(r.befunde[1]!.befund).toContain('plan/weiterleitungen.yaml');
    expect(r.hinweise).toEqual(['plan/anker.json kennt 1 Seite oder Anker dieses Builds noch nicht: „planwerk anker“ nimmt sie auf.']);
    expect([r.seiten, r.anker]).toEqual([3, 3]);
  });

  it('sagt, wenn es kein Register gibt, und meldet eines, das sich nicht lesen lässt', () => {
    const ohne = pruefeAnkerregister(dist, inhaltMit());
    expect(ohne.hinweise[0]).toMatch(/^Kein Ankerregister \(content\/anker\.json\)/);
    expect(ohne.ohneRegister).toBe(true);
    expect(pruefeAnkerregister(dist, inhaltMit('{ kaputt')).befunde).toEqual([
      { seite: 'content/anker.json', befund: 'erwartet gültiges JSON (das Ankerregister); gefunden: eine Datei, die sich nicht lesen lässt' },
    ]);
  });
});

describe('Der lokale Server', () => {
  const dist = ausgabe({ '/index.html': 'start', '/a/': 'a', '/bild.png': 'png' });

  it('liefert Dateien nur unter dem Basispfad und nur aus dem Ausgabeordner', () => {
    expect(dateiFuer(dist, '/mep/', '/mep/')).toBe(join(dist, 'index.html'));
    expect(dateiFuer(dist, '/mep/a/', '/mep/')).toBe(join(dist, 'a', 'index.html'));
    expect(dateiFuer(dist, '/mep/a', '/mep/')).toBe('ordner');
    expect(dateiFuer(dist, '/mep/bild.png', '/mep/')).toBe(join(dist, 'bild.png'));
    expect(dateiFuer(dist, '/a/', '/mep/')).toBeUndefined();
    expect(dateiFuer(dist, '/mep/%2e%2e/%2e%2e/etc/passwd', '/mep/')).toBeUndefined();
    expect(dateiFuer(dist, '/mep/fehlt/', '/mep/')).toBeUndefined();
    expect(dateiFuer(dist, '/mep/%E0%A4%A', '/mep/')).toBeUndefined();
  });
});

describe('Der lokale Server über HTTP', () => {
  it('liefert Seiten mit den Sicherheits-Headern, die 404-Seite mit Status 404 und leitet einen Ordner ohne Schrägstrich weiter', async () => {
    const dist = ausgabe({ '/index.html': 'start', '/a/': 'a', '/404.html': 'nicht gefunden' });
    const server = await starteServer(dist, '/mep/');
    try {
      expect(server.adresse).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mep\/$/);
      const seite = await fetch(`${server.adresse}a/`);
      expect([seite.status, await seite.text(), seite.headers.get('content-type')]).toEqual([200, 'a', 'text/html; charset=utf-8']);
      expect(seite.headers.get('content-security-policy')).toBe(SICHERHEITS_HEADER['Content-Security-Policy']);
      const fehlt = await fetch(`${server.adresse}fehlt/`);
      expect([fehlt.status, await fehlt.text()]).toEqual([404, 'nicht gefunden']);
      const ordner = await fetch(`${server.adresse}a`, { redirect: 'manual' });
      expect([ordner.status, ordner.headers.get('location')]).toEqual([301, '/mep/a/']);
      expect((await fetch(server.adresse.replace('/mep/', '/'))).status).toBe(404);
    } finally {
      await server.stop();
    }
  });
});

describe('Chromium finden', () => {
  const ordner = mkdtempSync(join(tmpdir(), 'planwerk-bin-'));
  writeFileSync(join(ordner, 'google-chrome'), '');

  it('nimmt PLANWERK_CHROMIUM, sonst ein Programm im PATH, und sonst keines', () => {
    expect(chromiumPfad({ PLANWERK_CHROMIUM: join(ordner, 'google-chrome'), PATH: '' })).toBe(join(ordner, 'google-chrome'));
    const ohneSystem = (env: NodeJS.ProcessEnv) => chromiumPfad({ ...env, CHROME_PATH: undefined, PLANWERK_CHROMIUM: join(ordner, 'fehlt') });
    // /usr/bin/chromium comes before the PATH: only where it is missing does the PATH decide.
    const system = chromiumPfad({ PATH: '' });
    expect(ohneSystem({ PATH: ordner })).toBe(system ?? join(ordner, 'google-chrome'));
    if (!system) expect(ohneSystem({ PATH: '' })).toBeUndefined();
  });
});

describe('Das PDF', () => {
  it('meldet ein PDF, das sich nicht öffnen lässt', async () => {
    const r = await pruefePdfDatei(new TextEncoder().encode('kein PDF'), '/druckfassung/plan.pdf');
    expect(r.befunde).toHaveLength(1);
    expect(r.befunde[0]!.befund).toMatch(/^lässt sich nicht öffnen/);
  });

  it('meldet fehlenden Titel, fehlende Sprache, fehlende Lesezeichen und einen unzulässigen Link', async () => {
    const { PDFDocument, PDFName, PDFString } = await import('@cantoo/pdf-lib');
    const doc = await PDFDocument.create();
    const page = doc.addPage();
    const link = doc.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [0, 0, 10, 10], A: { S: 'URI', URI: PDFString.of('javascript:alert(1)') } });
    page.node.set(PDFName.of('Annots'), doc.context.obj([doc.context.register(link)]));
    const r = await pruefePdfDatei(await doc.save(), '/druckfassung/plan.pdf', 'https://stadt.example/');
    expect(r.seiten).toBe(1);
    expect(r.befunde.map((b) => b.befund)).toEqual([
      'hat keinen Titel in den Dokumenteigenschaften',
      'nennt keine Sprache des Dokuments (Lang)',
      'hat keine Lesezeichen (Gliederung)',
      expect.stringMatching(/^Seite 1: unzulässiger Link: .*javascript/),
    ]);
    expect(r.befunde.every((b) => b.seite === '/druckfassung/plan.pdf')).toBe(true);
  });
});

describe('Der Bericht', () => {
  it('listet jeden Befund mit seiner Seite, dann die Hinweise, dann eine Zeile je Prüfung mit ihrer Zeit', () => {
    const text = textAusgabe(
      [
        { name: 'Links und Anker', befunde: [{ seite: '/a/', befund: 'kaputt' }], hinweise: [], umfang: '2 Seiten', ms: 1234 },
        { name: 'PDF der Druckfassung', befunde: [], hinweise: ['Kein PDF'], umfang: 'kein PDF', ms: 5 },
        { name: 'Barrierefreiheit mit axe-core', befunde: [], hinweise: [], umfang: '3 Seitentypen', uebersprungen: '--ohne-browser', ms: 0 },
      ],
      2500,
    );
    expect(text.split('\n')).toEqual([
      '/a/: kaputt',
      'Hinweis (PDF der Druckfassung): Kein PDF',
      'Links und Anker: 1 Befund (2 Seiten) in 1,2 s.',
      'PDF der Druckfassung: in Ordnung (kein PDF) in 0,0 s.',
      'Barrierefreiheit mit axe-core: übersprungen (--ohne-browser).',
      '1 Befund: die Website so nicht veröffentlichen; geprüft in 2,5 s.',
    ]);
  });
});
