// Search on /suche/ (progressive enhancement, loaded only on that page). Without
// JavaScript the page leads on to the A–Z register; with it, this script shows the
// search form and runs Pagefind from /pagefind/ on this site. On a portal of several plans
// (`planwerk portal`) the page names the plans' copied indexes in data-indexe: they are merged
// into the portal's own, each hit names its Schulträger, and a filter narrows to one. No inline
// scripts, no requests to other servers.
(() => {
  const ready = (fn) => (document.readyState === 'loading' ? document.addEventListener('DOMContentLoaded', fn) : fn());

  ready(() => {
    const app = document.getElementById('suche-app');
    if (app) suchseite(app);
  });

  const FILTER = ['Schulträger', 'typ', 'Handlungsfeld', 'Status', 'Schulform', 'Ebene'];
  const FILTER_LABEL = { Schulträger: 'Schulträger', typ: 'Art', Handlungsfeld: 'Handlungsfeld', Status: 'Status', Schulform: 'Schulform', Ebene: 'Ebene' };
  /** The merged indexes of a portal: { pfad, adresse, name } each. */
  let indexe = [];
  const SEITE = 10;

  async function suchseite(app) {
    const form = app.querySelector('[data-suche-form]');
    const input = app.querySelector('#suche-q');
    const status = app.querySelector('[data-suche-status]');
    const liste = app.querySelector('[data-suche-treffer]');
    const mehr = app.querySelector('[data-suche-mehr]');
    const filterBox = app.querySelector('[data-suche-filter]');
    const eingrenzen = app.querySelector('[data-suche-eingrenzen]');
    const aktiv = app.querySelector('[data-suche-aktiv]');
    for (const el of app.querySelectorAll('[data-ohne-js]')) el.hidden = true;
    form.hidden = false;

    const params = new URLSearchParams(location.search);
    input.value = params.get('q') ?? '';
    const kopf = document.getElementById('suchfeld-kopf');
    if (kopf) kopf.value = input.value;

    let pagefind;
    try {
      // The site may live under a subpath (/mep/): the page names it, and Pagefind puts it
      // in front of every hit's address.
      const basis = app.dataset.basis || '/';
      pagefind = await import(`${basis}pagefind/pagefind.js`);
      await pagefind.options({ baseUrl: basis, excerptLength: 24 });
      await pagefind.init();
      indexe = app.dataset.indexe ? JSON.parse(app.dataset.indexe) : [];
      // Each plan's hits link to its own site and carry its Schulträger as a filter value.
      for (const i of indexe) await pagefind.mergeIndex(i.pfad, { baseUrl: i.adresse, excerptLength: 24, mergeFilter: { Schulträger: i.name } });
    } catch {
      status.textContent = 'Die Suche konnte nicht geladen werden. Bitte nutzen Sie das Register A–Z.';
      return;
    }

    // One select per filter, with the counts of the whole index.
    const selects = {};
    const alle = await pagefind.filters();
    for (const key of FILTER) {
      const werte = alle[key];
      if (!werte || !Object.keys(werte).length) continue;
      const id = `suche-filter-${key.toLowerCase()}`;
      const p = document.createElement('p');
      const label = document.createElement('label');
      label.htmlFor = id;
      label.textContent = FILTER_LABEL[key] ?? key;
      const select = document.createElement('select');
      select.id = id;
      select.name = key;
      select.append(new Option('alle', ''));
      for (const wert of Object.keys(werte).sort((a, b) => a.localeCompare(b, 'de'))) select.append(new Option(`${wert} (${werte[wert]})`, wert));
      select.value = params.get(key) ?? '';
      select.addEventListener('change', () => {
        zeigeAktive();
        suche();
      });
      p.append(label, select);
      filterBox.append(p);
      selects[key] = select;
    }
    // The filters sit behind a disclosure: closed on phones, so that the hits come first;
    // open on wide screens and whenever a filter is already set.
    eingrenzen.hidden = Object.keys(selects).length === 0;
    const zeigeAktive = () => {
      const n = Object.values(selects).filter((s) => s.value).length;
      aktiv.textContent = n ? ` (${n} Filter gesetzt)` : '';
      return n;
    };
    if (zeigeAktive() > 0 || matchMedia('(width > 48rem)').matches) eingrenzen.open = true;

    let treffer = [];
    let gezeigt = 0;
    let lauf = 0;
    let timer;

    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(suche, 250);
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      clearTimeout(timer);
      suche();
    });
    mehr.addEventListener('click', async () => {
      const erster = gezeigt;
      await zeige(lauf);
      liste.children[erster]?.querySelector('a')?.focus();
    });

    if (input.value.trim()) suche();

    async function suche() {
      const mein = ++lauf;
      const q = input.value.trim();
      const filters = {};
      for (const [key, select] of Object.entries(selects)) if (select.value) filters[key] = select.value;
      const url = new URL(location.href);
      url.search = '';
      if (q) url.searchParams.set('q', q);
      for (const [k, v] of Object.entries(filters)) url.searchParams.set(k, v);
      history.replaceState(null, '', url);
      liste.replaceChildren();
      mehr.hidden = true;
      gezeigt = 0;
      treffer = [];
      if (!q) {
        status.textContent = '';
        return;
      }
      const antwort = await pagefind.search(q, { filters });
      if (mein !== lauf || !antwort) return;
      treffer = antwort.results;
      status.textContent = treffer.length === 0
        ? `Keine Treffer für „${q}“.`
        : `${treffer.length} ${treffer.length === 1 ? 'Treffer' : 'Treffer'} für „${q}“.`;
      await zeige(mein);
    }

    async function zeige(mein) {
      const teil = await Promise.all(treffer.slice(gezeigt, gezeigt + SEITE).map((t) => t.data()));
      if (mein !== lauf) return;
      // A hit links only into this site or, on a portal, into the plan whose index it came from:
      // Pagefind keeps a full address in an index as it is, and a portal's indexes come from other sites.
      for (const d of teil) if (erlaubt(d.url)) liste.append(eintrag(d));
      gezeigt += teil.length;
      mehr.hidden = gezeigt >= treffer.length;
    }
  }

  /** Whether a hit's address stays on this site or in one of the merged plans' sites. */
  function erlaubt(url) {
    let ziel;
    try {
      ziel = new URL(url, location.href);
    } catch {
      return false;
    }
    if (ziel.protocol !== 'https:' && ziel.protocol !== 'http:') return false;
    return ziel.origin === location.origin || indexe.some((i) => ziel.href.startsWith(i.adresse));
  }

  /** Sections with the most weight first; the result links to the best one. */
  function abschnitte(d) {
    const score = (s) => (s.weighted_locations ?? []).reduce((sum, l) => sum + (l.balanced_score ?? l.weight ?? 1), 0);
    return [...(d.sub_results ?? [])].sort((a, b) => score(b) - score(a));
  }

  function text(tag, klasse, inhalt) {
    const el = document.createElement(tag);
    if (klasse) el.className = klasse;
    if (inhalt !== undefined) el.textContent = inhalt;
    return el;
  }

  /**
   * Pagefind's excerpts are escaped text with <mark>; rebuild them without innerHTML. An
   * excerpt that starts with the page's own title (its h1) does not repeat it under the title.
   */
  function auszug(html, titel) {
    const p = text('p', 'suche-auszug');
    const tpl = document.createElement('template');
    // compound keywords the index adds in ⟦ ⟧ (src/ausgabe/suche/integration.ts) are not shown
    tpl.innerHTML = html.replace(/⟦[\s\S]*?(⟧|$)/g, ' ').replace(/^[^⟦]*?⟧/, ' ').replace(/\s+/g, ' ').trim();
    const teile = [...tpl.content.childNodes].map((node) => ({ mark: node.nodeName === 'MARK', text: node.textContent ?? '' }));
    ohneTitel(teile, titel);
    for (const t of teile) if (t.text) p.append(t.mark ? text('mark', '', t.text) : document.createTextNode(t.text));
    return p;
  }

  /** Removes the title from the start of the excerpt's parts, and the punctuation after it. */
  function ohneTitel(teile, titel) {
    const norm = (s) => s.replace(/\s+/g, ' ').trim().toLocaleLowerCase('de');
    const ganz = norm(teile.map((t) => t.text).join(''));
    const t = norm(titel ?? '');
    if (!t || !ganz.startsWith(t) || ganz.length - t.length < 20) return;
    let rest = t.length;
    for (const teil of teile) {
      if (rest <= 0) break;
      const weg = Math.min(rest, teil.text.length);
      teil.text = teil.text.slice(weg);
      rest -= weg;
    }
    const erstes = teile.find((x) => x.text.trim());
    if (erstes) erstes.text = erstes.text.replace(/^[\s.:,;–-]+/, '');
  }

  /** The filters of a hit as labelled values ("Status: geplant"), so they never run together. */
  function merkmale(d) {
    const teile = FILTER.filter((key) => key !== 'typ' && key !== 'Schulträger' && d.filters?.[key]?.length).map((key) => `${FILTER_LABEL[key] ?? key}: ${d.filters[key].join(', ')}`);
    return teile.length ? text('p', 'suche-merkmale', teile.join(' · ')) : undefined;
  }

  function eintrag(d) {
    const li = text('li', 'suche-eintrag');
    const subs = abschnitte(d);
    const beste = subs[0];
    const titel = d.meta?.title ?? d.url;
    const h = text('h2', 'suche-titel');
    const a = text('a', '', titel);
    a.href = beste && erlaubt(beste.url) ? beste.url : d.url;
    h.append(a);
    const typ = d.filters?.typ?.[0];
    if (typ) h.append(' ', text('span', 'suche-typ', typ));
    li.append(h);
    // On a portal: whose plan the hit is from (by the address its index links to).
    const plan = indexe.find((i) => d.url.startsWith(i.adresse));
    if (plan) li.append(text('p', 'suche-traeger', `Schulträger: ${plan.name}`));
    if (beste && beste.title && beste.title !== titel) li.append(text('p', 'suche-abschnitt', `Abschnitt: ${beste.title}`));
    const m = merkmale(d);
    if (m) li.append(m);
    li.append(auszug(beste?.excerpt ?? d.excerpt ?? '', titel));
    const weitere = subs.slice(1, 4).filter((s) => s.url.includes('#') && erlaubt(s.url));
    if (weitere.length) {
      const ul = text('ul', 'suche-weitere');
      ul.setAttribute('aria-label', `Weitere Stellen in „${titel}“`);
      for (const s of weitere) {
        const li2 = text('li');
        const a2 = text('a', '', s.title);
        a2.href = s.url;
        li2.append(a2);
        ul.append(li2);
      }
      li.append(ul);
    }
    return li;
  }
})();
