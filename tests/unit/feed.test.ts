/** The Atom feed of changes (src/ausgabe/feed.ts), built from the sample plan's data. */
import { describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { atomFeed, feedEintraege } from '../../src/ausgabe/feed.ts';
import { modelOf, PROJECT } from '../helpers/fixture.ts';

const model = modelOf(PROJECT);

describe('Atom-Feed der Änderungen', () => {
  it('hat einen Eintrag je Änderungshinweis und einen für die beschlossene Fassung, neueste zuerst', () => {
    const eintraege = feedEintraege(model);
    const hinweise = [...model.kapitel, ...model.handlungsfelder, ...model.massnahmen].filter((e) => e.data.aenderungshinweis);
    expect(eintraege).toHaveLength(hinweise.length + (model.plan.fassung && model.plan.beschluss ? 1 : 0));
    for (const e of hinweise) expect(eintraege.some((x) => x.datum === e.data.aenderungshinweis!.datum && x.text === e.data.aenderungshinweis!.text), e.id).toBe(true);
    const daten = eintraege.map((e) => e.datum);
    expect(daten).toEqual([...daten].sort().reverse());
  });

  it('ist gültiges Atom mit absoluten Adressen unter dem Basispfad', () => {
    const text = atomFeed({ ...model, basis: '/mep/' }, new URL('https://stadt.example'));
    const feed = parse(text).querySelector('feed')!;
    expect(feed.getAttribute('xmlns')).toBe('http://www.w3.org/2005/Atom');
    const eintraege = feed.querySelectorAll('entry');
    expect(eintraege.length).toBe(feedEintraege(model).length);
    for (const e of eintraege) {
      expect(e.querySelector('link')!.getAttribute('href')).toMatch(/^https:\/\/stadt\.example\/mep\//);
      expect(e.querySelector('updated')!.text).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
    }
    expect(feed.querySelector('link[rel="self"]')!.getAttribute('href')).toBe('https://stadt.example/mep/aenderungen/atom.xml');
    // Text from the plan is escaped: no stray markup inside the XML.
    expect(feed.querySelectorAll('summary').every((s) => s.childNodes.every((c) => c.nodeType === 3))).toBe(true);
  });

  it('nennt Daten so genau wie der Plan; der Zeitstempel ist der erste Tag des Zeitraums', () => {
    const { massnahmen, fassungen } = model;
    const mitHinweis = massnahmen[0]!;
    const monat = {
      ...model,
      plan: { ...model.plan, stand: '2026-06', beschluss: { ...model.plan.beschluss!, datum: '2026-03' } },
      kapitel: [],
      handlungsfelder: [],
      massnahmen: massnahmen.map((m) => (m === mitHinweis ? { ...m, data: { ...m.data, aenderungshinweis: { datum: '2026-05', text: 'Neu geplant.' } } } : { ...m, data: { ...m.data, aenderungshinweis: undefined } })),
      fassungen,
    };
    const eintraege = feedEintraege(monat);
    expect(eintraege.map((e) => e.datum)).toEqual(['2026-05', '2026-03']);
    expect(eintraege[1]!.text).toMatch(/^Beschlossen im März 2026 \(/);
    const feed = parse(atomFeed(monat, new URL('https://stadt.example'))).querySelector('feed')!;
    expect(feed.querySelectorAll('updated').map((u) => u.text)).toEqual(['2026-06-01T00:00:00Z', '2026-05-01T00:00:00Z', '2026-03-01T00:00:00Z']);
    expect(feed.querySelectorAll('title, summary').map((t) => t.text).join(' ')).not.toMatch(/\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2}/);
  });
});
