/**
 * `planwerk vorschau`: Astro's development server for the plan in the current folder (its
 * astro.config.mjs), so the Redaktion sees every saved change in the browser at once: the open
 * page reloads once the plan is read and checked again, and while the plan has problems every
 * page shows them as `planwerk pruefen` words them (src/pruefung/vorschau.ts); it also starts
 * with a broken plan.
 * Options: `--port <zahl>` (default 4321), `--host` (also reachable from other machines in the network).
 */
import { parseArgs } from 'node:util';
import { dev } from 'astro';
import { projektordner } from './projekt.ts';

process.env.ASTRO_TELEMETRY_DISABLED = '1';
const { ordner, fehler } = projektordner();
if (fehler) {
  console.error(fehler);
  process.exit(1);
}
const { values } = parseArgs({ options: { port: { type: 'string' }, host: { type: 'boolean', default: false } } });
const port = values.port === undefined ? undefined : Number(values.port);
if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
  console.error(`„--port ${values.port}“ ist keine Portnummer (1 bis 65535).`);
  process.exit(1);
}
await dev({ root: ordner, server: { ...(port ? { port } : {}), ...(values.host ? { host: true } : {}) } });
