/**
 * Mainland numbers in one canonical form: digits only, without +86 / 0086,
 * so "+86 138-0013-8000" and "13800138000" are the same requester.
 */
export function normalizePhone(raw: string): string {
  const digits = raw.replace(/\D/g, '')
  return digits.replace(/^(?:0086|86)(?=1\d{10}$)/, '')
}

/** 138****5678; short numbers keep only their last two digits. */
export function maskPhone(phone: string): string {
  if (phone.length >= 7) return `${phone.slice(0, 3)}****${phone.slice(-4)}`
  return `${'*'.repeat(Math.max(phone.length - 2, 0))}${phone.slice(-2)}`
}
