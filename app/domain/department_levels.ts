/**
 * Administrative levels of 承办单位, from the top: 省 → 州市 → 县区 → 街道/乡镇.
 * A department sits under a parent of the same level (a bureau of that
 * government, e.g. 市公安局 under 市人民政府) or exactly one level up (a
 * district under its city).
 */
export const DEPARTMENT_LEVELS = ['province', 'city', 'district', 'street'] as const

export type DepartmentLevel = (typeof DEPARTMENT_LEVELS)[number]

export function levelRank(level: DepartmentLevel): number {
  return DEPARTMENT_LEVELS.indexOf(level)
}

/**
 * Whether `child` may sit under `parent`.
 * @example canNest('city', 'district') // true; canNest('province', 'street') // false
 */
export function canNest(parent: DepartmentLevel, child: DepartmentLevel): boolean {
  const step = levelRank(child) - levelRank(parent)
  return step === 0 || step === 1
}
