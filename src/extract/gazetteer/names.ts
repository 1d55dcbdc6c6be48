// Curated word lists for the baseline extractor: organisation designators, roles that introduce a person,
// common given names of the region (in their frequent romanisations), and capitalised words that are not names.

export const orgDesignators = new Set([
  'forces', 'force', 'army', 'brigade', 'brigades', 'battalion', 'battalions', 'front', 'group', 'council', 'committee',
  'ministry', 'office', 'cell', 'unit', 'units', 'bank', 'company', 'agency', 'directorate', 'department', 'party', 'movement',
  'organization', 'organisation', 'foundation', 'association', 'union', 'network', 'exchange', 'authority', 'police', 'guard',
  'guards', 'service', 'services', 'court', 'commission', 'university', 'institute', 'center', 'centre', 'corporation', 'ltd',
  'inc', 'llc', 'trading', 'caliphate', 'legion', 'regiment', 'division', 'corps', 'coalition', 'mission', 'bureau', 'emirate',
  'media', 'press', 'news', 'times', 'post', 'monitor', 'observatory', 'hawala', 'transport', 'transfers',
]);

/** First words that make an organisation ("Liwa al-…", "Jaysh al-…", "Ministry of …"). */
export const orgLeaders = new Set(['liwa', 'jaysh', 'jaish', 'jabhat', 'harakat', 'kataib', 'katibat', 'ansar', 'ministry', 'bank']);

/** Lower-case words that, right before a capitalised name, say it is a person. */
export const personRoles = new Set([
  'spokesman', 'spokeswoman', 'spokesperson', 'commander', 'leader', 'emir', 'amir', 'brother', 'sister', 'son', 'daughter',
  'wife', 'husband', 'father', 'mother', 'cousin', 'uncle', 'nephew', 'deputy', 'chief', 'official', 'courier', 'smuggler',
  'exchanger', 'member', 'fighter', 'militant', 'analyst', 'minister', 'general', 'colonel', 'sheikh', 'judge', 'preacher',
  'cleric', 'financier', 'treasurer', 'recruiter', 'driver', 'bodyguard', 'aide', 'lieutenant', 'officer', 'governor',
  'mayor', 'journalist', 'reporter', 'activist', 'witness', 'resident', 'defector', 'detainee', 'suspect', 'mr', 'mrs', 'dr',
  'operator', 'owner', 'organiser', 'organizer', 'facilitator', 'manager', 'accountant', 'guide', 'named', 'alias', 'aka',
]);

/** Titles written capitalised as part of a name ("Sheikh …", "Colonel …"). */
export const personTitles = new Set([
  'mr', 'mrs', 'ms', 'dr', 'sheikh', 'shaykh', 'sheik', 'colonel', 'col', 'general', 'gen', 'captain', 'capt', 'major', 'maj',
  'lieutenant', 'lt', 'sergeant', 'sgt', 'commander', 'emir', 'amir', 'mullah', 'imam', 'haji', 'hajji', 'judge', 'minister',
  'spokesman', 'president', 'prince', 'king',
]);

/** Kunya and nasab words: a capitalised sequence holding one is a person's name. */
export const nameParticles = new Set(['abu', 'abou', 'abo', 'umm', 'um', 'bin', 'ibn', 'bint', 'ben']);

export const givenNames = new Set([
  'muhammad', 'mohammed', 'mohammad', 'mohamed', 'mohamad', 'muhammed', 'mehmet', 'ahmad', 'ahmed', 'ahmet', 'mahmoud', 'mahmud',
  'ali', 'omar', 'umar', 'othman', 'uthman', 'osman', 'hassan', 'hasan', 'hussein', 'husayn', 'hussain', 'husain', 'khalid',
  'khaled', 'halid', 'ibrahim', 'ebrahim', 'yusuf', 'youssef', 'yousef', 'yousif', 'abdullah', 'abdallah', 'abdulrahman',
  'abdelrahman', 'abdurrahman', 'abdulaziz', 'abdelaziz', 'abdulkarim', 'abdelkarim', 'abd', 'abdul', 'abdel', 'mustafa',
  'moustafa', 'mostafa', 'saleh', 'salih', 'salah', 'hamza', 'hamzah', 'bilal', 'tariq', 'tarek', 'tarik', 'walid', 'waleed',
  'faisal', 'faysal', 'fadel', 'fadil', 'jamal', 'gamal', 'karim', 'kareem', 'nasser', 'nasir', 'nasr', 'rashid', 'rashed',
  'said', 'saeed', 'sayid', 'samir', 'sameer', 'talal', 'tamer', 'yasin', 'yassin', 'yaseen', 'ziad', 'ziyad', 'zaid', 'zayd',
  'anas', 'amer', 'amir', 'ammar', 'anwar', 'ayman', 'bashar', 'bakr', 'fares', 'faris', 'ghassan', 'haidar', 'haydar', 'hamid',
  'hamed', 'hani', 'hisham', 'imad', 'emad', 'issa', 'isa', 'jaber', 'jabir', 'jafar', 'kamal', 'khalil', 'majid', 'maher',
  'marwan', 'mazen', 'mounir', 'munir', 'nabil', 'nadim', 'naji', 'omran', 'imran', 'qasim', 'qassem', 'kassem', 'raed',
  'rami', 'riad', 'riyad', 'sami', 'shadi', 'sultan', 'suleiman', 'sulayman', 'taha', 'wael', 'wail', 'yahya', 'younes',
  'yunus', 'yunis', 'zakaria', 'zakariya', 'aisha', 'ayesha', 'fatima', 'fatma', 'khadija', 'maryam', 'mariam', 'zainab',
  'zaynab', 'layla', 'leila', 'huda', 'noor', 'nour', 'rania', 'samira', 'amina', 'asma', 'hana', 'hanan', 'salma', 'sara',
  'mehmed', 'murat', 'serkan', 'emre', 'kemal', 'baran', 'dilan', 'rojda', 'azad', 'shiar', 'shervan', 'rezan', 'hevin',
]);

/** Capitalised words that begin sentences or headings but never start a name. */
export const notNames = new Set([
  'the', 'a', 'an', 'in', 'on', 'at', 'by', 'for', 'from', 'to', 'with', 'after', 'before', 'during', 'when', 'while', 'this',
  'that', 'these', 'those', 'his', 'her', 'their', 'its', 'our', 'we', 'he', 'she', 'they', 'it', 'i', 'but', 'and', 'or', 'if',
  'according', 'as', 'of', 'since', 'some', 'many', 'most', 'all', 'one', 'two', 'three', 'several', 'there', 'here', 'what',
  'who', 'why', 'how', 'where', 'however', 'meanwhile', 'also', 'both', 'each', 'other', 'another', 'such', 'no', 'not', 'yes',
  'local', 'sources', 'source', 'officials', 'residents', 'reports', 'report', 'note', 'notes', 'subject', 'date', 'analyst',
  'classification', 'sample', 'fictional', 'contact', 'mobile', 'call', 'log', 'outgoing', 'incoming', 'missed', 'read', 'more',
  'author', 'posted', 'permalink', 'summary', 'assessment', 'background', 'comment', 'update', 'breaking', 'exclusive', 'home',
  'about', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march',
  'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'today', 'yesterday', 'tomorrow',
  'last', 'next', 'first', 'second', 'third', 'new', 'former', 'senior', 'western', 'eastern', 'northern', 'southern', 'islamic',
  'arab', 'kurdish', 'syrian', 'iraqi', 'turkish', 'american', 'european', 'passport', 'phone', 'tel', 'email', 'usd', 'eur',
  'through', 'across', 'against', 'between', 'among', 'under', 'over', 'without', 'within', 'near', 'via', 'into', 'onto',
  'towards', 'toward', 'outside', 'inside', 'despite', 'although', 'because', 'then', 'now', 'once', 'only', 'even', 'still',
  'arabic', 'english', 'french', 'german', 'persian', 'farsi', 'russian', 'dutch', 'belgian',
]);

/**
 * Lower-case words that may sit inside a name; "the" only straight after "of" ("Brigade of the Black Banner").
 * Article spellings that are also English words ("as", "an", "at") are left out: "Syria as Abu …" is two names.
 */
export const nameConnectors = new Set(['al', 'el', 'ez', 'az', 'ad', 'ud', 'ul', 'ash', 'adh', 'ath', 'bin', 'ibn', 'bint', 'abu', 'of', 'de', 'la', 'van', 'von', 'du', 'da']);

/**
 * Words for a role, a field or a kind of thing: standing alone they are nobody and nowhere in particular, however the
 * line capitalises them ("CALLER:", "RECEIVER:" in a call transcript, "Date | Payer | Payee | Amount" over a ledger).
 */
export const genericWords = new Set([
  'caller', 'receiver', 'speaker', 'sender', 'recipient', 'interviewer', 'interviewee', 'translator', 'payer', 'payee',
  'amount', 'total', 'balance', 'sum', 'remarks', 'signature', 'name', 'place', 'time', 'location', 'unknown', 'male',
  'female', 'president', 'court', 'city', 'town', 'village', 'province', 'country', 'border', 'headquarters', 'office',
]);
