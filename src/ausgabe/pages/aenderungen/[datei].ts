// The Atom feed of the plan's changes (src/ausgabe/feed.ts). A feed needs absolute addresses, so it
// is built only when plan.yaml names the site's address (`website`).
import { mitSchluessel } from '../../seitenschluessel.ts';
import type { APIRoute, GetStaticPaths, GetStaticPathsOptions } from 'astro';
import { loadModel } from '../../../plan/aktuell.ts';
import { atomFeed } from '../../feed.ts';

export const getStaticPaths = (async ({ routePattern }: GetStaticPathsOptions) => {
  const model = await loadModel();
  return mitSchluessel(routePattern, model, model.plan.website ? [{ params: { datei: 'atom.xml' } }] : []);
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ site }) => new Response(atomFeed(await loadModel(), site!), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
