/**
 * The page the live preview (`npm run dev`, `planwerk vorschau`) shows instead of the plan's
 * pages while the plan has problems: every problem in the words and line format of
 * `npm run pruefen`, in German, with Vite's client script, so the page reloads itself
 * once the fix is saved.
 */
import { escapeUTF8 as text } from 'entities';
import { formatPruefzeile, type Problem } from '../plan/problems.ts';

/** The German error page for `problems`; `client` is the address of Vite's client script (`/@vite/client` under the base path). */
export function fehlerseite(problems: readonly Problem[], client: string): string {
  const anzahl = problems.length === 1 ? 'einen Fehler' : `${problems.length} Fehler`;
  const eintraege = problems.map((p) => `<li><pre>${text(formatPruefzeile(p))}</pre></li>`).join('\n');
  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Der Plan enthält ${anzahl} – Vorschau</title>
<script type="module" src="${text(client)}"></script>
<style>
body { font-family: system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem; line-height: 1.5; color: #1a1a1a; }
h1 { color: #8a1c1c; }
li { margin-block: 0.75rem; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; font-size: 0.95rem; }
</style>
</head>
<body>
<main>
<h1>Der Plan enthält ${anzahl}</h1>
<p>Die Vorschau zeigt die Seiten wieder, sobald die Fehler behoben und die Dateien gespeichert sind; diese Seite lädt dann von selbst neu. Dieselben Meldungen gibt „npm run pruefen“ aus.</p>
<ol>
${eintraege}
</ol>
</main>
</body>
</html>
`;
}
