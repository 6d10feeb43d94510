// The running header of the Druckfassung in print: plan title and Fassung at the top of every
// page but the title page. A style sheet of its own, because the CSP allows no inline styles
// and the text comes from plan.yaml.
import type { APIRoute } from 'astro';
import { loadModel } from '../../../plan/aktuell.ts';

/** A CSS string: quotes and backslashes escaped, line breaks as \A. */
const cssText = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\A ')}"`;

export const GET: APIRoute = async () => {
  const { plan } = await loadModel();
  const kopf = [plan.titel ?? plan.kommune, plan.fassung?.name].filter(Boolean).join(' · ');
  const css = `@page {\n  @top-left { content: ${cssText(kopf)}; font: 8pt system-ui, sans-serif; color: #333; }\n}\n@page :first {\n  @top-left { content: none; }\n  @bottom-right { content: none; }\n}\n`;
  return new Response(css, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
};
