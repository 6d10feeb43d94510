/**
 * `planwerk/config`: what a plan's astro.config.mjs needs besides the integration, so that it can
 * name Planwerk alone (`import { defineConfig } from 'planwerk/config'`), whatever Astro the
 * package manager placed where.
 */
export { defineConfig } from 'astro/config';
