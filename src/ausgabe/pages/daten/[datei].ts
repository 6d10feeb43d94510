// The open data of the plan (src/ausgabe/offenedaten/index.ts): per table a CSV, a JSON file and its JSON
// Schema, and the DCAT-AP.de catalogue of them (only when plan.yaml names the site's address).
import { mitSchluessel } from '../../seitenschluessel.ts';
import type { APIRoute, GetStaticPaths, GetStaticPathsOptions } from 'astro';
import { loadModel } from '../../../plan/aktuell.ts';
import { offeneDateien } from '../../offenedaten/index.ts';

export const getStaticPaths = (async ({ routePattern }: GetStaticPathsOptions) => {
  const model = await loadModel();
  return mitSchluessel(routePattern, model, offeneDateien(model).map((d) => ({ params: { datei: d.name } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const datei = offeneDateien(await loadModel()).find((d) => d.name === params.datei)!;
  return new Response(datei.inhalt, { headers: { 'Content-Type': datei.contentType } });
};
