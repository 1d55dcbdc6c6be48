// Names by which well-known groups are also called, which no spelling rule joins ("ISIS", "Daesh", "Islamic
// State"): each group's names resolve to one entity. A small curated table; the names are public knowledge.
import { memoiseString, normaliseText } from '../names/index.js';
import type { EntityType } from '../store/index.js';

interface AliasGroup {
  type: EntityType;
  /** The first name is the one the group is known by. */
  names: string[];
}

export const knownAliasGroups: readonly AliasGroup[] = [
  {
    type: 'ORG',
    names: [
      'Islamic State', 'IS', 'ISIS', 'ISIL', 'Daesh', "Da'esh", 'Daish', 'Islamic State of Iraq and the Levant',
      'Islamic State of Iraq and Syria', 'Islamic State of Iraq and al-Sham', 'ad-Dawlah al-Islamiyah', 'al-Dawla al-Islamiya',
      // French, German and Arabic reporting.
      'État islamique', 'Etat islamique', 'EI', 'EIIL', 'Daech', 'Islamischer Staat', 'الدولة الإسلامية', 'داعش',
      'الدولة الإسلامية في العراق والشام',
    ],
  },
  { type: 'ORG', names: ['al-Qaeda', 'al-Qaida', 'al-Qa\'ida', 'Al Qaeda', 'Al-Qaeda', 'AQ', 'Qaedat al-Jihad', 'القاعدة'] },
  { type: 'ORG', names: ['al-Qaeda in the Arabian Peninsula', 'AQAP', 'Ansar al-Sharia in Yemen'] },
  { type: 'ORG', names: ['al-Qaeda in the Islamic Maghreb', 'AQIM'] },
  {
    type: 'ORG',
    // Renamed Jabhat Fatah al-Sham in 2016: one organisation under both names.
    names: ['al-Nusra Front', 'Nusra Front', 'Jabhat al-Nusra', 'Jabhat al-Nusrah', 'al-Nusrah Front', 'al-Nusra', 'al-Nusrah', 'جبهة النصرة', 'Jabhat Fatah al-Sham', 'Jabhat Fateh al-Sham'],
  },
  { type: 'ORG', names: ['Hezbollah', 'Hizbullah', 'Hizballah', 'Hizbollah', 'حزب الله'] },
  { type: 'ORG', names: ['al-Shabaab', 'al-Shabab', 'Harakat al-Shabaab al-Mujahideen'] },
  { type: 'ORG', names: ['Boko Haram', "Jama'atu Ahlis Sunna Lidda'awati wal-Jihad"] },
  { type: 'ORG', names: ['Syrian Democratic Forces', 'SDF'] },
  { type: 'ORG', names: ["Kurdistan Workers' Party", 'PKK'] },
  { type: 'ORG', names: ["People's Protection Units", 'YPG'] },
];

const groupOf = new Map<string, { type: EntityType; key: string }>();
for (const group of knownAliasGroups) {
  const key = 'alias:' + normaliseText(group.names[0]!).replace(/ /g, '-');
  for (const name of group.names) groupOf.set(`${group.type}\u0000${normaliseText(name)}`, { type: group.type, key });
}

/** The alias group a name of this type belongs to, as a lookup key ("alias:islamic-state"), or null. */
export function knownAliasKey(type: EntityType, name: string): string | null {
  return groupOf.get(`${type}\u0000${normalisedName(name)}`)?.key ?? null;
}

// Resolution asks this of every candidate's every name for every mention: the normal forms are remembered.
const normalisedName = memoiseString(normaliseText);
