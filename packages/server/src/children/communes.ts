import fs from 'node:fs';
// the import worker loads this file too: it names the core files it needs, not all of core
import { communeResolver, type CommuneResolver } from '@tre/core/children/layout/communes';
import { parseCommunes } from '@tre/core/units/admin-units';

/** The statistics office's communes as the layout rules resolve a code (current or pre-2025), read once. */
const COMMUNES = new URL('../../data/admin-units/communes.csv', import.meta.url);
let resolver: CommuneResolver | undefined;

export function communes(): CommuneResolver {
  resolver ??= communeResolver(parseCommunes(fs.readFileSync(COMMUNES, 'utf8')));
  return resolver;
}
