/** Base paths: a site published under a subpath (a project site on GitHub or GitLab Pages). */
import { describe, expect, it } from 'vitest';
import { basisDesPlans, gueltigeBasis, mitBasis, normaleBasis, ohneBasis, seite, url } from '../../src/plan/urls.ts';

describe('Basispfad', () => {
  it('kommt aus der Adresse in plan.yaml, eine Vorgabe (PLANWERK_BASIS) geht vor', () => {
    expect(basisDesPlans('https://stadt.github.io/mep/', '')).toBe('/mep/');
    expect(basisDesPlans('https://stadt.github.io/mep', '')).toBe('/mep/');
    expect(basisDesPlans('https://mep.stadt.example', '')).toBe('/');
    expect(basisDesPlans(undefined, '')).toBe('/');
    expect(basisDesPlans('https://stadt.github.io/mep/', 'vorschau/mr-12')).toBe('/vorschau/mr-12/');
    expect(basisDesPlans('https://stadt.github.io/mep/', '/')).toBe('/');
  });

  it('steht in einer Form, mit Schrägstrich an beiden Enden', () => {
    for (const [ein, aus] of [['', '/'], ['/', '/'], ['mep', '/mep/'], ['/mep', '/mep/'], ['//a//b/', '/a/b/']]) expect(normaleBasis(ein), ein).toBe(aus);
  });

  it('kommt vor Pfade der Website, nicht vor Anker, fremde oder protokollrelative Adressen', () => {
    expect(mitBasis('/massnahmen/s-07/', '/mep/')).toBe('/mep/massnahmen/s-07/');
    expect(mitBasis('/', '/mep/')).toBe('/mep/');
    expect(mitBasis('#ziele', '/mep/')).toBe('#ziele');
    expect(mitBasis('https://rat.example/', '/mep/')).toBe('https://rat.example/');
    expect(mitBasis('//rat.example/', '/mep/')).toBe('//rat.example/');
    expect(mitBasis('/massnahmen/', '/')).toBe('/massnahmen/');
  });

  it('lässt sich wieder abnehmen; was außerhalb liegt, hat keinen Pfad der Website', () => {
    expect(ohneBasis('/mep/massnahmen/', '/mep/')).toBe('/massnahmen/');
    expect(ohneBasis('/mep', '/mep/')).toBe('/');
    expect(ohneBasis('/anderes/', '/mep/')).toBeUndefined();
    expect(ohneBasis('/massnahmen/', '/')).toBe('/massnahmen/');
  });

  it('nimmt als Vorgabe nur einen Pfad aus sicheren Zeichen', () => {
    for (const gut of ['/mep/', 'mep', '/a/mr-12/', '/v1.2_x~y/']) expect(gueltigeBasis(gut), gut).toBe(true);
    for (const schlecht of ['/mep/"><script>', 'https://x.example/', '/m ep/', '/mep?x=1', '/../']) expect(gueltigeBasis(schlecht), schlecht).toBe(false);
  });

  it('gilt in Node und in den Tests nicht: dort sind Links und Pfade der Website gleich', () => {
    expect(url.massnahme('S-07')).toBe(seite.massnahme('S-07'));
  });
});
