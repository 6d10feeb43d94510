/** The Atom feed of changes (src/lib/feed.ts), built from the sample plan's data. */
import { describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { atomFeed, feedEintraege } from '../../src/lib/feed.ts';
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
});
