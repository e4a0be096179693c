/** An item of an åtgärdsplan as a revision records it. */
export interface PlanItem {
  /** Stays the same across revisions, so that revisions can be compared. */
  key: string;
  title: string;
  responsible?: string | null;
  focusAreaCode?: string | null;
}

/** What one revision added, changed and removed compared with the one before. */
export function diffRevisions(before: readonly PlanItem[], after: readonly PlanItem[]) {
  const old = new Map(before.map((item) => [item.key, item]));
  const now = new Map(after.map((item) => [item.key, item]));
  const fields = ['title', 'responsible', 'focusAreaCode'] as const;
  return {
    added: after.filter((item) => !old.has(item.key)),
    removed: before.filter((item) => !now.has(item.key)),
    changed: after.flatMap((item) => {
      const previous = old.get(item.key);
      if (!previous) return [];
      const differing = fields.filter((field) => (previous[field] ?? null) !== (item[field] ?? null));
      return differing.length ? [{ key: item.key, before: previous, after: item, fields: [...differing] }] : [];
    }),
  };
}
