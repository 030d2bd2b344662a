/**
 * Splits a textarea or comma-separated form value into trimmed, non-empty
 * entries (`'a@x.cn, b@x.cn\nc@x.cn'` → three entries). Arrays pass through.
 */
export function splitList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String)
  if (typeof value !== 'string') return []
  return value
    .split(/[\s,，;；]+/)
    .map((entry) => entry.trim())
    .filter(Boolean)
}

/** An optional numeric form field: '' or missing becomes null. */
export function optionalId(value: unknown): number | null {
  return value === undefined || value === null || value === '' ? null : Number(value)
}
