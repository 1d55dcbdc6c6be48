// Which of an entry's fields differ between two versions of it: what an import would change, what an edit changed.

/** The fields a person or a list sets; ids, times and the version are the store's. */
const contentFields = ['list', 'ref', 'name', 'aliases', 'weakAliases', 'birthDates', 'nationalities', 'gender', 'documents', 'notes', 'evidence', 'status'] as const;
type ContentField = (typeof contentFields)[number];

// Absent and empty mean the same for the optional lists, and absent status means active (records.ts).
const normalised = (entry: Partial<Record<ContentField, unknown>>, field: ContentField): string =>
  JSON.stringify(entry[field] ?? (field === 'weakAliases' ? [] : field === 'status' ? 'active' : null));

export function changedFields(before: Partial<Record<ContentField, unknown>>, after: Partial<Record<ContentField, unknown>>): string[] {
  return contentFields.filter((field) => normalised(before, field) !== normalised(after, field));
}
