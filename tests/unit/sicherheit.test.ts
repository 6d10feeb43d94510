import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSP, SICHERHEITS_HEADER, headersDatei } from '../../src/ausgabe/sicherheit.ts';
import { PROJECT } from '../helpers/fixture.ts';

describe('Sicherheits-Header', () => {
  it('erlauben kein Inline-Skript, kein eval und nichts von fremden Servern', () => {
    expect(CSP).toContain("default-src 'self'");
    expect(CSP).not.toMatch(/'unsafe-inline'|'unsafe-eval'|https?:|\*/);
    expect(headersDatei()).toMatch(/^\/\*\n {2}Content-Security-Policy: /);
  });

  it('stehen im README als nginx-Snippet mit denselben Werten', () => {
    const readme = readFileSync(join(PROJECT, 'README.md'), 'utf8');
    for (const [name, wert] of Object.entries(SICHERHEITS_HEADER)) expect(readme).toContain(`add_header ${name} "${wert}" always;`);
  });
});
