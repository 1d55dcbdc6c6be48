// A small curated gazetteer for the baseline extractor: the region's countries, governorates and towns
// in the spellings that reporting uses. Facts, written out by us; the extraction issue replaces this with
// GeoNames-derived data packages.
export const placeNames: readonly string[] = [
  // countries
  'Syria', 'Iraq', 'Turkey', 'Türkiye', 'Jordan', 'Lebanon', 'Iran', 'Saudi Arabia', 'Kuwait', 'Egypt', 'Libya', 'Yemen',
  'Afghanistan', 'Pakistan', 'Russia', 'Chechnya', 'Tunisia', 'Morocco', 'Algeria', 'Qatar', 'Israel', 'Palestine', 'Gaza',
  'France', 'Germany', 'Belgium', 'Netherlands', 'United Kingdom', 'Britain', 'England', 'United States', 'America',
  'Sweden', 'Denmark', 'Austria', 'Bosnia', 'Kosovo', 'Albania', 'Greece', 'Cyprus', 'Europe', 'Middle East', 'Kurdistan',
  // Syria
  'Damascus', 'Aleppo', 'Homs', 'Hama', 'Idlib', 'Latakia', 'Tartus', 'Daraa', 'Raqqa', 'Raqqah', 'Rakka', 'Tabqa',
  'Deir ez-Zor', 'Deir ez Zor', 'Deir al-Zor', 'Deir el-Zor', 'Deir Ezzor', 'Dayr az-Zawr', 'Deir ez-Sor',
  'Mayadin', 'Mayadeen', 'Al-Mayadin', 'Al-Mayadeen', 'Abu Kamal', 'Albu Kamal', 'Al-Bukamal', 'Bukamal', 'Hasakah', 'Al-Hasakah',
  'Hasaka', 'Qamishli', 'Kobani', 'Manbij', 'Palmyra', 'Tadmur', 'Baghuz', 'Hajin', 'Shaddadi', 'Al-Shaddadi', 'Al-Hol', 'Al-Tanf',
  'Jarablus', 'Azaz', 'Afrin', 'Tal Abyad', 'Ras al-Ain', 'Dabiq', 'Suwar', 'Busayrah', 'Al-Busayrah', 'Khabur',
  // Iraq
  'Baghdad', 'Mosul', 'Erbil', 'Irbil', 'Kirkuk', 'Tikrit', 'Fallujah', 'Falluja', 'Ramadi', 'Anbar', 'Al-Anbar', 'Al-Qaim',
  'Qaim', 'Husaybah', 'Rawa', 'Anah', 'Haditha', 'Sinjar', 'Tal Afar', 'Tel Afar', 'Samarra', 'Baiji', 'Basra', 'Najaf',
  'Karbala', 'Sulaymaniyah', 'Duhok', 'Dohuk', 'Nineveh', 'Ninawa', 'Diyala', 'Salahuddin', 'Salah ad-Din', 'Hawija',
  // Turkey and elsewhere on the routes
  'Gaziantep', 'Antep', 'Sanliurfa', 'Şanlıurfa', 'Urfa', 'Akcakale', 'Akçakale', 'Kilis', 'Hatay', 'Reyhanli', 'Reyhanlı',
  'Istanbul', 'Ankara', 'Adana', 'Mersin', 'Amman', 'Beirut', 'Tehran', 'Riyadh', 'Doha', 'Cairo', 'Tripoli', 'Tunis',
  'Brussels', 'Paris', 'London', 'Berlin', 'Moscow', 'Grozny',
  // rivers, deserts, crossings
  'Euphrates', 'Tigris', 'Badia', 'Jazira', 'Jazeera', 'Euphrates Valley',
];

/** Words that end a place name of their own ("Nineveh Province", "Al-Hol Camp"). */
export const placeDesignators = new Set([
  'province', 'governorate', 'district', 'city', 'valley', 'river', 'mountains', 'mountain', 'camp', 'crossing', 'airport',
  'dam', 'desert', 'village', 'town', 'region', 'border', 'checkpoint', 'base', 'sea', 'lake', 'bridge', 'square', 'street',
]);
