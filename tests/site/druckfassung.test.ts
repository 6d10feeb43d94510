/**
 * The Druckfassung (/druckfassung/) of both sample plans, as built: every published chapter,
 * Handlungsfeld and Maßnahme in reading order under its number; the text and figures of each
 * part are those of its page; ids unique and every link inside the page leads to one of them;
 * figures and tables numbered through; cross-references name their target's number.
 */
import { describe, expect, it } from 'vitest';
import { parse, type HTMLElement } from 'node-html-parser';
import { existsSync } from 'node:fs';
import { druckGliederung } from '../../src/ausgabe/druckfassung.ts';
import { kennzahl } from '../../src/rechnen/kennzahlen.ts';
import { finanztabellenVon } from '../../src/rechnen/finanztabellen.ts';
import { seite } from '../../src/plan/urls.ts';
import { BEISPIELPLAENE } from '../helpers/plaene.ts';

const rein = (el: HTMLElement | null | undefined) => (el?.text ?? '').replace(/\s+/g, ' ').trim();

for (const plan of BEISPIELPLAENE) describe(`Druckfassung: Beispielplan ${plan.name}`, () => {
  const model = plan.modell();
  const druck = () => plan.site.page(seite.druckfassung());
  const teile = druckGliederung(model, (pfad) => existsSync(plan.site.fileFor(pfad)));

  it('hat jedes veröffentlichte Kapitel, jedes Handlungsfeld und jede Maßnahme als Teil, in der Reihenfolge des Plans', () => {
    const abschnitte = druck().querySelectorAll('section.druck-teil');
    expect(abschnitte.map((s) => s.querySelector('h2, h3')?.id)).toEqual(teile.map((t) => t.anker));
    const kapitel = model.kapitel.filter((k) => existsSync(plan.site.fileFor(seite.kapitel(k.id))));
    expect(kapitel.length).toBeGreaterThan(3);
    for (const k of kapitel) expect(teile.some((t) => t.pfad === seite.kapitel(k.id)), k.id).toBe(true);
    for (const hf of model.handlungsfelder) expect(druck().querySelector(`#handlungsfeld-${hf.id}`)?.text, hf.id).toContain(hf.data.titel);
    // A plan with survey rounds prints the council's account, the needs and the Medienkonzepte under Schulen.
    const erhebungsseiten = [seite.erhebungen(), seite.bedarfe(), seite.medienkonzepte()];
    if (model.erhebungen.length > 0) for (const p of erhebungsseiten) expect(existsSync(plan.site.fileFor(p)), p).toBe(true);
    const unterSchulen = teile.slice(teile.findIndex((t) => t.anker === 'schulen') + 1).filter((t) => t.ebene === 2 && erhebungsseiten.includes(t.pfad!));
    expect(unterSchulen.map((t) => t.pfad)).toEqual(erhebungsseiten.filter((p) => existsSync(plan.site.fileFor(p))));
    // Each Maßnahme under its code, or, in a plan without codes, under its title alone (its file name is no code).
    const ohneCodes = model.plan.massnahmencodes.form === 'keine';
    for (const m of model.massnahmen) {
      const kopf = druck().querySelector(`#massnahme-${m.id.toLowerCase()}`);
      expect(rein(kopf), m.id).toBe(ohneCodes ? m.data.titel : `${m.id} ${m.data.titel}`);
    }
  });

  it('setzt die Handlungsfelder dorthin, wo der Plan sie nummeriert, und folgt seiner Reihenfolge', () => {
    const kapitelNummern = new Set(model.kapitel.flatMap((k) => (k.data.nummer ? [k.data.nummer] : [])));
    for (const hf of model.handlungsfelder) {
      const i = teile.findIndex((t) => t.anker === `handlungsfeld-${hf.id}`);
      const ueber = hf.data.nummer?.split('.').slice(0, -1).join('.');
      if (ueber && kapitelNummern.has(ueber)) {
        // Under its chapter, with its own number, before the next chapter of the plan.
        expect(teile[i]!.nummer, hf.id).toBe(hf.data.nummer);
        const kapitel = teile.findLastIndex((t, j) => j < i && t.ebene === 1);
        expect(teile[kapitel]!.nummer, hf.id).toBe(ueber);
      }
    }
    // The plan's numbered parts come in the order of their numbers.
    const nummern = teile.filter((t) => t.pfad?.startsWith('/kapitel/') || t.pfad?.startsWith('/handlungsfelder/')).flatMap((t) => (t.nummer && /^\d/.test(t.nummer) ? [t.nummer] : []));
    expect(nummern).toEqual([...nummern].sort(new Intl.Collator('de', { numeric: true }).compare));
  });

  it('nummeriert die Kapitel so, wie der Plan es tut, und die Teile von Planwerk danach', () => {
    const eigene = model.kapitel.some((k) => k.data.nummer);
    for (const t of teile.filter((x) => x.pfad?.startsWith('/kapitel/'))) {
      const k = model.kapitel.find((x) => seite.kapitel(x.id) === t.pfad)!;
      if (eigene) expect(t.nummer, k.id).toBe(k.data.nummer);
    }
    const oben = teile.filter((t) => t.ebene === 1);
    if (!eigene) expect(oben.map((t) => t.nummer)).toEqual(oben.map((_, i) => String(i + 1)));
    else expect(oben.filter((t) => !t.pfad?.startsWith('/kapitel/')).map((t) => t.nummer)).toEqual(oben.filter((t) => !t.pfad?.startsWith('/kapitel/')).map((_, i) => String.fromCharCode(65 + i)));
    // The table of contents lists the same parts, with the same numbers.
    const verzeichnis = druck().querySelectorAll('.druck-verzeichnis a').map((a) => ({ href: a.getAttribute('href'), text: rein(a) }));
    const eintraege = teile.map((t) => ({ href: `#${t.anker}`, text: [t.nummer, t.titel].filter(Boolean).join(' ') }));
    // The additions Planwerk assembles from the data come last, under a heading of their own.
    const erste = teile.findIndex((t) => t.ergaenzung);
    expect(erste).toBeGreaterThan(0);
    expect(teile.slice(erste).every((t) => t.ergaenzung)).toBe(true);
    expect(verzeichnis).toEqual([...eintraege.slice(0, erste), { href: '#ergaenzungen', text: 'Ergänzungen aus den Daten des Plans' }, ...eintraege.slice(erste)]);
    expect(druck().querySelector('#ergaenzungen')?.parentNode?.nextElementSibling?.querySelector('h2')?.id).toBe(teile[erste]!.anker);
  });

  it('zeigt in jedem Teil den Text und die Zahlen seiner Seite', () => {
    for (const t of teile.filter((x) => x.pfad)) {
      const teil = druck().querySelector(`section.druck-teil:has(> #${t.anker})`)!;
      const main = plan.site.page(t.pfad!).querySelector('main')!;
      const zahlen = (el: HTMLElement) => el.querySelectorAll('data.kennzahl').map((d) => `${d.getAttribute('data-kennzahl')}=${rein(d)}`);
      expect(zahlen(teil), t.pfad).toEqual(zahlen(main));
      // Paragraphs of the page's text, not those of its navigation or of hints for narrow screens.
      const absaetze = (el: HTMLElement) => el.querySelectorAll('p').filter((p) => !p.closest('nav, .nur-schmal, .nur-bildschirm')).map(rein).filter((p) => p.length > 40);
      // The text as the page has it: without the numbers the cross-references add.
      const ohneVerweise = parse(teil.outerHTML);
      for (const v of ohneVerweise.querySelectorAll('.querverweis')) v.remove();
      for (const p of absaetze(main)) expect(rein(ohneVerweise), t.pfad).toContain(p);
    }
    // A figure computed from the data, as the model gives it.
    const mitZahl = druck().querySelector('data.kennzahl[data-kennzahl="massnahmen"]') ?? druck().querySelector('data.kennzahl[data-kennzahl="schulen"]');
    if (mitZahl && !mitZahl.getAttribute('data-params')) {
      const name = mitZahl.getAttribute('data-kennzahl')!;
      expect(druck().querySelectorAll(`data.kennzahl[data-kennzahl="${name}"]`).map(rein)).toContain(kennzahl(model, name, {}).text);
    }
  });

  it('hat jede Id einmal, und jeder Link innerhalb der Seite führt zu einer von ihnen', () => {
    const ids = druck().querySelectorAll('[id]').map((e) => e.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    const alle = new Set(ids);
    const innen = druck().querySelectorAll('main a[href^="#"]').map((a) => a.getAttribute('href')!.slice(1));
    expect(innen.length).toBeGreaterThan(teile.length);
    expect(innen.filter((id) => !alle.has(decodeURIComponent(id)))).toEqual([]);
    // aria references inside charts and frames point to ids of the page too.
    for (const el of druck().querySelectorAll('main [aria-labelledby]')) {
      for (const id of el.getAttribute('aria-labelledby')!.split(/\s+/)) expect(alle.has(id), id).toBe(true);
    }
    // No link leads to a page the Druckfassung holds: those lead to the part.
    const gehalten = new Set(teile.map((t) => t.pfad).filter(Boolean).map((p) => plan.href(p!)));
    const aussen = druck().querySelectorAll('main a[href^="/"]').map((a) => a.getAttribute('href')!.split('#')[0]!);
    expect(aussen.filter((h) => gehalten.has(h))).toEqual([]);
  });

  it('nummeriert Abbildungen und Tabellen durch und nennt bei Querverweisen die Nummer des Ziels', () => {
    // The plan's own numbers stay as it prints them; Planwerk's are numbered through, with an "E"
    // once the plan numbers any of its own, so they can never be read as one of the plan's.
    const tabellen = finanztabellenVon(model).tabellen;
    const desPlans = new Set(tabellen.flatMap((t) => [t.meta.nummer, t.meta.abbildung].filter((n): n is string => Boolean(n))));
    const zusatz = desPlans.size > 0 ? 'E' : '';
    const marken = (sel: string, traeger: string) => druck().querySelectorAll(sel).map((m) => ({ text: rein(m), plan: m.closest(traeger)?.getAttribute('data-nummer') }));
    const abb = marken('figure .abb-nummer', 'figure');
    const tab = marken('table caption .tab-nummer', 'table');
    expect(abb.length).toBeGreaterThan(0);
    for (const m of [...abb, ...tab].filter((x) => x.plan)) expect(m.text).toBe(`${m.plan}:`);
    expect(new Set([...abb, ...tab].flatMap((m) => (m.plan ? [m.plan] : [])))).toEqual(desPlans);
    const eigeneAbb = abb.filter((m) => !m.plan).map((m) => m.text);
    const eigeneTab = tab.filter((m) => !m.plan).map((m) => m.text);
    expect(eigeneAbb).toEqual(eigeneAbb.map((_, i) => `Abb. ${zusatz}${i + 1}:`));
    expect(eigeneTab).toEqual(eigeneTab.map((_, i) => `Tab. ${zusatz}${i + 1}:`));
    for (const t of tabellen.filter((x) => x.meta.nummer)) {
      expect(rein(druck().querySelector(`table[id$="--werte-${t.id}"] caption`)), t.id).toBe(`${t.meta.nummer}: ${t.meta.titel} (${t.einheit === '%' ? 'Anteile in %' : `Beträge in ${t.einheit}`})`);
    }
    // Every printed table has a number; a chart's own data table, not printed beside the page's, has none.
    expect(tab.length).toBe(druck().querySelectorAll('main table').filter((t) => !t.closest('figure[data-daten-in]')).length);
    const verweise = druck().querySelectorAll('a .querverweis');
    expect(verweise.length).toBeGreaterThan(0);
    for (const v of verweise) {
      const href = v.parentNode!.getAttribute('href')!;
      const ziel = teile.find((t) => `#${t.anker}` === href.split('--')[0]);
      expect(ziel, href).toBeDefined();
      expect(rein(v)).toContain(ziel!.nummer!);
    }
  });

  it('nennt zu jeder alten Seitenzahl einer beschlossenen Fassung die Stelle in dieser Fassung, mit Link und Nummer des Teils', () => {
    const mitSeiten = model.fassungen.filter((f) => Object.keys(f.data.seiten ?? {}).length > 0);
    const teil = druck().querySelector('section.druck-teil:has(> #fassungsseiten)');
    if (plan.inhalt !== 'beispiele/grossstadt') expect(mitSeiten.length, 'Musterstadt und Kleinstadt haben alte Seitenzahlen').toBeGreaterThan(0);
    if (mitSeiten.length === 0) {
      expect(teil).toBeNull();
      expect(teile.some((t) => t.anker === 'fassungsseiten')).toBe(false);
      return;
    }
    // An addition, in the table of contents like every part.
    expect(teile.find((t) => t.anker === 'fassungsseiten')?.ergaenzung).toBe(true);
    expect(druck().querySelector('.druck-verzeichnis a[href="#fassungsseiten"]')).not.toBeNull();
    const tabellen = teil!.querySelectorAll('table');
    expect(tabellen.map((t) => t.getAttribute('data-fassung'))).toEqual(mitSeiten.map((f) => f.id));
    const aenderungen = plan.site.page(seite.aenderungen());
    for (const [i, f] of mitSeiten.entries()) {
      expect(rein(tabellen[i]!.querySelector('caption')), f.id).toContain(f.data.name);
      const imWeb = aenderungen.querySelector(`section[data-fassung="${f.id}"] ul[data-liste="seiten"]`)!;
      const zeilen = tabellen[i]!.querySelectorAll('tbody tr');
      const seiten = Object.entries(f.data.seiten!).sort(([a], [b]) => Number(a) - Number(b));
      expect(zeilen.map((z) => rein(z.querySelector('th'))), f.id).toEqual(seiten.map(([n]) => `S. ${n}`));
      for (const [j, [n, ziel]] of seiten.entries()) {
        const [pfad, anker] = ziel.split('#') as [string, string | undefined];
        const a = zeilen[j]!.querySelector('a')!;
        const href = a.getAttribute('href')!;
        // The place named as on /aenderungen/.
        const ohneNummer = parse(a.outerHTML);
        for (const v of ohneNummer.querySelectorAll('.querverweis')) v.remove();
        expect(rein(ohneNummer), `S. ${n}`).toBe(rein(imWeb.querySelector(`li[data-seite="${n}"] a`)));
        const zielTeil = teile.find((t) => t.pfad === pfad);
        if (!zielTeil) {
          expect(href, `S. ${n}`).toMatch(/^https:\/\//);
          continue;
        }
        // To the place inside the part, and the part's number with it: in the heading the link names
        // („Abschnitt „3.1 Grundschulen““), else added after it („(Abschnitt 5.1)“).
        expect(href, `S. ${n}`).toBe(anker ? `#${zielTeil.anker}--${anker}` : `#${zielTeil.anker}`);
        expect(druck().getElementById(href.slice(1)), `S. ${n}`).not.toBeNull();
        expect(rein(a), `S. ${n}`).toContain(zielTeil.nummer!);
        if (!rein(ohneNummer).includes(zielTeil.nummer!)) expect(rein(a.querySelector('.querverweis')), `S. ${n}`).toContain(zielTeil.nummer!);
      }
    }
  });

  it('hat keine Navigation der Website aus den Seiten', () => {
    const teileHtml = druck().querySelectorAll('section.druck-teil');
    for (const t of teileHtml) expect(t.querySelectorAll('nav, .anker, .jahreswahl').length, t.querySelector('h2, h3')?.id).toBe(0);
  });
});
