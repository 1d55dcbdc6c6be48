// A stable key for "this traveller" across trips and manifests, so that a reviewer's decision on a hit applies
// the next time the same person is screened: the normalised name, birth date, nationality and document number.
import { createHash } from 'node:crypto';
import { normaliseText } from '../names/index.js';
import type { Traveller } from './screen-traveller.js';

export function travellerKey(traveller: Pick<Traveller, 'name' | 'nationality' | 'document'> & { birthDate: string | null }): string {
  const identity = [normaliseText(traveller.name), traveller.birthDate ?? '', traveller.nationality ?? '', traveller.document?.number ?? ''].join('\u001f');
  return 't_' + createHash('sha256').update(identity).digest('hex').slice(0, 20);
}
