import type pg from 'pg'
import { ASKS, GIVEN, PLACES, SURNAMES, TOPICS, phoneNumber } from './chinese_text.js'
import { allRows } from './database.js'
import { mulberry32, pick } from './report.js'

/** The body of POST /api/v1/tickets/hotline (app/validators/intake.ts). */
export interface HotlinePayload {
  kind: string
  urgency?: 'normal' | 'urgent'
  categoryId?: number | null
  title?: string | null
  content: string
  address?: string | null
  areaDepartmentId?: number | null
  requesterName?: string | null
  requesterPhone?: string | null
  confidential?: boolean
  callId?: string | null
  callerNumber?: string | null
  /** 受理即转办: routed at intake, as an operator does while the caller waits */
  dispatch?: { leadDepartmentId: number }
}

const DETAILS = [
  '来电人表示已向社区反映过，目前没有结果。',
  '来电人情绪较激动，称问题已持续较长时间。',
  '来电人要求保密个人信息。',
  '来电人称周边多户居民有同样诉求。',
  '',
  '',
]

/**
 * `count` varied hotline calls: topic, place, building and unit, caller and
 * number all vary; a third come without a title (the first sentence stands
 * in), some without a category, a few urgent. Category and district ids are
 * the seeded ones, looked up by code; each is dispatched at intake to a
 * working department (受理即转办).
 */
export async function hotlinePayloads(db: pg.Pool, count: number): Promise<HotlinePayload[]> {
  const categories = new Map<string, number>()
  for (const row of await allRows(db, 'SELECT id, code FROM categories')) {
    categories.set(row.code, row.id)
  }
  const departments = new Map<string, number>()
  const working: number[] = []
  for (const row of await allRows(db, 'SELECT id, code FROM departments ORDER BY id')) {
    departments.set(row.code, row.id)
    if (!String(row.code).endsWith('-12345')) working.push(row.id)
  }
  const random = mulberry32(20_240_612)
  return Array.from({ length: count }, (_, i) => {
    const topic = pick(random, TOPICS)
    const where = pick(random, PLACES)
    const building = `${1 + Math.floor(random() * 28)}栋${1 + Math.floor(random() * 4)}单元`
    const phone = phoneNumber(random)
    const content =
      `${where.place}${building}${pick(random, topic.bodies)}。${pick(random, DETAILS)}` +
      pick(random, ASKS)
    const name = `${SURNAMES[Math.floor(random() * SURNAMES.length)]}${random() < 0.5 ? '先生' : '女士'}`
    return {
      kind: topic.kind,
      urgency: random() < 0.05 ? 'urgent' : 'normal',
      categoryId: random() < 0.8 ? (categories.get(topic.category) ?? null) : null,
      title: random() < 0.66 ? pick(random, topic.titles) : null,
      content,
      address: `${where.place}${building}`,
      areaDepartmentId: random() < 0.9 ? (departments.get(where.district) ?? null) : null,
      requesterName: random() < 0.85 ? name : `${name[0]}${pick(random, GIVEN)}`,
      requesterPhone: random() < 0.9 ? phone : null,
      confidential: random() < 0.05,
      callId: `CALL-${(1_000_000 + i).toString(36)}-${Math.floor(random() * 1e9).toString(36)}`,
      callerNumber: random() < 0.7 ? phone : phoneNumber(random),
      dispatch: { leadDepartmentId: pick(random, working) },
    }
  })
}
